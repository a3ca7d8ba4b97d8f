package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** init at a terminal: answers typed, defaults taken with Enter, nothing asked where a flag answered. */
class InteractiveInitTest {
    private static final String SEVERAL = Fixtures.go("several-mains").toString();

    @Test
    void everyOpenDecisionIsAskedWithItsDefaultAndSource() {
        CliRunner.Result r = CliRunner.runAtTerminal("cmd/api\nscratch\n1.24\napi --verbose --listen :9000\n9000\n",
                Map.of(), "init", "--dry-run", SEVERAL);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("? Program to containerise [cmd/api] (main packages found: cmd/api, cmd/migrate; or all; flag --main or --all): "),
                r.err());
        assertTrue(r.err().contains("? Final stage [distroless] (preset go-distroless is the default; choices: distroless, "
                + "scratch, alpine; flag --final): "), r.err());
        assertTrue(r.err().contains("? go version [1.23] (go.mod:3; flag --language-version): "), r.err());
        assertTrue(r.err().contains("? Start command [api] (the whole command, quoted as in a shell: this one, then any "
                + "arguments; flag --start): "), r.err());
        assertTrue(r.err().contains("? Port [8080] (cmd/api/main.go:6; flag --port): "), r.err());
        assertTrue(r.out().contains("ENTRYPOINT [\"/usr/local/bin/api\"]\nCMD [\"--verbose\", \"--listen\", \":9000\"]\n"),
                r.out());
        assertTrue(r.out().contains("FROM scratch AS runtime\n"), r.out());
        assertTrue(r.out().contains("ARG GO_VERSION=1.24\n"), r.out());
        assertTrue(r.out().contains("# Go 1.24: chosen with --language-version.\n"), r.out());
        assertTrue(r.out().contains("EXPOSE 9000\n"), r.out());
        assertTrue(r.out().contains("-o /out/api ./cmd/api"), r.out());
    }

    @Test
    void inAMonorepoTheAppIsAskedFirst() {
        CliRunner.Result r = CliRunner.runAtTerminal("services/worker\n\n\n\n\n", Map.of(), "init", "--dry-run",
                Fixtures.go("monorepo").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("? Project [services/api] (apps found: services/api, services/worker; or all; flag --project or --all): "),
                r.err());
        assertTrue(r.err().contains("? go version [1.22] (go.mod:3; flag --language-version): "), r.err());
        assertTrue(r.out().contains("-o /out/worker ."), r.out());
    }

    @Test
    void inANodeWorkspaceTheMemberIsAskedFirst() {
        CliRunner.Result r = CliRunner.runAtTerminal("apps/worker\n\n\n\n\n\n", Map.of(), "init", "--dry-run",
                Fixtures.ROOT.resolve("node").resolve("npm-workspaces").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("? Project [apps/api] (apps found: apps/api, apps/worker; or all; flag --project or --all): "), r.err());
        assertTrue(r.out().contains("apps/worker/Dockerfile <=="), r.out());
        assertTrue(r.out().contains("COPY --from=build /app/packages/logger ./packages/logger\n"), r.out());
    }

    @Test
    void enterTakesEveryDefault() {
        CliRunner.Result r = CliRunner.runAtTerminal("\n\n\n\n\n", Map.of(), "init", "--dry-run", SEVERAL);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("FROM gcr.io/distroless/static-debian13:nonroot AS runtime\n"), r.out());
        assertTrue(r.out().contains("ARG GO_VERSION=1.23\n") && r.out().contains("EXPOSE 8080\n"), r.out());
    }

    @Test
    void aBadAnswerIsAskedAgainAndThreeEndTheRun() {
        CliRunner.Result again = CliRunner.runAtTerminal("cmd/api\ntiny\nalpine\n\n\n\n", Map.of(), "init", "--dry-run", SEVERAL);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("  'tiny' is not an answer here; press Enter for distroless\n"), again.err());
        assertTrue(again.out().contains("FROM alpine:3.24 AS runtime\n"), again.out());
        CliRunner.Result giveUp = CliRunner.runAtTerminal("x\ny\nz\n", Map.of(), "init", "--dry-run", SEVERAL);
        assertEquals(2, giveUp.code());
        assertTrue(giveUp.err().endsWith("dockergen: Program to containerise: no usable answer after 3 tries; give --main or --all\n"),
                giveUp.err());
    }

    @Test
    void aReRunShowsTheDiffAndAsksBeforeReplacing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path dir = tmp.resolve("svc");
        java.nio.file.Files.createDirectories(dir);
        for (String f : new String[] {"go.mod", "main.go"}) {
            java.nio.file.Files.copy(Fixtures.go("nethttp-root").resolve(f), dir.resolve(f));
        }
        java.nio.file.Files.writeString(dir.resolve("Dockerfile"), "FROM busybox:1.36\n");
        CliRunner.Result no = CliRunner.runAtTerminal("\n\n\n\n\n", Map.of(), "init", "--final", "alpine", dir.toString());
        assertEquals(5, no.code(), no.err());
        assertTrue(no.out().contains("-FROM busybox:1.36\n"), no.out());
        assertTrue(no.err().contains("? Replace the files shown above [no]"), no.err());
        assertEquals("FROM busybox:1.36\n", java.nio.file.Files.readString(dir.resolve("Dockerfile")));
        CliRunner.Result yes = CliRunner.runAtTerminal("\n\n\nyes\n", Map.of(), "init", "--final", "alpine", dir.toString());
        assertEquals(0, yes.code(), yes.err());
        assertTrue(java.nio.file.Files.readString(dir.resolve("Dockerfile")).contains("FROM alpine:3.24 AS runtime"));
    }

    @Test
    void flagsAnswerTheirQuestionsAndYesOrCiAskNothing() {
        CliRunner.Result flags = CliRunner.runAtTerminal("", Map.of(), "init", "--dry-run", "--main", "cmd/api", "--final",
                "alpine", "--language-version", "1.23", "--port", "8080", "--arg", "--verbose", SEVERAL);
        assertEquals(0, flags.code(), flags.err());
        assertFalse(flags.err().contains("? "), flags.err());
        for (String[] args : new String[][] {{"init", "--dry-run", "--yes", "--main", "cmd/api", SEVERAL}}) {
            CliRunner.Result yes = CliRunner.runAtTerminal("alpine\n", Map.of(), args);
            assertFalse(yes.err().contains("? "), yes.err());
            assertTrue(yes.out().contains("distroless"), "--yes takes the defaults");
        }
        CliRunner.Result ci = CliRunner.runAtTerminal("alpine\n", Map.of("CI", "true"), "init", "--dry-run", "--main", "cmd/api", SEVERAL);
        assertFalse(ci.err().contains("? "), ci.err());
        assertEquals(3, CliRunner.runAtTerminal("", Map.of("CI", "true"), "init", "--dry-run", SEVERAL).code(),
                "without a terminal answer, several main packages stay an error");
    }
}
