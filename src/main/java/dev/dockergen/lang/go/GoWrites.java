package dev.dockergen.lang.go;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.TextLines;
import dev.dockergen.detect.WritePath;
import dev.dockergen.detect.WriteSearch;
import dev.dockergen.detect.WriteSearch.Rule;
import dev.dockergen.detect.WritesScanner;
import java.util.List;
import java.util.Map;

/**
 * What a Go program writes: SQLite files it opens ({@code sql.Open("sqlite3", "x.db")}, gorm's
 * {@code sqlite.Open("x.db")}), folders it creates ({@code os.MkdirAll("data", ...)}), and the defaults of its
 * data/database flags ({@code flag.String("data", "data/", ...)}, on any flag set), a configuration struct's defaults
 * ({@code Connection: "data/app.db"}, {@code UploadDir: "data/uploads"}), the data settings of its settings files
 * ({@code RuntimeRootPath = runtime/} in conf/app.ini), a data folder setting given a default in code
 * ({@code p.Data = "/var/opt/app"}, {@code dataDir := "."}); a {@code filepath.Join(home, ".x")} and go-app-paths'
 * user data folder are in the runtime user's home.
 */
public final class GoWrites implements WritesScanner {
    private static final String LIT = "\"(?:file:)?([^\"?]+)[^\"]*\"";
    private static final List<Rule> RULES = List.of(
            Rule.of("sql\\.Open\\(\\s*\"sqlite3?\"\\s*,\\s*" + LIT, true, true, "SQLite database"),
            Rule.of("sqlite\\.Open\\(\\s*" + LIT, true, true, "SQLite database"),
            Rule.of("os\\.MkdirAll\\(\\s*\"([^\"]+)\"", false, true, "folder the program creates"),
            Rule.of("os\\.Mkdir\\(\\s*\"([^\"]+)\"", false, true, "folder the program creates"),
            Rule.of("\\b\\w+\\.(?:String|StringVar|StringP|StringVarP)\\([^\"]*\"(?![^\"]*(?:host|addr"
                    + "|url|uri|port|user|pass|name|driver|dsn|type|key))[A-Za-z._-]*"
                    + "(?:data|db|database|store|storage|datadir|state)[A-Za-z._-]*\"\\s*,\\s*(?:\"[a-z]\"\\s*,\\s*)?"
                    + "\"([^\"]+)\"", null, true, "data flag's default"),
            Rule.of("(?:env|default)[-:]\"[^\"]*\"[^`]*default:\"([./~][^\"]*|[a-z_]+\\.db)\"", null, true,
                    "setting's default"),
            // a configuration struct's defaults: Connection: "data/app.db", UploadDir: "data/uploads"
            Rule.of("^\\s*\\w*(?:Upload|Data|Storage|DB|Db|Database)\\w*(?:Dir|Path|Folder|Root|Location|File)\\s*:"
                    + "\\s*\"([./A-Za-z0-9_-]+)\"\\s*,?\\s*$", null, true, "setting's default"),
            Rule.of("^\\s*\\w*(?:Cache|Log)\\w*(?:Dir|Path|Folder|Root|Location|File)\\s*:"
                    + "\\s*\"([./A-Za-z0-9_-]+)\"\\s*,?\\s*$", null, false, "setting's default"),
            Rule.of("^\\s*\\w+\\s*:\\s*\"([./A-Za-z0-9_-]+\\.(?:db|sqlite|sqlite3|db3))\"\\s*,?\\s*$", true, true,
                    "SQLite database"),
            // a data folder setting given a default in code: p.Data = "/var/opt/app", dataDir := "." (a path, or any
            // name when the setting says it is a folder)
            Rule.of("^\\s*(?:\\w+\\.)*(?i:data|storage)(?:Dir|Path|Folder|Root|Directory)?\\s*:?=\\s*"
                    + "\"(/[A-Za-z0-9._/-]*|\\.|\\.?\\./[A-Za-z0-9._/-]*)\"\\s*$", false, true, "data folder"),
            Rule.of("^\\s*(?:\\w+\\.)*(?i:data|storage|state)(?:Dir|Path|Folder|Root|Directory)\\s*:?=\\s*"
                    + "\"([A-Za-z0-9._-][A-Za-z0-9._/-]*)\"\\s*$", false, true, "data folder"));
    /** go-app-paths' user scope ({@code gap.NewScope(gap.User, "app")}) keeps its data in ~/.local/share/app on Linux. */
    private static final java.util.regex.Pattern APP_SCOPE = java.util.regex.Pattern.compile(
            "\\w+\\.NewScope\\(\\s*\\w+\\.User\\s*,\\s*\"([A-Za-z0-9._-]+)\"");


    @Override
    public List<WritePath> scan(ProjectFiles files, ProjectFacts facts) {
        Map<String, WritePath> found = WriteSearch.found();
        List<String> sources = WriteSearch.sources(files, n -> n.endsWith("_test.go"), ".go");
        WriteSearch.scan(files, sources, RULES, found);
        WriteSearch.scan(files, WriteSearch.settingsFiles(files), WriteSearch.SETTINGS, found);
        WriteSearch.scan(files, sources, "UserHomeDir", List.of(Rule.home(
                "filepath\\.Join\\(\\s*(?:home|homeDir|dir|userHome)\\s*,\\s*\"(\\.[^\"]+)\"", false, true,
                "folder in the user's home")), found);
        for (String f : sources) {
            String text = dev.dockergen.detect.SourceSearch.textOf(files, f);
            java.util.regex.Matcher m = APP_SCOPE.matcher(text);
            if (text.contains("DataPath(") && m.find()) {
                WriteSearch.add(found, "~/.local/share/" + m.group(1), false, true, "the user's data folder (go-app-paths)",
                        dev.dockergen.detect.Source.of(f, TextLines.lineAt(text, m.start())));
            }
        }
        return WriteSearch.sorted(found);
    }
}
