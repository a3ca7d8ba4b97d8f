package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md, checked on the sources' imports. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "dockergen");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    /** package → prefixes its classes must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "detect", List.of("picocli", "dev.dockergen.preset", "dev.dockergen.plan", "dev.dockergen.render", "dev.dockergen.cli"),
            "preset", List.of("picocli", "dev.dockergen.plan", "dev.dockergen.render", "dev.dockergen.cli"),
            "plan", List.of("picocli", "dev.dockergen.render", "dev.dockergen.cli", "gg.jte"),
            "render", List.of("picocli", "dev.dockergen.detect", "dev.dockergen.preset", "dev.dockergen.cli"),
            "audit", List.of("picocli", "dev.dockergen.cli", "dev.dockergen.render", "dev.dockergen.plan"),
            "measure", List.of("picocli", "dev.dockergen.cli", "dev.dockergen.render", "dev.dockergen.detect"),
            "", List.of("picocli", "dev.dockergen.cli"));

    @Test
    void onlyTheCliUsesPicocliAndNoLayerReachesUpwards() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(file);
                String pkg = rel.getNameCount() == 1 ? "" : rel.getName(0).toString();
                List<String> forbidden = FORBIDDEN.getOrDefault(pkg, List.of());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = m.group(1);
                    forbidden.stream().filter(imported::startsWith)
                            .forEach(f -> violations.add(rel + " imports " + imported));
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
