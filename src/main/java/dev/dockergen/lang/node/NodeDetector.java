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

/** Recognises a Node.js project from package.json: package manager, version, kind, start, port. */
public final class NodeDetector implements Detector {
    /** The Node LTS line builds default to when the project names no version. */
    public static final String DEFAULT_NODE = "24";
    /** Not the project's own scripts: dependencies, builds, coverage reports. */
    static final Predicate<String> SKIPPED = Walk.skipping(Walk.INSTALLED, Walk.BUILD_OUTPUT, Set.of("coverage"));
    /** A plain relative path: what a start command, yarnPath or outputPath may name. */
    static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Pattern MAJOR = Pattern.compile("([0-9]{1,2})(?:\\.[0-9x*]+)*");
    private static final Pattern ENGINE_MAJOR = Pattern.compile("([0-9]{1,2})");
    /** Next's standalone output: `output: 'standalone'` in next.config. */
    private static final Pattern STANDALONE = Pattern.compile("output\\s*:\\s*['\"]standalone['\"]");

    /** Built on first use, so repositories without package.json never pay for Jackson's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The Node major the project names (.nvmrc, volta, engines), when it is past its end of life. */
    @Override
    public Optional<Warning> endOfLife(ProjectFacts facts) {
        Fact<String> v = facts.languageVersion();
        return NodeEndOfLife.TABLE.warning(v, v == null ? null : v.value(), DEFAULT_NODE);
    }

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
        if (workspace == null && !chosen(files, options)
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

        Fact<String> pm = NodePackageManager.of(top, topPkg, topLines, warnings);
        String pmVersion = NodePackageManager.version(topPkg);
        String lockfile = NodePackageManager.lockfile(top, pm.value());
        if (lockfile == null) {
            warnings.add(new Warning(Source.of("package.json"), "no lockfile, so installs are not reproducible; run "
                    + NodePackageManager.installHint(pm.value()) + " and commit the lockfile"));
        }
        Fact<String> version = nodeVersion(files, pkg, lines);
        Fact<String> engines = engines(pkg, lines);
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
            AngularOutput output = AngularOutput.of(files);
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
            staticDir = tool.equals("react-scripts") ? "build" : tool.equals("vite") ? NodeOutputs.viteOutDir(files) : "dist";
        } else if (build != null && workspace != null && dependencies(topPkg).containsKey("vite")
                && NodeOutputs.runsViteBuild(files, scripts)) {
            // a member whose scripts run `vite build` with vite hoisted to the workspace root's devDependencies
            kind = NodeDetails.SPA;
            framework = relocated(Fact.of("vite", "package.json", topLines.of("\"vite\"")), workspace);
            staticDir = NodeOutputs.viteOutDir(files);
        }

        boolean typescript = files.isFile("tsconfig.json");
        Map<String, String> startEnv = new LinkedHashMap<>();
        Fact<List<String>> start = angularServer != null ? angularServer : kind.equals(NodeDetails.SERVER)
                ? NodeStart.command(files, pkg, lines, framework, typescript, workspace != null, startEnv) : null;
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
        // a static site built beside another language's app is that app's frontend (it serves or embeds the files)
        if ((kind.equals(NodeDetails.SPA) || kind.equals(NodeDetails.SERVER) && start == null && framework == null
                && ssr == null) && !chosen(files, options)
                && NodeAssetsOnly.besideAnotherApp(files, pkg.path("scripts").path("start").asText(null))) {
            warnings.subList(firstWarning, warnings.size()).clear();
            return Optional.empty(); // assets built for another language's app in this folder
        }
        if (kind.equals(NodeDetails.SERVER) && start == null) {
            warnings.add(new Warning(Source.of("package.json", lines.of("\"start\"")),
                    ssr != null && ssr.noStart() != null ? ssr.noStart() : NodeStart.noStart(pkg)));
        }
        if (start != null) {
            NodeStart.check(start);
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
        // package.json's "prisma": {"schema": ...} moves the schema (Prisma's own setting), else prisma/schema.prisma
        String schema = pkg.path("prisma").path("schema").asText("prisma/schema.prisma").replaceFirst("^\\./", "");
        if (SAFE_PATH.matcher(schema).matches() && files.isFile(schema)
                && (deps.containsKey("prisma") || deps.containsKey("@prisma/client"))) {
            prisma = Fact.of(schema, schema.equals("prisma/schema.prisma") ? Source.of(schema)
                    : Source.of("package.json", lines.of("\"schema\"")));
            evidence.add(schema);
        }
        boolean npmrc = top.isFile(".npmrc");
        if (npmrc) {
            evidence.add(".npmrc");
        }
        if (lockfile != null) {
            evidence.add(workspace == null ? lockfile : workspace.up() + lockfile);
        }
        String artefact = NodeOutputs.artefact(ssr == null ? null : ssr.artefact(), kind, standalone, staticDir, start,
                build, files);
        String viteOut = build != null && deps.containsKey("vite") && scripts.path("build").asText("").contains("vite build")
                ? NodeOutputs.viteOutDir(files) : null;
        List<Fact<String>> runtimeFiles = kind.equals(NodeDetails.SPA) ? List.of()
                : NodeRuntimeFiles.find(files, pkg, runtimeDeps, lines, NodeRuntimeFiles.compiledFrom(files, start, build),
                NodeRuntimeFiles.startFolder(files, start), NodeWorkspace.siblingSites(top, workspace, viteOut));
        artefact = artefact != null ? artefact : NodeOutputs.servedOrLoaded(start, viteOut, runtimeFiles);
        NodeDetails details = new NodeDetails(pm, pmVersion, lockfile, Fact.of(kind, Source.of("package.json")), build,
                start, staticDir, standalone, prisma, npmrc, typescript, files.isDirectory("public"),
                kind.equals(NodeDetails.SPA) ? null : NodeSources.healthRoute(files, framework),
                kind.equals(NodeDetails.SPA) ? null : NodeSources.healthCommand(files), name(pkg), workspace,
                NodePackageManager.installFiles(top, pm.value()), startEnv,
                engines != null ? engines : relocated(engines(topPkg, topLines), workspace),
                NodeNativeAddons.find(files, top, lockfile), artefact, runtimeFiles,
                workspace == null ? NodeLockFlags.devNeededByProduction(top, lockfile) : null,
                NodeLockFlags.devToolOnInstall(pkg, lines),
                ssr != null && start == null ? ssr.noStart() : null, build == null ? null : NodeEnvCheck.skipVariable(files));
        List<String> startWords = start == null ? null : prepend("node", start.value());
        return Optional.of(new ProjectFacts(".", Language.NODE, pm.value().startsWith("yarn") ? "yarn" : pm.value(),
                pm.value(), version, framework, port, kind.equals(NodeDetails.SPA) ? null : startWords, evidence, details));
    }

    /** Whether --project names this folder ("." or "" for the root). */
    private static boolean chosen(ProjectFiles files, DetectOptions options) {
        String wanted = options.project() == null ? null : options.project().replaceAll("^\\./|/$", "");
        return wanted != null && (files.location().isEmpty() ? wanted.isEmpty() || wanted.equals(".")
                : files.location().equals(wanted));
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

    /** dependencies and devDependencies, the first naming a package winning. */
    static Map<String, String> dependencies(JsonNode pkg) {
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

    /** The engines.node range, with its line; null when package.json has none. */
    static Fact<String> engines(JsonNode pkg, Lines lines) {
        return pkg.path("engines").path("node").isTextual()
                ? Fact.of(pkg.path("engines").path("node").asText(), "package.json", lines.after("\"engines\"", "\"node\""))
                : null;
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
            Matcher m = ENGINE_MAJOR.matcher(range);
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
}
