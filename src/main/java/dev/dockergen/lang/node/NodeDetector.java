package dev.dockergen.lang.node;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.Detector;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Walk;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Recognises a Node.js project from package.json: package manager, version, kind, start, port. */
public final class NodeDetector implements Detector {
    /** The Node LTS line builds default to when the project names no version. */
    public static final String DEFAULT_NODE = "24";
    /** Built on first use, so repositories without package.json never pay for Jackson's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    /** Not the project's own scripts: dependencies, builds, coverage reports. */
    static final Predicate<String> SKIPPED = Walk.skipping(Walk.INSTALLED, Walk.BUILD_OUTPUT, Set.of("coverage"));
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Pattern MAJOR = Pattern.compile("([0-9]{1,2})(?:\\.[0-9x*]+)*");
    /** Nest's route decorators: @Get('health') in a controller. */
    private static final Pattern STANDALONE = Pattern.compile("output\\s*:\\s*['\"]standalone['\"]");

    @Override
    public Language language() {
        return Language.NODE;
    }

    @Override
    public Set<String> manifests() {
        return Set.of("package.json");
    }

    @Override
    public Optional<ProjectFacts> detect(ProjectFiles files, DetectOptions options, List<Warning> warnings) {
        Optional<String> text = files.read("package.json");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        JsonNode pkg = parse(ProjectFiles.join(files.location(), "package.json"), text.get());
        int firstWarning = warnings.size();
        Lines lines = new Lines(text.get());
        ProjectFiles repo = files.repository();
        if (NodeWorkspace.declared(repo, files.location(), pkg, text.get()).isPresent()
                && !NodeRootApp.isApp(files, pkg, dependencies(pkg))) {
            return Optional.empty(); // a workspace root: its members are the applications
        }
        NodeWorkspace workspace = NodeWorkspace.of(repo, files.location(), pkg).orElse(null);
        if (workspace == null && !files.location().equals(options.project())
                && NodeWorkspace.insideOne(repo, files.location())) {
            // a package.json a workspace does not list (a test fixture, an example): not an app unless chosen by path
            return Optional.empty();
        }
        // the package manager, its lockfile and configuration live at the workspace root
        ProjectFiles top = workspace == null ? files : repo.sub(workspace.root());
        JsonNode topPkg = workspace == null ? pkg
                : parse(ProjectFiles.join(workspace.root(), "package.json"), top.read("package.json").orElse("{}"));
        Lines topLines = workspace == null ? lines : new Lines(top.read("package.json").orElse(""));
        List<String> evidence = new ArrayList<>(List.of("package.json"));
        Map<String, String> deps = dependencies(pkg);
        // a server framework is one the program runs with: in dependencies, not only in devDependencies
        Map<String, String> runtimeDeps = new LinkedHashMap<>();
        pkg.path("dependencies").properties().forEach(e -> runtimeDeps.put(e.getKey(), e.getValue().asText()));

        Fact<String> pm = packageManager(top, topPkg, topLines, warnings);
        String pmVersion = null;
        if (topPkg.path("packageManager").isTextual()) {
            Matcher m = Pattern.compile("^(npm|yarn|pnpm|bun)@([0-9][0-9A-Za-z.-]*)").matcher(topPkg.get("packageManager").asText());
            if (m.find()) {
                pmVersion = m.group(2);
            }
        }
        String lockfile = lockfileOf(top, pm.value());
        if (lockfile == null) {
            warnings.add(new Warning(Source.of("package.json"), "no lockfile, so installs are not reproducible; run "
                    + installHint(pm.value()) + " and commit the lockfile"));
        }
        Fact<String> version = nodeVersion(files, pkg, lines);
        if (version == null && workspace != null) {
            version = relocated(nodeVersion(top, topPkg, topLines), workspace);
        }
        pm = relocated(pm, workspace);
        if (workspace != null) {
            evidence.add(workspace.declaredIn().source().file());
        }
        JsonNode scripts = pkg.path("scripts");
        String build = scripts.path("build").isTextual() ? "build" : null;

        Fact<String> framework = null;
        String kind = NodeDetails.SERVER;
        String staticDir = null;
        Fact<List<String>> angularServer = null;
        boolean standalone = false;
        NodeFrameworks.Ssr ssr = NodeFrameworks.of(files, pkg, text.get(), deps).orElse(null);
        if (ssr != null) {
            framework = ssr.framework();
            kind = ssr.kind() != null ? ssr.kind() : kind;
            staticDir = ssr.staticDir();
        } else if (deps.containsKey("next")) {
            kind = NodeDetails.NEXT;
            framework = Fact.of("next", "package.json", lines.of("\"next\""));
            for (String cfg : List.of("next.config.js", "next.config.mjs", "next.config.ts")) {
                Optional<String> c = files.read(cfg);
                if (c.isPresent() && STANDALONE.matcher(c.get()).find()) {
                    standalone = true;
                    evidence.add(cfg);
                }
            }
        } else if (runtimeDeps.containsKey("@nestjs/core")) {
            framework = Fact.of("nest", "package.json", lines.of("\"@nestjs/core\""));
        } else if (runtimeDeps.containsKey("fastify")) {
            framework = Fact.of("fastify", "package.json", lines.of("\"fastify\""));
        } else if (runtimeDeps.containsKey("express")) {
            framework = Fact.of("express", "package.json", lines.of("\"express\""));
        } else if (runtimeDeps.containsKey("koa")) {
            framework = Fact.of("koa", "package.json", lines.of("\"koa\""));
        } else if (runtimeDeps.containsKey("@hapi/hapi") || runtimeDeps.containsKey("hapi")) {
            String hapi = runtimeDeps.containsKey("@hapi/hapi") ? "@hapi/hapi" : "hapi";
            framework = Fact.of("hapi", "package.json", lines.of("\"" + hapi + "\""));
        } else if (build != null && deps.containsKey("@angular/core") && files.isFile("angular.json")) {
            AngularOutput output = angularOutput(files);
            framework = Fact.of("angular", "package.json", lines.of("\"@angular/core\""));
            evidence.add("angular.json");
            if (deps.containsKey("@angular/ssr")) {
                // server-side rendering: the build writes a Node server next to the browser files
                angularServer = Fact.of(List.of(output.base() + "/server/server.mjs"), output.source());
            } else {
                kind = NodeDetails.SPA;
                staticDir = output.browser();
            }
        } else if (build != null && (deps.containsKey("vite") || deps.containsKey("react-scripts")
                || deps.containsKey("@vue/cli-service"))) {
            kind = NodeDetails.SPA;
            String tool = deps.containsKey("vite") ? "vite" : deps.containsKey("react-scripts") ? "react-scripts" : "@vue/cli-service";
            framework = Fact.of(tool.equals("react-scripts") ? "create-react-app" : tool.equals("vite") ? "vite" : "vue-cli",
                    "package.json", lines.of("\"" + tool + "\""));
            staticDir = tool.equals("react-scripts") ? "build" : "dist";
        }

        boolean typescript = files.isFile("tsconfig.json");
        Map<String, String> startEnv = new LinkedHashMap<>();
        Fact<List<String>> start = angularServer != null ? angularServer : kind.equals(NodeDetails.SERVER)
                ? startCommand(files, pkg, lines, framework, typescript, workspace != null, startEnv) : null;
        if (ssr != null && ssr.start() != null) {
            start = ssr.start();
        }
        if (kind.equals(NodeDetails.NEXT)) {
            start = Fact.of(standalone ? List.of("server.js") : List.of("node_modules/next/dist/bin/next", "start"),
                    "package.json", lines.of("\"next\""));
        }
        if (pm.value().equals("bun") && pkg.path("scripts").path("start").asText("").matches("^(bun|bunx)\\s.*")) {
            warnings.add(new Warning(Source.of("package.json", lines.of("\"start\"")), "the start script runs bun; the "
                    + "image runs the program with node" + (start == null ? "" : " (" + String.join(" ", start.value()) + ")")
                    + ", so bun-only APIs (Bun.serve, bun:sqlite) will not work there"));
        }
        if (kind.equals(NodeDetails.SERVER) && start == null && framework == null && ssr == null
                && !files.location().equals(options.project())
                && NodeAssetsOnly.besideAnotherApp(files, pkg.path("scripts").path("start").asText(null))) {
            warnings.subList(firstWarning, warnings.size()).clear();
            return Optional.empty(); // assets built for another language's app in this folder
        }
        if (kind.equals(NodeDetails.SERVER) && start == null) {
            warnings.add(new Warning(Source.of("package.json", lines.of("\"start\"")),
                    ssr != null && ssr.noStart() != null ? ssr.noStart() : noStart(pkg)));
        }
        if (start != null) {
            for (String word : start.value()) {
                if (("/" + word + "/").contains("/../")) {
                    throw new ProjectInputException(start.source(), "the start command names '" + Source.of(word)
                            + "', outside the project; name a file inside it");
                }
                if (!SAFE_PATH.matcher(word).matches() && !word.startsWith("--")) {
                    throw new ProjectInputException(start.source(), "the start command names '" + word
                            + "', which a Dockerfile cannot carry safely; use a plain relative path");
                }
            }
        }
        if (kind.equals(NodeDetails.SERVER) && start != null) {
            NodeListen.check(files, NodeSources.sources(files), framework, start, startEnv, warnings);
        }
        Fact<Integer> port = NodeSources.port(files, kind, framework);
        if (port == null && ssr != null && !kind.equals(NodeDetails.SPA)) {
            port = ssr.defaultPort();
        }
        if (port == null) {
            port = NodeFrameworks.cliPort(start);
        }
        Fact<String> prisma = null;
        if (files.isFile("prisma/schema.prisma") && (deps.containsKey("prisma") || deps.containsKey("@prisma/client"))) {
            prisma = Fact.of("prisma/schema.prisma", Source.of("prisma/schema.prisma"));
            evidence.add("prisma/schema.prisma");
        }
        boolean npmrc = top.isFile(".npmrc");
        if (npmrc) {
            evidence.add(".npmrc");
        }
        if (lockfile != null) {
            evidence.add(workspace == null ? lockfile : workspace.up() + lockfile);
        }
        NodeDetails details = new NodeDetails(pm, pmVersion, lockfile, Fact.of(kind, Source.of("package.json")), build,
                start, staticDir, standalone, prisma, npmrc, typescript, files.isDirectory("public"),
                kind.equals(NodeDetails.SPA) ? null : NodeSources.healthRoute(files, framework), name(pkg), workspace,
                installFiles(top, pm.value()), startEnv, NodeOutputs.artefact(ssr == null ? null : ssr.artefact(), kind,
                standalone, staticDir, start, build, files));
        List<String> startWords = start == null ? null : prepend("node", start.value());
        return Optional.of(new ProjectFacts(".", Language.NODE, pm.value().startsWith("yarn") ? "yarn" : pm.value(),
                pm.value(), version, framework, port, kind.equals(NodeDetails.SPA) ? null : startWords, evidence, details));
    }

    private static String name(JsonNode pkg) {
        String name = pkg.path("name").asText("").replaceFirst("^@[^/]+/", "").toLowerCase(java.util.Locale.ROOT);
        return name.matches("[a-z0-9][a-z0-9._-]{0,63}") ? name : "app";
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> out = new ArrayList<>(List.of(first));
        out.addAll(rest);
        return out;
    }

    /**
     * A workspace member's facts whose sources are files of the workspace root: written relative to the member,
     * since every source of a member is ("../../package-lock.json").
     */
    private static <T> Fact<T> relocated(Fact<T> fact, NodeWorkspace workspace) {
        if (fact == null || workspace == null || fact.source() == null) {
            return fact;
        }
        return Fact.of(fact.value(), Source.of(workspace.up() + fact.source().file(), fact.source().line()));
    }

    private static final Pattern YARN_PATH = Pattern.compile("^yarnPath:\\s*['\"]?([^'\"#\\s]+)['\"]?\\s*(#.*)?$",
            Pattern.MULTILINE);

    /** Files beside package.json (at the workspace root) that the package manager reads when it installs. */
    private static List<String> installFiles(ProjectFiles top, String pm) {
        List<String> out = new ArrayList<>();
        switch (pm) {
            case "yarn-berry" -> {
                Optional<String> rc = top.read(".yarnrc.yml");
                if (rc.isPresent()) {
                    out.add(".yarnrc.yml");
                    Matcher m = YARN_PATH.matcher(rc.get());
                    if (m.find()) {
                        String release = m.group(1).replaceFirst("^\\./", "");
                        if (!SAFE_PATH.matcher(release).matches() || ("/" + release + "/").contains("/../")
                                || !top.isFile(release)) {
                            throw new ProjectInputException(Source.of(".yarnrc.yml", new Lines(rc.get()).of("yarnPath")),
                                    "yarnPath names '" + Source.of(release) + "', which is not a file of the project; commit the "
                                            + "Yarn release (yarn set version) or remove yarnPath");
                        }
                        out.add(release);
                    }
                }
            }
            case "pnpm" -> out.addAll(Stream.of("pnpm-workspace.yaml", ".pnpmfile.cjs").filter(top::isFile).toList());
            case "bun" -> out.addAll(Stream.of("bunfig.toml").filter(top::isFile).toList());
            default -> { }
        }
        return out;
    }

    /** package.json (or a member's) as a JSON object; errors name the file and line. */
    static JsonNode parse(String file, String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ProjectInputException(Source.of(file, 1), file + " must hold a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ProjectInputException(Source.of(file, at == null ? 0 : at.getLineNr()),
                    "not valid JSON (" + e.getOriginalMessage().replaceAll("\\s+", " ").replaceAll("\\(.*", "").strip()
                            + "); fix the file, e.g. with `npm pkg fix`");
        }
    }

    /** Where `ng build` writes: the output folder, the folder of the browser files in it, and where that is set. */
    private record AngularOutput(String base, String browser, Source source) {
    }

    /**
     * From angular.json: the default (else first) application's outputPath, a string or {base, browser}, else
     * "dist/&lt;project&gt;". The application builder puts the browser files in "browser/" (or the folder given);
     * the older browser builder straight in the output path.
     */
    private static AngularOutput angularOutput(ProjectFiles files) {
        String text = files.read("angular.json").orElseThrow();
        JsonNode ng = parse("angular.json", text);
        Lines lines = new Lines(text);
        JsonNode projects = ng.path("projects");
        String name = ng.path("defaultProject").asText(null);
        if (name == null || !projects.has(name)) {
            name = null;
            Iterator<String> names = projects.fieldNames();
            while (names.hasNext() && name == null) {
                String n = names.next();
                if (projects.path(n).path("projectType").asText("application").equals("application")) {
                    name = n;
                }
            }
        }
        if (name == null) {
            throw new ProjectInputException(Source.of("angular.json", lines.of("\"projects\"")),
                    "no application project in angular.json; add one with ng generate application");
        }
        JsonNode build = projects.path(name).path("architect").path("build");
        JsonNode out = build.path("options").path("outputPath");
        String base = (out.isTextual() ? out.asText() : out.path("base").asText("dist/" + name))
                .replaceFirst("^\\./", "").replaceAll("/+$", "");
        String browser = !build.path("builder").asText("").endsWith(":application") ? ""
                : out.isObject() && out.has("browser") ? out.path("browser").asText("") : "browser";
        Source source = Source.of("angular.json", out.isMissingNode() ? lines.of("\"" + name + "\"") : lines.of("\"outputPath\""));
        if (!SAFE_PATH.matcher(base).matches() || !(browser.isEmpty() || SAFE_PATH.matcher(browser).matches())) {
            throw new ProjectInputException(source, "the outputPath is not a plain relative path; write it like dist/app");
        }
        return new AngularOutput(base, browser.isEmpty() ? base : base + "/" + browser, source);
    }

    /** Line numbers of the first occurrence of a text, for sources. */
    private record Lines(String text) {
        /** The line of the first needle after the first anchor (the anchor's own line when the needle is not there). */
        int after(String anchor, String needle) {
            int a = text.indexOf(anchor);
            int at = a < 0 ? -1 : text.indexOf(needle, a + anchor.length());
            return at < 0 ? of(anchor) : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        }

        int of(String needle) {
            int at = text.indexOf(needle);
            return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        }
    }

    private static Map<String, String> dependencies(JsonNode pkg) {
        Map<String, String> deps = new LinkedHashMap<>();
        for (String field : List.of("dependencies", "devDependencies")) {
            Iterator<Map.Entry<String, JsonNode>> it = pkg.path(field).properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                deps.putIfAbsent(e.getKey(), e.getValue().asText());
            }
        }
        return deps;
    }

    private static final Map<String, String> LOCKFILES = new LinkedHashMap<>();

    static {
        LOCKFILES.put("pnpm-lock.yaml", "pnpm");
        LOCKFILES.put("yarn.lock", "yarn");
        LOCKFILES.put("package-lock.json", "npm");
        LOCKFILES.put("npm-shrinkwrap.json", "npm");
        LOCKFILES.put("bun.lock", "bun");
        LOCKFILES.put("bun.lockb", "bun");
    }

    private static Fact<String> packageManager(ProjectFiles files, JsonNode pkg, Lines lines, List<Warning> warnings) {
        List<String> present = LOCKFILES.keySet().stream().filter(files::isFile).toList();
        String declared = null;
        if (pkg.path("packageManager").isTextual()) {
            Matcher m = Pattern.compile("^(npm|yarn|pnpm|bun)@").matcher(pkg.get("packageManager").asText());
            if (m.find()) {
                declared = m.group(1);
            }
        }
        String chosen;
        Source source;
        if (declared != null) {
            chosen = declared;
            source = Source.of("package.json", lines.of("\"packageManager\""));
        } else if (!present.isEmpty()) {
            chosen = LOCKFILES.get(present.get(0));
            source = Source.of(present.get(0));
        } else {
            chosen = "npm";
            source = Source.of("package.json");
        }
        if (present.stream().map(LOCKFILES::get).distinct().count() > 1) {
            warnings.add(new Warning(source, "lockfiles of several package managers (" + String.join(", ", present)
                    + "); using " + chosen + (declared != null ? " as packageManager says" : "") + "; delete the others"));
        }
        if (chosen.equals("yarn") && (files.isFile(".yarnrc.yml")
                || files.read("yarn.lock").map(t -> t.contains("__metadata:")).orElse(false))) {
            chosen = "yarn-berry";
        }
        return Fact.of(chosen, source);
    }

    private static String lockfileOf(ProjectFiles files, String pm) {
        String base = pm.startsWith("yarn") ? "yarn" : pm;
        return LOCKFILES.entrySet().stream().filter(e -> e.getValue().equals(base) && files.isFile(e.getKey()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static String installHint(String pm) {
        return switch (pm) {
            case "pnpm" -> "pnpm install";
            case "yarn", "yarn-berry" -> "yarn install";
            case "bun" -> "bun install";
            default -> "npm install";
        };
    }

    /** The Node major to build with: .nvmrc, .node-version, volta, engines.node; else the LTS default. */
    static Fact<String> nodeVersion(ProjectFiles files, JsonNode pkg, Lines lines) {
        for (String file : List.of(".nvmrc", ".node-version")) {
            Optional<String> t = files.read(file);
            if (t.isPresent()) {
                String v = t.get().strip().replaceFirst("^v", "");
                Matcher m = MAJOR.matcher(v);
                if (m.lookingAt()) {
                    return Fact.of(m.group(1), file, 1);
                }
            }
        }
        if (pkg.path("volta").path("node").isTextual()) {
            Matcher m = MAJOR.matcher(pkg.path("volta").path("node").asText());
            if (m.lookingAt()) {
                return Fact.of(m.group(1), "package.json", lines.after("\"volta\"", "\"node\""));
            }
        }
        if (pkg.path("engines").path("node").isTextual()) {
            String range = pkg.path("engines").path("node").asText();
            Matcher m = Pattern.compile("([0-9]{1,2})").matcher(range);
            int highest = 0;
            while (m.find()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
            if (highest > 0) {
                boolean open = range.contains(">") && !range.contains("<");
                String v = open && Integer.parseInt(DEFAULT_NODE) >= highest ? DEFAULT_NODE : String.valueOf(highest);
                // the line that proves it: "node" inside engines, not the "engines" key
                return Fact.of(v, "package.json", lines.after("\"engines\"", "\"node\""));
            }
        }
        return null;
    }

    /** The script a start script hands over to: `npm run X`, `yarn X`, `yarn run X`, `pnpm [run] X`, `bun run X`. */
    private static final Pattern RUN_SCRIPT = Pattern.compile("^(?:npm\\s+run(?:-script)?|yarn(?:\\s+run)?|pnpm(?:\\s+run)?|bun\\s+run)\\s+([\\w:.-]+)$");
    /** An environment assignment in front of a command: NODE_ENV=production. */
    private static final Pattern ENV_WORD = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(\\S*)$");

    /** A start script followed to the command that starts the program: its words, the env it sets, its script name. */
    record Script(List<String> words, Map<String, String> env, String name) {
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
        return SAFE_PATH.matcher(path).matches() && (path.matches(".*\\.(?:c|m)?js") || files.isFile(path)
                || files.isFile(path + ".js") || files.isFile(path + "/index.js"));
    }

    /** How the program starts, after "node": the start script followed to `node FILE [args]`, else main, else server.js. */
    private static Fact<List<String>> startCommand(ProjectFiles files, JsonNode pkg, Lines lines, Fact<String> framework,
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
                    && dependencies(pkg).containsKey("fastify-cli")) {
                // fastify-cli loads the plugin file and listens itself: keep it as the command
                String file = w.get(w.size() - 1).replaceFirst("^\\./", "");
                if (entryFile(files, file)) {
                    words.add("node_modules/fastify-cli/cli.js");
                    words.addAll(w.subList(1, w.size() - 1));
                    words.add(file);
                    env.putAll(followed.env());
                    return Fact.of(words, source);
                }
            }
        }
        Optional<String> procfile = files.read("Procfile");
        if (procfile.isPresent()) {
            Matcher web = Pattern.compile("(?m)^web:\\s*node\\s+(\\S+)((?:\\s+--?[\\w=.-]+)*)\\s*$").matcher(procfile.get());
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
}
