package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipes of docs/ide.md, applied to real audit output. */
class IdeRecipesTest {
    @TempDir
    Path tmp;

    private static String block(String language) throws IOException {
        String doc = Files.readString(Path.of("docs", "ide.md"));
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "docs/ide.md has a " + language + " block");
        return m.group(1);
    }

    private List<String> auditLines() throws IOException {
        Path file = tmp.resolve("Dockerfile");
        Files.writeString(file, "FROM node:latest\nCMD node server.js\n");
        CliRunner.Result r = CliRunner.run("audit", file.toString());
        assertEquals(6, r.code());
        return r.out().lines().toList();
    }

    @Test
    void theVsCodeProblemMatcherReadsEveryAuditLine() throws IOException {
        JsonNode tasks = new ObjectMapper().readTree(block("json"));
        JsonNode pattern = tasks.get("tasks").get(0).get("problemMatcher").get("pattern");
        Pattern regexp = Pattern.compile(pattern.get("regexp").asText());
        List<String> lines = auditLines();
        assertTrue(lines.size() >= 3, lines.toString());
        for (String line : lines) {
            Matcher m = regexp.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals(tmp.resolve("Dockerfile").toString(), m.group(pattern.get("file").asInt()));
            assertTrue(Integer.parseInt(m.group(pattern.get("line").asInt())) >= 1);
            assertEquals("1", m.group(pattern.get("column").asInt()));
            assertTrue(List.of("error", "warning", "info").contains(m.group(pattern.get("severity").asInt())));
            assertTrue(m.group(pattern.get("code").asInt()).matches("[a-z-]+"));
            assertTrue(!m.group(pattern.get("message").asInt()).isBlank());
        }
    }

    @Test
    void theJetBrainsOutputFilterLinksEveryAuditLine() throws IOException {
        String filter = block("text").strip();
        // the IDE's macros, as the IDE expands them
        String regex = Pattern.quote(filter).replace("$FILE_PATH$", "\\E(?<file>.+?)\\Q").replace("$LINE$", "\\E(?<line>\\d+)\\Q")
                .replace("$COLUMN$", "\\E(?<col>\\d+)\\Q").replace(".*", "\\E.*\\Q");
        Pattern p = Pattern.compile(regex);
        for (String line : auditLines()) {
            Matcher m = p.matcher(line);
            assertTrue(m.matches(), line + " ~ " + regex);
            assertEquals(tmp.resolve("Dockerfile").toString(), m.group("file"));
        }
    }
}
