package dev.dockergen.lang.python;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.SourceSearch;
import dev.dockergen.detect.WritePath;
import dev.dockergen.detect.WriteSearch;
import dev.dockergen.detect.WriteSearch.Rule;
import dev.dockergen.detect.WritesScanner;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Python program writes: SQLite files ({@code sqlite3.connect("x.db")}, {@code sqlite:///x.db} URLs, Django's
 * {@code NAME: BASE_DIR / "db.sqlite3"}, a URL joined to the module's folder), Django's {@code MEDIA_ROOT}, Flask's
 * instance folder, folders it creates ({@code os.makedirs}), log files (logging's file handlers), data-folder
 * settings' defaults ({@code os.environ.get("DATA_DIR", "data")}, {@code DATA_DIR if DATA_DIR else "/app/data"},
 * {@code --datastore} defaults), the data settings of its settings files ({@code dbfile = /var/lib/app/app.sqlite3})
 * and home folders ({@code os.path.expanduser("~/.app")}). Paths joined to a folder computed from {@code __file__}
 * ({@code BASE_DIR}, {@code PROJECT_DIR}) are read against that folder ({@link PythonWritesFolders}), and so are the
 * paths joined to a data folder that is the program's own ({@link PythonDataDir}); helper scripts in
 * bin/, contrib/ and tools/ are not the program.
 */
public final class PythonWrites implements WritesScanner {
    private static final String Q = "['\"]";
    private static final String LIT = Q + "([^'\"]+)" + Q;
    /**
     * A literal joined to BASE_DIR as the whole rest of the path: {@code BASE_DIR / "db.sqlite3"} with no further
     * segment, or the last argument of {@code os.path.join(BASE_DIR, "db.sqlite3")}. A first segment followed by more
     * ({@code os.path.join(BASE_DIR, "var", os.environ.get(...))}) is a folder, read by {@link PythonWritesFolders}.
     */
    private static final String[] BASE = {"BASE_DIR\\s*/\\s*" + LIT + "(?!\\s*/)",
        "os\\.path\\.join\\(\\s*BASE_DIR\\s*,\\s*" + LIT + "\\s*,?\\s*\\)"};
    private static final List<Rule> RULES = List.of(
            Rule.of("sqlite3\\.connect\\(\\s*" + LIT, true, true, "SQLite database"),
            Rule.of("sqlite:///([^'\"\\s?]+)", true, true, "SQLite database"),
            Rule.of(Q + "NAME" + Q + "\\s*:\\s*" + BASE[0], true, true, "SQLite database"),
            Rule.of(Q + "NAME" + Q + "\\s*:\\s*" + BASE[1], true, true, "SQLite database"),
            Rule.of("MEDIA_ROOT\\s*=\\s*" + BASE[0], false, true, "media folder"),
            Rule.of("MEDIA_ROOT\\s*=\\s*" + BASE[1], false, true, "media folder"),
            Rule.of("os\\.makedirs\\(\\s*" + LIT, false, true, "folder the program creates"),
            Rule.of("os\\.mkdir\\(\\s*" + LIT, false, true, "folder the program creates"),
            Rule.of("Path\\(\\s*" + LIT + "\\s*\\)\\.mkdir\\(", false, true, "folder the program creates"),
            Rule.of("FileHandler\\(\\s*(?:filename\\s*=\\s*)?" + LIT, true, false, "log file"),
            Rule.of("basicConfig\\([^)]*filename\\s*=\\s*" + LIT, true, false, "log file"),
            Rule.of(Q + "filename" + Q + "\\s*:\\s*" + Q + "([^'\"]+\\.log)" + Q, true, false, "log file"),
            Rule.of("(?:environ\\.get|getenv)\\(\\s*" + Q + "[A-Z_]*(?:DATA|DATASTORE|DB|DATABASE|STORE|STORAGE)"
                    + "(?:_DIR|_PATH|_FOLDER|_FILE|_ROOT)" + Q + "\\s*,\\s*" + LIT, null, true, "data setting's default"),
            // without a _DIR/_PATH suffix the name may be a database's name ("LD_DB_DATABASE", "app"): a path only
            Rule.of("(?:environ\\.get|getenv)\\(\\s*" + Q + "[A-Z_]*(?:DATA|DATASTORE|DB|DATABASE|STORE|STORAGE)[A-Z_]*"
                    + Q + "\\s*,\\s*" + Q + "((?:[./~][^'\"]*|[^'\"]+/[^'\"]*|[^'\"]+\\.(?:db|sqlite|sqlite3)))" + Q, null,
                    true, "data setting's default"),
            // a data setting read with a fallback: DATA_DIR if DATA_DIR else "/app/data"
            Rule.of("\\b[A-Z_]*(?:DATA|STORE|STORAGE)[A-Z_]*\\s+if\\s+[A-Z_]*(?:DATA|STORE|STORAGE)[A-Z_]*\\s+else\\s+"
                    + LIT, false, true, "data setting's default"),
            Rule.of("add_argument\\(\\s*(?:" + Q + "-[a-z]" + Q + "\\s*,\\s*)?" + Q + "--(?:[a-z]+-)*(?:data|datastore|db"
                    + "|database|storage)(?:-(?:dir|path|file|folder|root|directory))?" + Q + "[^)]*default\\s*=\\s*"
                    + LIT, null, true, "data option's default"),
            // a data folder beside the working directory: os.path.join(os.getcwd(), "../datastore")
            Rule.of("\\b\\w*(?i:data|store|storage|db)\\w*\\s*=\\s*os\\.path\\.join\\(\\s*os\\.getcwd\\(\\)\\s*,\\s*" + LIT
                    + "\\s*\\)", false, true, "data folder"),
            Rule.home("expanduser\\(\\s*" + Q + "~/([^'\"]+)" + Q, null, true, "file in the user's home"),
            Rule.home("Path\\.home\\(\\)\\s*/\\s*" + LIT, null, true, "file in the user's home"));
    /**
     * A JSON file's name given as a parameter's default ({@code def __init__(self, filename: str = "state/revs.json")})
     * or a constant ({@code STATE_FILE = "state.json"}) in a module that writes JSON ({@code json.dump(}); a call's
     * keyword argument ({@code File(data, filename="x.json")}) is not one.
     */
    private static final List<Rule> DUMPED = List.of(
            Rule.of("^\\s*(?:async\\s+)?def\\s+\\w+\\([^)]*?\\b\\w*(?i:file|path)\\w*\\s*(?::\\s*[\\w\\[\\]|. ]+)?\\s*=\\s*"
                    + Q + "([^'\"\\s{}%]+\\.json)" + Q, true, true, "JSON file the program dumps"),
            Rule.of("^[A-Z_]*(?:FILE|PATH)\\s*=\\s*" + Q + "([^'\"\\s{}%]+\\.json)" + Q, true, true,
                    "JSON file the program dumps"));
    /** A file or folder joined to $HOME: os.path.join(os.environ["HOME"], ".app"), or "." + a name set in the module. */
    private static final Pattern HOME_JOIN = Pattern.compile("(?:(\\w+)\\s*=\\s*)?os\\.path\\.join\\(\\s*(?:os\\.environ\\[\\s*"
            + Q + "HOME" + Q + "\\s*\\]|os\\.(?:getenv|environ\\.get)\\(\\s*" + Q + "HOME" + Q + "\\s*\\)|os\\.path\\.expanduser\\(\\s*"
            + Q + "~" + Q + "\\s*\\))\\s*,\\s*(?:" + LIT + "|" + Q + "\\." + Q + "\\s*\\+\\s*(\\w+))\\s*\\)");
    /** An upload server's folder option that defaults to the working directory (in a module about uploads). */
    private static final String DIRECTORY_OPTION = "add_argument\\(\\s*(?:" + Q + "-[a-z]" + Q + "\\s*,\\s*)?" + Q
            + "--(?:directory|dir|upload-dir|upload-directory|uploads)" + Q + "(?:\\s*,\\s*" + Q + "-[a-z]" + Q + ")?[^)]*"
            + "default\\s*=\\s*";
    private static final List<Rule> UPLOADS = List.of(
            Rule.of(DIRECTORY_OPTION + Q + "(\\.)" + Q, false, true, "upload folder"),
            Rule.fixed(DIRECTORY_OPTION + "os\\.getcwd\\(\\)", ".", false, true, "upload folder"));
    /** A URL or a file name joined to the folder of the module that names it ({@code basedir}). */
    private static final List<Rule> BESIDE = List.of(
            Rule.beside("sqlite:///" + Q + "\\s*\\+\\s*os\\.path\\.join\\(\\s*\\w+\\s*,\\s*" + LIT, true, true,
                    "SQLite database"));

    /**
     * Whether a module lies in a folder of vendored libraries put on sys.path (lib/, vendor/ holding packages, not a
     * package itself): their code is not the program's.
     */
    private static boolean vendored(ProjectFiles files, String path) {
        String[] parts = path.split("/");
        String dir = "";
        for (int k = 0; k < parts.length - 1; k++) {
            dir = dir.isEmpty() ? parts[k] : dir + "/" + parts[k];
            if (parts[k].matches("lib|libs|vendor|vendored|_vendor|site-packages|third_party")
                    && !files.isFile(dir + "/__init__.py")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<WritePath> scan(ProjectFiles files, ProjectFacts facts) {
        Map<String, WritePath> found = WriteSearch.found();
        List<String> sources = new java.util.ArrayList<>(WriteSearch.sources(files, n -> n.startsWith("test_")
                || n.endsWith("_test.py") || n.matches("conftest\\.py|tests?\\.py"), ".py").stream()
                .filter(f -> !f.matches("(?:bin|contrib|tools)/.*") && !vendored(files, f)).toList());
        for (String f : files.walk("", 0, d -> true)) {
            String head = f.contains(".") ? "" : SourceSearch.textOf(files, f).lines().findFirst().orElse("");
            if (head.startsWith("#!") && head.contains("python")) {
                sources.add(f); // a script without a .py suffix (#!/usr/bin/env python)
            }
        }
        for (String settings : PythonWritesFolders.djangoSettings(files)) {
            if (!sources.contains(settings)) {
                sources.add(settings); // a settings package in a folder named like a demonstration (example/)
            }
        }
        PythonWritesFolders.scan(files, sources, found);
        PythonDataDir.scan(files, sources, found);
        WriteSearch.scan(files, sources, RULES, found);
        WriteSearch.scan(files, WriteSearch.settingsFiles(files), WriteSearch.SETTINGS, found);
        WriteSearch.scan(files, sources, "dirname(__file__)", BESIDE, found);
        WriteSearch.scan(files, sources, "upload", UPLOADS, found);
        WriteSearch.scan(files, sources, "json.dump(", DUMPED, found);
        homeJoins(files, sources, found);
        WriteSearch.scan(files, sources, "instance_path", List.of(Rule.of(
                "(?:makedirs|mkdir)\\(\\s*\\w+\\.(instance)_path", false, true, "Flask instance folder")), found);
        // a name found on the line that also names a longer path ending in it is that path's last part
        // (an environment default inside os.path.join(BASE_DIR, "var", os.environ.get("DB", "x.sqlite3")))
        found.values().removeIf(w -> found.values().stream().anyMatch(o -> o != w && o.path().endsWith("/" + w.path())
                && java.util.Objects.equals(o.source(), w.source())));
        return WriteSearch.sorted(found);
    }

    /**
     * Paths joined to $HOME ({@link #HOME_JOIN}); a dot-name assigned to a variable named like a file
     * ({@code filename = os.path.join(os.environ["HOME"], "." + appname)}) is a file, else the name decides.
     */
    private static void homeJoins(ProjectFiles files, List<String> sources, Map<String, WritePath> found) {
        for (String path : sources) {
            String text = SourceSearch.textOf(files, path);
            if (!text.contains("HOME") && !text.contains("expanduser")) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = HOME_JOIN.matcher(lines[i]);
                if (lines[i].strip().startsWith("#") || !m.find()) {
                    continue;
                }
                String name = m.group(2) != null ? m.group(2) : literal(lines, m.group(3));
                if (name == null) {
                    continue;
                }
                String p = "~/" + name;
                boolean file = WriteSearch.looksLikeFile(p) || m.group(1) != null && m.group(1).toLowerCase(
                        java.util.Locale.ROOT).contains("file") && name.startsWith(".") && !name.contains("/");
                WriteSearch.add(found, p, file, true, "file in the user's home", dev.dockergen.detect.Source.of(path, i + 1));
            }
        }
    }

    /** "." and the literal a variable is set to in the module ({@code appname = 'droopy'}), or null. */
    private static String literal(String[] lines, String variable) {
        Pattern set = Pattern.compile("^\\s*" + variable + "\\s*=\\s*" + LIT + "\\s*$");
        for (String line : lines) {
            Matcher m = set.matcher(line);
            if (m.matches()) {
                return "." + m.group(1);
            }
        }
        return null;
    }
}
