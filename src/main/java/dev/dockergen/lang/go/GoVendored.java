package dev.dockergen.lang.go;

import dev.dockergen.detect.ProjectFiles;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packages in vendor/ that the program's own packages import (one level: a flag or a listen address a vendored
 * config package registers is the program's, a library's own dependencies are not read).
 */
final class GoVendored {
    /** At most this many vendored files are read: a generated asset package can be large. */
    private static final int MAX_FILES = 400;

    private GoVendored() {
    }

    /**
     * The non-test .go files of each vendored package {@code reached} imports (standard packages and the project's
     * own, under {@code importRoot}, are not vendored), sorted by package.
     */
    static List<String> imported(ProjectFiles files, List<GoSourceScan> reached, String importRoot) {
        Set<String> dirs = new TreeSet<>();
        for (GoSourceScan s : reached) {
            for (String imp : s.imports) {
                boolean own = importRoot != null && (imp.equals(importRoot) || imp.startsWith(importRoot + "/"));
                if (!own && imp.substring(0, imp.indexOf('/') < 0 ? imp.length() : imp.indexOf('/')).contains(".")
                        && !imp.contains("..") && files.isDirectory("vendor/" + imp)) {
                    dirs.add("vendor/" + imp);
                }
            }
        }
        return dirs.stream()
                .flatMap(dir -> files.walk(dir, 0, d -> true).stream())
                .filter(p -> p.endsWith(".go") && !p.endsWith("_test.go"))
                .limit(MAX_FILES)
                .toList();
    }
}
