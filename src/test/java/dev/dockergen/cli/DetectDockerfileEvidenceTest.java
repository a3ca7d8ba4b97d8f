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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** detect and init with an old Dockerfile in the project: its facts are shown, and ranked below the project's. */
class DetectDockerfileEvidenceTest {
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
    void initSaysWhatTheOldFileInstalledThatTheNewOneLeavesOut() throws IOException {
        Path dir = project("FROM node:22\nRUN apt-get update && apt-get install -y --no-install-recommends imagemagick\n"
                + "COPY . .\nCOPY fonts/ /usr/share/fonts/app/\nCMD [\"node\", \"server.js\"]\n");
        CliRunner.Result r = CliRunner.run("init", "--dry-run", "--yes", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note: Dockerfile:2: the existing Dockerfile installs imagemagick; the new one does not"),
                r.err());
        assertTrue(r.err().contains("note: Dockerfile:4: the existing Dockerfile copies fonts/ into its final stage"), r.err());
    }

    @Test
    void aFileDockergenWroteIsNotEvidence() throws IOException {
        Path dir = project("");
        assertEquals(0, CliRunner.run("init", "--yes", "--force", dir.toString()).code());
        CliRunner.Result r = CliRunner.run("detect", "--format", "json", dir.toString());
        assertFalse(r.out().contains("\"dockerfile\""), r.out());
    }
}
