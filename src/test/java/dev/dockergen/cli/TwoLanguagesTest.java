package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.ExitCode;
import dev.dockergen.Fixtures;
import dev.dockergen.ShellWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One folder with projects of two languages (a Go server and an Express app side by side) is never a dead end: the
 * refusal names --language and --all, each suggested command works, a saved language reproduces the choice, and
 * --all writes Dockerfile.LANGUAGE for each with its own ignore file.
 */
class TwoLanguagesTest {
    @TempDir
    Path tmp;

    private Path folder() throws IOException {
        Path dir = Fixtures.copyTree(Fixtures.go("nethttp-root"), tmp.resolve("both"));
        Fixtures.copyTree(Fixtures.ROOT.resolve("node/express-npm"), dir);
        return dir;
    }

    /** The first "--language X" a refusal suggests, run as the user would (init --yes --dry-run, in DIR). */
    private static String suggested(String stderr) {
        Matcher m = Pattern.compile("(--language [a-z]+)").matcher(stderr);
        assertTrue(m.find(), "a --language suggestion: " + stderr);
        return m.group(1);
    }

    @Test
    void theRefusalSuggestsLanguageAndItsCommandWorks() throws IOException {
        Path dir = folder();
        CliRunner.Result plain = CliRunner.run("init", "--yes", "--dry-run", dir.toString());
        assertEquals(ExitCode.NOTHING_DETECTED.code(), plain.code(), plain.err());
        assertTrue(plain.err().contains("several projects (. (go), . (node)); choose one with --language LANG"),
                plain.err());
        assertTrue(plain.err().contains("or use --all"), plain.err());

        List<String> words = ShellWords.split("init --yes --dry-run " + suggested(plain.err()) + " " + dir);
        CliRunner.Result go = CliRunner.run(words.toArray(String[]::new));
        assertEquals(0, go.code(), go.err());
        assertTrue(go.out().contains("go build"), go.out());

        CliRunner.Result project = CliRunner.run("init", "--yes", "--dry-run", "--project", ".", dir.toString());
        assertEquals(ExitCode.NOTHING_DETECTED.code(), project.code(), "--project . alone is still two projects");
        CliRunner.Result node = CliRunner.run("init", "--yes", "--dry-run", "--project", ".", "--language", "node",
                dir.toString());
        assertEquals(0, node.code(), node.err());
        assertTrue(node.out().contains("npm ci"), node.out());
    }

    @Test
    void atATerminalTheLanguageIsTheAnswerAndItIsSaved() throws IOException {
        Path dir = folder();
        CliRunner.Result r = CliRunner.runAtTerminal("node\n\n\n\n\n\n", java.util.Map.of(), "init", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("? Project [go] (apps found: go, node; or all; flag --project and --language, or --all): "),
                r.err());
        assertTrue(Files.readString(dir.resolve("Dockerfile")).contains("npm ci"));
        assertTrue(Files.readString(dir.resolve(".dockergen.yaml")).contains("\nlanguage: node\n"));
        CliRunner.Result check = CliRunner.run("check", dir.toString());
        assertEquals(0, check.code(), check.out() + check.err());
    }

    @Test
    void aSavedLanguageReproducesTheChoice() throws IOException {
        Path dir = folder();
        CliRunner.Result init = CliRunner.run("init", "--yes", "--language", "node", dir.toString());
        assertEquals(0, init.code(), init.err());
        assertTrue(Files.readString(dir.resolve(".dockergen.yaml")).contains("\nlanguage: node\n"));
        assertTrue(Files.readString(dir.resolve("Dockerfile")).contains("npm ci"));
        CliRunner.Result check = CliRunner.run("check", dir.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        CliRunner.Result again = CliRunner.run("init", "--yes", dir.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("unchanged " + dir.resolve("Dockerfile")), again.out());
    }

    @Test
    void allWritesOneDockerfilePerLanguageAndCheckAgrees() throws IOException {
        Path dir = folder();
        CliRunner.Result all = CliRunner.run("init", "--yes", "--all", dir.toString());
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().contains("2 projects: . (go), . (node)"), all.out());
        for (String lang : List.of("go", "node")) {
            String dockerfile = Files.readString(dir.resolve("Dockerfile." + lang));
            assertTrue(dockerfile.contains("docker build -f Dockerfile." + lang + " -t "), dockerfile);
            assertTrue(Files.isRegularFile(dir.resolve("Dockerfile." + lang + ".dockerignore")));
        }
        assertFalse(Files.exists(dir.resolve("Dockerfile")));
        assertFalse(Files.exists(dir.resolve(".dockergen.yaml")), "one folder, two projects: no single set of choices");

        CliRunner.Result check = CliRunner.run("check", "--all", "--format", "json", dir.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        JsonNode json = new ObjectMapper().readTree(check.out());
        assertTrue(json.get("upToDate").asBoolean());
        assertEquals(".", json.get("projects").get(1).get("project").asText());
        assertEquals("node", json.get("projects").get(1).get("language").asText());

        CliRunner.Result onlyGo = CliRunner.run("init", "--yes", "--all", "--dry-run", "--language", "go", dir.toString());
        assertEquals(0, onlyGo.code(), onlyGo.err());
        assertTrue(onlyGo.out().contains("==> " + dir.resolve("Dockerfile") + " <=="), onlyGo.out());
    }

    @Test
    void anUnknownOrAbsentLanguageIsAUsageErrorThatSaysWhatThereIs() throws IOException {
        Path dir = folder();
        CliRunner.Result rust = CliRunner.run("init", "--yes", "--dry-run", "--language", "rust", dir.toString());
        assertEquals(ExitCode.USAGE.code(), rust.code());
        assertTrue(rust.err().contains("--language rust: unknown language; use one of go, node, python, java, c"),
                rust.err());
        CliRunner.Result java = CliRunner.run("init", "--yes", "--dry-run", "--language", "java", dir.toString());
        assertEquals(ExitCode.USAGE.code(), java.code());
        assertTrue(java.err().contains("--language java: no Java project in ")
                && java.err().contains("projects found: . (go), . (node)"), java.err());
        assertEquals("", java.out(), "no partial output");
    }
}
