package dev.dockergen;

import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.lang.Languages;
import dev.dockergen.preset.CatalogLoader;
import java.nio.file.Path;

/** The fixture repositories under src/test/resources/fixtures, and a façade with a fixed version. */
public final class Fixtures {
    public static final Path ROOT = Path.of("src", "test", "resources", "fixtures");
    public static final String VERSION = "TEST";

    private Fixtures() {
    }

    public static Path go(String name) {
        return ROOT.resolve("go").resolve(name);
    }

    public static DirectoryProjectFiles goFiles(String name) {
        return new DirectoryProjectFiles(go(name), name);
    }

    /** Copies a fixture (or any directory) to {@code target}, for tests that write into it. */
    public static Path copyTree(Path source, Path target) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(source)) {
            for (Path p : paths.sorted().toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    java.nio.file.Files.createDirectories(dest);
                } else {
                    // a symbolic link stays a link (a fixture may link to a file elsewhere in it)
                    java.nio.file.Files.copy(p, dest, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        return target;
    }

    /** The built-in pipeline, with "TEST" as its version so approvals survive releases. */
    public static Dockergen dockergen() {
        return new Dockergen(Languages.detectors(), Languages.planner(), CatalogLoader.builtIn(), VERSION);
    }
}
