package dev.dockergen.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one-line change before the warm rebuild: a comment line appended to a source file (in the temporary copy),
 * which every builder sees as changed source and no compiler or interpreter minds.
 */
public final class SourceEdit {
    static final String EXTENSIONS = ".go, .js, .ts, .py, .java, .kt, .c, .cpp, .rs and the like";
    static final String LINE = "dockergen measure: a one-line change for the warm rebuild";
    private static final Map<String, String> COMMENTS = Map.ofEntries(
            Map.entry("go", "//"), Map.entry("js", "//"), Map.entry("mjs", "//"), Map.entry("cjs", "//"),
            Map.entry("ts", "//"), Map.entry("mts", "//"), Map.entry("tsx", "//"), Map.entry("jsx", "//"),
            Map.entry("java", "//"), Map.entry("kt", "//"), Map.entry("scala", "//"), Map.entry("c", "//"),
            Map.entry("h", "//"), Map.entry("cc", "//"), Map.entry("cpp", "//"), Map.entry("cxx", "//"),
            Map.entry("hpp", "//"), Map.entry("rs", "//"), Map.entry("cs", "//"), Map.entry("swift", "//"),
            Map.entry("py", "#"), Map.entry("rb", "#"), Map.entry("ex", "#"), Map.entry("exs", "#"), Map.entry("php", "//"));
    /** Directories that hold dependencies, build output or tests rather than the program's own source. */
    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "vendor", "target", "build", "dist", "out",
            "__pycache__", ".venv", "venv", "test", "tests", "__tests__", "testdata", "spec", "e2e", ".next", ".gradle");

    private SourceEdit() {
    }

    /** The comment opener for this file name, or null when it is not a source file measure knows. */
    static String commentFor(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : COMMENTS.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isTest(String name) {
        return name.endsWith("_test.go") || name.matches(".*\\.(test|spec)\\.[cm]?[jt]sx?$")
                || name.matches("test_.*\\.py|.*_test\\.py|.*Test\\.java|.*Tests\\.java|.*Test\\.kt|conftest\\.py");
    }

    /** Source files of the project, relative and '/'-separated, shallowest first, then by name. */
    static List<String> candidates(Path project) {
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(project, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(project) && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && commentFor(name) != null && !isTest(name)) {
                        out.add(project.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.comparingInt((String p) -> p.split("/").length).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    /** Appends the comment line. */
    static void apply(Path file) throws IOException {
        String comment = commentFor(file.getFileName().toString());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String line = (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + comment + " " + LINE + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
