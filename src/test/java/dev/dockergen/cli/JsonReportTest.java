package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --format json is JSON on every path, as an IDE plugin reads it: stdout is one JSON document, also when the run
 * fails (then {"error": {"message", "exitCode", "file", "line", "column"}}), for --all, and with the diffs when
 * files exist.
 */
class JsonReportTest {
    private static final ObjectMapper CONSUMER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path tmp;

    /** stdout parsed as the one JSON document it must be. */
    private static JsonNode json(CliRunner.Result r) throws IOException {
        assertFalse(r.out().isBlank(), "stdout is empty; stderr: " + r.err());
        return CONSUMER.readTree(r.out());
    }

    private static JsonNode error(CliRunner.Result r, int code) throws IOException {
        assertEquals(code, r.code(), r.out() + r.err());
        JsonNode error = json(r).get("error");
        assertTrue(error != null && error.isObject(), r.out());
        assertEquals(code, error.get("exitCode").asInt());
        assertFalse(error.get("message").asText().isBlank());
        return error;
    }

    @Test
    void nothingToDetectIsAnErrorObject() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        JsonNode e = error(CliRunner.run("init", "--format", "json", empty.toString()), 3);
        assertTrue(e.get("file").isNull() && e.get("line").isNull(), e.toString());
    }

    @Test
    void severalProjectsIsAnErrorObject() throws IOException {
        JsonNode e = error(CliRunner.run("init", "--format=json", "--dry-run",
                Fixtures.ROOT.resolve("node/npm-workspaces").toString()), 3);
        assertTrue(e.get("message").asText().contains("--project"), e.toString());
    }

    @Test
    void aMalformedManifestNamesItsFileAndLine() throws IOException {
        Path app = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(app.resolve("package.json"), "{\n  \"name\": \"app\",\n  \"scripts\": {\"start\": }\n}\n");
        for (String command : new String[] {"init", "detect"}) {
            JsonNode e = error(CliRunner.run(command, "--format", "json", app.toString()), 7);
            assertTrue(e.get("file").asText().endsWith("package.json"), e.toString());
            assertEquals(3, e.get("line").asInt(), e.toString());
        }
    }

    @Test
    void usageErrorsAreErrorObjects() throws IOException {
        String express = Fixtures.ROOT.resolve("node/express-npm").toString();
        error(CliRunner.run("init", "--format", "json", "--port", "0", express), 2);
        error(CliRunner.run("init", "--format", "json", "--no-such-option", express), 2);
        error(CliRunner.run("audit", "--format", "json", tmp.resolve("missing").toString()), 2);
    }

    @Test
    void existingFilesGiveTheDiffAndNothingIsWritten() throws IOException {
        Path app = Fixtures.copyTree(Fixtures.ROOT.resolve("node/express-npm"), tmp.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM node:24\n");
        CliRunner.Result r = CliRunner.run("init", "--format", "json", app.toString());
        JsonNode e = error(r, 5);
        assertTrue(e.get("message").asText().contains("--force"), e.toString());
        JsonNode report = json(r);
        assertFalse(report.get("written").asBoolean());
        JsonNode dockerfile = report.get("files").get(0);
        assertEquals("differs", dockerfile.get("status").asText());
        assertTrue(dockerfile.get("diff").asText().contains("\n-FROM node:24\n"), dockerfile.toString());
        assertEquals("FROM node:24\n", Files.readString(app.resolve("Dockerfile")));
        assertFalse(Files.exists(app.resolve(".dockerignore")));

        CliRunner.Result forced = CliRunner.run("init", "--format", "json", "--force", app.toString());
        assertEquals(0, forced.code(), forced.err());
        JsonNode written = json(forced).get("files").get(0);
        assertEquals("written", written.get("status").asText());
        assertTrue(written.get("diff").asText().contains("\n-FROM node:24\n"), "the diff of what was replaced");
    }

    @Test
    void allIsOneDocumentWithEveryProject() throws IOException {
        CliRunner.Result r = CliRunner.run("init", "--format", "json", "--dry-run", "--all",
                Fixtures.ROOT.resolve("node/npm-workspaces").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode report = json(r);
        assertFalse(report.get("written").asBoolean());
        assertEquals(2, report.get("projects").size(), r.out());
        assertEquals("apps/api", report.get("projects").get(0).get("project").asText());
        assertEquals("node-distroless", report.get("projects").get(0).get("preset").asText());
        assertTrue(report.get("projects").get(1).get("files").get(0).get("content").asText().startsWith("# syntax="));
    }
}
