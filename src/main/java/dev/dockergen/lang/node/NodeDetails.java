package dev.dockergen.lang.node;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.LanguageDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node facts the planner needs.
 *
 * @param packageManager npm, yarn, yarn-berry, pnpm or bun, with the lockfile or packageManager field it came from
 * @param packageManagerVersion the exact version from the packageManager field, or null
 * @param lockfile the lockfile the dependency layer copies, or null (then the install cannot be reproducible)
 * @param kind SERVER (a program that listens or runs), NEXT (Next.js), or SPA (static files served by a web server)
 * @param buildScript the build script's name when package.json has one ("build")
 * @param startCommand how the program starts in the image, as exec-form words after "node" (e.g. ["dist/main.js"])
 * @param staticDir SPA: the folder the build writes (dist, build, dist/&lt;app&gt;/browser)
 * @param nextStandalone Next.js: output 'standalone' is configured
 * @param prisma the Prisma schema that `prisma generate` needs at build time, or null
 * @param npmrc a project .npmrc exists (mounted as a build secret, never copied)
 * @param publicDir a public/ folder exists (Next.js serves it; the standalone output needs it copied)
 * @param healthPath a route that looks like a health endpoint (/healthz, /health...), or null
 * @param healthCommand the arguments that run the program's own health check (--healthcheck, a healthcheck
 *                      subcommand read from process.argv), or null
 * @param name the package name without its scope, safe as an image name ("app" when it has none)
 * @param workspace the npm/Yarn/pnpm/bun workspace this project is a member of, or null
 * @param installFiles files (at the workspace root, if any) the install reads besides package.json and the lockfile:
 *                     .yarnrc.yml and the Yarn release it names, pnpm-workspace.yaml, .pnpmfile.cjs, bunfig.toml
 * @param engines the engines.node range of package.json (the member's, else the workspace root's), or null
 * @param nativeAddon the first sign that the install compiles a native addon (binding.gyp, or a node-gyp helper package
 *                    in the lockfile), or null
 * @param artefact what the build produces for the image (.next, .output, dist), or null when it runs the sources
 * @param runtimeFiles files and folders the program reads at run time outside what the image copies anyway
 *                     ({@link NodeRuntimeFiles}): views, public, an example .env, Prisma migrations
 * @param devNeeded a package package-lock.json marks dev that a production package needs ({@link NodeLockFlags}),
 *                  or null
 * @param devToolOnInstall an install lifecycle script of the project that runs a devDependency's tool
 *                         ({@code prepare: husky}; {@link NodeLockFlags#devToolOnInstall}), or null
 * @param frameworkNoStart why a full-stack framework's build gives the image nothing to run (a SvelteKit platform
 *                         adapter, an Astro server without @astrojs/node), with what to change; null otherwise
 * @param envCheckSkip the variable that turns off a build-time check of the server's environment (t3-env's
 *                     skipValidation, {@link NodeEnvCheck}), set on the build step; null when there is none
 */
public record NodeDetails(
        Fact<String> packageManager,
        String packageManagerVersion,
        String lockfile,
        Fact<String> kind,
        String buildScript,
        Fact<List<String>> startCommand,
        String staticDir,
        boolean nextStandalone,
        Fact<String> prisma,
        boolean npmrc,
        boolean typescript,
        boolean publicDir,
        Fact<String> healthPath,
        Fact<List<String>> healthCommand,
        String name,
        NodeWorkspace workspace,
        List<String> installFiles,
        Map<String, String> startEnv,
        Fact<String> engines,
        Fact<String> nativeAddon,
        String artefact,
        List<Fact<String>> runtimeFiles,
        Fact<String> devNeeded,
        Fact<String> devToolOnInstall,
        String frameworkNoStart,
        Fact<String> envCheckSkip) implements LanguageDetails {

    public static final String SERVER = "server";
    public static final String NEXT = "next";
    public static final String SPA = "spa";

    public NodeDetails {
        installFiles = List.copyOf(installFiles);
        runtimeFiles = List.copyOf(runtimeFiles);
        startEnv = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(startEnv));
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("packageManager", packageManager);
        m.put("packageManagerVersion", packageManagerVersion);
        m.put("lockfile", lockfile);
        m.put("kind", kind);
        m.put("buildScript", buildScript);
        m.put("startCommand", startCommand);
        m.put("staticDir", staticDir);
        m.put("nextStandalone", nextStandalone);
        m.put("prisma", prisma);
        m.put("npmrc", npmrc);
        m.put("typescript", typescript);
        m.put("healthPath", healthPath);
        if (healthCommand != null) {
            m.put("healthCommand", healthCommand);
        }
        m.put("installFiles", installFiles);
        if (nativeAddon != null) {
            m.put("nativeAddon", nativeAddon);
        }
        if (!startEnv.isEmpty()) {
            m.put("startEnv", startEnv);
        }
        if (artefact != null) {
            m.put("artefact", artefact);
        }
        if (devNeeded != null) {
            m.put("devNeeded", devNeeded);
        }
        if (devToolOnInstall != null) {
            m.put("devToolOnInstall", devToolOnInstall);
        }
        if (!runtimeFiles.isEmpty()) {
            m.put("runtimeFiles", runtimeFiles);
        }
        if (envCheckSkip != null) {
            m.put("envCheckSkip", envCheckSkip);
        }
        if (workspace != null) {
            m.put("workspaceRoot", Fact.of(workspace.root(), workspace.declaredIn().source()));
            m.put("workspaceMembers", workspace.members());
            m.put("workspaceNeeds", workspace.needed());
        }
        return m;
    }

    @Override
    public String title() {
        return name == null ? null : name.replaceAll("\\.(c|m)?js$", "");
    }

    @Override
    public boolean staticSite() {
        return kind.value().equals(SPA);
    }
}
