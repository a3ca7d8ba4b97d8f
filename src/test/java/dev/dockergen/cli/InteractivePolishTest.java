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

/** The questions answer as the flags do: Ctrl-D aborts, case does not matter, "all" and short names work. */
class InteractivePolishTest {
    private static final String SEVERAL = Fixtures.go("several-mains").toString();

    @TempDir
    Path tmp;

    @Test
    void endOfInputAbortsAndWritesNothing() throws IOException {
        Path dir = Fixtures.copyTree(Fixtures.go("nethttp-root"), tmp.resolve("app"));
        CliRunner.Result r = CliRunner.runAtTerminal("\n", Map.of(), "init", dir.toString());
        assertEquals(130, r.code(), r.err());
        assertTrue(r.err().endsWith("dockergen: end of input at 'go version'; nothing was written\n"), r.err());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "only go.mod and main.go");
        }
    }

    @Test
    void answersIgnoreCaseAndAShortProgramNameIsEnough() {
        CliRunner.Result r = CliRunner.runAtTerminal("migrate\nALPINE\n\n\n\n", Map.of(), "init", "--dry-run", SEVERAL);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("-o /out/migrate ./cmd/migrate"), r.out());
        assertTrue(r.out().contains("FROM alpine:3.24 AS runtime\n"), r.out());
    }

    @Test
    void allIsAnAnswerWhereAllIsAFlag() {
        CliRunner.Result r = CliRunner.runAtTerminal("All\n", Map.of(), "init", "--dry-run",
                Fixtures.go("monorepo").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("services/api/Dockerfile <==") && r.out().contains("services/worker/Dockerfile <=="),
                r.out());
    }

    @Test
    void aBadPortSaysWhatAPortIs() {
        CliRunner.Result r = CliRunner.runAtTerminal("cmd/api\n\n\n\n70000\n9000\n", Map.of(), "init", "--dry-run", SEVERAL);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("  '70000' is not a port: give 1 to 65535, or none; press Enter for 8080\n"), r.err());
        assertTrue(r.out().contains("EXPOSE 9000\n"), r.out());
    }

    @Test
    void labelsThePolicyRequiresAreAsked() {
        CliRunner.Result r = CliRunner.runAtTerminal("\n\n\n\n\npayments\n4711\n", Map.of("HOME", "/nonexistent"), "init",
                "--dry-run", "--catalog", Path.of("docs", "examples", "acme", "platform").toString(),
                Fixtures.go("nethttp-root").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("? Label team (required by the organisation policy, "), r.err());
        assertTrue(r.err().contains("  an answer is needed here (or give --label team=VALUE)\n"), r.err());
        assertTrue(r.out().contains("LABEL team=\"payments\"\n") && r.out().contains("cost-center=\"4711\""), r.out());
    }

    @Test
    void theSummaryShowsTheChosenValues() throws IOException {
        Path dir = Fixtures.copyTree(Fixtures.go("nethttp-root"), tmp.resolve("app"));
        CliRunner.Result r = CliRunner.runAtTerminal("\n1.24\n\n9000\n", Map.of(), "init", "--no-save", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("preset go-distroless (go, distroless final stage); go 1.24 (chosen), port 9000 (chosen)\n"),
                r.out());
        assertFalse(r.out().contains("detected"), r.out());
    }
}
