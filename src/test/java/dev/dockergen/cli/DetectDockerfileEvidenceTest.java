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

/** detect and init with an old Dockerfile in the project: its facts are shown, and ranked below the project's. */
class DetectDockerfileEvidenceTest {
    private static final String OLD = "FROM node:20\nWORKDIR /srv\nRUN apt-get update && apt-get install -y --no-install-recommends "
            + "git imagemagick\nCOPY . .\nRUN npm install\nCOPY fonts/ /usr/share/fonts/app/\nEXPOSE 8080\nCMD node server.js\n";

    @TempDir
    Path tmp;

    private Path project(String dockerfile) throws IOException {
        Path dir = Fixtures.copyTree(Path.of("examples", "node-hello"), tmp.resolve("app"));
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        return dir;
    }

    @Test
    void detectListsTheOldFilesFactsWithTheirLines() throws IOException {
        Path dir = project("FROM node:20\nWORKDIR /srv\nCOPY . .\nRUN apt-get update && apt-get install -y curl\n"
                + "EXPOSE 3000\nCMD [\"node\", \"server.js\"]\n");
        CliRunner.Result r = CliRunner.run("detect", "--format", "json", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode project = new ObjectMapper().readTree(r.out()).get("projects").get(0);
        JsonNode d = project.get("dockerfile");
        assertEquals("Dockerfile", d.get("file").asText());
        assertEquals("Dockerfile:5", d.get("ports").get(0).get("source").asText());
        assertEquals("/srv", d.get("workdir").get("value").asText());
        assertEquals("curl", d.get("packages").get(0).get("value").asText());
        assertEquals("node 20", d.get("languageVersions").get(0).get("value").asText());
        assertEquals("[\"node\",\"server.js\"]", d.get("start").get("value").toString());
        // the project's own .nvmrc wins; the disagreement is a warning naming the Dockerfile's line
        assertEquals(".nvmrc:1", project.get("languageVersion").get("source").asText());
        JsonNode warnings = new ObjectMapper().readTree(r.out()).get("warnings");
        assertEquals("Dockerfile:1: the existing Dockerfile builds with node 20, the project asks for 22 (.nvmrc:1); "
                + "the project's is used", warnings.get(0).asText());
    }

    @Test
    void initWarnsAndKeepsTheProjectsChoice() throws IOException {
        Path dir = project("FROM node:20\nEXPOSE 3000\n");
        CliRunner.Result r = CliRunner.run("init", "--dry-run", "--yes", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: Dockerfile:1: the existing Dockerfile builds with node 20"), r.err());
        assertTrue(r.out().contains("ARG NODE_VERSION=22"), r.out());
    }

    @Test
    void initOverAnOldDockerfileShowsTheDiffAndWhy() throws IOException {
        Path dir = project(OLD);
        Files.createDirectories(dir.resolve("fonts"));
        Files.writeString(dir.resolve("fonts/a.ttf"), "font");
        CliRunner.Result r = CliRunner.run("init", "--yes", "--no-save", "--final", "alpine", dir.toString());
        assertEquals(5, r.code(), r.err());
        assertTrue(r.out().contains("+RUN apk add --no-cache imagemagick\n"), r.out());
        String why = r.out().substring(r.out().indexOf("why:\n"));
        assertTrue(why.contains("  - final image node:20 (Dockerfile:1) → node:22-alpine: preset node-alpine: "), why);
        assertTrue(why.contains("  - runs as 1000:1000 instead of root: the final stage never sets USER"), why);
        assertTrue(why.contains("  - dependencies installed before the sources are copied: "), why);
        assertTrue(why.contains("  - port 8080 (Dockerfile:7) → 3000: the project says so (server.js:"), why);
        assertTrue(why.contains("  - left out the build-only packages git (Dockerfile:3): "), why);
        assertTrue(why.contains("  - installs imagemagick in the final stage (Dockerfile:3): "), why);
        assertTrue(why.contains("  - copies fonts/ to /usr/share/fonts/app/ (Dockerfile:6): "), why);
        assertTrue(why.contains("  - audit shell-form-command (Dockerfile:8) fixed: "), why);
        assertEquals(OLD, Files.readString(dir.resolve("Dockerfile")), "nothing written");

        CliRunner.Result json = CliRunner.run("init", "--yes", "--no-save", "--final", "alpine", "--format", "json", dir.toString());
        assertEquals(5, json.code(), json.err());
        JsonNode list = new ObjectMapper().readTree(json.out()).get("why");
        List<String> fromJson = new ArrayList<>();
        list.forEach(c -> fromJson.add("  - " + c.get("change").asText() + ": " + c.get("why").asText()));
        assertEquals(why.lines().skip(1).toList(), fromJson, "the same list in text and JSON");
    }

    @Test
    void onADistrolessFinalThePackagesAreSaidNotCarried() throws IOException {
        Path dir = project(OLD);
        CliRunner.Result r = CliRunner.run("init", "--dry-run", "--yes", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("# Not carried: imagemagick: gcr.io/distroless/nodejs22-debian13:nonroot has no package manager."),
                r.out());
        assertTrue(r.err().contains("note: Dockerfile:3: the existing Dockerfile installs imagemagick in its final stage; "
                + "gcr.io/distroless/nodejs22-debian13:nonroot cannot install packages"), r.err());
        // fonts/ is missing from the project: said, not copied
        assertTrue(r.err().contains("copies fonts/ (Dockerfile:6) into its final stage; not carried over"), r.err());
    }

    @Test
    void whatWasCarriedStaysOnceTheOldFileIsReplaced() throws IOException {
        Path dir = project(OLD);
        Files.createDirectories(dir.resolve("fonts"));
        Files.writeString(dir.resolve("fonts/a.ttf"), "font");
        assertEquals(0, CliRunner.run("init", "--yes", "--force", "--final", "alpine", dir.toString()).code());
        String written = Files.readString(dir.resolve("Dockerfile"));
        assertTrue(written.contains("COPY fonts/ /usr/share/fonts/app/"), written);
        CliRunner.Result check = CliRunner.run("check", dir.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        CliRunner.Result again = CliRunner.run("init", "--yes", "--final", "alpine", "--format", "json", dir.toString());
        assertEquals(0, again.code(), again.out());
        assertEquals(0, new ObjectMapper().readTree(again.out()).get("why").size(), "no why over dockergen's own file");
    }

    @Test
    void aFileDockergenWroteIsNotEvidence() throws IOException {
        Path dir = project("");
        assertEquals(0, CliRunner.run("init", "--yes", "--force", dir.toString()).code());
        CliRunner.Result r = CliRunner.run("detect", "--format", "json", dir.toString());
        assertFalse(r.out().contains("\"dockerfile\""), r.out());
    }
}
