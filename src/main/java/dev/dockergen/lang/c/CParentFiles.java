package dev.dockergen.lang.c;

import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.SourceSearch;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder whose build reaches into its parent: a Makefile prerequisite {@code ../httplib.h}, {@code -I..}, an
 * {@code #include "../x.h"} that names a file or folder of the repository outside the folder. Built alone, such a folder
 * fails ("No rule to make target '../httplib.h'"), so it is built from the ancestor that holds what it names.
 */
final class CParentFiles {
    private static final List<String> BUILD_FILES = List.of("GNUmakefile", "makefile", "Makefile", "CMakeLists.txt",
            "meson.build");
    /** A relative path that starts by going up: ../x.h, ../../src/, or a bare .. (as in -I..). */
    private static final Pattern UP = Pattern.compile("(?<![\\w./$-])((?:\\.\\./)*\\.\\.)(?:/([\\w.+/-]*))?(?![\\w.-])");
    private static final Pattern SOURCE = Pattern.compile(".*\\.(c|cc|cpp|cxx|h|hh|hpp)");

    private CParentFiles() {
    }

    /**
     * Where the first build file or source of {@code dir} names something outside it whose nearest common folder with
     * {@code dir} is the root of {@code files}, or empty.
     */
    static Optional<Source> reach(ProjectFiles files, String dir) {
        List<String> candidates = new java.util.ArrayList<>();
        BUILD_FILES.stream().map(f -> dir + "/" + f).filter(files::isFile).forEach(candidates::add);
        if (candidates.isEmpty()) {
            return Optional.empty(); // no build of its own: not a C project folder
        }
        List<String> own = files.walk(dir, 0, d -> true);
        Optional<Source> link = linkOut(files, dir, own);
        if (link.isPresent()) {
            return link;
        }
        own.stream().filter(p -> SOURCE.matcher(p).matches()).limit(50).forEach(candidates::add);
        for (String file : candidates) {
            // a source too large to read (a one-file library's amalgamation) reads as empty: its includes are not ours
            String text = SourceSearch.textOf(files, file);
            boolean source = SOURCE.matcher(file).matches();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (source && !line.matches("\\s*#\\s*include\\s*\".*")) {
                    continue;
                }
                if (!source && line.stripLeading().startsWith("#")) {
                    continue;
                }
                Matcher m = UP.matcher(line);
                while (m.find()) {
                    String target = resolve(ProjectFiles.parent(file), m.group(1) + (m.group(2) == null ? "" : "/" + m.group(2)));
                    // only from the nearest folder that holds both: from higher up, the folder below it is the context
                    if (target != null && (target.isEmpty() || !target.split("/")[0].equals(dir.split("/")[0]))
                            && (target.isEmpty() || files.isFile(target) || files.isDirectory(target))) {
                        return Optional.of(Source.of(file, i + 1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first file of {@code dir} that is a symbolic link to a file of the repository outside it (mongoose.c ->
     * ../../mongoose.c): built alone, the link would dangle in the image.
     */
    private static Optional<Source> linkOut(ProjectFiles files, String dir, List<String> own) {
        for (String file : own) {
            Optional<String> to = files.linkTarget(file).filter(t -> !t.startsWith("/"));
            String target = to.isEmpty() ? null : resolve(ProjectFiles.parent(file), to.get());
            if (target != null && !target.split("/")[0].equals(dir.split("/")[0]) && files.isFile(target)) {
                return Optional.of(Source.of(file));
            }
        }
        return Optional.empty();
    }

    /** {@code rel} from {@code from}, normalised; null when it leaves the repository. */
    private static String resolve(String from, String rel) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String p : (from + "/" + rel).split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
