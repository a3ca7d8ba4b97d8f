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
    /**
     * Settings a program reads at start that name where it keeps state: a key about runtime, data, storage, state,
     * uploads, a database, a pid file or a socket whose value is a path ({@code RuntimeRootPath = runtime/},
     * {@code dbfile = /var/lib/app/app.sqlite3}, {@code pidfile = /var/run/app/app.pid}). The value must look like a
     * path: absolute, with a folder in it, or a file name with a data extension; a database name or a URL is not one.
     */
    public static final List<Rule> SETTINGS = List.of(
            Rule.of("^\\s*[A-Za-z_.]*(?i:pid|sock|socket)[A-Za-z_.]*\\s*[=:]\\s*[\"']?(/[A-Za-z0-9._/-]+)[\"']?\\s*$",
                    null, false, "run-time file setting"),
            Rule.of("^\\s*[A-Za-z_.]*(?i:runtime|data|storage|state|upload|dbfile|database_?file|db_?path|db_?dir)"
                    + "[A-Za-z_.]*\\s*[=:]\\s*[\"']?((?:/|[A-Za-z0-9._-]+/)[A-Za-z0-9._/-]*|[A-Za-z0-9._-]+\\."
                    + "(?:db|sqlite|sqlite3|db3))[\"']?\\s*$", null, true, "data setting"));
    /** At most this many files are read per scan. */
    private static final int MAX_FILES = 2000;
    /** How many lines after the first a logical line may take in. */
    private static final int JOINED = 6;
    private static final Set<String> TESTS = Set.of("test", "tests", "spec", "specs", "e2e", "docs", "doc", "scripts",
            "migrations", "locale", "locales", "static", "public", "assets", "templates", "tools", "release");
    private static final Predicate<String> PRUNE = Walk.skipping(Walk.INSTALLED, Walk.BUILD_OUTPUT, Walk.TEST_MATERIAL,
            Walk.DEMONSTRATIONS, TESTS);
    /** Vendored sources are pruned at the top of the project or one folder down (deps/, src/third_party/) only. */
    private static final Predicate<String> VENDORED = d -> d.split("/").length <= 2
            && Walk.VENDORED.contains(ProjectFiles.fileName(d));

    private static final Set<String> SYSTEM = Set.of("/", "/var", "/var/log", "/var/run", "/run", "/var/lib", "/etc",
            "/usr", "/opt", "/srv", "/var/cache", "/var/spool", "/home", "/root");
    private static final Set<String> SETTINGS_FOLDERS = Set.of("conf", "config", "configs", "etc");
    /** fly.toml's {@code destination = "/data"} inside a {@code [mounts]} table. */
    private static final Pattern MOUNT_DESTINATION = Pattern.compile("^destination\\s*=\\s*[\"'](/[A-Za-z0-9._/-]+)[\"']");

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
    public record Rule(Pattern pattern, Boolean file, boolean state, String what, String base, String fixed) {
        public Rule(Pattern pattern, Boolean file, boolean state, String what, String base) {
            this(pattern, file, state, what, base, null);
        }

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

        /** A rule for a call that writes a path of its own when it is given none (a library's default folder). */
        public static Rule fixed(String regex, String path, boolean file, boolean state, String what) {
            return new Rule(Pattern.compile(regex), file, state, what, null, path);
        }
    }

    /**
     * Whether a path names a file: its last part has a database, log, data or config extension, after a name that
     * may itself start with a dot ({@code rifle.conf}, {@code .mime.types}; {@code .config} alone is a folder).
     */
    public static boolean looksLikeFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.matches("\\.?[^.].*\\.(db|db3|sqlite|sqlite3|rdb|aof|log|json|ini|txt|csv|yaml|yml|toml|xml|dat|bin|pid"
                + "|sock|conf|cfg|cnf|properties|types|lock)");
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
        for (String f : files.walk("", DEPTH, d -> PRUNE.test(d) || VENDORED.test(d) || Walk.hidden(d))) {
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

    /**
     * The settings files of the project ({@code .ini}, {@code .conf}, {@code .cfg}, {@code .toml}): at its top or
     * directly in a conf/, config/ or etc/ folder of the top (not in folders below those: drop-in examples).
     */
    public static List<String> settingsFiles(ProjectFiles files) {
        List<String> out = new ArrayList<>();
        for (String f : files.walk("", 1, d -> !SETTINGS_FOLDERS.contains(d))) {
            String name = ProjectFiles.fileName(f);
            if (name.matches("[^.].*\\.(?:ini|conf|cfg|toml)") && !name.matches("(?:setup|tox|pyproject|Cargo|netlify|"
                    + "wrangler|fly|vercel|mkdocs|pytest|\\.?flake8|mypy|ruff|nginx|uwsgi|supervisord|renovate|"
                    + "\\.?editorconfig|buf|go)\\..*") && !name.contains("test") && !name.contains("example")) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The folders the project's own deployment mounts a volume at: fly.toml's {@code [mounts]}/{@code [[mounts]]}
     * {@code destination = "/data"}, where the app keeps its state when it runs in its container.
     */
    public static List<WritePath> deployedMounts(ProjectFiles files) {
        Map<String, WritePath> found = found();
        String text = SourceSearch.textOf(files, "fly.toml");
        boolean inMounts = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("[")) {
                inMounts = line.matches("\\[\\[?mounts\\]\\]?");
                continue;
            }
            Matcher m = MOUNT_DESTINATION.matcher(line);
            if (inMounts && m.find()) {
                add(found, m.group(1), false, true, "volume its fly.toml mounts", Source.of("fly.toml", i + 1));
            }
        }
        return sorted(found);
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
                if (comment(stripped)) {
                    continue;
                }
                String logical = logicalLine(lines, i);
                for (Rule r : rules) {
                    Matcher m = r.pattern().matcher(logical);
                    while (m.find()) {
                        if (m.start() >= lines[i].length()) {
                            break; // found again from the line where it starts
                        }
                        String raw = r.fixed() != null ? r.fixed() : m.group(1);
                        if (".".equals(r.base()) && raw != null) {
                            raw = against(ProjectFiles.parent(path), raw.strip()); // "../../logs" from a module
                        }
                        String p = clean(raw);
                        if (p == null) {
                            continue;
                        }
                        if ("~".equals(r.base()) && !p.startsWith("/") && !p.startsWith("~")) {
                            p = "~/" + p;
                        }
                        add(found, p, r.file() == null ? looksLikeFile(p) : r.file(), r.state(), r.what(),
                                Source.of(path, i + 1));
                    }
                }
            }
        }
    }

    private static boolean comment(String stripped) {
        return stripped.startsWith("//") || stripped.startsWith("#") || stripped.startsWith("*")
                || stripped.startsWith("/*") || stripped.startsWith("<!--");
    }

    /**
     * Line {@code i} with the lines that continue it: while a bracket it opens is still open, or it ends in an
     * operator that needs a right-hand side ({@code =}, {@code ||}, {@code ??}), up to {@link #JOINED} lines; comment
     * lines in between are left out.
     */
    public static String logicalLine(String[] lines, int i) {
        StringBuilder out = new StringBuilder(lines[i]);
        int open = depth(lines[i]);
        String last = lines[i].strip();
        for (int j = i + 1; j < lines.length && j <= i + JOINED; j++) {
            boolean continues = open > 0 || last.endsWith("=") && !last.endsWith("==") || last.endsWith("||")
                    || last.endsWith("??");
            if (!continues) {
                break;
            }
            String next = lines[j].strip();
            if (comment(next)) {
                continue;
            }
            out.append(' ').append(next);
            open += depth(next);
            last = next;
        }
        return out.toString();
    }

    /** How many brackets a line opens and does not close (negative when it closes more). */
    private static int depth(String line) {
        int d = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '(' || c == '[' || c == '{') {
                d++;
            } else if (c == ')' || c == ']' || c == '}') {
                d--;
            }
        }
        return d;
    }

    /** Adds one path when it is a plain literal (no variables, no in-memory database); false when it is not. */
    public static boolean add(Map<String, WritePath> found, String raw, boolean file, boolean state, String what,
                              Source source) {
        String p = clean(raw);
        if (p == null || !written(p) || SYSTEM.contains(file ? new WritePath(p, true, state, what, source).folder() : p)) {
            return false; // a file straight in a system folder: that folder is not the program's to own
        }
        found.putIfAbsent(p, new WritePath(p, file, state, what, source));
        return true;
    }

    /**
     * Whether a path can be one a Linux program writes for itself: not test scaffolding (a tests/ or fixtures/
     * folder), not a macOS or Windows place ({@code ~/Library/...}, {@code AppData}), not a shared base folder of the
     * home that the program only writes below under a name chosen at run time ({@code ~/.config}, {@code ~/.cache},
     * {@code ~/.local/share}), not a run-control or settings file it reads ({@code ~/.toolrc},
     * {@code ~/.config/tool/tool.conf}, {@code ~/.mime.types}: the user writes those for it).
     */
    static boolean written(String p) {
        return !p.matches("(?:.*/)?(?:tests?|spec|fixtures|testdata)(?:/.*)?")
                && !p.startsWith("~/Library/") && !p.contains("AppData")
                && !p.matches("~/\\.(?:config|cache|local|local/share|local/state)")
                && !p.matches("~/\\.[A-Za-z0-9_-]+rc")
                && !p.matches("~/.*\\.(?:conf|cfg|cnf|ini|types|properties|yaml|yml|toml)");
    }

    /** A literal as a path: "./data/" gives "data", "" and "." give ".", null when it is not a plain path. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        // a shell or Spring placeholder with a default ("${LOG_HOME:-/data/logs}/app", "${DATA:data}") is its default
        String p = raw.strip().replaceAll("\\$\\{[A-Za-z0-9_.]+:-?([^}$]*)}", "$1");
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
