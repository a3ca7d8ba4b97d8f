package dev.dockergen.lang.node;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.WritePath;
import dev.dockergen.detect.WriteSearch;
import dev.dockergen.detect.WriteSearch.Rule;
import dev.dockergen.detect.WritesScanner;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** A data setting read from the environment: process.env.DATA_DIR, environment.STORAGE_ROOT_DIR. */
    private static final String ENV = "(?:process\\.env|environment|env)\\.[A-Z_]*(?:DATA|DB|DATABASE|STORE|STORAGE|UPLOAD)"
            + "[A-Z_]*";
    /**
     * Its default, also after other places it is looked for first: {@code || args["data-dir"] || "./data/"},
     * {@code ?? "/var/lib/x"}.
     */
    private static final String OR_ELSE = "(?:\\s*(?:\\|\\||\\?\\?)\\s*[\\w.]+(?:\\[" + Q + "[^'\"`]+" + Q
            + "\\])?(?:\\(\\))?)*\\s*(?:\\|\\||\\?\\?)\\s*";
    /**
     * An environment schema's default (env-schema, envalid): {@code UPLOAD_DIR: { type: 'string', default: 'uploads' }},
     * {@code DB_FILENAME: str({ default: "db/data" })}.
     */
    private static final Pattern SCHEMA = Pattern.compile("\\b([A-Z_]*(?:UPLOAD|DATA|STORAGE|STORE|DB|DATABASE)[A-Z_]*"
            + "(?:DIR|DIRNAME|PATH|FOLDER|ROOT|FILE|FILENAME))\\s*:[^}]{0,20}?\\{(?:[^{}]|\\{[^{}]*})*?\\bdefault\\s*:\\s*"
            + LIT);
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
            // a data setting's default, also after other places it is looked for first:
            // process.env.DATA_DIR || args["data-dir"] || "./data/", this.str(environment.STORAGE_DIR) ?? "/var/lib/x"
            Rule.of(ENV + "(?:DIR|PATH|FOLDER|ROOT|FILE|FILENAME)\\)?" + OR_ELSE + LIT, null, true,
                    "data setting's default"),
            Rule.of(ENV + "\\)?" + OR_ELSE + Q + "((?:[./~][^'\"`]*|[^'\"`]+/[^'\"`]*|[^'\"`]+\\.(?:db|sqlite|sqlite3)))" + Q,
                    null, true, "data setting's default"),
            // a log or database file named beside the module: path.join(__dirname, '../logs/app.log')
            Rule.beside("path\\.(?:join|resolve)\\(\\s*__dirname\\s*,\\s*" + Q + "([^'\"`]+\\.log)" + Q, true, false,
                    "log file"),
            Rule.beside("path\\.(?:join|resolve)\\(\\s*__dirname\\s*,\\s*" + Q + "([^'\"`]+\\.(?:db|sqlite|sqlite3))" + Q,
                    true, true, "SQLite database"),
            Rule.home("(?:os\\.homedir|\\w*[hH]omedir)\\(\\)\\s*,\\s*" + LIT, null, true, "folder in the user's home"));
    private static final List<Rule> UPLOADS = List.of(
            Rule.of("dest(?:ination)?\\s*:\\s*" + DIRNAME + LIT, false, true, "upload folder"));
    private static final List<Rule> PRISMA = List.of(
            Rule.beside("file:([^'\"\\s?]+)", true, true, "SQLite database"));

    /** A variable given a literal folder: {@code const dataDir = path.resolve("server/data")}. */
    private static final Pattern FOLDER_VAR = Pattern.compile(
            "(?:const|let|var)\\s+(\\w+)\\s*=\\s*(?:path\\.(?:resolve|join)\\(\\s*(__dirname\\s*,\\s*|process\\.cwd\\(\\)"
            + "\\s*,\\s*)?)?" + LIT + "\\s*\\)?\\s*;?\\s*$");

    /**
     * The defaults of an environment schema's data settings; a setting named inside another's name
     * (UPLOAD_TASKS_DIRNAME beside UPLOAD_DIRNAME) is a folder below that one's, not one of the working directory.
     */
    private static void schemaDefaults(ProjectFiles files, String path, Map<String, WritePath> found) {
        String text = dev.dockergen.detect.SourceSearch.textOf(files, path);
        if (!text.contains("default")) {
            return;
        }
        String[] lines = text.split("\n", -1);
        Map<String, String[]> keys = new java.util.LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String logical = WriteSearch.logicalLine(lines, i);
            Matcher m = SCHEMA.matcher(logical);
            if (m.find() && m.start() < lines[i].length()) {
                keys.putIfAbsent(m.group(1), new String[] {m.group(2), String.valueOf(i + 1)});
            }
        }
        keys.forEach((key, v) -> {
            boolean nested = keys.keySet().stream().anyMatch(o -> !o.equals(key) && o.contains("_")
                    && key.startsWith(o.substring(0, o.lastIndexOf('_') + 1))
                    && key.endsWith(o.substring(o.lastIndexOf('_'))));
            boolean file = key.endsWith("FILE") || key.endsWith("FILENAME") || WriteSearch.looksLikeFile(v[0]);
            if (!nested) {
                WriteSearch.add(found, v[0], file, true, "data setting's default",
                        dev.dockergen.detect.Source.of(path, Integer.parseInt(v[1])));
            }
        });
    }

    /** Folders named by a variable that the same module then creates ({@code fs.mkdirSync(dataDir, ...)}). */
    private static void createdFolders(ProjectFiles files, String path, Map<String, WritePath> found) {
        String text = dev.dockergen.detect.SourceSearch.textOf(files, path);
        if (!text.contains("mkdir") && !text.contains("ensureDir")) {
            return;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FOLDER_VAR.matcher(lines[i].strip());
            if (!m.find() || !Pattern.compile("(?:mkdirSync|mkdir|ensureDirSync|ensureDir|mkdirp)\\(\\s*"
                    + m.group(1) + "\\b").matcher(text).find()) {
                continue;
            }
            String p = m.group(2) != null && m.group(2).startsWith("__dirname")
                    ? WriteSearch.against(ProjectFiles.parent(path), m.group(3)) : m.group(3);
            WriteSearch.add(found, p, false, true, "folder the program creates",
                    dev.dockergen.detect.Source.of(path, i + 1));
        }
    }

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
        for (String f : sources) {
            createdFolders(files, f, found);
            schemaDefaults(files, f, found);
        }
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
