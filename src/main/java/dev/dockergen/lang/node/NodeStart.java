package dev.dockergen.lang.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a Node server starts: its start scripts followed to `node FILE`, else Procfile, main or a usual file name. */
final class NodeStart {
    /** The script a start script hands over to: `npm run X`, `yarn X`, `yarn run X`, `pnpm [run] X`, `bun run X`. */
    private static final Pattern RUN_SCRIPT = Pattern.compile("^(?:npm\\s+run(?:-script)?|yarn(?:\\s+run)?|pnpm(?:\\s+run)?|bun\\s+run)\\s+([\\w:.-]+)$");
    /** An environment assignment in front of a command: NODE_ENV=production. */
    private static final Pattern ENV_WORD = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(\\S*)$");
    private static final Pattern PROCFILE_WEB = Pattern.compile("(?m)^web:\\s*node\\s+(\\S+)((?:\\s+--?[\\w=.-]+)*)\\s*$");

    private NodeStart() {
    }

    /** A start script followed to the command that starts the program: its words, the env it sets, its script name. */
    record Script(List<String> words, Map<String, String> env, String name) {
    }

    /**
     * How the program starts, after "node": the start script followed to `node FILE [args]`, else main, else
     * server.js; the environment the followed script sets goes into {@code env}.
     */
    static Fact<List<String>> command(ProjectFiles files, JsonNode pkg, Lines lines, Fact<String> framework,
                                      boolean typescript, boolean member, Map<String, String> env) {
        JsonNode scripts = pkg.path("scripts");
        for (String script : List.of("start:prod", "start:production", "start")) {
            Script followed = followScript(scripts, script);
            if (followed == null || followed.words().isEmpty()) {
                continue;
            }
            List<String> w = followed.words();
            Source source = Source.of("package.json", lines.of("\"" + followed.name() + "\""));
            List<String> words = new ArrayList<>();
            if (w.get(0).equals("node")) {
                int i = 1;
                while (i < w.size() && w.get(i).startsWith("--")) {
                    words.add(w.get(i++));
                }
                if (i < w.size() && entryFile(files, w.get(i))) {
                    words.add(w.get(i).replaceFirst("^\\./", ""));
                    words.addAll(w.subList(i + 1, w.size()));
                    env.putAll(followed.env());
                    return Fact.of(words, source);
                }
            } else if (w.get(0).equals("fastify") && w.size() > 1 && w.get(1).equals("start")
                    && NodeDetector.dependencies(pkg).containsKey("fastify-cli")) {
                // fastify-cli loads the plugin file and listens itself: keep it as the command
                String file = w.get(w.size() - 1).replaceFirst("^\\./", "");
                if (entryFile(files, file)) {
                    words.add("node_modules/fastify-cli/cli.js");
                    words.addAll(w.subList(1, w.size() - 1));
                    words.add(file);
                    env.putAll(followed.env());
                    return Fact.of(words, source);
                }
            } else {
                // nx serve: the node executor runs the file its build target writes
                Optional<Fact<List<String>>> nx = NodeNx.start(files, w);
                if (nx.isPresent()) {
                    env.putAll(followed.env());
                    return nx.get();
                }
            }
        }
        Optional<String> procfile = files.read("Procfile");
        if (procfile.isPresent()) {
            Matcher web = PROCFILE_WEB.matcher(procfile.get());
            if (web.find() && entryFile(files, web.group(1))) {
                List<String> words = new ArrayList<>(List.of(web.group(1).replaceFirst("^\\./", "")));
                for (String arg : web.group(2).strip().split("\\s+")) {
                    if (!arg.isEmpty()) {
                        words.add(arg);
                    }
                }
                return Fact.of(words, Source.of("Procfile", new Lines(procfile.get()).of("web:")));
            }
        }
        if (framework != null && framework.value().equals("nest")) {
            return Fact.of(List.of("dist/main.js"), framework.source());
        }
        if (member && framework == null) {
            // in a workspace, "main" and index.js are what a library exports: only a server file makes an app
            return files.isFile("server.js") ? Fact.of(List.of("server.js"), Source.of("server.js")) : null;
        }
        if (pkg.path("main").isTextual() && !typescript) {
            String main = pkg.get("main").asText().replaceFirst("^\\./", "");
            // a main that is not there (or names a folder's index) is not the entry; one outside the project is
            // kept, so that the start-command check refuses it with its file and line
            boolean outside = ("/" + main + "/").contains("/../") || main.startsWith("/");
            if (outside || entryFile(files, main) && !main.endsWith("js") || files.isFile(main)) {
                return Fact.of(List.of(main), "package.json", lines.of("\"main\""));
            }
        }
        for (String candidate : List.of("server.js", "index.js", "app.js", "src/server.js", "src/index.js")) {
            if (files.isFile(candidate)) {
                return Fact.of(List.of(candidate), Source.of(candidate));
            }
        }
        return null;
    }

    /** Refuses a start command that leaves the project or that a Dockerfile cannot carry safely. */
    static void check(Fact<List<String>> start) {
        for (String word : start.value()) {
            if (("/" + word + "/").contains("/../")) {
                throw new ProjectInputException(start.source(), "the start command names '" + Source.of(word)
                        + "', outside the project; name a file inside it");
            }
            if (!NodeDetector.SAFE_PATH.matcher(word).matches() && !word.startsWith("--")) {
                throw new ProjectInputException(start.source(), "the start command names '" + word
                        + "', which a Dockerfile cannot carry safely; use a plain relative path");
            }
        }
    }

    /**
     * The command a script ends in: `npm run X` followed to X, the last command of a compound (`a && b`: a builds,
     * b starts), env prefixes (`NODE_ENV=production`, `cross-env A=b`) taken off and kept.
     */
    static Script followScript(JsonNode scripts, String name) {
        Map<String, String> env = new LinkedHashMap<>();
        String current = name;
        for (int depth = 0; depth < 8 && scripts.path(current).isTextual(); depth++) {
            String[] parts = scripts.get(current).asText().strip().split("\\s*(?:&&|;)\\s*");
            List<String> words = new ArrayList<>(List.of(parts[parts.length - 1].strip().split("\\s+")));
            while (!words.isEmpty()) {
                Matcher e = ENV_WORD.matcher(words.get(0));
                if (e.matches()) {
                    env.put(e.group(1), e.group(2).replaceAll("^['\"]|['\"]$", ""));
                    words.remove(0);
                } else if (words.get(0).equals("cross-env") || words.get(0).equals("env")) {
                    words.remove(0);
                } else if (words.get(0).equals("env-cmd") || words.get(0).equals("dotenv")) {
                    NodeScripts.dropEnvLoader(words); // the image's environment comes from the run, not a file
                } else {
                    break;
                }
            }
            Matcher run = RUN_SCRIPT.matcher(String.join(" ", words));
            if (run.matches() && !run.group(1).equals(current) && scripts.path(run.group(1)).isTextual()) {
                current = run.group(1);
                continue;
            }
            return new Script(words, env, current);
        }
        return null;
    }

    /** Why no start command was found, without claiming a start script is missing when it is there. */
    static String noStart(JsonNode pkg) {
        String start = pkg.path("scripts").path("start").asText(null);
        return start == null
                ? "no way to start the program found: add a \"start\" script such as \"node server.js\", or a \"main\" entry"
                : "the start script (" + start.strip() + ") does not end in `node FILE`; add a \"start:prod\" script such "
                        + "as \"node dist/server.js\" naming the file the image should run";
    }

    /** A program file named on a command line: a .js/.cjs/.mjs path, or an extensionless file that is there (bin/www). */
    private static boolean entryFile(ProjectFiles files, String word) {
        String path = word.replaceFirst("^\\./", "");
        // node resolves `node src/bin/server` to src/bin/server.js
        return NodeDetector.SAFE_PATH.matcher(path).matches() && (path.matches(".*\\.(?:c|m)?js") || files.isFile(path)
                || files.isFile(path + ".js") || files.isFile(path + "/index.js"));
    }
}
