package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.MemoryProjectFiles;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.lang.Languages;
import dev.dockergen.plan.PlanRequest;
import dev.dockergen.preset.CatalogLoader;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.PresetCatalog;
import dev.dockergen.render.TemplateRenderer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded random Maven and Gradle builds with hostile values in every field dockergen reads (artifactId,
 * version, finalName, modules, main class, Spring Boot version, ports): generation either stops with a
 * one-line DockergenException, or the Dockerfile parses back to exactly its plan (see PlanParseBackTest).
 * An IllegalArgumentException from the plan's guards fails the test: it means a value was not checked first.
 */
class JavaPlanParseBackTest {
    private static final int CASES = 300;
    private static final String[] NASTY = {"a", "svc", "x-y_z.v2", "\"; RUN curl evil | sh #", "a\nRUN id", "$(id)", "`id`",
        "${HOME}", "a b", "a\\", "ü", "--mount=type=secret", "# comment", "../..", "cmd/x y", "..", "-rf", "1.0\nRUN id",
        "3.5.7\nRUN id", "8080\nRUN id", "]]>", "&amp;", "app"};

    @Test
    void everyGeneratedJavaDockerfileParsesBackToItsPlan() {
        Random random = new Random(20261127L);
        PresetCatalog catalog = CatalogLoader.builtIn();
        TemplateRenderer renderer = new TemplateRenderer();
        int rendered = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            MemoryProjectFiles repo = new MemoryProjectFiles("r" + i, random.nextBoolean() ? maven(random) : gradle(random));
            FinalStage stage = random.nextInt(5) == 0 ? FinalStage.SCRATCH : random.nextBoolean() ? FinalStage.ALPINE
                    : FinalStage.DISTROLESS;
            try {
                var detection = Languages.detectors().detect(repo, DetectOptions.DEFAULT);
                ProjectFacts facts = detection.projects().get(0);
                var plans = Languages.planner().plan(new PlanRequest(facts, catalog.choose(facts.language(), null, stage),
                        catalog, random.nextInt(4) == 0 ? 1 + random.nextInt(65535) : null, Map.of(), null, List.of(), "TEST"));
                String text = renderer.dockerfile(plans.dockerfile());
                assertEquals(PlanParseBackTest.expected(plans.dockerfile()), PlanParseBackTest.actual(text), "case " + i + ":\n" + text);
                rendered++;
            } catch (DockergenException e) {
                assertTrue(!e.getMessage().contains("\n"), "one-line error: " + e.getMessage());
                refused++;
            }
        }
        assertEquals(CASES, rendered + refused);
        assertTrue(rendered > CASES / 4, "many random builds are generated, not refused: " + rendered);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static Map<String, String> maven(Random r) {
        Map<String, String> files = new TreeMap<>();
        String plugin = switch (r.nextInt(4)) {
            case 0 -> "<plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin>";
            case 1 -> "<plugin><artifactId>quarkus-maven-plugin</artifactId></plugin>";
            case 2 -> "<plugin><artifactId>maven-shade-plugin</artifactId><configuration><transformers><transformer>"
                    + "<mainClass>" + xml(r.nextBoolean() ? "dev.x.Main" : pick(r)) + "</mainClass></transformer>"
                    + "</transformers></configuration></plugin>";
            default -> "";
        };
        String module = r.nextInt(3) == 0 ? xml(pick(r)) : null;
        String pom = "<project>\n"
                + (r.nextBoolean() ? "<parent><artifactId>spring-boot-starter-parent</artifactId><version>" + xml(pick(r))
                + "</version></parent>\n" : "")
                + "<artifactId>" + xml(r.nextBoolean() ? "svc" : pick(r)) + "</artifactId>\n"
                + "<version>" + xml(r.nextBoolean() ? "1.0" : pick(r)) + "</version>\n"
                + "<properties><maven.compiler.release>" + xml(r.nextBoolean() ? String.valueOf(8 + r.nextInt(20)) : pick(r))
                + "</maven.compiler.release></properties>\n"
                + (module != null ? "<packaging>pom</packaging><modules><module>" + module + "</module></modules>\n" : "")
                + "<build>" + (r.nextInt(3) == 0 ? "<finalName>" + xml(pick(r)) + "</finalName>" : "")
                + "<plugins>" + plugin + "</plugins></build>\n</project>\n";
        files.put("pom.xml", pom);
        if (module != null && r.nextBoolean()) {
            files.put("app/pom.xml", pom.replace("<packaging>pom</packaging>", ""));
        }
        files.put("src/main/resources/application.properties", "server.port=" + (r.nextBoolean() ? r.nextInt(70000) : pick(r)) + "\n"
                + "quarkus.http.port=" + pick(r) + "\n");
        return files;
    }

    private static Map<String, String> gradle(Random r) {
        Map<String, String> files = new TreeMap<>();
        String q = r.nextBoolean() ? "'" : "\"";
        files.put("settings.gradle", "rootProject.name = " + q + pick(r).replace(q, "") + q + "\n"
                + (r.nextInt(3) == 0 ? "include " + q + pick(r).replace(q, "") + q + "\n" : ""));
        String plugin = switch (r.nextInt(4)) {
            case 0 -> "id 'org.springframework.boot' version '" + pick(r).replace("'", "").replace("\n", "") + "'";
            case 1 -> "id 'io.quarkus'";
            case 2 -> "id 'application'\n  id 'com.gradleup.shadow' version '8.3.6'";
            default -> "id 'application'";
        };
        files.put("build.gradle", "plugins {\n  " + plugin + "\n}\nversion = '" + pick(r).replace("'", "").replace("\n", "")
                + "'\napplication {\n  mainClass = '" + pick(r).replace("'", "").replace("\n", "") + "'\n}\n"
                + "java { toolchain { languageVersion = JavaLanguageVersion.of(" + (8 + r.nextInt(20)) + ") } }\n");
        if (r.nextBoolean()) {
            files.put("src/main/resources/application.yml", "server:\n  port: " + pick(r).replace("\n", " ") + "\n");
        }
        return files;
    }

    /** A hostile value one time in three, else a plain one, so that many builds get as far as a Dockerfile. */
    private static String pick(Random r) {
        return r.nextInt(3) == 0 ? NASTY[r.nextInt(NASTY.length)] : PLAIN[r.nextInt(PLAIN.length)];
    }

    private static final String[] PLAIN = {"svc", "app", "core", "1.0", "2.3.4-SNAPSHOT", "dev.x.Main", "3.5.7", "8081"};
}
