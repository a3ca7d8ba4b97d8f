package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A language version the project or the base image cannot honour, from a flag, .dockergen.yaml or an answer: a
 * build that cannot work is refused (exit 2, naming where the version came from; re-asked at the prompt), one that
 * may not work is a warning on stderr and in the JSON report, said before anything is written.
 */
class VersionFitTest {
    @TempDir
    Path tmp;

    private Path go() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("go-app"));
        Files.writeString(dir.resolve("go.mod"), "module example.com/app\n\ngo 1.23.0\n");
        Files.writeString(dir.resolve("main.go"), "package main\n\nimport \"net/http\"\n\nfunc main() {\n"
                + "\thttp.ListenAndServe(\":8080\", nil)\n}\n");
        return dir;
    }

    private Path node() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("node-app"));
        Files.writeString(dir.resolve("package.json"), "{\n  \"name\": \"api\",\n  \"version\": \"1.0.0\",\n  \"engines\": {\n"
                + "    \"node\": \">=20\"\n  },\n  \"scripts\": { \"start\": \"node server.js\" }\n}\n");
        Files.writeString(dir.resolve("package-lock.json"), "{}\n");
        Files.writeString(dir.resolve("server.js"), "require('http').createServer((q, s) => s.end('hi')).listen(3000);\n");
        return dir;
    }

    @Test
    void goBelowTheGoDirectiveIsRefusedNamingTheFlagAndTheDirective() throws IOException {
        Path dir = go();
        CliRunner.Result r = CliRunner.run("init", "--language-version", "1.20", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("dockergen: --language-version 1.20: Go 1.20 is older than the go directive 1.23.0 (go.mod:3), which "
                + "Go enforces as a minimum: the build would stop with 'go.mod requires go >= 1.23.0'; use Go 1.23.0 or "
                + "newer, or lower the directive\n", r.err());
        assertFalse(Files.exists(dir.resolve("Dockerfile")));
        assertEquals(0, CliRunner.run("init", "--dry-run", "--language-version", "1.23", dir.toString()).code());
    }

    @Test
    void aVersionFromDockergenYamlIsRefusedNamingTheFile() throws IOException {
        Path dir = go();
        Files.writeString(dir.resolve(".dockergen.yaml"), "apiVersion: dockergen/v1\nkind: ProjectConfig\n"
                + "preset: go-distroless\nlanguageVersion: \"1.21\"\n");
        CliRunner.Result r = CliRunner.run("init", "--yes", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("dockergen: " + dir.resolve(".dockergen.yaml") + ": languageVersion 1.21: Go 1.21 is "
                + "older than the go directive 1.23.0 (go.mod:3)"), r.err());
    }

    @Test
    void nodeOutsideEnginesIsWarnedBeforeWritingInTextAndJson() throws IOException {
        Path dir = node();
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        // the existing Dockerfile stops the write (exit 5): the warning came before that
        CliRunner.Result text = CliRunner.run("init", "--language-version", "18", "--final", "alpine", dir.toString());
        assertEquals(5, text.code(), text.err());
        assertTrue(text.err().startsWith("warning: package.json:5: Node 18 is outside engines.node '>=20': npm only warns "
                + "(EBADENGINE) and the program may need what Node 18 lacks; choose a version the range allows, or widen "
                + "the range\n"), text.err());
        assertEquals("FROM scratch\n", Files.readString(dir.resolve("Dockerfile")));

        CliRunner.Result json = CliRunner.run("init", "--format", "json", "--dry-run", "--language-version", "18",
                dir.toString());
        assertEquals(0, json.code(), json.err());
        JsonNode warnings = new ObjectMapper().readTree(json.out()).path("warnings");
        assertEquals(1, warnings.size(), json.out());
        assertTrue(warnings.get(0).asText().startsWith("package.json:5: Node 18 is outside engines.node '>=20'"), json.out());

        CliRunner.Result inRange = CliRunner.run("init", "--dry-run", "--language-version", "22", dir.toString());
        assertFalse(inRange.err().contains("engines"), inRange.err());
    }

    @Test
    void anOddNodeOnDistrolessAndPythonTheDistrolessBaseLacksAreRefused() {
        CliRunner.Result odd = CliRunner.run("init", "--dry-run", "--language-version", "23",
                Fixtures.ROOT.resolve("node/express-npm").toString());
        assertEquals(2, odd.code(), odd.err());
        assertTrue(odd.err().contains("--language-version 23: Node 23 has no distroless image"), odd.err());

        String py = Fixtures.ROOT.resolve("python/fastapi-nolock").toString();
        CliRunner.Result distroless = CliRunner.run("init", "--dry-run", "--language-version", "3.12", py);
        assertEquals(2, distroless.code(), distroless.err());
        assertEquals("dockergen: --language-version 3.12: Python 3.12 is not in python-distroless: python3-debian13 has "
                + "Debian 13's Python 3.13 only; use 3.13, or --final alpine for Python 3.12\n", distroless.err());
        assertEquals(0, CliRunner.run("init", "--dry-run", "--final", "alpine", "--language-version", "3.12", py).code());

        CliRunner.Result below = CliRunner.run("init", "--dry-run", "--final", "alpine", "--language-version", "3.10", py);
        assertEquals(0, below.code(), below.err());
        assertTrue(below.err().contains("warning: pyproject.toml:6: Python 3.10 is outside requires-python '>=3.11'"),
                below.err());
    }

    @Test
    void javaBelowTheReleaseTheBuildCompilesForIsRefused() {
        CliRunner.Result r = CliRunner.run("init", "--dry-run", "--language-version", "17",
                Fixtures.ROOT.resolve("java/plain-shade-maven").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("Java 17 is older than the release the build compiles for, 21 (pom.xml:"), r.err());
        assertTrue(r.err().contains("javac stops with 'release version 21 not supported'"), r.err());
    }

    @Test
    void atThePromptARefusedVersionIsAskedAgainAndAWarnedOneIsSaidOnce() throws IOException {
        // final stage, go version (refused, then 1.24), start command, port
        CliRunner.Result go = CliRunner.runAtTerminal("\n1.20\n1.24\n\n\n", Map.of(), "init", "--dry-run", go().toString());
        assertEquals(0, go.code(), go.err());
        assertTrue(go.err().contains("  Go 1.20 is older than the go directive 1.23.0 (go.mod:3), which Go enforces as a "
                + "minimum"), go.err());
        assertTrue(go.out().contains("ARG GO_VERSION=1.24\n"), go.out());

        // final stage, node version 18 (warned), start command, port
        CliRunner.Result node = CliRunner.runAtTerminal("alpine\n18\n\n\n", Map.of(), "init", "--dry-run", node().toString());
        assertEquals(0, node.code(), node.err());
        String warning = "warning: package.json:5: Node 18 is outside engines.node '>=20'";
        int first = node.err().indexOf(warning);
        assertTrue(first > 0 && node.err().indexOf("? Start command") > first, node.err());
        assertEquals(first, node.err().lastIndexOf(warning), "said once: " + node.err());
        assertTrue(node.out().contains("ARG NODE_VERSION=18\n"), node.out());
    }
}
