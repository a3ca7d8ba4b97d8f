package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.preset.FinalStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the case catalogue's approvals cannot say: a fixture generated with options (a language version, a
 * module, a port), determinism, the default presets, and refusals for finals no preset of the language has.
 */
public class GenerationTest {
    static GenerationResult generate(String language, String fixture, FinalStage stage) {
        return generate(language, fixture, stage, DetectOptions.DEFAULT, null);
    }

    static GenerationResult generate(String language, String fixture, FinalStage stage, DetectOptions options,
                                     String languageVersion) {
        return Fixtures.dockergen().generate(new GenerateRequest(
                new DirectoryProjectFiles(Fixtures.ROOT.resolve(language).resolve(fixture), fixture),
                options, null, stage, null, Map.of(), languageVersion, List.of()));
    }

    static GenerationResult generate(String fixture, FinalStage stage, DetectOptions options, String languageVersion) {
        return generate("java", fixture, stage, options, languageVersion);
    }

    /** An old Dockerfile that copies a jar built outside the image: the new file builds it, so that copy is not carried. */
    @Test
    void aBuildOutputTheOldFileCopiedIsNotCarriedButItsConfigIs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path src = Fixtures.ROOT.resolve("java").resolve("spring-boot-maven");
        try (var walk = java.nio.file.Files.walk(src)) {
            for (java.nio.file.Path f : walk.toList()) {
                java.nio.file.Path to = tmp.resolve(src.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(to);
                } else {
                    java.nio.file.Files.copy(f, to);
                }
            }
        }
        java.nio.file.Files.createDirectories(tmp.resolve("config"));
        java.nio.file.Files.writeString(tmp.resolve("config/extra.yml"), "greeting: hi\n");
        java.nio.file.Files.writeString(tmp.resolve("Dockerfile"), "FROM eclipse-temurin:21-jre\n"
                + "COPY target/app-*.jar /app.jar\nCOPY config/ /config/\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n");
        String dockerfile = Fixtures.dockergen().generate(new GenerateRequest(new DirectoryProjectFiles(tmp, "app"),
                DetectOptions.DEFAULT, null, FinalStage.ALPINE, null, Map.of(), null, List.of())).files().get(0).content();
        assertTrue(dockerfile.contains("config/"), dockerfile);
        assertTrue(!dockerfile.contains("COPY target/app-*.jar"), dockerfile);
    }

    @Test
    void generationIsDeterministic() {
        for (Cases.Case c : Cases.all()) {
            var first = c.generated();
            assertEquals(first, c.generated(), c.id());
        }
    }

    @Test
    void defaultPresetForGoIsDistroless() {
        GenerationResult result = Fixtures.dockergen().generate(new GenerateRequest(Fixtures.goFiles("nethttp-root"),
                DetectOptions.DEFAULT, null, null, null));
        assertEquals("go-distroless", result.preset().name());
        assertTrue(result.files().get(0).content().contains("FROM gcr.io/distroless/static-debian13:nonroot AS runtime"));
    }

    /** Without --final, a static site gets the first preset that can serve it, not the refusing default. */
    @Test
    void aStaticSiteWithoutAFinalGetsAPresetThatServesIt() {
        for (String site : List.of("vite-spa", "angular-spa", "cra-app", "vue-cli-app")) {
            GenerationResult r = generate("node", site, null);
            assertEquals("node-alpine", r.preset().name(), site);
            assertTrue(r.files().get(0).content().contains("\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n"), site);
        }
        assertEquals("node-distroless", generate("node", "express-npm", null).preset().name());
    }

    /** --final distroless serves a static site with serve on the Node runtime, as nonroot (ADR 0013 amendment). */
    @Test
    void aStaticSiteOnDistrolessIsServedByServe() {
        String dockerfile = generate("node", "vite-spa", FinalStage.DISTROLESS).files().get(0).content();
        assertTrue(dockerfile.contains("FROM gcr.io/distroless/nodejs${NODE_VERSION}-debian13:nonroot AS runtime"), dockerfile);
        assertTrue(dockerfile.contains("\"serve@${SERVE_VERSION}\""), dockerfile);
        assertTrue(dockerfile.contains("\nUSER 65532:65532\n"), dockerfile);
        assertTrue(dockerfile.contains("CMD [\"/opt/serve/node_modules/serve/build/main.js\", \"--listen\", \"8080\""), dockerfile);
    }

    @Test
    void scratchIsRefusedForNode() {
        DockergenException e = assertThrows(DockergenException.class,
                () -> generate("node", "express-npm", FinalStage.SCRATCH));
        assertTrue(e.getMessage().startsWith("no node preset with a scratch final stage"), e.getMessage());
    }

    @Test
    void scratchIsRefusedForPython() {
        DockergenException e = assertThrows(DockergenException.class,
                () -> generate("python", "flask-pip", FinalStage.SCRATCH));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("no python preset with a scratch final stage"), e.getMessage());
        assertTrue(e.getMessage().contains("python-distroless, python-alpine"), e.getMessage());
    }

    @Test
    void theUvWorkspaceRootAloneAsksForAMember() {
        DockergenException e = assertThrows(DockergenException.class,
                () -> generate("python", "uv-workspace", FinalStage.ALPINE));
        assertTrue(e.getMessage().contains("packages/api (python), packages/jobs (python)"), e.getMessage());
    }

    @Test
    void scratchIsRefusedForJavaWithTheReasonAndTheAlternatives() {
        DockergenException e = assertThrows(DockergenException.class,
                () -> generate("java", "plain-shade-maven", FinalStage.SCRATCH));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("scratch cannot run Java: a Java program needs a JVM and its C library, which scratch lacks "
                + "(dockergen does not build jlink runtimes yet); use java-distroless or java-alpine "
                + "(--final distroless or --final alpine)", e.getMessage());
    }

    @Test
    void anOlderJdkRunsOnTheNearestPublishedDistrolessOne() {
        // quarkus-maven compiles for release 17, so JDK 17 builds it (plain-shade-maven's 21 would be refused)
        GenerationResult r = generate("quarkus-maven", FinalStage.DISTROLESS, DetectOptions.DEFAULT, "11");
        String dockerfile = r.files().get(0).content();
        assertTrue(dockerfile.contains("ARG JAVA_VERSION=17\n"), dockerfile);
        assertTrue(dockerfile.contains("# Java 17: the build asks for 11 (chosen with --language-version); "
                + "gcr.io/distroless/java<java>-debian13:nonroot is published for 17, 21, 25, so the nearest newer one"), dockerfile);
    }

    @Test
    void aJdkNewerThanEveryDistrolessImageIsRefused() {
        DockergenException e = assertThrows(DockergenException.class,
                () -> generate("plain-shade-maven", FinalStage.DISTROLESS, DetectOptions.DEFAULT, "26"));
        assertTrue(e.getMessage().startsWith("Java 26 (chosen with --language-version) has no "
                + "gcr.io/distroless/java<java>-debian13:nonroot image: it is published for 17, 21, 25"), e.getMessage());
    }

    @Test
    void theGradleSpringBootJarIsTheExecutableOneNeverThePlainJar() {
        String dockerfile = generate("java", "spring-boot-gradle-kts", FinalStage.DISTROLESS).files().get(0).content();
        assertTrue(dockerfile.contains("-jar build/libs/inventory-0.1.0.jar extract --layers --launcher"), dockerfile);
        assertFalse(dockerfile.contains("layertools"), dockerfile);
        assertTrue(dockerfile.contains("RUN --mount=type=cache,target=/root/.gradle \\\n    sh ./gradlew --no-daemon dependencies\n"),
                dockerfile);
    }

    @Test
    void projectPicksTheModuleAndTheBuildStillRunsFromTheRoot() {
        GenerationResult r = generate("multi-module-maven", FinalStage.ALPINE, new DetectOptions("app", null), null);
        assertEquals(".", r.project().path());
        String dockerfile = r.files().get(0).content();
        assertTrue(dockerfile.contains("COPY app/pom.xml app/\nCOPY lib/pom.xml lib/\n") || dockerfile.contains(
                "COPY lib/pom.xml lib/\nCOPY app/pom.xml app/\n"), dockerfile);
        assertTrue(dockerfile.contains("-pl app -am package"), dockerfile);
    }

    @Test
    void aJarNameTheBuildFilesDoNotFixIsPickedByExclusionAndTheBuildFailsOnAnythingButOne() {
        String pom = "<project>\n  <artifactId>svc</artifactId>\n  <version>${revision}</version>\n  <build><plugins>\n"
                + "    <plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin>\n  </plugins></build>\n</project>\n";
        GenerationResult r = Fixtures.dockergen().generate(new GenerateRequest(new dev.dockergen.detect.MemoryProjectFiles("svc",
                Map.of("pom.xml", pom, "src/main/java/Svc.java", "class Svc {}\n")), DetectOptions.DEFAULT, null,
                FinalStage.DISTROLESS, null));
        String dockerfile = r.files().get(0).content();
        assertEquals(List.of(), AuditClean.findings(dockerfile));
        assertTrue(dockerfile.contains("RUN jar=\"$(find target -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' ! -name 'original-*'"
                + " ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-tests.jar')\" \\\n"
                + "    && { [ -f \"$jar\" ] || { echo \"expected one application jar in target, found: $jar\" >&2; exit 1; }; } \\\n"
                + "    && mkdir -p /out && cp \"$jar\" /out/app.jar\n"), dockerfile);
        assertTrue(dockerfile.contains("java -Djarmode=tools -jar /out/app.jar extract --layers --launcher"), dockerfile);
        assertEquals(List.of(), DockerfileContractTest.violations(dockerfile,
                new dev.dockergen.plan.IgnoreMatcher(r.files().get(1).content().lines().toList()), true));
    }

    @Test
    void aPrivilegedPortIsExposedWithAComment() {
        GenerationResult r = Fixtures.dockergen().generate(new GenerateRequest(
                new DirectoryProjectFiles(Fixtures.ROOT.resolve("java").resolve("spring-boot-maven"), "s"),
                DetectOptions.DEFAULT, null, FinalStage.ALPINE, 80));
        String dockerfile = r.files().get(0).content();
        assertTrue(dockerfile.contains("ENV SERVER_PORT=\"80\"\nUSER 10001:10001\n\n# Port 80 is privileged"), dockerfile);
    }
}
