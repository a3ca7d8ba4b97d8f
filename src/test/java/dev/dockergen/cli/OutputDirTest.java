package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * init --output DIR: the Dockerfile is built with -f from there, so its ignore file is Dockerfile.dockerignore beside
 * it (BuildKit reads that one, not a .dockerignore in DIR), and the header's build line is the one init prints.
 */
class OutputDirTest {
    @TempDir
    Path tmp;

    @Test
    void theIgnoreFileIsTheOneTheBuildReadsAndTheHeaderTellsTheRealBuild() throws IOException {
        Path app = Fixtures.copyTree(Fixtures.go("nethttp-root"), tmp.resolve("app"));
        Path out = tmp.resolve("missing").resolve("out");
        CliRunner.Result r = CliRunner.run("init", "--yes", "--no-save", "--output", out.toString(), app.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("Dockerfile.dockerignore")));
        assertFalse(Files.exists(out.resolve(".dockerignore")));
        assertTrue(r.out().startsWith("created   " + out + "\n"), r.out());
        String next = r.out().lines().filter(l -> l.startsWith("next: ")).findFirst().orElseThrow();
        assertEquals("next: docker build -t greeter -f " + out.resolve("Dockerfile") + " " + app, next);
        String header = Files.readString(out.resolve("Dockerfile")).lines().filter(l -> l.startsWith("# Build: "))
                .findFirst().orElseThrow();
        assertEquals("# Build: " + next.substring("next: ".length()), header);
        CliRunner.Result check = CliRunner.run("check", "--output", out.toString(), app.toString());
        assertEquals(0, check.code(), check.out() + check.err());
    }

    @Test
    void aWorkspaceMemberKeepsItsIgnoreFileAndGetsTheBuildLine() throws IOException {
        Path repo = Fixtures.copyTree(Fixtures.ROOT.resolve("node/npm-workspaces"), tmp.resolve("repo"));
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("init", "--yes", "--no-save", "--project", "apps/api", "--output", out.toString(),
                repo.toString());
        assertEquals(0, r.code(), r.err());
        Path dockerfile = out.resolve("apps/api/Dockerfile");
        assertTrue(Files.isRegularFile(out.resolve("apps/api/Dockerfile.dockerignore")));
        String next = r.out().lines().filter(l -> l.startsWith("next: ")).findFirst().orElseThrow();
        assertTrue(next.endsWith(" -f " + dockerfile + " " + repo), next);
        String header = Files.readString(dockerfile).lines().filter(l -> l.contains("docker build")).findFirst().orElseThrow();
        assertTrue(header.endsWith(" -f " + dockerfile + " " + repo), header);
    }

    @Test
    void aSavedCatalogueIsRelativeToTheProjectConfig() throws IOException {
        Path org = Fixtures.copyTree(Path.of("docs", "examples", "acme", "platform"), tmp.resolve("org/platform"));
        Path app = Fixtures.copyTree(Fixtures.go("nethttp-root"), tmp.resolve("org/services/app"));
        CliRunner.Result r = CliRunner.run("init", "--yes", "--catalog", org.toAbsolutePath().toString(), "--label",
                "team=payments", "--label", "cost-center=4711", app.toString());
        assertEquals(0, r.code(), r.err());
        String config = Files.readString(app.resolve(".dockergen.yaml"));
        assertTrue(config.contains("catalogs:\n  - \"../../platform\"\n"), config);
        Path moved = Files.move(tmp.resolve("org"), tmp.resolve("elsewhere"));
        CliRunner.Result check = CliRunner.run("check", moved.resolve("services/app").toString());
        assertEquals(0, check.code(), check.out() + check.err());
    }
}
