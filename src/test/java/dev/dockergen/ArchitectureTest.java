package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.detect.Language;
import dev.dockergen.lang.Languages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md, checked on the sources' imports. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "dockergen");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    private static final String LANG = "dev.dockergen.lang";
    /** The most lines a main source file may have: a file past it does several jobs and is split by job. */
    private static final int MAX_LINES = 500;

    /** package → prefixes its classes must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "detect", List.of("picocli", "dev.dockergen.preset", "dev.dockergen.plan", "dev.dockergen.render", "dev.dockergen.cli",
                    LANG),
            "preset", List.of("picocli", "dev.dockergen.plan", "dev.dockergen.render", "dev.dockergen.cli", LANG),
            "plan", List.of("picocli", "dev.dockergen.render", "dev.dockergen.cli", "gg.jte", LANG),
            "render", List.of("picocli", "dev.dockergen.detect", "dev.dockergen.preset", "dev.dockergen.cli", LANG),
            "audit", List.of("picocli", "dev.dockergen.cli", "dev.dockergen.render", "dev.dockergen.plan", LANG),
            "measure", List.of("picocli", "dev.dockergen.cli", "dev.dockergen.render", "dev.dockergen.detect", LANG),
            "cli", List.of(LANG),
            "lang", List.of("picocli", "dev.dockergen.cli", "dev.dockergen.render", "gg.jte"),
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

    /**
     * Each language lives in lang/&lt;id&gt;/: no other language's folder is imported there, only its planner and
     * ignore file see plan/ and preset/, and no class named after a language sits outside lang/.
     */
    @Test
    void everyLanguageLivesInItsOwnFolder() throws IOException {
        List<String> violations = new ArrayList<>();
        List<String> prefixes = Arrays.stream(Language.values()).map(l -> l.id().substring(0, 1).toUpperCase(Locale.ROOT)
                + l.id().substring(1)).toList();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(file);
                String name = rel.getFileName().toString().replace(".java", "");
                boolean inLang = rel.getNameCount() == 3 && rel.getName(0).toString().equals("lang");
                if (!inLang) {
                    prefixes.stream().filter(p -> name.matches(Pattern.quote(p) + "[A-Z]\\w*"))
                            .forEach(p -> violations.add(rel + " is named after a language but sits outside lang/"));
                    continue;
                }
                String own = LANG + "." + rel.getName(1) + ".";
                boolean planning = name.endsWith("Planner") || name.endsWith("Ignore");
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = m.group(1);
                    if (imported.startsWith(LANG + ".") && !imported.startsWith(own)) {
                        violations.add(rel + " imports another language: " + imported);
                    }
                    if (!planning && (imported.startsWith("dev.dockergen.plan.") || imported.startsWith("dev.dockergen.preset."))) {
                        violations.add(rel + " detects, so it must not see " + imported);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** Languages lists every language once, in the order of {@link Language}, and each has its presets file. */
    @Test
    void languagesIsTheOneOrderedList() {
        assertEquals(List.of(Language.values()), Languages.all().stream().map(Languages.Entry::language).toList());
        for (Languages.Entry e : Languages.all()) {
            assertEquals(e.language(), e.detector().get().language());
            assertEquals(e.language(), e.planner().get().language());
            assertTrue(Files.isRegularFile(Path.of("presets", e.language().id() + ".yaml")), e.language().id());
            assertTrue(Files.isDirectory(MAIN.resolve("lang").resolve(e.language().id())), e.language().id());
        }
    }

    /** No main source file over {@link #MAX_LINES} lines. */
    @Test
    void noMainSourceFileIsOverFiveHundredLines() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                long lines = Files.readAllLines(file).size();
                if (lines > MAX_LINES) {
                    violations.add(MAIN.relativize(file) + " has " + lines + " lines; split it by job");
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * Outside lang/ no code names a language constant (the one exception is its declaration in detect/Language): what
     * a new language brings is its folder, its line in Languages and its constant, nothing in the shared packages.
     */
    @Test
    void noSharedCodeNamesALanguage() throws IOException {
        Pattern constant = Pattern.compile("\\bLanguage\\.(" + String.join("|", Arrays.stream(Language.values())
                .map(Language::name).toList()) + ")\\b");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path rel = MAIN.relativize(file);
                if (rel.getName(0).toString().equals("lang") || rel.equals(Path.of("detect", "Language.java"))) {
                    continue;
                }
                Matcher m = constant.matcher(Files.readString(file));
                while (m.find()) {
                    violations.add(rel + " names " + m.group());
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
