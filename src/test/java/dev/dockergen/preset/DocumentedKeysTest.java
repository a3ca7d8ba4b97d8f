package dev.dockergen.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockergen.detect.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/presets.md names every key the loaders accept, and every language a preset can be for. */
class DocumentedKeysTest {
    private static final Pattern CODE = Pattern.compile("`([A-Za-z.]+)`");

    private static String section(String doc, String start, String end) {
        int from = doc.indexOf(start);
        int to = doc.indexOf(end, from);
        return doc.substring(from, to < 0 ? doc.length() : to);
    }

    @Test
    void theProjectConfigTableListsEveryKeyDockergenYamlMayHold() throws IOException {
        String table = section(Files.readString(Path.of("docs", "presets.md")), "## 3. The project's choices", "## 4.");
        Set<String> documented = new TreeSet<>();
        for (String line : table.lines().filter(l -> l.startsWith("| `")).toList()) {
            Matcher m = CODE.matcher(line.split("\\|")[1]);
            while (m.find()) {
                documented.add(m.group(1));
            }
        }
        assertEquals(new TreeSet<>(ProjectConfig.KEYS), documented);
    }

    @Test
    void theReferenceNamesEveryPresetKeyAndLanguage() throws IOException {
        String reference = section(Files.readString(Path.of("docs", "presets.md")), "## 5. Reference", "\n## ");
        List<String> missing = new ArrayList<>();
        for (String key : new TreeSet<>(PresetSchema.PRESET_KEYS)) {
            if (!reference.contains("`" + key + "`") && !reference.contains("`" + key + ".")) {
                missing.add(key);
            }
        }
        Matcher languages = Pattern.compile("`language` \\(([^)]*)\\)").matcher(reference);
        String listed = languages.find() ? languages.group(1) : "";
        for (Language l : Language.values()) {
            if (!listed.contains("`" + l.id() + "`")) {
                missing.add("language " + l.id());
            }
        }
        assertEquals(List.of(), missing);
    }
}
