package dev.dockergen.lang.python;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.WritePath;
import dev.dockergen.detect.WriteSearch;
import dev.dockergen.detect.WriteSearch.Rule;
import dev.dockergen.detect.WritesScanner;
import java.util.List;
import java.util.Map;

/**
 * What a Python program writes: SQLite files ({@code sqlite3.connect("x.db")}, {@code sqlite:///x.db} URLs, Django's
 * {@code NAME: BASE_DIR / "db.sqlite3"}, a URL joined to the module's folder), Django's {@code MEDIA_ROOT}, Flask's
 * instance folder, folders it creates ({@code os.makedirs}), log files (logging's file handlers), data-folder
 * settings' defaults ({@code os.environ.get("DATA_DIR", "data")}, {@code --datastore} defaults) and home folders
 * ({@code os.path.expanduser("~/.app")}).
 */
public final class PythonWrites implements WritesScanner {
    private static final String Q = "['\"]";
    private static final String LIT = Q + "([^'\"]+)" + Q;
    private static final String BASE = "(?:BASE_DIR\\s*/\\s*|os\\.path\\.join\\(\\s*BASE_DIR\\s*,\\s*)";
    private static final List<Rule> RULES = List.of(
            Rule.of("sqlite3\\.connect\\(\\s*" + LIT, true, true, "SQLite database"),
            Rule.of("sqlite:///([^'\"\\s?]+)", true, true, "SQLite database"),
            Rule.of(Q + "NAME" + Q + "\\s*:\\s*" + BASE + LIT, true, true, "SQLite database"),
            Rule.of("MEDIA_ROOT\\s*=\\s*" + BASE + LIT, false, true, "media folder"),
            Rule.of("os\\.makedirs\\(\\s*" + LIT, false, true, "folder the program creates"),
            Rule.of("os\\.mkdir\\(\\s*" + LIT, false, true, "folder the program creates"),
            Rule.of("Path\\(\\s*" + LIT + "\\s*\\)\\.mkdir\\(", false, true, "folder the program creates"),
            Rule.of("FileHandler\\(\\s*(?:filename\\s*=\\s*)?" + LIT, true, false, "log file"),
            Rule.of("basicConfig\\([^)]*filename\\s*=\\s*" + LIT, true, false, "log file"),
            Rule.of(Q + "filename" + Q + "\\s*:\\s*" + Q + "([^'\"]+\\.log)" + Q, true, false, "log file"),
            Rule.of("(?:environ\\.get|getenv)\\(\\s*" + Q + "[A-Z_]*(?:DATA|DATASTORE|DB|DATABASE|STORE|STORAGE)"
                    + "(?:_DIR|_PATH|_FOLDER|_FILE)?" + Q + "\\s*,\\s*" + LIT, null, true, "data setting's default"),
            Rule.of("add_argument\\(\\s*(?:" + Q + "-[a-z]" + Q + "\\s*,\\s*)?" + Q + "--[a-z-]*(?:data|datastore|db"
                    + "|database|storage)[a-z-]*" + Q + "[^)]*default\\s*=\\s*" + LIT, null, true,
                    "data option's default"),
            Rule.home("expanduser\\(\\s*" + Q + "~/([^'\"]+)" + Q, null, true, "file in the user's home"),
            Rule.home("Path\\.home\\(\\)\\s*/\\s*" + LIT, null, true, "file in the user's home"));
    /** A URL or a file name joined to the folder of the module that names it ({@code basedir}). */
    private static final List<Rule> BESIDE = List.of(
            Rule.beside("sqlite:///" + Q + "\\s*\\+\\s*os\\.path\\.join\\(\\s*\\w+\\s*,\\s*" + LIT, true, true,
                    "SQLite database"));

    @Override
    public List<WritePath> scan(ProjectFiles files, ProjectFacts facts) {
        Map<String, WritePath> found = WriteSearch.found();
        List<String> sources = WriteSearch.sources(files, n -> n.startsWith("test_") || n.endsWith("_test.py")
                || n.equals("conftest.py"), ".py");
        WriteSearch.scan(files, sources, RULES, found);
        WriteSearch.scan(files, sources, "dirname(__file__)", BESIDE, found);
        WriteSearch.scan(files, sources, "instance_path", List.of(Rule.of(
                "(?:makedirs|mkdir)\\(\\s*\\w+\\.(instance)_path", false, true, "Flask instance folder")), found);
        return WriteSearch.sorted(found);
    }
}
