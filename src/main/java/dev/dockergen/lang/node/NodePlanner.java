package dev.dockergen.lang.node;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.Warning;
import dev.dockergen.plan.DockerfilePlan;
import dev.dockergen.plan.HealthChecks;
import dev.dockergen.plan.IgnoreSections;
import dev.dockergen.plan.InitProcess;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Arg;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.plan.Instruction.Mount;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.plan.Instruction.Workdir;
import dev.dockergen.plan.Labels;
import dev.dockergen.plan.LanguagePlanner;
import dev.dockergen.plan.PlanRequest;
import dev.dockergen.plan.Plans;
import dev.dockergen.plan.Stage;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.ImageSpec;
import dev.dockergen.preset.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Plans a Node.js image: manifests and lockfile before the source, installs under a cache mount,
 * production dependencies only in the final stage, a non-root user, node as PID 1 in exec form.
 */
public final class NodePlanner implements LanguagePlanner {
    static final String VERSION_ARG = "NODE_VERSION";
    static final String BUN_ARG = "BUN_VERSION";
    /** Where distroless nodejs keeps node (its ENTRYPOINT; not on PATH), for tini to start. */
    static final String DISTROLESS_NODE = "/nodejs/bin/node";
    /** bun when package.json names none: the release this version of dockergen was checked with. */
    static final String DEFAULT_BUN = "1.4.5";
    /**
     * The even (LTS) majors distroless nodejs is published for on Debian 13 (nodejs22-debian13 to nodejs26-debian13;
     * the distroless README's image table, checked 2026-12-03): Node 20 ended on 2026-04-30 and left it.
     */
    static final List<Integer> DISTROLESS_MAJORS = List.of(22, 24, 26);
    private static final Pattern USER_VERSION = Pattern.compile("[0-9]{1,2}");
    private static final Map<String, Tool> TOOLS = Map.of(
            "npm", new Tool("npm ci", "npm ci --omit=dev", "npm prune --omit=dev", "/root/.npm", false),
            "pnpm", new Tool("pnpm install --frozen-lockfile", "pnpm install --frozen-lockfile --prod", "pnpm prune --prod",
                    "/root/.local/share/pnpm/store", true),
            "yarn", new Tool("yarn install --frozen-lockfile", "yarn install --frozen-lockfile --production",
                    "yarn install --frozen-lockfile --production --ignore-scripts --prefer-offline",
                    "/usr/local/share/.cache/yarn", true),
            "yarn-berry", new Tool("yarn install --immutable", "yarn workspaces focus --all --production",
                    "yarn workspaces focus --all --production", "/root/.yarn/berry/cache", true),
            "bun", new Tool("bun install --frozen-lockfile", "bun install --frozen-lockfile --production",
                    "rm -rf node_modules && bun install --frozen-lockfile --production", "/root/.bun/install/cache", false));
    private static final Tool NPM_NO_LOCKFILE = new Tool("npm install", "npm install --omit=dev", "npm prune --omit=dev",
            "/root/.npm", false);
    /** Every node_modules folder of the workspace, removed before a production-only reinstall. */
    private static final String WIPE_NODE_MODULES = "find . -name node_modules -type d -prune -exec rm -rf {} + && ";

    /** How one package manager installs, installs production dependencies, and prunes after a build. */
    private record Tool(String install, String installProd, String prune, String cache, boolean corepack) {
    }


    @Override
    public Language language() {
        return Language.NODE;
    }

    /**
     * A major outside engines.node: npm (without engine-strict) only warns as it installs, and the program may use
     * what that Node lacks, so a warning. An odd major on distroless is refused by {@link #plan}.
     */
    @Override
    public java.util.Optional<Warning> versionFit(ProjectFacts facts, Preset preset, String version) {
        if (USER_VERSION.matcher(version).matches() && preset.finalStage() == FinalStage.DISTROLESS
                && nearestDistroless(Integer.parseInt(version)) == null) {
            throw new dev.dockergen.UnusableVersionException("Node " + version + " has no distroless image: "
                    + distrolessMajors() + "; use " + suggestion(Integer.parseInt(version)) + " or --final alpine");
        }
        NodeDetails node = facts.details() instanceof NodeDetails d ? d : null;
        if (node == null || node.engines() == null || !USER_VERSION.matcher(version).matches()
                || NodeRange.allowsMajor(node.engines().value(), Integer.parseInt(version))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Warning(node.engines().source(), "Node " + version
                + " is outside engines.node '" + node.engines().value() + "': npm only warns (EBADENGINE) and the program "
                + "may need what Node " + version + " lacks; choose a version the range allows, or widen the range"));
    }

    @Override
    public Plans plan(PlanRequest request) {
        ProjectFacts facts = request.facts();
        NodeDetails node = (NodeDetails) facts.details();
        Preset preset = request.preset();
        List<Warning> notes = new ArrayList<>();
        String pm = node.packageManager().value();
        Tool tool = node.lockfile() == null && pm.equals("npm") ? NPM_NO_LOCKFILE : TOOLS.get(pm);
        Bun bunOrigin = !pm.equals("bun") ? null : node.packageManagerVersion() != null
                ? new Bun(node.packageManagerVersion(), "packageManager, " + node.packageManager().source())
                : new Bun(DEFAULT_BUN, "dockergen's default; pin it with packageManager in package.json");
        if (pm.equals("bun") && node.lockfile() == null) {
            throw new DockergenException(ExitCode.USAGE, node.packageManager().source() + ": a bun project without bun.lock "
                    + "cannot install reproducibly; run bun install and commit bun.lock");
        }
        String version = request.languageVersion() != null ? checked(request.languageVersion())
                : facts.languageVersion() != null ? facts.languageVersion().value() : preset.versionDefault();
        String origin = request.languageVersion() != null ? "chosen with --language-version"
                : facts.languageVersion() != null ? facts.languageVersion().source().toString()
                : "preset " + preset.name() + " default (the current LTS)";
        // the images are per major: a full version (node:17.0.1 in an old Dockerfile) names its major
        java.util.regex.Matcher major = Pattern.compile("^v?([0-9]{1,2})(?:[.].*)?$").matcher(version);
        if (major.matches()) {
            version = major.group(1);
        }
        String asked = version;
        if (preset.finalStage() == FinalStage.DISTROLESS) {
            // a detected odd major runs on the next even one (said below); an odd one asked for is refused
            int wantedMajor = Integer.parseInt(version);
            Integer chosen = nearestDistroless(request.languageVersion() == null && wantedMajor % 2 == 1
                    ? wantedMajor + 1 : wantedMajor);
            if (chosen == null) {
                throw new DockergenException(ExitCode.USAGE, "Node " + version + " (" + origin + ") has no distroless "
                        + "image: " + distrolessMajors() + "; use --language-version " + suggestion(Integer.parseInt(version))
                        + " or --final alpine");
            }
            version = String.valueOf(chosen);
            if (!version.equals(asked)) {
                notes.add(new Warning(null, "Node " + asked + " (" + origin + ") runs on Node " + version + ": "
                        + distrolessMajors() + ", so the nearest newer one, in the build stage too"));
                origin = "the project asks for " + asked + " (" + origin + "); " + distrolessMajors()
                        + ", so the nearest newer one";
            }
        }
        boolean spa = node.kind().value().equals(NodeDetails.SPA);
        // a static site: nginx where the preset has a static image, else serve on the preset's own Node runtime
        boolean nodeServer = spa && preset.staticRuntime() == null;
        ImageSpec runtime = spa && !nodeServer ? preset.staticRuntime() : preset.runtime();
        if (!spa && node.startCommand() == null && node.frameworkNoStart() != null) {
            throw new DockergenException(ExitCode.NOTHING_DETECTED, facts.framework().source() + ": "
                    + node.frameworkNoStart());
        }
        if (!spa && node.startCommand() == null) {
            throw new DockergenException(ExitCode.NOTHING_DETECTED, "package.json: no node entry file to start the program; "
                    + "make the \"start\" script (or a \"start:prod\" one) end in `node FILE`, e.g. \"node server.js\", or set \"main\"");
        }
        boolean next = node.kind().value().equals(NodeDetails.NEXT);
        NodeWorkspace ws = node.workspace();
        // a workspace member always builds in the build stage: its workspace dependencies come from there
        boolean needsBuild = spa || next || node.buildScript() != null || node.prisma() != null || ws != null;

        List<String> manifests = new ArrayList<>(List.of("package.json"));
        if (node.lockfile() != null) {
            manifests.add(node.lockfile());
        }
        manifests.addAll(node.installFiles());
        boolean secretNpmrc = node.npmrc();
        // a site nginx serves builds where the preset says (static.build: glibc, whatever the final's libc)
        ImageSpec builder = spa && !nodeServer && preset.staticBuild() != null ? preset.staticBuild() : preset.build();
        String image = builder.image().replace("{version}", "${" + VERSION_ARG + "}");
        List<Instruction> toolchain = NativeAddonPlanner.forAddon(builder, node.nativeAddon());
        List<Stage> stages = new ArrayList<>();
        if (!needsBuild) {
            // a lockfile marking dev a package production needs: npm ci --omit=dev would leave it out, prune keeps it
            boolean flagsWrong = node.devNeeded() != null && tool == TOOLS.get("npm");
            // the project's own install script runs a dev tool (prepare: husky) the production install leaves out
            Fact<String> devTool = flagsWrong || tool == TOOLS.get("yarn-berry") ? null : node.devToolOnInstall();
            String prod = devTool == null ? tool.installProd() : tool.installProd() + " --ignore-scripts"
                    + (node.nativeAddon() == null ? "" : tool == TOOLS.get("pnpm") ? " && pnpm rebuild" : " && npm rebuild");
            List<Instruction> ins = install(tool, manifests, flagsWrong ? "npm ci && npm prune --omit=dev" : prod,
                    secretNpmrc, bunOrigin);
            if (devTool != null) {
                String[] scriptTool = devTool.value().split(": ", 2);
                ins.add(ins.size() - 1, Comment.of("The " + scriptTool[0] + " script (" + devTool.source() + ") runs "
                        + scriptTool[1] + ", a devDependency this install leaves out, so it",
                        "skips scripts" + (node.nativeAddon() == null ? "." : "; the rebuild still compiles the native "
                        + "addons (it runs none of the project's own scripts).")));
            }
            if (flagsWrong) {
                ins.add(ins.size() - 1, Comment.of("package-lock.json marks " + node.devNeeded().value(),
                        "dev (" + node.devNeeded().source() + "): npm ci --omit=dev would leave it out, so everything is",
                        "installed and npm prune --omit=dev removes the dev dependencies."));
            }
            ins.addAll(1, toolchain); // after WORKDIR
            stages.add(new Stage(List.of("Dependencies stage: production dependencies only."), null, image, "deps", ins));
        } else {
            List<Instruction> ins = ws == null ? install(tool, manifests, tool.install(), secretNpmrc, bunOrigin)
                    : workspaceInstall(tool, manifests, ws, secretNpmrc, bunOrigin);
            ins.addAll(1, toolchain);
            if (nodeServer) {
                ins.addAll(StaticSitePlanner.serveConfig(facts.framework().value()));
            } else if (spa) {
                ins.addAll(StaticSitePlanner.config(request.port() != null ? request.port() : StaticSitePlanner.DEFAULT_PORT,
                        facts.framework().value()));
            }
            ins.add(Comment.of("Then the source and the build; editing a source file keeps the install layer above."));
            ins.add(new Copy(null, List.of("."), "."));
            if (node.prisma() != null) {
                String schema = ws == null ? node.prisma().value() : ws.inRoot(node.prisma().value());
                ins.add(new Run(List.of(), List.of("npx prisma generate --schema " + schema)));
            }
            Fact<String> skip = node.envCheckSkip();
            String envOff = skip == null ? "" : skip.value() + "=1 ";
            if (skip != null) {
                String file = ws == null ? skip.source().file() : ws.inRoot(skip.source().file());
                ins.add(Comment.of("The build loads " + file + ", whose createEnv stops a build that lacks the server's variables;",
                        "its skipValidation reads " + skip.value() + " (" + file + ":" + skip.source().line() + "): set on the app's build"
                        + " step only,", "the container still checks them when it starts."));
            }
            if (ws != null) {
                // a sibling member whose build output the program serves (../client/dist) is built first
                ws.servedSites(node.runtimeFiles()).stream().map(site -> site[0]).distinct()
                        .filter(m -> !ws.needed().contains(m)).forEach(m -> ins.add(new Run(List.of(), List.of(runIn(pm, ws, m, "build")))));
                for (String member : ws.needed()) {
                    if (ws.builds().contains(member)) {
                        ins.add(new Run(List.of(), List.of((member.equals(ws.member()) ? envOff : "") + runIn(pm, ws, member, "build"))));
                    }
                }
            } else if (node.buildScript() != null) {
                ins.add(new Run(List.of(), List.of(envOff + run(pm, node.buildScript()))));
            }
            // a self-contained output (Next.js standalone, Nitro's .output) carries its dependencies: no node_modules copied
            if (!spa && !BundledOutputPlanner.selfContained(node)) {
                ins.add(Comment.of("Keep only production dependencies for the runtime stage."));
                String prune = ws == null ? tool.prune() : workspacePrune(pm, ws, tool, node.nativeAddon() == null);
                ins.add(new Run(List.of(Mount.cache(tool.cache())), List.of(prune)));
            }
            stages.add(new Stage(List.of("Build stage: every dependency, then the source and the build."), null, image,
                    "build", ins));
        }
        if (nodeServer) {
            stages.add(StaticSitePlanner.serverStage(image));
        }
        InitProcess init = spa && !nodeServer ? null : InitProcess.choose("node", preset.build(), image, runtime);
        if (init != null && init.stage() != null) {
            stages.add(init.stage());
        }
        stages.add(spa ? siteStage(request, node, runtime, init) : runtimeStage(request, node, runtime, needsBuild, next, init));
        String title = title(facts);
        List<String> header = List.of(
                "Generated by dockergen " + request.toolVersion() + " with preset " + preset.name() + ".",
                "Build: docker build -t " + title + " .",
                "Node " + version + ": " + origin + "; packages with " + pm + " (" + node.packageManager().source() + ").");
        if (secretNpmrc) {
            notes.add(new Warning(null, ".npmrc is given to installs as a build secret and never copied: build with "
                    + "docker build --secret id=npmrc,src=.npmrc ."));
        }
        if (ws != null) {
            header = new ArrayList<>(header);
            header.set(1, "Build from the workspace root: docker build -f " + ws.member() + "/Dockerfile -t " + title + " .");
            List<String> others = ws.needed().subList(0, ws.needed().size() - 1);
            header.add("Workspace member " + ws.member() + " (members: " + ws.declaredIn().source() + "); "
                    + (others.isEmpty() ? "it needs no other member" : "it also needs " + IgnoreSections.joinAnd(others))
                    + ws.servedSites(node.runtimeFiles()).stream().map(site -> ", and serves " + site[0] + "'s build").distinct()
                    .collect(java.util.stream.Collectors.joining()) + ".");
        }
        DockerfilePlan dockerfile = new DockerfilePlan(header, List.of(new Arg(VERSION_ARG, version)), stages);
        return new Plans(dockerfile, NodeIgnore.plan(node, request.toolVersion(), notes), notes,
                ws == null ? "." : dev.dockergen.detect.ProjectFiles.up(ws.member()));
    }

    /** The published distroless major at or above an even {@code major}; null for an odd one or one above them all. */
    static Integer nearestDistroless(int major) {
        return major % 2 == 1 ? null : DISTROLESS_MAJORS.stream().filter(v -> v >= major).findFirst().orElse(null);
    }

    private static String distrolessMajors() {
        return "distroless nodejs is published for " + DISTROLESS_MAJORS.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + " (even, LTS majors)";
    }

    private static int suggestion(int major) {
        return DISTROLESS_MAJORS.stream().filter(v -> v >= major).findFirst().orElse(DISTROLESS_MAJORS.get(DISTROLESS_MAJORS.size() - 1));
    }

    private static String checked(String v) {
        if (!USER_VERSION.matcher(v).matches()) {
            throw new DockergenException(ExitCode.USAGE, "--language-version " + v + ": write a Node major such as 24");
        }
        return v;
    }

    private static String run(String pm, String script) {
        return (pm.startsWith("yarn") ? "yarn" : pm.equals("pnpm") || pm.equals("bun") ? pm : "npm") + " run " + script;
    }

    /** A command that runs a script in one workspace member. */
    private static String runIn(String pm, NodeWorkspace ws, String member, String script) {
        String name = ws.names().get(member);
        return switch (pm) {
            case "pnpm" -> "pnpm --filter ./" + member + " run " + script;
            case "yarn" -> "yarn --cwd " + member + " run " + script;
            case "yarn-berry" -> "yarn workspace " + (name != null ? name : member) + " run " + script;
            case "bun" -> "bun --cwd " + member + " run " + script;
            default -> "npm run " + script + " --workspace " + member;
        };
    }

    /**
     * Production dependencies only, for the whole workspace (pnpm cannot prune a workspace: it reinstalls). The
     * reinstall runs no lifecycle scripts: the full install before the build ran them, and a member's own
     * (prepare: nitropack prepare) calls a dev tool the production install leaves out; only a native addon, which
     * compiles as it installs, needs them again.
     */
    private static String workspacePrune(String pm, NodeWorkspace ws, Tool tool, boolean noScripts) {
        String scripts = noScripts ? " --ignore-scripts" : "";
        return switch (pm) {
            case "pnpm" -> WIPE_NODE_MODULES + "pnpm install --frozen-lockfile --prod --prefer-offline" + scripts;
            case "bun" -> WIPE_NODE_MODULES + "bun install --frozen-lockfile --production" + scripts;
            case "yarn-berry" -> "yarn workspaces focus " + ws.names().getOrDefault(ws.member(), ws.member()) + " --production";
            default -> tool.prune();
        };
    }

    /** The root manifests, then every member's package.json in its own folder, then one install. */
    private static List<Instruction> workspaceInstall(Tool tool, List<String> manifests, NodeWorkspace ws,
                                                      boolean secretNpmrc, Bun bun) {
        List<Instruction> ins = install(tool, manifests, tool.install(), secretNpmrc, bun);
        Instruction run = ins.remove(ins.size() - 1);
        ins.add(Comment.of("Every member's package.json too: the workspace installs as one, so a change to any",
                "manifest reinstalls, and a source change does not."));
        for (String member : ws.members()) {
            ins.add(new Copy(null, List.of(member + "/package.json"), member + "/"));
        }
        ins.add(run);
        return ins;
    }

    /** bun's release for a bun project, and where that version came from. */
    private record Bun(String version, String origin) {
    }

    /** @param bun for bun projects, the release to install first; null otherwise */
    private static List<Instruction> install(Tool tool, List<String> manifests, String command, boolean secretNpmrc,
                                             Bun bun) {
        List<Instruction> ins = new ArrayList<>();
        ins.add(new Workdir("/app"));
        if (tool.corepack()) {
            ins.add(Comment.of("corepack provides the package manager version package.json asks for."));
            ins.add(new Run(List.of(), List.of("corepack enable")));
        }
        if (tool == TOOLS.get("yarn-berry")) {
            ins.add(Comment.of("Yarn installs into node_modules whatever .yarnrc.yml says: the runtime stage copies",
                    "node_modules (Plug'n'Play would need .pnp.cjs and the zip cache at run time)."));
            ins.add(new Instruction.Env("YARN_NODE_LINKER", "node-modules"));
        }
        if (bun != null) {
            ins.add(new Arg(BUN_ARG, bun.version()));
            ins.add(Comment.of("bun installs the dependencies and node runs the program; bun " + bun.version() + " ("
                    + bun.origin() + ")",
                    "comes from the npm registry."));
            ins.add(new Run(List.of(Mount.cache("/root/.npm")), List.of("npm install -g \"bun@${" + BUN_ARG + "}\"")));
        }
        ins.add(Comment.of("Manifests first: this layer is reused until " + IgnoreSections.joinAnd(manifests)
                + (manifests.size() == 1 ? " changes." : " change.")));
        ins.add(new Copy(null, manifests, "./"));
        List<Mount> mounts = new ArrayList<>(List.of(Mount.cache(tool.cache())));
        if (secretNpmrc) {
            mounts.add(Mount.secret("npmrc", "/root/.npmrc"));
        }
        ins.add(new Run(mounts, List.of(command)));
        return ins;
    }

    /** The runtime stage of a static site: nginx (the preset's static image) or serve on the Node runtime. */
    private static Stage siteStage(PlanRequest request, NodeDetails node, ImageSpec runtime, InitProcess init) {
        int port = request.port() != null ? request.port() : StaticSitePlanner.DEFAULT_PORT;
        String site = node.workspace() == null ? node.staticDir() : node.workspace().inRoot(node.staticDir());
        String arg = "${" + VERSION_ARG + "}";
        return init == null ? StaticSitePlanner.nginxRuntime(runtime, request.preset().user(), site, port, labels(request), arg)
                : StaticSitePlanner.nodeRuntime(runtime, request.preset().user(), site, port, labels(request), arg, init);
    }

    private static Stage runtimeStage(PlanRequest request, NodeDetails node, ImageSpec runtime, boolean built,
                                      boolean next, InitProcess init) {
        Preset preset = request.preset();
        List<Instruction> ins = new ArrayList<>();
        int port;
        ins.addAll(init.runtime());
        ins.add(new Workdir("/app"));
        ins.add(new Instruction.Env("NODE_ENV", "production"));
        // the environment the start script sets in front of its command (NODE_ENV=production node ...)
        node.startEnv().forEach((name, value) -> {
            if (!(name.equals("NODE_ENV") && value.equals("production")) && value.matches("[A-Za-z0-9._:/@-]*")) {
                ins.add(new Instruction.Env(name, value));
            }
        });
        List<String> start = node.startCommand().value();
        if (BundledOutputPlanner.selfContained(node)) {
            BundledOutputPlanner.Copies copies = BundledOutputPlanner.copies(node, start);
            ins.addAll(copies.instructions());
            start = copies.start();
        } else if (node.workspace() != null) {
            NodeWorkspace ws = node.workspace();
            ins.add(Comment.of("The workspace's production dependencies, then " + ws.member()
                    + (ws.needed().size() > 1 ? " and the members it needs" : "") + ", built; no other member."));
            ins.add(new Copy("build", List.of("/app/node_modules"), "./node_modules"));
            for (String member : ws.needed()) {
                ins.add(new Copy("build", List.of("/app/" + member), "./" + member));
            }
            for (String[] site : ws.servedSites(node.runtimeFiles())) {
                ins.add(Comment.of("Read by the program at run time (" + site[2] + "): member " + site[0] + "'s build."));
                ins.add(new Copy("build", List.of("/app/" + site[1]), "./" + site[1]));
            }
            ins.add(new Workdir("/app/" + ws.member()));
        } else if (built) {
            String top = start.stream().filter(w -> !w.startsWith("--")).findFirst().orElse(".");
            // a package's own command (node_modules/.bin/remix-serve build/index.js) needs the whole built app
            String dir = top.contains("/") && !top.startsWith("node_modules/") ? top.substring(0, top.indexOf('/')) : null;
            if (dir != null && !next) {
                ins.add(Comment.of("The build output and the production dependencies; no sources."));
                ins.add(new Copy("build", List.of("/app/package.json"), "./"));
                ins.add(new Copy("build", List.of("/app/node_modules"), "./node_modules"));
                ins.add(new Copy("build", List.of("/app/" + dir), "./" + dir));
                ins.addAll(BundledOutputPlanner.readAtRunTime(node, dir, "/app/", "./"));
            } else {
                ins.add(Comment.of("The built application with production dependencies only."));
                ins.add(new Copy("build", List.of("/app"), "./"));
            }
        } else {
            ins.add(Comment.of("Production dependencies, then the application itself (.dockerignore keeps the rest out)."));
            ins.add(new Copy("deps", List.of("/app/node_modules"), "./node_modules"));
            ins.add(new Copy(null, List.of("."), "."));
        }
        Fact<Integer> detected = request.facts().port();
        port = request.port() != null ? request.port() : detected == null ? 0 : detected.value();
        if (port > 0 && (request.port() != null || next)) {
            ins.add(new Instruction.Env("PORT", String.valueOf(port)));
        }
        ins.add(new Instruction.User(preset.user().uid(), preset.user().gid()));
        if (port > 0) {
            ins.add(new Instruction.Expose(port));
        }
        if (node.healthCommand() != null) {
            List<String> program = new ArrayList<>(List.of(runtime.shell() ? "node" : DISTROLESS_NODE));
            program.addAll(start);
            ins.addAll(HealthChecks.command(node.healthCommand(), program, preset));
        } else {
            ins.addAll(HealthChecks.instructions(node.healthPath(), runtime, port, preset));
        }
        ins.addAll(labels(request));
        List<String> cmd = new ArrayList<>();
        if (runtime.shell()) {
            cmd.add("node"); // distroless nodejs already has node as its ENTRYPOINT
        }
        cmd.addAll(start);
        cmd.addAll(request.args());
        if (init.present()) {
            List<String> entry = new ArrayList<>(init.prefix());
            if (!runtime.shell()) {
                entry.add(DISTROLESS_NODE);
            }
            ins.add(runtime.shell() ? Comment.of(init.note()) : Comment.of(init.note(), DISTROLESS_NODE
                    + " is the base image's own ENTRYPOINT (node is not on PATH there); CMD stays the script."));
            ins.add(new Instruction.Entrypoint(entry));
        } else {
            ins.add(Comment.of(init.note()));
        }
        ins.add(new Instruction.Cmd(cmd));
        String comment = "Runtime stage: " + withoutVersion(runtime.image()) + (runtime.shell() ? "" : ", which has no shell")
                + "; runs as " + preset.user().name() + " (" + preset.user().uid() + ").";
        return new Stage(List.of(comment), null, runtime.image().replace("{version}", "${" + VERSION_ARG + "}"), "runtime", ins);
    }

    private static String withoutVersion(String image) {
        return image.replace("{version}", "<node>").replaceAll("@sha256:[a-f0-9]+", "");
    }

    private static String title(ProjectFacts facts) {
        return ((NodeDetails) facts.details()).name();
    }

    private static List<Instruction> labels(PlanRequest request) {
        return Labels.instructions(Map.of("org.opencontainers.image.title", title(request.facts())), request.preset(),
                request.labels());
    }
}
