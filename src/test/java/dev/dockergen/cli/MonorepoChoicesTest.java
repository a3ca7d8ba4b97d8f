package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.Fixtures;
import dev.dockergen.ShellWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choices saved per project: a monorepo member's in its own folder, so choosing for one member never changes
 * another; a re-run with a new choice writes it into .dockergen.yaml, so check agrees; check --all; and every
 * hint's command works when run.
 */
class MonorepoChoicesTest {
    @TempDir
    Path tmp;

    /** An npm workspace (apps/api, apps/worker) with a Python service beside it (services/ml). */
    private Path mixed() throws IOException {
        Path repo = Fixtures.copyTree(Fixtures.ROOT.resolve("node/npm-workspaces"), tmp.resolve("mono"));
        Fixtures.copyTree(Fixtures.ROOT.resolve("python/flask-pip"), repo.resolve("services/ml"));
        return repo;
    }

    private Path goMonorepo() throws IOException {
        return Fixtures.copyTree(Fixtures.go("monorepo"), tmp.resolve("repo"));
    }

    /** The command between backticks in a hint, run as the user would paste it (without the leading "dockergen"). */
    private static CliRunner.Result runHint(String stderr) {
        Matcher m = Pattern.compile("run `(dockergen [^`]+)`").matcher(stderr);
        assertTrue(m.find(), "a hint with a command: " + stderr);
        List<String> words = ShellWords.split(m.group(1));
        return CliRunner.run(words.subList(1, words.size()).toArray(String[]::new));
    }

    @Test
    void choosingForOneMemberLeavesTheOthersAndCheckWorking() throws IOException {
        Path repo = mixed();
        CliRunner.Result ml = CliRunner.run("init", "--yes", "--final", "alpine", "--project", "services/ml", repo.toString());
        assertEquals(0, ml.code(), ml.err());
        Path mlConfig = repo.resolve("services/ml/.dockergen.yaml");
        assertTrue(ml.out().contains("saved     " + mlConfig + "\n"), ml.out());
        assertTrue(Files.readString(mlConfig).contains("\npreset: python-alpine\n"));
        assertFalse(Files.exists(repo.resolve(".dockergen.yaml")), "a member's choices are not the repository's");

        CliRunner.Result api = CliRunner.run("init", "--yes", "--project", "apps/api", repo.toString());
        assertEquals(0, api.code(), api.err());
        assertTrue(Files.readString(repo.resolve("apps/api/.dockergen.yaml")).contains("\npreset: node-distroless\n"));

        CliRunner.Result all = CliRunner.run("init", "--yes", "--all", repo.toString());
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().contains("unchanged " + repo.resolve("services/ml/Dockerfile") + "\n"), all.out());
        assertTrue(all.out().contains("saved     " + repo.resolve("apps/worker/.dockergen.yaml") + "\n"), all.out());

        for (String member : List.of("services/ml", "apps/api", "apps/worker")) {
            CliRunner.Result check = CliRunner.run("check", "--project", member, repo.toString());
            assertEquals(0, check.code(), member + ": " + check.out() + check.err());
        }
        CliRunner.Result checkAll = CliRunner.run("check", "--all", repo.toString());
        assertEquals(0, checkAll.code(), checkAll.out() + checkAll.err());
        assertTrue(checkAll.err().contains("services/ml: up to date: 2 files match preset python-alpine\n"), checkAll.err());
    }

    @Test
    void answersAtTheTerminalAreSavedForTheMemberChosen() throws IOException {
        Path repo = mixed();
        CliRunner.Result r = CliRunner.runAtTerminal("services/ml\nalpine\n\n\n\n\n\n", Map.of(), "init", repo.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("saved     " + repo.resolve("services/ml/.dockergen.yaml") + "\n"), r.out());
        assertFalse(Files.exists(repo.resolve(".dockergen.yaml")));
        CliRunner.Result api = CliRunner.runAtTerminal("apps/api\n\n\n\n\n\n\n", Map.of(), "init", repo.toString());
        assertEquals(0, api.code(), api.err());
        assertTrue(api.err().contains("? Final stage ["), "the member has no saved final stage: asked " + api.err());
        assertEquals(0, CliRunner.run("init", "--yes", "--all", repo.toString()).code());
        assertEquals(0, CliRunner.run("check", "--all", repo.toString()).code());
    }

    @Test
    void aRepositoryFileNamingOneLanguagesPresetDoesNotReachTheMembers() throws IOException {
        Path repo = mixed();
        // what an earlier release saved at the root after choosing services/ml
        Files.writeString(repo.resolve(".dockergen.yaml"), "apiVersion: dockergen/v1\nkind: ProjectConfig\n"
                + "preset: python-distroless\nlabels:\n  team: shop\n");
        CliRunner.Result api = CliRunner.run("init", "--yes", "--project", "apps/api", repo.toString());
        assertEquals(0, api.code(), api.err());
        String dockerfile = Files.readString(repo.resolve("apps/api/Dockerfile"));
        assertTrue(dockerfile.contains("team=\"shop\""), "labels are lent to members:\n" + dockerfile);
        assertEquals(0, CliRunner.run("init", "--yes", "--all", "--force", repo.toString()).code());
        assertEquals(0, CliRunner.run("check", "--all", repo.toString()).code());
    }

    @Test
    void aMembersOwnFileNamesItselfWhenItsPresetCannotBeUsed() throws IOException {
        Path repo = mixed();
        Files.writeString(repo.resolve("apps/api/.dockergen.yaml"), "apiVersion: dockergen/v1\nkind: ProjectConfig\n"
                + "preset: python-distroless\n");
        CliRunner.Result one = CliRunner.run("init", "--yes", "--project", "apps/api", repo.toString());
        assertEquals(2, one.code());
        assertTrue(one.err().startsWith("dockergen: preset 'python-distroless' is for python, but this is a node project"),
                one.err());
        assertTrue(one.err().contains("(" + repo.resolve("apps/api/.dockergen.yaml") + " sets preset: python-distroless; "
                + "change it there, or give --preset or --final)"), one.err());

        CliRunner.Result all = CliRunner.run("check", "--all", repo.toString());
        assertEquals(2, all.code());
        assertTrue(all.err().startsWith("dockergen: apps/api: preset 'python-distroless' is for python"), all.err());
        CliRunner.Result json = CliRunner.run("check", "--all", "--format", "json", repo.toString());
        assertEquals(2, json.code());
        JsonNode error = new ObjectMapper().readTree(json.out()).get("error");
        assertTrue(error.get("message").asText().startsWith("apps/api: "), json.out());
        assertEquals(2, error.get("exitCode").asInt());
        // the refusal's advice works: another preset given wins over the file
        assertEquals(0, CliRunner.run("init", "--yes", "--final", "alpine", "--project", "apps/api", repo.toString()).code());
    }

    @Test
    void checkAllNamesEachMemberAndItsHintBringsThemBack() throws IOException {
        Path repo = goMonorepo();
        assertEquals(0, CliRunner.run("init", "--yes", "--all", repo.toString()).code());
        Files.writeString(repo.resolve("services/worker/Dockerfile"), "FROM busybox:1.36\n");
        CliRunner.Result drift = CliRunner.run("check", "--all", repo.toString());
        assertEquals(6, drift.code());
        assertTrue(drift.out().contains("-FROM busybox:1.36"), drift.out());
        assertTrue(drift.err().contains("services/api: up to date: 2 files match preset go-distroless\n"), drift.err());
        assertTrue(drift.err().contains("services/worker: 1 file differs from what preset go-distroless generates now\n"),
                drift.err());
        assertTrue(drift.err().endsWith("dockergen: 1 of 2 projects drifted; run `dockergen init --force --all " + repo
                + "` to update them\n"), drift.err());
        CliRunner.Result fix = runHint(drift.err());
        assertEquals(0, fix.code(), fix.out() + fix.err());
        assertEquals(0, CliRunner.run("check", "--all", repo.toString()).code());

        // one member checked with a new choice: the hint carries the member and the choice, and saves it
        CliRunner.Result port = CliRunner.run("check", "--project", "services/worker", "--port", "9001", repo.toString());
        assertEquals(6, port.code());
        assertTrue(port.err().contains("run `dockergen init --force --project services/worker --port 9001 " + repo + "`"),
                port.err());
        CliRunner.Result fixed = runHint(port.err());
        assertEquals(0, fixed.code(), fixed.out() + fixed.err());
        assertEquals(0, CliRunner.run("check", "--project", "services/worker", repo.toString()).code(),
                "the port was saved in the member's .dockergen.yaml");
        assertEquals(0, CliRunner.run("check", "--all", repo.toString()).code());

        CliRunner.Result several = CliRunner.run("check", repo.toString());
        assertEquals(3, several.code());
        assertTrue(several.err().contains("choose one with --project PATH, or use --all"), several.err());
    }

    @Test
    void checkAllAsJsonHasEveryMember() throws IOException {
        Path repo = goMonorepo();
        assertEquals(0, CliRunner.run("init", "--yes", "--all", repo.toString()).code());
        Files.delete(repo.resolve("services/api/.dockerignore"));
        CliRunner.Result r = CliRunner.run("check", "--all", "--format", "json", repo.toString());
        assertEquals(6, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertFalse(root.get("upToDate").asBoolean());
        assertEquals("dockergen init --force --all " + repo, root.get("fix").asText());
        List<String> members = new ArrayList<>();
        root.get("projects").forEach(p -> members.add(p.get("project").asText()));
        assertEquals(List.of("services/api", "services/worker"), members);
        JsonNode ignore = root.get("projects").get(0).get("files").get(1);
        assertEquals(repo.resolve("services/api/.dockerignore").toString(), ignore.get("path").asText());
        assertEquals("missing", ignore.get("status").asText());
        assertEquals("matches", root.get("projects").get(1).get("files").get(0).get("status").asText());
        assertTrue(root.get("projects").get(1).get("files").get(0).get("diff").isNull());

        assertEquals(0, CliRunner.run("init", "--yes", "--all", repo.toString()).code());
        CliRunner.Result clean = CliRunner.run("check", "--all", "--format", "json", repo.toString());
        assertEquals(0, clean.code());
        assertTrue(new ObjectMapper().readTree(clean.out()).get("upToDate").asBoolean());
        assertTrue(new ObjectMapper().readTree(clean.out()).get("fix").isNull());
    }

    @Test
    void aReRunWithANewChoiceWritesItIntoTheSavedChoices() throws IOException {
        Path dir = Fixtures.copyTree(Fixtures.go("nethttp-root"), tmp.resolve("app"));
        assertEquals(0, CliRunner.run("init", "--yes", dir.toString()).code());
        Path config = dir.resolve(".dockergen.yaml");
        Files.writeString(config, Files.readString(config) + "# our note stays\n");

        CliRunner.Result r = CliRunner.run("init", "--yes", "--force", "--port", "9000", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("updated   " + config.toAbsolutePath() + " (port)\n"), r.out());
        String text = Files.readString(config);
        assertTrue(text.contains("\npreset: go-distroless\n# our note stays\nport: 9000\n"), text);
        assertEquals(0, CliRunner.run("check", dir.toString()).code(), "check agrees with the port");

        CliRunner.Result alpine = CliRunner.run("init", "--yes", "--force", "--final", "alpine", "--port", "9001",
                dir.toString());
        assertEquals(0, alpine.code(), alpine.err());
        assertTrue(alpine.out().contains(" (preset, port)\n"), alpine.out());
        text = Files.readString(config);
        assertTrue(text.contains("\npreset: go-alpine\n# our note stays\nport: 9001\n"), text);
        CliRunner.Result check = CliRunner.run("check", dir.toString());
        assertEquals(0, check.code(), check.out() + check.err());

        CliRunner.Result same = CliRunner.run("init", "--yes", "--port", "9001", dir.toString());
        assertEquals(0, same.code(), same.err());
        assertFalse(same.out().contains(".dockergen.yaml"), "nothing new to save: " + same.out());

        // kept files still match the old choices, so the file is not changed for them
        CliRunner.Result kept = CliRunner.run("init", "--yes", "--skip", "--port", "7000", dir.toString());
        assertEquals(0, kept.code(), kept.err());
        assertTrue(Files.readString(config).contains("\nport: 9001\n"));
        assertEquals(0, CliRunner.run("check", dir.toString()).code());
    }

    @Test
    void aNewAnswerAtThePromptIsSavedToo() throws IOException {
        Path dir = Fixtures.copyTree(Fixtures.go("nethttp-root"), tmp.resolve("app"));
        assertEquals(0, CliRunner.run("init", "--yes", dir.toString()).code());
        // the final stage is settled by the file; version, start command and port are asked
        CliRunner.Result r = CliRunner.runAtTerminal("\n\n9000\n", Map.of(), "init", "--force", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("? Port ["), r.err());
        assertTrue(Files.readString(dir.resolve(".dockergen.yaml")).contains("\nport: 9000\n"));
        assertEquals(0, CliRunner.run("check", dir.toString()).code());
    }

    @Test
    void aMembersSavedCatalogueIsRelativeToItsOwnFile() throws IOException {
        Path org = Fixtures.copyTree(Path.of("docs", "examples", "acme", "platform"), tmp.resolve("org/platform"));
        Path repo = Fixtures.copyTree(Fixtures.go("monorepo"), tmp.resolve("org/repo"));
        CliRunner.Result r = CliRunner.run("init", "--yes", "--project", "services/api", "--catalog",
                org.toAbsolutePath().toString(), "--label", "team=payments", "--label", "cost-center=4711", repo.toString());
        assertEquals(0, r.code(), r.err());
        String config = Files.readString(repo.resolve("services/api/.dockergen.yaml"));
        assertTrue(config.contains("catalogs:\n  - \"../../../platform\"\n"), config);
        Path moved = Files.move(tmp.resolve("org"), tmp.resolve("elsewhere"));
        CliRunner.Result check = CliRunner.run("check", "--project", "services/api", moved.resolve("repo").toString());
        assertEquals(0, check.code(), check.out() + check.err());
        assertNotNull(check);
    }
}
