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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repositories with several apps: detect lists them, init picks one or does them all. */
class MonorepoTest {
    @TempDir
    Path tmp;

    private Path copy(String fixture) throws IOException {
        return Fixtures.copyTree(Fixtures.go(fixture), tmp.resolve(fixture));
    }

    @Test
    void detectListsEveryAppButNotTheSharedLibrary() throws IOException {
        CliRunner.Result r = CliRunner.run("detect", "--format", "json", Fixtures.go("monorepo").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode projects = new ObjectMapper().readTree(r.out()).get("projects");
        List<String> paths = new ArrayList<>();
        projects.forEach(p -> paths.add(p.get("path").asText()));
        assertEquals(List.of("services/api", "services/worker"), paths);
        assertEquals("main.go:12", projects.get(0).get("port").get("source").asText(), "sources are relative to the project");
    }

    @Test
    void initAsksForAProjectAndProjectChoosesOne() throws IOException {
        Path repo = copy("monorepo");
        CliRunner.Result none = CliRunner.run("init", "--yes", repo.toString());
        assertEquals(3, none.code());
        assertEquals("dockergen: " + repo + ": several projects (services/api (go), services/worker (go)); choose one with "
                + "--project PATH, or use --all\n", none.err());
        CliRunner.Result api = CliRunner.run("init", "--yes", "--no-save", "--project", "services/api", repo.toString());
        assertEquals(0, api.code(), api.err());
        assertTrue(Files.readString(repo.resolve("services/api/Dockerfile")).contains("EXPOSE 8080"));
        assertTrue(api.out().contains("next: docker build -t api " + repo.resolve("services/api") + "\n"), api.out());
        assertFalse(Files.exists(repo.resolve("Dockerfile")));
        assertEquals(2, CliRunner.run("init", "--yes", "--project", "services/nope", repo.toString()).code());
    }

    @Test
    void aRootThatIsAnAppIsChosenAndItsMembersAreListed() throws IOException {
        // a server at the root whose scripts build a frontend in web/: the root is the app, web/ stays reachable
        Path repo = Fixtures.copyTree(Fixtures.ROOT.resolve("node/server-with-frontend"), tmp.resolve("notes"));
        CliRunner.Result r = CliRunner.run("init", "--yes", "--no-save", repo.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(repo.resolve("Dockerfile")).contains("server.js\"]"));
        assertTrue(r.err().contains("the root is the app; also found web (node): generate one of them with --project web, "
                + "or all with --all"), r.err());
        CliRunner.Result web = CliRunner.run("init", "--yes", "--no-save", "--project", "web", repo.toString());
        assertEquals(0, web.code(), web.err());
        assertTrue(Files.readString(repo.resolve("web/Dockerfile")).contains("npm run build"), "the site is built");
    }

    @Test
    void allWritesOneDockerfilePerMemberWithItsOwnContext() throws IOException {
        Path repo = copy("monorepo");
        CliRunner.Result r = CliRunner.run("init", "--yes", "--all", repo.toString());
        assertEquals(0, r.code(), r.err());
        for (String member : List.of("services/api", "services/worker")) {
            assertTrue(Files.exists(repo.resolve(member).resolve("Dockerfile")), member);
            assertTrue(Files.exists(repo.resolve(member).resolve(".dockerignore")), member);
            // paths in each Dockerfile are relative to the member, its build context
            assertTrue(Files.readString(repo.resolve(member).resolve("Dockerfile")).contains("\nCOPY go.mod ./\n"), member);
        }
        assertTrue(r.out().endsWith("2 projects: services/api, services/worker\n"), r.out());
        assertEquals(0, CliRunner.run("init", "--yes", "--all", repo.toString()).code(), "a re-run with the same result is fine");
    }

    @Test
    void allGivesEachProgramOfAModuleItsOwnDockerfile() throws IOException {
        Path repo = copy("several-mains");
        CliRunner.Result r = CliRunner.run("init", "--yes", "--all", repo.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(repo.resolve("Dockerfile.api")).contains("-o /out/api ./cmd/api"));
        assertTrue(Files.readString(repo.resolve("Dockerfile.migrate")).contains("-o /out/migrate ./cmd/migrate"));
        assertTrue(Files.exists(repo.resolve(".dockerignore")));
        assertEquals(2, CliRunner.run("init", "--all", "--main", "cmd/api", repo.toString()).code());
    }

    @Test
    void allRefusesBeforeWritingAnythingWhenOneFileIsInTheWay() throws IOException {
        Path repo = copy("monorepo");
        Files.writeString(repo.resolve("services/worker/Dockerfile"), "FROM busybox:1.36\n");
        CliRunner.Result r = CliRunner.run("init", "--yes", "--all", repo.toString());
        assertEquals(5, r.code());
        assertFalse(Files.exists(repo.resolve("services/api/Dockerfile")), "nothing written half");
        assertTrue(r.out().contains("-FROM busybox:1.36"), r.out());
    }

    @Test
    void aWorkspaceMemberGetsItsDockerfileAndIgnoreFileAndBuildsFromTheWorkspaceRoot() throws IOException {
        Path repo = Fixtures.copyTree(Fixtures.ROOT.resolve("node").resolve("npm-workspaces"), tmp.resolve("shop"));
        CliRunner.Result none = CliRunner.run("init", "--yes", repo.toString());
        assertEquals(3, none.code());
        assertTrue(none.err().contains("several projects (apps/api (node), apps/worker (node))"), none.err());
        CliRunner.Result r = CliRunner.run("init", "--yes", "--all", repo.toString());
        assertEquals(0, r.code(), r.err());
        for (String member : List.of("apps/api", "apps/worker")) {
            Path dir = repo.resolve(member);
            assertTrue(Files.readString(dir.resolve("Dockerfile")).contains("\nCOPY " + member + "/package.json " + member + "/\n"));
            // BuildKit reads <Dockerfile>.dockerignore next to a Dockerfile whose context is elsewhere
            assertTrue(Files.exists(dir.resolve("Dockerfile.dockerignore")), member);
            assertFalse(Files.exists(dir.resolve(".dockerignore")), member);
        }
        assertFalse(Files.exists(repo.resolve("Dockerfile")));
        assertFalse(Files.exists(repo.resolve("packages/prices/Dockerfile")), "a library gets no Dockerfile");
        CliRunner.Result one = CliRunner.run("init", "--yes", "--force", "--no-save", "--project", "apps/api", repo.toString());
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("next: docker build -t api -f " + repo.resolve("apps/api/Dockerfile") + " " + repo + "\n"),
                one.out());
    }
}
