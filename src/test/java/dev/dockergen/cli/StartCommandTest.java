package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start command as the user gives it, at the prompt or with --start: the whole command, shell-quoted,
 * taken exactly (never appended to the detected one), saved as typed in .dockergen.yaml so check agrees.
 */
class StartCommandTest {
    private static final String EXPRESS = Fixtures.ROOT.resolve("node/express-npm").toString();
    private static final String FASTAPI = Fixtures.ROOT.resolve("python/fastapi-uv").toString();

    @TempDir
    Path tmp;

    @Test
    void theTypedCommandIsTheCommandForNode() {
        // final stage, node version: Enter; then the start command; port: Enter
        CliRunner.Result r = CliRunner.runAtTerminal("\n\nnode server.js --verbose\n\n", Map.of(), "init", "--dry-run", EXPRESS);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("? Start command [node server.js] ("), r.err());
        assertTrue(r.out().contains("\nCMD [\"server.js\", \"--verbose\"]\n"), r.out());
    }

    @Test
    void theTypedCommandIsTheCommandForPython() {
        CliRunner.Result r = CliRunner.runAtTerminal("\n\nuvicorn app.main:app --host 0.0.0.0 --port 8000 --workers 2\n\n",
                Map.of(), "init", "--dry-run", FASTAPI);
        assertEquals(0, r.code(), r.err());
        String entrypoint = r.out().lines().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        assertTrue(entrypoint.endsWith("\"uvicorn\", \"app.main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8000\", "
                + "\"--workers\", \"2\"]"), entrypoint);
        assertEquals(1, entrypoint.split("app.main:app", -1).length - 1, entrypoint);
    }

    @Test
    void quotesKeepWordsTogether() {
        CliRunner.Result r = CliRunner.runAtTerminal("\n\nnode server.js --greeting 'hello world' \"a \\\"b\\\"\"\n\n",
                Map.of(), "init", "--dry-run", EXPRESS);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\nCMD [\"server.js\", \"--greeting\", \"hello world\", \"a \\\"b\\\"\"]\n"), r.out());
    }

    @Test
    void aCommandTheImageCannotRunIsAskedAgainWithTheReason() {
        CliRunner.Result r = CliRunner.runAtTerminal("\n\n--verbose\nnode server.js -v\n\n", Map.of(), "init", "--dry-run", EXPRESS);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("  start command '--verbose': the image runs 'node server.js'; give that, then any "
                + "arguments (e.g. 'node server.js --verbose'), or choose another program with --main or --project; "
                + "press Enter for node server.js\n"), r.err());
        assertTrue(r.out().contains("\nCMD [\"server.js\", \"-v\"]\n"), r.out());
    }

    @Test
    void startWorksWithYesAndIsSavedAsTyped() throws IOException {
        Path dir = Fixtures.copyTree(Fixtures.ROOT.resolve("node/express-npm"), tmp.resolve("app"));
        CliRunner.Result r = CliRunner.run("init", "--yes", "--start", "node server.js --name 'my app'", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("Dockerfile")).contains("\nCMD [\"server.js\", \"--name\", \"my app\"]\n"));
        String config = Files.readString(dir.resolve(".dockergen.yaml"));
        assertTrue(config.contains("\nstart: \"node server.js --name 'my app'\"\n"), config);
        assertFalse(config.contains("args:"), config);
        CliRunner.Result check = CliRunner.run("check", dir.toString());
        assertEquals(0, check.code(), check.out() + check.err());
    }

    @Test
    void thePromptAnswerIsSavedAndCheckAgrees() throws IOException {
        Path dir = Fixtures.copyTree(Fixtures.ROOT.resolve("node/express-npm"), tmp.resolve("app"));
        CliRunner.Result r = CliRunner.runAtTerminal("\n\nnode server.js --verbose\n\n", Map.of(), "init", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve(".dockergen.yaml")).contains("\nstart: \"node server.js --verbose\"\n"));
        assertEquals(0, CliRunner.run("check", dir.toString()).code());
    }

    @Test
    void aStartTheImageCannotRunIsAUsageError() {
        CliRunner.Result r = CliRunner.run("init", "--yes", "--dry-run", "--start", "npm start", EXPRESS);
        assertEquals(2, r.code(), r.err());
        assertEquals("dockergen: start command 'npm start': the image runs 'node server.js'; give that, then any arguments "
                + "(e.g. 'node server.js --verbose'), or choose another program with --main or --project\n", r.err());
        CliRunner.Result quote = CliRunner.run("init", "--yes", "--dry-run", "--start", "node 'server.js", EXPRESS);
        assertEquals(2, quote.code(), quote.err());
        assertTrue(quote.err().startsWith("dockergen: --start \"node 'server.js\": the single quote at column 6 is not closed\n"),
                quote.err());
        assertEquals(2, CliRunner.run("init", "--yes", "--dry-run", "--start", "node server.js", "--arg", "-v", EXPRESS).code());
    }
}
