package dev.dockergen.lang.node;

import dev.dockergen.plan.InitProcess;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.plan.Instruction.Mount;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.plan.Stage;
import dev.dockergen.preset.ImageSpec;
import dev.dockergen.preset.RunAs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a built static site is served (ADR 0013): by nginx where the preset has a static image (laid out as
 * nginx-unprivileged), with a configuration for single-page apps written in the build stage and copied next to the
 * site; else by serve, a static file server for Node, on the preset's own Node runtime (distroless), configured the
 * same way through its serve.json.
 */
final class StaticSitePlanner {
    static final int DEFAULT_PORT = 8080;
    static final String ROOT = "/usr/share/nginx/html";
    /** Where the build stage writes the server configuration. */
    static final String CONFIG = "/tmp/site.conf";
    /** Where the nginx image reads its server blocks; the image's default server is replaced. */
    static final String CONFIG_DEST = "/etc/nginx/conf.d/default.conf";
    /** nginx in the foreground, as PID 1 of the container: it stops gracefully on SIGQUIT and at once on SIGTERM. */
    static final List<String> COMMAND = List.of("nginx", "-g", "daemon off;");
    /**
     * The static server on a Node runtime: serve (Vercel's), pinned; the release this version of dockergen was
     * checked with (npm registry, 2026-12-03). It gzips text itself and sends an ETag.
     */
    static final String SERVE_VERSION = "14.2.7";
    static final String SERVE_ARG = "SERVE_VERSION";
    static final String SERVE_HOME = "/opt/serve";
    static final String SERVE_MAIN = SERVE_HOME + "/node_modules/serve/build/main.js";
    /** Where the build stage writes serve's configuration; the final stage keeps it beside the site. */
    static final String SERVE_CONFIG = "/tmp/serve.json";
    static final String SERVER_STAGE = "server";
    /**
     * Folders a framework's build fills with content-hashed file names only, so they may be cached for a year;
     * everything else revalidates on each visit.
     */
    private static final Map<String, List<String>> HASHED = Map.of(
            "vite", List.of("/assets/"),
            "create-react-app", List.of("/static/"),
            "vue-cli", List.of("/js/", "/css/"));
    /**
     * Generators that write one HTML file per route (about/index.html): they need no fallback to index.html (serve
     * would answer every extensionless path with it), and their own 404.html answers unknown paths.
     */
    private static final Set<String> PAGE_PER_ROUTE = Set.of("astro", "nuxt", "nuxt3", "sveltekit");

    private StaticSitePlanner() {
    }

    /** The build-stage step that writes the server configuration: printed line by line, so it reads as it runs. */
    static List<Instruction> config(int port, String framework) {
        List<String> conf = new ArrayList<>(List.of(
                "server {",
                "    listen " + port + ";",
                "    root " + ROOT + ";",
                "    gzip on;",
                "    gzip_min_length 1024;",
                "    gzip_types text/css text/javascript application/javascript application/json image/svg+xml text/plain;",
                "    location / {",
                "        try_files \\$uri \\$uri/ /index.html;",
                "        add_header Cache-Control \\\"no-cache\\\";",
                "    }"));
        List<String> hashed = HASHED.getOrDefault(framework, List.of());
        for (String dir : hashed) {
            conf.add("    location " + dir + " {");
            conf.add("        try_files \\$uri =404;");
            conf.add("        add_header Cache-Control \\\"public, max-age=31536000, immutable\\\";");
            conf.add("    }");
        }
        conf.add("}");
        List<String> why = new ArrayList<>(List.of("The web server's configuration: unknown paths fall back to index.html "
                + "(client-side routes),"));
        if (hashed.isEmpty()) {
            why.add("text is gzipped, and every file revalidates on each visit.");
        } else {
            why.add("text is gzipped, " + String.join(" and ", hashed) + " (content-hashed names) is cached for a year,");
            why.add("and the rest revalidates on each visit.");
        }
        return List.of(Comment.of(why.toArray(String[]::new)), printf(conf, CONFIG));
    }

    /**
     * The build-stage step that writes serve.json: the fallback to index.html for a single-page app, no directory
     * listings, no-cache (revalidate with the ETag) everywhere and a year for content-hashed folders. A missing
     * file there gets index.html too (never a 404 cached for a year).
     */
    static List<Instruction> serveConfig(String framework) {
        boolean fallback = !PAGE_PER_ROUTE.contains(framework);
        List<String> hashed = HASHED.getOrDefault(framework, List.of());
        List<String> conf = new ArrayList<>(List.of("{", "  \\\"directoryListing\\\": false,"));
        if (fallback) {
            conf.add("  \\\"rewrites\\\": [{ \\\"source\\\": \\\"**\\\", \\\"destination\\\": \\\"/index.html\\\" }],");
        }
        conf.add("  \\\"headers\\\": [");
        conf.add("    { \\\"source\\\": \\\"**\\\", \\\"headers\\\": [{ \\\"key\\\": \\\"Cache-Control\\\", \\\"value\\\": "
                + "\\\"no-cache\\\" }] }" + (hashed.isEmpty() ? "" : ","));
        for (int i = 0; i < hashed.size(); i++) {
            conf.add("    { \\\"source\\\": \\\"" + hashed.get(i) + "**\\\", \\\"headers\\\": [{ \\\"key\\\": "
                    + "\\\"Cache-Control\\\", \\\"value\\\": \\\"public, max-age=31536000, immutable\\\" }] }"
                    + (i < hashed.size() - 1 ? "," : ""));
        }
        conf.add("  ]");
        conf.add("}");
        List<String> why = new ArrayList<>();
        why.add("The static server's configuration (serve.json): " + (fallback
                ? "unknown paths fall back to index.html (client-side routes)," : "every route is a page of its own"));
        if (!fallback) {
            why.add("and unknown paths answer 404 (the site's 404.html page where it has one),");
        }
        String cached = String.join(" and ", hashed) + (hashed.size() > 1 ? " (content-hashed names) are" : " (content-hashed names) is");
        why.add(hashed.isEmpty() ? "no directory listings, and every file revalidates on each visit (ETag)."
                : "no directory listings, " + cached + " cached for a year,");
        if (!hashed.isEmpty()) {
            why.add("and the rest revalidates on each visit (ETag).");
        }
        return List.of(Comment.of(why.toArray(String[]::new)), printf(conf, SERVE_CONFIG));
    }

    private static Run printf(List<String> conf, String dest) {
        List<String> lines = new ArrayList<>();
        lines.add("printf '%s\\n'");
        for (String c : conf) {
            lines.add("\"" + c + "\"");
        }
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " > " + dest);
        return new Run(List.of(), lines);
    }

    /** The stage that installs serve and its dependencies from the npm registry, on the build image. */
    static Stage serverStage(String buildImage) {
        return new Stage(List.of("Server stage: serve " + SERVE_VERSION + " (a static file server for Node) and its "
                + "dependencies, for the Node", "runtime to serve the site; its own stage, so the site's builds reuse it."),
                null, buildImage, SERVER_STAGE, List.of(
                        new Instruction.Arg(SERVE_ARG, SERVE_VERSION),
                        new Instruction.Workdir(SERVE_HOME),
                        new Run(List.of(Mount.cache("/root/.npm")), List.of(
                                "npm install --omit=dev --no-audit --no-fund \"serve@${" + SERVE_ARG + "}\""))));
    }

    /** The nginx runtime stage: the site and the configuration, as the image's own unprivileged user. */
    static Stage nginxRuntime(ImageSpec runtime, RunAs presetUser, String site, int port, List<Instruction> labels,
                              String imageArg) {
        List<Instruction> ins = new ArrayList<>();
        ins.add(Comment.of("The built site and the server configuration written in the build stage."));
        ins.add(new Copy("build", List.of("/app/" + site), ROOT));
        ins.add(new Copy("build", List.of(CONFIG), CONFIG_DEST));
        RunAs user = runtime.user() != null ? runtime.user() : presetUser;
        ins.add(new Instruction.User(user.uid(), user.gid()));
        ins.add(new Instruction.Expose(port));
        ins.addAll(labels);
        ins.add(new Instruction.Cmd(COMMAND));
        return new Stage(List.of("Runtime stage: nginx serves the static files from " + withoutVersion(runtime.image())
                + " as its own", "unprivileged user (" + user.name() + ", " + user.uid() + ") on port " + port
                + ", since a non-root user may not bind 80."), null, runtime.image().replace("{version}", imageArg),
                "runtime", ins);
    }

    /** The Node runtime stage: serve from the server stage, the site and serve.json, as the preset's user. */
    static Stage nodeRuntime(ImageSpec runtime, RunAs user, String site, int port, List<Instruction> labels,
                             String imageArg, InitProcess init) {
        List<Instruction> ins = new ArrayList<>(init.runtime());
        ins.add(new Instruction.Workdir("/app"));
        ins.add(Comment.of("NODE_ENV=production keeps serve's start-up message plain; NO_UPDATE_CHECK stops it asking",
                "the npm registry for a newer serve at every start."));
        ins.add(new Instruction.Env("NODE_ENV", "production"));
        ins.add(new Instruction.Env("NO_UPDATE_CHECK", "1"));
        ins.add(Comment.of("serve, then the built site and its configuration written in the build stage."));
        ins.add(new Copy(SERVER_STAGE, List.of(SERVE_HOME + "/node_modules"), SERVE_HOME + "/node_modules"));
        ins.add(new Copy("build", List.of("/app/" + site), "./site"));
        ins.add(new Copy("build", List.of(SERVE_CONFIG), "./serve.json"));
        ins.add(new Instruction.User(user.uid(), user.gid()));
        ins.add(new Instruction.Expose(port));
        ins.addAll(labels);
        List<String> cmd = new ArrayList<>();
        if (runtime.shell()) {
            cmd.add("node");
        }
        cmd.addAll(List.of(SERVE_MAIN, "--listen", String.valueOf(port), "--config", "/app/serve.json",
                "--no-port-switching", "--no-clipboard", "site"));
        if (init.present()) {
            List<String> entry = new ArrayList<>(init.prefix());
            if (!runtime.shell()) {
                entry.add(NodePlanner.DISTROLESS_NODE);
            }
            ins.add(Comment.of(init.note()));
            ins.add(new Instruction.Entrypoint(entry));
        } else {
            ins.add(Comment.of(init.note()));
        }
        ins.add(new Instruction.Cmd(cmd));
        return new Stage(List.of("Runtime stage: serve on " + withoutVersion(runtime.image()) + " serves the static files "
                + "as " + user.name() + " (" + user.uid() + ")", "on port " + port + ", since a non-root user may not bind 80."),
                null, runtime.image().replace("{version}", imageArg), "runtime", ins);
    }

    private static String withoutVersion(String image) {
        return image.replace("{version}", "<node>").replaceAll("@sha256:[a-f0-9]+", "");
    }
}
