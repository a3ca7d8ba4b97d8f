package dev.dockergen.lang.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.TextLines;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-stack frameworks whose build decides what the image runs: Nuxt and Nitro (a Node server in .output/),
 * Astro (static dist/, or a server with @astrojs/node), SvelteKit (the adapter in svelte.config.js decides),
 * Remix and React Router (their own serve command on the server build). Each answer is a rule read from the
 * framework's manifest and configuration, with the line that proves it.
 */
final class NodeFrameworks {
    /** What such a framework settles: its name, the kind of image, how it starts, its output, its default port. */
    record Ssr(Fact<String> framework, String kind, Fact<List<String>> start, String staticDir, String artefact,
               Fact<Integer> defaultPort, String noStart) {
    }

    private static final Pattern ASTRO_OUTPUT = Pattern.compile("\\boutput\\s*:\\s*['\"](server|hybrid|static)['\"]");
    private static final Pattern ASTRO_OUT_DIR = Pattern.compile("\\boutDir\\s*:\\s*['\"]\\.?/?([A-Za-z0-9._-]+)/?['\"]");
    private static final Pattern SVELTE_ADAPTER = Pattern.compile("['\"]@sveltejs/adapter-([a-z-]+)['\"]");
    private static final Pattern SVELTE_PAGES = Pattern.compile("\\bpages\\s*:\\s*['\"]\\.?/?([A-Za-z0-9._-]+)/?['\"]");
    private static final Pattern SVELTE_OUT = Pattern.compile("\\bout\\s*:\\s*['\"]\\.?/?([A-Za-z0-9._-]+)/?['\"]");
    /** `remix-serve ./build/index.js`, `react-router-serve ./build/server/index.js`. */
    private static final Pattern SERVE = Pattern.compile("^(remix-serve|react-router-serve)\\s+(\\S+)");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private NodeFrameworks() {
    }

    /**
     * The full-stack framework of a package.json, or empty when it names none of them (then the server and static
     * site rules apply). {@code deps} are dependencies and devDependencies.
     */
    static Optional<Ssr> of(ProjectFiles files, JsonNode pkg, String pkgText, Map<String, String> deps) {
        if (deps.containsKey("nuxt") || deps.containsKey("nuxt3")) {
            return Optional.of(nitro(pkg, pkgText, deps.containsKey("nuxt") ? "nuxt" : "nuxt3", "nuxt"));
        }
        if (deps.containsKey("nitropack") || deps.containsKey("nitro")) {
            return Optional.of(nitro(pkg, pkgText, deps.containsKey("nitropack") ? "nitropack" : "nitro", "nitro"));
        }
        if (deps.containsKey("astro")) {
            return Optional.of(astro(files, pkgText, deps));
        }
        if (deps.containsKey("@sveltejs/kit")) {
            return Optional.of(svelteKit(files, pkgText));
        }
        for (String[] fw : new String[][] {{"@remix-run/serve", "remix"}, {"@remix-run/node", "remix"},
                {"@remix-run/react", "remix"}, {"@react-router/serve", "react-router"}, {"@react-router/node", "react-router"}}) {
            if (deps.containsKey(fw[0])) {
                return Optional.of(serve(files, pkg, pkgText, fw[0], fw[1]));
            }
        }
        return Optional.empty();
    }

    /**
     * Nuxt 3+ and Nitro build a self-contained Node server into .output/server/index.mjs that listens on PORT
     * (NITRO_PORT), 3000 by default, on every interface; `nuxt generate` writes a static site to .output/public.
     */
    private static Ssr nitro(JsonNode pkg, String pkgText, String dep, String name) {
        Fact<String> framework = Fact.of(name, "package.json", line(pkgText, "\"" + dep + "\""));
        String build = pkg.path("scripts").path("build").asText("");
        if (build.matches(".*\\b(nuxt|nuxi)\\s+generate\\b.*")) {
            return new Ssr(framework, NodeDetails.SPA, null, ".output/public", ".output/public", null, null);
        }
        Fact<List<String>> start = Fact.of(List.of(".output/server/index.mjs"), framework.source());
        return new Ssr(framework, NodeDetails.SERVER, start, null, ".output", Fact.of(3000, framework.source()), null);
    }

    /**
     * Astro builds a static site into dist/ (outDir) unless astro.config says output 'server' (or 'hybrid'); such a
     * server runs on Node with @astrojs/node (dist/server/entry.mjs, port 4321, HOST/PORT from the environment).
     */
    private static Ssr astro(ProjectFiles files, String pkgText, Map<String, String> deps) {
        Fact<String> framework = Fact.of("astro", "package.json", line(pkgText, "\"astro\""));
        String config = null;
        String text = "";
        for (String c : List.of("astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts",
                "astro.config.cjs")) {
            Optional<String> t = files.read(c);
            if (t.isPresent()) {
                config = c;
                text = t.get();
                break;
            }
        }
        Matcher out = ASTRO_OUT_DIR.matcher(text);
        String dist = out.find() && SAFE_PATH.matcher(out.group(1)).matches() ? out.group(1) : "dist";
        Matcher output = ASTRO_OUTPUT.matcher(text);
        if (config == null || !output.find() || output.group(1).equals("static")) {
            return new Ssr(framework, NodeDetails.SPA, null, dist, dist, null, null);
        }
        Source where = Source.of(config, line(text, output.group()));
        if (!deps.containsKey("@astrojs/node")) {
            return new Ssr(framework, NodeDetails.SERVER, null, null, dist, null, "Astro renders on a server (output '"
                    + output.group(1) + "', " + where + ") through an adapter other than @astrojs/node, which the image "
                    + "cannot run; add it with npx astro add node (mode 'standalone')");
        }
        return new Ssr(framework, NodeDetails.SERVER, Fact.of(List.of(dist + "/server/entry.mjs"), where), null, dist,
                Fact.of(4321, where), null);
    }

    /**
     * SvelteKit: the adapter svelte.config.js imports decides. adapter-node writes a server to build/ (node build,
     * port 3000); adapter-static a site to build/ (or its pages folder); the platform adapters (auto, vercel,
     * netlify, cloudflare) write for that platform, which no image runs.
     */
    private static Ssr svelteKit(ProjectFiles files, String pkgText) {
        Fact<String> framework = Fact.of("sveltekit", "package.json", line(pkgText, "\"@sveltejs/kit\""));
        for (String c : List.of("svelte.config.js", "svelte.config.mjs", "svelte.config.ts", "svelte.config.cjs")) {
            Optional<String> t = files.read(c);
            if (t.isEmpty()) {
                continue;
            }
            Matcher a = SVELTE_ADAPTER.matcher(t.get());
            if (!a.find()) {
                break;
            }
            Source where = Source.of(c, line(t.get(), a.group()));
            switch (a.group(1)) {
                case "node" -> {
                    Matcher o = SVELTE_OUT.matcher(t.get());
                    String dir = o.find() && SAFE_PATH.matcher(o.group(1)).matches() ? o.group(1) : "build";
                    return new Ssr(framework, NodeDetails.SERVER, Fact.of(List.of(dir + "/index.js"), where), null, dir,
                            Fact.of(3000, where), null);
                }
                case "static" -> {
                    Matcher p = SVELTE_PAGES.matcher(t.get());
                    String dir = p.find() && SAFE_PATH.matcher(p.group(1)).matches() ? p.group(1) : "build";
                    return new Ssr(framework, NodeDetails.SPA, null, dir, dir, null, null);
                }
                default -> {
                    String artefact = switch (a.group(1)) {
                        case "vercel" -> ".vercel/output";
                        case "netlify" -> ".netlify";
                        case "cloudflare" -> ".svelte-kit/cloudflare";
                        default -> null;
                    };
                    return new Ssr(framework, NodeDetails.SERVER, null, null, artefact, null, "SvelteKit builds with "
                            + "@sveltejs/adapter-" + a.group(1) + " (" + where + "), which writes for a hosting platform, "
                            + "not a Node server: add the devDependency @sveltejs/adapter-node and import it in " + c
                            + " instead (the image then runs node build), or @sveltejs/adapter-static for a static site");
                }
            }
        }
        return new Ssr(framework, NodeDetails.SERVER, null, null, null, null, "SvelteKit names no adapter in "
                + "svelte.config.js, so its build is no Node server; use @sveltejs/adapter-node (the image then runs node build)");
    }

    /**
     * Remix and React Router (framework mode) serve their server build with their own command: the start script's
     * `remix-serve ./build/index.js` runs as node_modules/.bin/remix-serve; it listens on PORT, 3000 by default.
     * A start script that runs its own server (`node server.js`) is left to the server rules.
     */
    private static Ssr serve(ProjectFiles files, JsonNode pkg, String pkgText, String dep, String name) {
        Fact<String> framework = Fact.of(name, "package.json", line(pkgText, "\"" + dep + "\""));
        JsonNode scripts = pkg.path("scripts");
        for (String script : List.of("start:prod", "start:production", "start")) {
            NodeStart.Script followed = NodeStart.followScript(scripts, script);
            if (followed == null) {
                continue;
            }
            Matcher m = SERVE.matcher(String.join(" ", followed.words()));
            if (m.find()) {
                String entry = m.group(2).replaceFirst("^\\./", "");
                if (!SAFE_PATH.matcher(entry).matches()) {
                    break;
                }
                Source source = Source.of("package.json", line(pkgText, "\"" + followed.name() + "\""));
                String artefact = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
                return new Ssr(framework, NodeDetails.SERVER,
                        Fact.of(List.of("node_modules/.bin/" + m.group(1), entry), source), null, artefact,
                        Fact.of(3000, source), null);
            }
        }
        return new Ssr(framework, null, null, null, null, null, null);
    }

    /** fastify-cli listens on PORT, else 3000 (its -p/--port option wins), with the start script as the source. */
    static Fact<Integer> cliPort(Fact<List<String>> start) {
        if (start == null || start.value().isEmpty() || !start.value().get(0).equals("node_modules/fastify-cli/cli.js")) {
            return null;
        }
        List<String> w = start.value();
        for (int i = 1; i + 1 < w.size(); i++) {
            if ((w.get(i).equals("-p") || w.get(i).equals("--port")) && w.get(i + 1).matches("[0-9]{2,5}")) {
                return Fact.of(Integer.parseInt(w.get(i + 1)), start.source());
            }
        }
        return Fact.of(3000, start.source());
    }

    private static int line(String text, String needle) {
        return TextLines.lineOf(text, needle);
    }
}
