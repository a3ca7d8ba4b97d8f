package dev.dockergen.lang.node;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.WritePath;
import dev.dockergen.detect.WriteSearch;
import dev.dockergen.detect.WriteSearch.Rule;
import dev.dockergen.detect.WritesScanner;
import java.util.List;
import java.util.Map;

/**
 * What a Node program writes: SQLite files (knex's {@code filename}, sequelize's {@code storage}, better-sqlite3's and
 * sqlite3's {@code new Database("x.db")}, Prisma's {@code file:} URLs, read beside the schema), multer's upload
 * folder ({@code dest}), folders it creates ({@code fs.mkdirSync}, fs-extra's {@code ensureDir}), log files
 * ({@code filename: "logs/x.log"}), data-folder settings' defaults ({@code process.env.DATA_DIR || "data"}) and home
 * folders ({@code path.join(os.homedir(), ".app")}).
 */
public final class NodeWrites implements WritesScanner {
    private static final String Q = "['\"`]";
    private static final String LIT = Q + "([^'\"`]+)" + Q;
    private static final String DIRNAME = "(?:path\\.(?:join|resolve)\\(\\s*(?:__dirname|process\\.cwd\\(\\))\\s*,\\s*)?";
    private static final List<Rule> SQLITE = List.of(
            Rule.of("filename\\s*:\\s*" + LIT, true, true, "SQLite database"),
            Rule.of("storage\\s*:\\s*" + LIT, true, true, "SQLite database"),
            Rule.of("new\\s+(?:\\w+\\.)?(?:Database|Sqlite|SQLite|sqlite3\\.Database)\\(\\s*" + LIT, true, true,
                    "SQLite database"));
    private static final List<Rule> RULES = List.of(
            Rule.of("(?:mkdirSync|ensureDirSync|ensureDir|mkdirp\\.sync|mkdirp)\\(\\s*" + LIT, false, true,
                    "folder the program creates"),
            Rule.of("fs\\.promises\\.mkdir\\(\\s*" + LIT, false, true, "folder the program creates"),
            Rule.of("filename\\s*:\\s*" + DIRNAME + Q + "([^'\"`]+\\.log)" + Q, true, false, "log file"),
            Rule.of("process\\.env\\.[A-Z_]*(?:DATA|DB|DATABASE|STORE|STORAGE|UPLOAD)[A-Z_]*\\s*(?:\\|\\||\\?\\?)\\s*"
                    + LIT, null, true, "data setting's default"),
            Rule.home("os\\.homedir\\(\\)\\s*,\\s*" + LIT, null, true, "folder in the user's home"));
    private static final List<Rule> UPLOADS = List.of(
            Rule.of("dest(?:ination)?\\s*:\\s*" + DIRNAME + LIT, false, true, "upload folder"));
    private static final List<Rule> PRISMA = List.of(
            Rule.beside("file:([^'\"\\s?]+)", true, true, "SQLite database"));

    @Override
    public List<WritePath> scan(ProjectFiles files, ProjectFacts facts) {
        Map<String, WritePath> found = WriteSearch.found();
        List<String> sources = WriteSearch.sources(files, n -> n.matches(".*\\.(test|spec)\\.[cm]?[jt]s"),
                ".js", ".mjs", ".cjs", ".ts");
        sources = sources.stream().filter(f -> !f.endsWith(".d.ts") && !f.matches(".*(webpack|vite|rollup|jest|babel"
                + "|eslint|tailwind|postcss|next|nuxt|svelte|astro)\\.config\\.[cm]?[jt]s")).toList();
        WriteSearch.scan(files, sources, "sqlite", SQLITE, found);
        WriteSearch.scan(files, sources, RULES, found);
        WriteSearch.scan(files, sources, "multer", UPLOADS, found);
        List<String> prisma = WriteSearch.sources(files, n -> false, ".prisma");
        WriteSearch.scan(files, prisma, "sqlite", PRISMA, found);
        if (!prisma.isEmpty()) {
            // Prisma reads a file: URL in .env against the schema's folder
            String schemaDir = ProjectFiles.parent(prisma.get(0));
            Map<String, WritePath> env = WriteSearch.found();
            WriteSearch.scan(files, List.of(".env", ".env.example"), "file:", PRISMA, env);
            env.values().forEach(w -> WriteSearch.add(found, WriteSearch.against(schemaDir, w.path()), true, true,
                    w.what(), w.source()));
        }
        return WriteSearch.sorted(found);
    }
}
