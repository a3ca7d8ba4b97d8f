package dev.dockergen.lang.node;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.TextLines;
import dev.dockergen.detect.Warning;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Node server listens by default. Fastify binds localhost unless listen() gets a host, fastify-cli too
 * (unless it sees Docker); any server given 'localhost' or '127.0.0.1' does as well. In a container that address
 * is unreachable: when the program takes the host from a variable (HOST, fastify-cli's FASTIFY_ADDRESS) the image
 * sets it to 0.0.0.0, else a warning says what to change. Express, Koa, hapi and node:http bind every interface.
 */
final class NodeListen {
    private static final Pattern LISTEN = Pattern.compile("\\.listen\\(");
    private static final Pattern HOST_LITERAL = Pattern.compile(
            "(?:\\bhost(?:name)?\\s*:\\s*|^[^,]+,\\s*)['\"`]([A-Za-z0-9.:\\[\\]]+)['\"`]");
    private static final Pattern HOST_KEY = Pattern.compile("\\bhost(?:name)?\\b");
    private static final Pattern HOST_DEFAULT = Pattern.compile(
            "process\\.env\\.HOST\\s*(?:\\|\\||\\?\\?)\\s*['\"`]([A-Za-z0-9.:]+)['\"`]");
    private static final Pattern READS_HOST = Pattern.compile("process\\.env(?:\\.HOST\\b|\\[['\"]HOST['\"]\\])");

    private NodeListen() {
    }

    /**
     * Checks the first listen call of the program's files (or fastify-cli's start), adds a warning naming loopback
     * when the default address is one, and puts HOST=0.0.0.0 (FASTIFY_ADDRESS for fastify-cli) into {@code env}
     * when the program reads it.
     */
    static void check(ProjectFiles files, List<String> sources, Fact<String> framework, Fact<List<String>> start,
                      Map<String, String> env, List<Warning> warnings) {
        if (start != null && !start.value().isEmpty() && start.value().get(0).equals("node_modules/fastify-cli/cli.js")) {
            boolean address = start.value().stream().anyMatch(w -> w.equals("-a") || w.startsWith("--address"));
            if (!address) {
                env.put("FASTIFY_ADDRESS", "0.0.0.0");
                warnings.add(new Warning(start.source(), "fastify-cli listens on loopback (127.0.0.1) unless it detects "
                        + "Docker, so other containers could not reach it; the image sets FASTIFY_ADDRESS=0.0.0.0"));
            }
            return;
        }
        boolean fastify = framework != null && framework.value().equals("fastify");
        for (String path : sources) {
            String text = files.read(path).orElse("");
            Matcher m = LISTEN.matcher(text);
            while (m.find()) {
                int end = text.indexOf(')', m.end());
                String args = text.substring(m.end(), end < 0 ? Math.min(text.length(), m.end() + 300) : Math.min(end, m.end() + 300));
                if (args.isBlank() && !fastify) {
                    continue; // server.listen() of some other object
                }
                Source source = Source.of(path, TextLines.lineAt(text, m.start()));
                Matcher literal = HOST_LITERAL.matcher(args.strip());
                String host = literal.find() ? literal.group(1) : null;
                boolean reads = READS_HOST.matcher(text).find();
                if (host != null) {
                    if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1")) {
                        warnings.add(new Warning(source, "the server listens on loopback (" + host + "), which other "
                                + "containers cannot reach; listen on '0.0.0.0' instead"));
                    }
                } else if (HOST_KEY.matcher(args).find() || args.contains(",")) {
                    // a host from a variable: when it is HOST, make the image's default every interface
                    if (reads) {
                        env.put("HOST", "0.0.0.0");
                        Matcher d = HOST_DEFAULT.matcher(text);
                        if (d.find() && (d.group(1).equals("localhost") || d.group(1).startsWith("127."))) {
                            warnings.add(new Warning(source, "the server listens on HOST, loopback (" + d.group(1)
                                    + ") by default, which other containers cannot reach; the image sets HOST=0.0.0.0"));
                        }
                    }
                } else if (fastify) {
                    warnings.add(new Warning(source, "Fastify listens on loopback (127.0.0.1) when listen() is given no "
                            + "host, so the container is unreachable; pass host: '0.0.0.0' (or process.env.HOST) to listen()"));
                }
                return;
            }
        }
    }
}
