package dev.dockergen.lang.node;

import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a built static site is served: nginx (the preset's static image, laid out as nginx-unprivileged), with a
 * configuration for single-page apps written in the build stage and copied next to the site (ADR 0013).
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
     * Folders a framework's build fills with content-hashed file names only, so they may be cached for a year;
     * everything else revalidates on each visit.
     */
    private static final Map<String, List<String>> HASHED = Map.of(
            "vite", List.of("/assets/"),
            "create-react-app", List.of("/static/"),
            "vue-cli", List.of("/js/", "/css/"));

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
        List<String> lines = new ArrayList<>();
        lines.add("printf '%s\\n'");
        for (String c : conf) {
            lines.add("\"" + c + "\"");
        }
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " > " + CONFIG);
        List<String> why = new ArrayList<>(List.of("The web server's configuration: unknown paths fall back to index.html "
                + "(client-side routes),"));
        if (hashed.isEmpty()) {
            why.add("text is gzipped, and every file revalidates on each visit.");
        } else {
            why.add("text is gzipped, " + String.join(" and ", hashed) + " (content-hashed names) is cached for a year,");
            why.add("and the rest revalidates on each visit.");
        }
        return List.of(Comment.of(why.toArray(String[]::new)),
                new Run(List.of(), lines));
    }
}
