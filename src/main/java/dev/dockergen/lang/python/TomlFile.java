package dev.dockergen.lang.python;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import java.util.Optional;

/** A parsed TOML file with its text, for line numbers. */
record TomlFile(String path, String text, JsonNode tree) {
    Source at(String needle) {
        return Source.of(path, PythonDetector.lineOf(text, needle));
    }

    /** The TOML file at {@code path}, shown in messages as {@code shownAs}; null when there is none. */
    static TomlFile read(ProjectFiles files, String path, String shownAs) {
        Optional<String> text = files.read(path);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new TomlFile(shownAs, text.get(), Toml.MAPPER.readTree(text.get()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").strip();
            throw new ProjectInputException(Source.of(shownAs, at == null ? 0 : Math.max(at.getLineNr(), 0)),
                    "not valid TOML (" + (why.length() > 120 ? why.substring(0, 120) + "..." : why) + ")");
        }
    }

    /** Made on first use: most runs see no TOML. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }
}
