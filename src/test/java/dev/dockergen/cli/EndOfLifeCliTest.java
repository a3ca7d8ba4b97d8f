package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime the project picks that is past its end of life is one warning naming the date, in text and JSON, like
 * every other warning; on distroless an older Node builds and runs on the nearest published one.
 */
class EndOfLifeCliTest {
    @TempDir
    Path tmp;

    private Path node(String nvmrc) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("node-" + nvmrc));
        Files.writeString(dir.resolve(".nvmrc"), nvmrc + "\n");
        Files.writeString(dir.resolve("package.json"), "{\n  \"name\": \"api\",\n  \"version\": \"1.0.0\",\n"
                + "  \"scripts\": { \"start\": \"node server.js\" }\n}\n");
        Files.writeString(dir.resolve("package-lock.json"), "{}\n");
        Files.writeString(dir.resolve("server.js"), "require('http').createServer((q, s) => s.end('hi')).listen(3000);\n");
        return dir;
    }

    @Test
    void anEndedNodeIsWarnedInTextAndJsonAndRunsOnTheNearestDistrolessNode() throws IOException {
        Path dir = node("16");
        String warning = ".nvmrc:1: Node 16 reached its end of life on 2023-09-11 (Node.js release schedule): it gets no "
                + "security fixes; move to a supported Node such as 24";
        CliRunner.Result text = CliRunner.run("init", "--dry-run", dir.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.err().contains("warning: " + warning + "\n"), text.err());
        assertTrue(text.out().contains("\nARG NODE_VERSION=22\n"), text.out());
        assertTrue(text.out().contains("# Node 22: the project asks for 16 (.nvmrc:1); distroless nodejs is published for "
                + "22, 24, 26 (even, LTS majors), so the nearest newer one;"), text.out());
        assertTrue(text.out().contains("\nFROM gcr.io/distroless/nodejs${NODE_VERSION}-debian13:nonroot AS runtime\n"), text.out());

        CliRunner.Result json = CliRunner.run("detect", "--format", "json", dir.toString());
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertEquals(warning, report.get("warnings").get(0).asText(), json.out());

        CliRunner.Result current = CliRunner.run("detect", "--format", "json", node("24").toString());
        assertEquals(0, new ObjectMapper().readTree(current.out()).get("warnings").size(), current.out());
    }

    @Test
    void aNodeAboveEveryDistrolessImageIsRefusedWithTheOneToUse() throws IOException {
        CliRunner.Result r = CliRunner.run("init", "--dry-run", node("28").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("Node 28 (.nvmrc:1) has no distroless image: distroless nodejs is published for 22, 24, 26 "
                + "(even, LTS majors); use --language-version 26 or --final alpine"), r.err());
    }

    @Test
    void anEndedPythonFromAVersionFileIsWarned() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("py"));
        Files.writeString(dir.resolve(".python-version"), "3.8\n");
        Files.writeString(dir.resolve("requirements.txt"), "\n");
        Files.writeString(dir.resolve("main.py"), "if __name__ == \"__main__\":\n    print(1)\n");
        CliRunner.Result r = CliRunner.run("detect", "--format", "json", dir.toString());
        assertTrue(r.out().contains(".python-version:1: Python 3.8 reached its end of life on 2024-10-07 (Python release "
                + "schedule): it gets no security fixes; move to a supported Python such as 3.14"), r.out());
    }
}
