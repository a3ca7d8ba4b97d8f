package dev.dockergen.lang.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.SourceSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files and folders a Node program reads at run time, found in its code and scripts, so that an image which copies
 * only the build output still holds them at the path the program reads them from:
 * <ul>
 * <li>paths built from the program file's folder ({@code path.join(__dirname, "../views")}, {@code path.resolve(__dirname,
 * "public")}, {@code new URL("../public", import.meta.url)}), read against where the file runs: its compiled copy
 * (dist/app.js for src/app.ts) when the start file is built, else its own folder;</li>
 * <li>paths read against the working directory: {@code path.join(process.cwd(), "posts")}, {@code path.resolve("server")},
 * a literal given to a static-file middleware, a view setting or a file read ({@code express.static("public")},
 * {@code app.set("views", "views")}, {@code readFileSync("./dist/index.html")}), a literal starting with ./ assigned
 * to a setting ({@code templatePath = "./db/kuma.db"}), Express's default views/ when a view engine is set;</li>
 * <li>an example environment file the program loads ({@code ".env.example"}, or dotenv-safe's default);</li>
 * <li>Prisma's schema folder when a script runs {@code prisma migrate deploy};</li>
 * <li>.sequelizerc and the folders it names when sequelize-cli is a production dependency.</li>
 * </ul>
 * Each is a path relative to the project that exists in it (or is the folder the project's Vite build writes, or
 * a sibling workspace member's: {@code ../client/dist} from a server member); a file's folder stands for it.
 * Dependencies, secrets (.env) and the project folder itself never count.
 */
final class NodeRuntimeFiles {
    private static final String LIT = "['\"`]([^'\"`$\\n]*)['\"`]";
    private static final String LITS = "(" + LIT.replace("(", "(?:") + "(?:\\s*,\\s*" + LIT.replace("(", "(?:") + ")*)";
    /** path.join/resolve(__dirname, "a", "b"), `${__dirname}/a`, __dirname + "/a", new URL("a", import.meta.url). */
    private static final Pattern FROM_FILE = Pattern.compile(
            "(?:\\b(?:join|resolve)\\(\\s*__dirname\\s*,\\s*" + LITS + "\\s*\\)"
                    + "|`\\$\\{__dirname}/([^`$]+)`|\\b__dirname\\s*\\+\\s*" + LIT
                    + "|new\\s+URL\\(\\s*" + LIT + "\\s*,\\s*import\\.meta\\.url\\s*\\))");
    /** path.join(process.cwd(), "a"), path.resolve("a", "b"), and literals given to readers of files and folders. */
    private static final Pattern FROM_CWD = Pattern.compile(
            "(?:\\b(?:join|resolve)\\(\\s*process\\.cwd\\(\\)\\s*,\\s*" + LITS + "\\s*\\)"
                    + "|\\bpath\\.resolve\\(\\s*" + LITS + "\\s*\\)"
                    + "|\\b(?:express\\.static|serveStatic|expressStaticGzip|koaStatic|staticServe|readFileSync|readFile"
                    + "|readdirSync|readdir|existsSync|createReadStream)\\(\\s*" + LIT
                    + "|\\.use\\(\\s*serve\\(\\s*" + LIT
                    + "|\\.set\\(\\s*['\"]views['\"]\\s*,\\s*" + LIT + ")");
    /** A literal starting with ./ assigned to a name or a key (a setting: templatePath = "./db/kuma.db"). */
    private static final Pattern DOT_SLASH = Pattern.compile("(?:[=:]|\\breturn)\\s*['\"](\\./[^'\"\\s]+)['\"]");
    private static final Pattern ENV_EXAMPLE = Pattern.compile("['\"`](?:\\./)?(\\.env\\.(?:example|sample|defaults))['\"`]");
    private static final Pattern VIEW_ENGINE = Pattern.compile("\\.set\\(\\s*['\"]view engine['\"]");
    private static final Pattern VIEWS_SET = Pattern.compile("\\.set\\(\\s*['\"]views['\"]");
    private static final Pattern MIGRATE_DEPLOY = Pattern.compile("\\bprisma\\s+migrate\\s+deploy\\b");
    private static final Pattern RC_PATH = Pattern.compile("\\bpath\\.(?:resolve|join)\\(\\s*" + LITS + "\\s*\\)");
    /** Never a run-time file: installed dependencies, version control, local secrets. */
    private static final Pattern NEVER = Pattern.compile(
            "^(?:node_modules|\\.git|\\.github)(?:/.*)?$|(?:^|/)\\.env(?:\\.(?!example$|sample$|defaults$)[^/]*)?$|(?:^|/)node_modules/");

    private NodeRuntimeFiles() {
    }

    /**
     * @param compiledFrom for a program the build compiles: the source folder ("src", "" for the top) and the
     *                     folder it compiles into ("dist"); null when the program runs its own sources
     * @param startFolder the folder of a start file the program runs from its sources (server/server.js: server), whose
     *                    files are the program; null when it is at the top or not a file of the project
     * @param built folders a build writes that the program may read: the project's Vite output, and a sibling
     *              workspace member's ("../client/dist"), relative to the project
     */
    static List<Fact<String>> find(ProjectFiles files, JsonNode pkg, Map<String, String> runtimeDeps, Lines lines,
                                   String[] compiledFrom, String startFolder, List<String> built) {
        Map<String, Fact<String>> found = new LinkedHashMap<>();
        List<String> sources = program(files, compiledFrom != null ? compiledFrom[0] : startFolder);
        Source viewEngine = null;
        boolean viewsSet = false;
        for (String file : sources) {
            String[] text = SourceSearch.textOf(files, file).split("\n", -1);
            for (int i = 0; i < text.length; i++) {
                String line = text[i];
                String stripped = line.strip();
                if (stripped.startsWith("//") || stripped.startsWith("/*") || stripped.startsWith("*")) {
                    continue;
                }
                Source at = Source.of(file, i + 1);
                Matcher m = FROM_FILE.matcher(line);
                while (m.find()) {
                    String rel = m.group(1) != null ? joined(m.group(1)) : first(m, 2);
                    fromFile(files, file, rel, compiledFrom, built, at, found);
                }
                m = FROM_CWD.matcher(line);
                while (m.find()) {
                    String rel = m.group(1) != null ? joined(m.group(1)) : m.group(2) != null ? joined(m.group(2)) : first(m, 3);
                    add(files, upward(rel), built, at, found);
                }
                if (!line.contains("require(") && !line.contains("import ") && !line.contains("import(")) {
                    m = DOT_SLASH.matcher(line);
                    while (m.find()) {
                        if (!m.group(1).matches(".*\\.[cm]?[jt]sx?$")) {
                            add(files, normal(m.group(1)), built, at, found);
                        }
                    }
                }
                m = ENV_EXAMPLE.matcher(line);
                if (m.find()) {
                    add(files, m.group(1), List.of(), at, found);
                }
                if (viewEngine == null && VIEW_ENGINE.matcher(line).find()) {
                    viewEngine = at;
                }
                viewsSet |= VIEWS_SET.matcher(line).find();
            }
        }
        if (viewEngine != null && !viewsSet && files.isDirectory("views")) {
            found.putIfAbsent("views", Fact.of("views", viewEngine)); // Express's default: views/ in the working directory
        }
        if (runtimeDeps.containsKey("dotenv-safe") && files.isFile(".env.example")) {
            found.putIfAbsent(".env.example", Fact.of(".env.example", "package.json", lines.of("\"dotenv-safe\"")));
        }
        for (var script : pkg.path("scripts").properties()) {
            if (MIGRATE_DEPLOY.matcher(script.getValue().asText("")).find()) {
                String schema = pkg.path("prisma").path("schema").asText("prisma/schema.prisma");
                String folder = ProjectFiles.parent(normal(schema));
                if (!folder.isEmpty() && files.isDirectory(folder)) {
                    found.putIfAbsent(folder, Fact.of(folder, "package.json", lines.of("\"" + script.getKey() + "\"")));
                }
                break;
            }
        }
        if (runtimeDeps.containsKey("sequelize-cli") && files.isFile(".sequelizerc")) {
            found.putIfAbsent(".sequelizerc", Fact.of(".sequelizerc", "package.json", lines.of("\"sequelize-cli\"")));
            String[] rc = SourceSearch.textOf(files, ".sequelizerc").split("\n", -1);
            for (int i = 0; i < rc.length; i++) {
                Matcher m = RC_PATH.matcher(rc[i]);
                while (m.find()) {
                    add(files, normal(joined(m.group(1))), List.of(), Source.of(".sequelizerc", i + 1), found);
                }
            }
        }
        return outermost(found);
    }

    /** The folder of a start file the program runs from its sources (server/server.js: server), else null. */
    static String startFolder(ProjectFiles files, Fact<List<String>> start) {
        String entry = start == null ? "" : start.value().stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        return entry.contains("/") && !entry.startsWith("node_modules/") && files.isFile(entry)
                ? entry.substring(0, entry.indexOf('/')) : null;
    }

    /**
     * For a start file the build writes (dist/server.js, not in the repository): the source folder it is compiled
     * from and the output folder ({"src", "dist"}), found by the source file of the same name (src/server.ts); null
     * when the program runs its own sources or the source is not found.
     */
    static String[] compiledFrom(ProjectFiles files, Fact<List<String>> start, String build) {
        if (start == null || build == null) {
            return null;
        }
        String entry = start.value().stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        if (!entry.contains("/") || entry.startsWith("node_modules/") || files.isFile(entry)) {
            return null;
        }
        String out = entry.substring(0, entry.indexOf('/'));
        String rel = entry.substring(out.length() + 1).replaceFirst("\\.[cm]?js$", "");
        for (String src : List.of("", "src", "lib", "app", "server")) {
            for (String ext : List.of(".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs")) {
                if (files.isFile(ProjectFiles.join(src, rel + ext))) {
                    return new String[] {src, out};
                }
            }
        }
        return null;
    }

    /**
     * The program's own source files: those in its folder ({@code folder}, "" or null for all), never one in a folder
     * that is a package of its own (a template's init script, a client beside the server).
     */
    private static List<String> program(ProjectFiles files, String folder) {
        return NodeSources.sources(files).stream()
                .filter(f -> folder == null || folder.isEmpty() || f.startsWith(folder + "/"))
                .filter(f -> {
                    for (String dir = ProjectFiles.parent(f); !dir.isEmpty(); dir = ProjectFiles.parent(dir)) {
                        if (files.isFile(dir + "/package.json")) {
                            return false;
                        }
                    }
                    return true;
                }).toList();
    }

    /** A path read against the program file's folder: where its compiled copy runs, else the file's own folder. */
    private static void fromFile(ProjectFiles files, String file, String rel, String[] compiledFrom, List<String> built,
                                 Source at, Map<String, Fact<String>> found) {
        String dir = ProjectFiles.parent(file);
        rel = rel.replaceFirst("^/+", "");
        if (compiledFrom != null) {
            String src = compiledFrom[0];
            if (!(src.isEmpty() || dir.equals(src) || dir.startsWith(src + "/"))) {
                return; // not compiled into the output: not the program
            }
            String rest = src.isEmpty() ? dir : dir.substring(src.length()).replaceFirst("^/", "");
            String runs = ProjectFiles.join(compiledFrom[1], rest);
            String path = normal(ProjectFiles.join(runs, rel));
            if (path != null && !path.equals(compiledFrom[1]) && !path.startsWith(compiledFrom[1] + "/")) {
                add(files, path, built, at, found); // outside the output the image already holds
            }
            return;
        }
        add(files, upward(ProjectFiles.join(dir, rel)), built, at, found);
    }

    private static void add(ProjectFiles files, String path, List<String> built, Source at, Map<String, Fact<String>> found) {
        if (path == null || path.isEmpty() || NEVER.matcher(path).find()) {
            return;
        }
        String writes = built.stream().filter(b -> path.equals(b) || path.startsWith(b + "/")).findFirst().orElse(null);
        String kept;
        if (path.startsWith("../")) {
            if (writes == null) {
                return; // outside the project: only a sibling member's build output counts
            }
            kept = writes;
        } else if (files.isDirectory(path)) {
            kept = path;
        } else if (files.isFile(path)) {
            // a file at the top stands for itself; a file in a folder for its folder (a template beside others)
            kept = path.contains("/") ? ProjectFiles.parent(path) : path;
        } else if (writes != null) {
            kept = writes;
        } else {
            return;
        }
        if (!kept.matches(".*\\.[cm]?[jt]sx?$")) {
            found.putIfAbsent(kept, Fact.of(kept, at));
        }
    }

    /** The found paths without those inside another found folder, in the order found. */
    private static List<Fact<String>> outermost(Map<String, Fact<String>> found) {
        List<Fact<String>> out = new ArrayList<>();
        for (Fact<String> f : found.values()) {
            boolean inside = found.keySet().stream().anyMatch(o -> f.value().startsWith(o + "/"));
            if (!inside) {
                out.add(f);
            }
        }
        return out;
    }

    private static String first(Matcher m, int from) {
        for (int g = from; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    /** "'a', '../b'" → "a/../b". */
    private static String joined(String literals) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile(LIT).matcher(literals);
        while (m.find()) {
            parts.add(m.group(1));
        }
        return String.join("/", parts);
    }

    /** A relative path with . and .. resolved; null when it leaves the project or is absolute. */
    static String normal(String path) {
        String p = upward(path);
        return p == null || p.startsWith("..") ? null : p;
    }

    /** A relative path with . and .. resolved, leading ".." kept (a sibling's "../client/dist"); null when absolute. */
    static String upward(String path) {
        if (path == null || path.startsWith("/") || path.contains("\\") || path.contains("*")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : path.split("/+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (out.isEmpty() || out.get(out.size() - 1).equals("..")) {
                    out.add(part);
                } else {
                    out.remove(out.size() - 1);
                }
            } else {
                out.add(part);
            }
        }
        return String.join("/", out);
    }
}
