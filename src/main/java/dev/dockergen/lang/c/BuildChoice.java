package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several build systems at one root (CMakeLists.txt beside a Makefile or configure.ac): the one the project's own build
 * instructions run. README, INSTALL, BUILDING and COMPILING files at the root and doc(s)/ files about building or
 * installing are read; each command line or backquoted command counts for its build system, and the system with the
 * most wins (the first mentioned on a tie).
 */
final class BuildChoice {
    private static final int MAX_FILES = 8;
    private static final Pattern DOC = Pattern.compile("(?i)(README|INSTALL|BUILDING|COMPILING)[^/]*");
    private static final Pattern DOCS_DIR_DOC = Pattern.compile("(?i)docs?/[^/]*(build|install|compil)[^/]*\\.(md|txt|rst)");
    /** A command at a line's start (after a prompt) or in backquotes; group 1 is the command word. */
    private static final Pattern COMMAND = Pattern.compile(
            "(?m)(?:^[ \\t]*(?:[$#>%][ \\t]*)?|`)(\\./configure|(?:sh |bash )?\\./autogen\\.sh|autoreconf|cmake|meson|make)(?=[ \\t`]|$)");

    private BuildChoice() {
    }

    /**
     * The build system ("cmake", "meson", "autotools", "make") the instructions run most, among {@code present}, with the
     * first line that runs it; null when the instructions name none of them.
     */
    static Fact<String> documented(ProjectFiles files, List<String> all, List<String> present) {
        List<String> docs = new ArrayList<>();
        for (String p : all) {
            if (docs.size() < MAX_FILES && (!p.contains("/") && DOC.matcher(p).matches() || DOCS_DIR_DOC.matcher(p).matches())) {
                docs.add(p);
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Fact<String>> first = new LinkedHashMap<>();
        for (String doc : docs) {
            String text;
            try {
                text = files.read(doc).orElse("");
            } catch (ProjectInputException e) {
                continue;
            }
            Matcher m = COMMAND.matcher(text);
            while (m.find()) {
                String word = m.group(1);
                String system = word.equals("cmake") ? "cmake" : word.equals("meson") ? "meson" : word.equals("make") ? "make" : "autotools";
                if (present.contains(system)) {
                    counts.merge(system, 1, Integer::sum);
                    first.putIfAbsent(system, Fact.of(system, doc, AutotoolsParser.lineOf(text, m.start(1))));
                }
            }
        }
        return counts.entrySet().stream().max((a, b) -> Integer.compare(a.getValue(), b.getValue()))
                .map(e -> first.get(e.getKey())).orElse(null);
    }
}
