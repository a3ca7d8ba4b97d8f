package dev.dockergen.lang.c;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.WritePath;
import dev.dockergen.detect.WriteSearch;
import dev.dockergen.detect.WriteSearch.Rule;
import dev.dockergen.detect.WritesScanner;
import java.util.List;
import java.util.Map;

/**
 * What a C or C++ program writes: SQLite files it opens ({@code sqlite3_open("x.db", ...)}, or a define that names a
 * {@code .sqlite}/{@code .db} file), folders it creates ({@code mkdir("data", ...)}), log paths its build defines
 * ({@code #define X_LOG_PATH "logs/x.log"}, a configure default {@code X_LOG_PATH=logs/x.log}) and the data file
 * of a server configuration at the project root ({@code dbfilename dump.rdb}). A log path relative to the install
 * prefix a hand-written configure defaults ({@code NGX_ERROR_LOG_PATH=${NGX_ERROR_LOG_PATH:-logs/error.log}}), and a
 * temporary folder it defaults the same way ({@code NGX_HTTP_PROXY_TEMP_PATH=${NGX_HTTP_PROXY_TEMP_PATH:-proxy_temp}}), are
 * written under that prefix (the program makes the folders at start); a SQLite file CMake compiles in as a source-tree path
 * ({@code -DDATABASE_FILE="${CMAKE_CURRENT_SOURCE_DIR}/db.sqlite"}) is written in the build's source folder.
 */
public final class CWrites implements WritesScanner {
    private static final String LIT = "\"([^\"]+)\"";
    private static final List<Rule> CODE = List.of(
            Rule.of("sqlite3_open(?:_v2)?\\(\\s*" + LIT, true, true, "SQLite database"),
            Rule.of("\"([^\" ]+\\.(?:sqlite|sqlite3|db))\"", true, true, "SQLite database"),
            Rule.of("\\bmkdir\\(\\s*" + LIT + "\\s*,", false, true, "folder the program creates"),
            Rule.of("#\\s*define\\s+\\w*LOG\\w*PATH\\s+" + LIT, true, false, "log file"));
    private static final List<Rule> BUILD = List.of(
            Rule.of("^\\s*[A-Z_]*LOG_PATH=(?:\\$\\{[A-Z_]*:-)?([A-Za-z0-9._/-]+\\.log)}?\\s*$", true, false, "log file"),
            Rule.of("^\\s*[A-Z_]*TEMP_PATH=\\$\\{[A-Z_]*:-([A-Za-z0-9._-]+)}\\s*$", false, false, "temporary files"));
    private static final List<Rule> CONF = List.of(
            Rule.of("^\\s*dbfilename\\s+([A-Za-z0-9._-]+)\\s*$", true, true, "data file"));

    @Override
    public List<WritePath> scan(ProjectFiles files, ProjectFacts facts) {
        Map<String, WritePath> found = WriteSearch.found();
        List<String> code = WriteSearch.sources(files, n -> n.startsWith("test") || n.contains("_test."), ".c", ".cc",
                ".cpp", ".cxx", ".h", ".hpp");
        WriteSearch.scan(files, code, "sqlite3", CODE.subList(0, 2), found);
        WriteSearch.scan(files, code, CODE.subList(2, 4), found);
        List<String> build = WriteSearch.sources(files, n -> false, "options", "configure", ".sh").stream()
                .filter(f -> f.split("/").length <= 2).toList();
        Map<String, WritePath> logs = WriteSearch.found();
        WriteSearch.scan(files, build, BUILD, logs);
        String prefix = facts.details() instanceof CDetails c && c.installPrefix() != null && !c.readsWorkdir()
                ? c.installPrefix().value() : null;
        for (WritePath w : WriteSearch.sorted(logs)) {
            // relative to the prefix the build installs to, where the program runs from (nginx -p)
            String p = prefix == null || w.path().startsWith("/") ? w.path() : prefix + "/" + w.path();
            found.putIfAbsent(p, new WritePath(p, w.file(), w.state(), w.what(), w.source(), w.besideCode()));
        }
        for (CSourceDirPaths.Path p : CSourceDirPaths.find(files)) {
            if (p.path().matches(".*\\.(sqlite|sqlite3|db)") && !files.isFile(p.path())) {
                String at = CSourceDirPaths.SRC + "/" + p.path();
                found.putIfAbsent(at, new WritePath(at, true, true, "SQLite database", p.source()));
            }
        }
        List<String> conf = files.walk("", 0, d -> true).stream().filter(f -> f.endsWith(".conf")).toList();
        WriteSearch.scan(files, conf, CONF, found);
        return WriteSearch.sorted(found);
    }
}
