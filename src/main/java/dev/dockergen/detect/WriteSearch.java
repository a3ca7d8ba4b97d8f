package dev.dockergen.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared part of the languages' {@link WritesScanner}s: walking the sources, matching one pattern per rule on
 * each line that is not a comment, and turning the literal the pattern captures into a {@link WritePath}.
 */
public final class WriteSearch {
    /** How deep below the project the sources are read. */
    public static final int DEPTH = 6;
    /** At most this many files are read per scan. */
    private static final int MAX_FILES = 400;
    private static final Set<String> TESTS = Set.of("test", "tests", "spec", "specs", "e2e", "docs", "doc", "scripts",
            "migrations", "locale", "locales", "static", "public", "assets", "templates");
    private static final Predicate<String> PRUNE = Walk.skipping(Walk.INSTALLED, Walk.BUILD_OUTPUT, Walk.TEST_MATERIAL,
            Walk.DEMONSTRATIONS, Walk.VENDORED, TESTS);

    private WriteSearch() {
    }

    /**
     * A rule: {@code pattern}'s group 1 is the path (a string literal's content).
     *
     * @param file whether the path names a file (else a folder); null: a file when its name has a data or log
     *             extension ({@link #looksLikeFile})
     * @param base how a relative path is read: null against the working directory, "." against the folder of the file
     *             that names it, "~" in the runtime user's home
     */
    public record Rule(Pattern pattern, Boolean file, boolean state, String what, String base) {
        public static Rule of(String regex, Boolean file, boolean state, String what) {
            return new Rule(Pattern.compile(regex), file, state, what, null);
        }

        /** A rule whose paths are in the runtime user's home. */
        public static Rule home(String regex, Boolean file, boolean state, String what) {
            return new Rule(Pattern.compile(regex), file, state, what, "~");
        }

        /** A rule whose relative paths are relative to the folder of the file that names them. */
        public static Rule beside(String regex, Boolean file, boolean state, String what) {
            return new Rule(Pattern.compile(regex), file, state, what, ".");
        }
    }

    /** Whether a path names a file: its last part has a database, log, data or config extension. */
    public static boolean looksLikeFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.matches("[^.].*\\.(db|db3|sqlite|sqlite3|rdb|aof|log|json|ini|txt|csv|yaml|yml|toml|xml|dat|bin)");
    }

    /** A relative path read against {@code dir} ("" for the working directory), "a/../b" folded; absolute and home paths as they are. */
    public static String against(String dir, String path) {
        if (path.startsWith("/") || path.startsWith("~") || dir.isEmpty()) {
            return path;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : (dir + "/" + path).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? "." : String.join("/", parts);
    }

    /** Source files below the project whose names end in one of {@code suffixes}, test files left out. */
    public static List<String> sources(ProjectFiles files, Predicate<String> testFile, String... suffixes) {
        List<String> out = new ArrayList<>();
        for (String f : files.walk("", DEPTH, d -> PRUNE.test(d) || Walk.hidden(d))) {
            String name = ProjectFiles.fileName(f);
            for (String s : suffixes) {
                if (name.endsWith(s) && !testFile.test(name)) {
                    out.add(f);
                    break;
                }
            }
            if (out.size() >= MAX_FILES) {
                break;
            }
        }
        return out;
    }

    /** Every rule's matches in {@code paths}, added to {@code found} by path (the first source wins). */
    public static void scan(ProjectFiles files, List<String> paths, List<Rule> rules, Map<String, WritePath> found) {
        scan(files, paths, null, rules, found);
    }

    /** As {@link #scan(ProjectFiles, List, List, Map)}, in the files whose text contains {@code marker} only. */
    public static void scan(ProjectFiles files, List<String> paths, String marker, List<Rule> rules,
                            Map<String, WritePath> found) {
        for (String path : paths) {
            String text = SourceSearch.textOf(files, path);
            if (marker != null && !text.contains(marker)) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String stripped = lines[i].strip();
                if (stripped.startsWith("//") || stripped.startsWith("#") || stripped.startsWith("*")
                        || stripped.startsWith("/*") || stripped.startsWith("<!--")) {
                    continue;
                }
                for (Rule r : rules) {
                    Matcher m = r.pattern().matcher(lines[i]);
                    while (m.find()) {
                        String raw = m.group(1);
                        String p = clean(raw);
                        if (p == null) {
                            continue;
                        }
                        if ("~".equals(r.base()) && !p.startsWith("/") && !p.startsWith("~")) {
                            p = "~/" + p;
                        } else if (".".equals(r.base())) {
                            p = against(ProjectFiles.parent(path), p);
                        }
                        add(found, p, r.file() == null ? looksLikeFile(p) : r.file(), r.state(), r.what(),
                                Source.of(path, i + 1));
                    }
                }
            }
        }
    }

    /** Adds one path when it is a plain literal (no variables, no in-memory database); false when it is not. */
    public static boolean add(Map<String, WritePath> found, String raw, boolean file, boolean state, String what,
                              Source source) {
        String p = clean(raw);
        if (p == null) {
            return false;
        }
        found.putIfAbsent(p, new WritePath(p, file, state, what, source));
        return true;
    }

    /** A literal as a path: "./data/" gives "data", "" and "." give ".", null when it is not a plain path. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String p = raw.strip();
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        if (p.isEmpty() || p.contains(":memory:") || p.contains("mode=memory")) {
            return null;
        }
        if (!p.matches("(~/|/)?[A-Za-z0-9._/-]*")) {
            return null; // a variable, a format string, a placeholder
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.equals(".") || p.equals("~")) {
            return p.isEmpty() ? "." : p;
        }
        if (p.startsWith("/dev/") || p.startsWith("/proc/") || p.startsWith("/sys/") || p.equals("/tmp")
                || p.equals("/") || p.startsWith("../../")) {
            return null;
        }
        return p;
    }

    /** The found paths in a stable order: by path. */
    public static List<WritePath> sorted(Map<String, WritePath> found) {
        return new java.util.TreeMap<>(found).values().stream().toList();
    }

    /** A fresh map for {@link #scan}. */
    public static Map<String, WritePath> found() {
        return new LinkedHashMap<>();
    }
}
