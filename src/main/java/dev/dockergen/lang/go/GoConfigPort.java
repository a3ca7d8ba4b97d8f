package dev.dockergen.lang.go;

import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The listen port and host a config file the program reads names (go-zero's {@code etc/app.yaml} {@code Port: 8888},
 * an ini {@code [server] HttpPort = 8000}, TOML {@code [http] addr = ":8080"}): keys at the top level or in a section
 * named for the server (server, http, web, rest, api, app, listen), never a database's, a cache's or a metrics
 * endpoint's. Used only where the code names no port: the file is the program's default configuration.
 */
final class GoConfigPort {
    private static final Pattern CONFIG = Pattern.compile("(?i).*\\.(ya?ml|toml|ini|conf|cfg)");
    /** {@code key: value}, {@code key = value} with its indentation. */
    private static final Pattern ENTRY = Pattern.compile("^(\\s*)([A-Za-z_][\\w.-]*)\\s*[:=]\\s*[\"']?([^\"'#;\\s]*)");
    private static final Pattern INI_SECTION = Pattern.compile("^\\s*\\[+\\s*([\\w.-]+)\\s*]+\\s*$");
    private static final Pattern PORT_KEY = Pattern.compile("(?i)(?:http_?|web_?|server_?|listen_?)?port");
    private static final Pattern ADDR_KEY = Pattern.compile(
            "(?i)(?:http_?|web_?|server_?)?(?:listen_?(?:on|addr(?:ess)?)?|addr(?:ess)?|bind(?:_?addr(?:ess)?)?)");
    private static final Pattern HOST_KEY = Pattern.compile("(?i)(?:http_?|server_?|listen_?)?host");
    private static final Pattern SERVER_SECTION = Pattern.compile("(?i)server|http|web|rest|api|app|listen|service");
    private static final Pattern OTHERS = Pattern.compile("(?i)db|database|redis|mongo|mysql|postgres|sql|cache|mail|"
            + "smtp|metric|prometheus|telemetry|trace|tracing|jaeger|grpc|rpc|etcd|kafka|nats|admin|debug|pprof|tls|ssl|"
            + "https|proxy|upstream|client|remote|target|log|auth|oauth|ldap|s3|storage|queue|broker|consul|dev|devserver");

    /** A port (or a host alone) named by a config file, and where; {@code loopback} for a loopback host. */
    record Hint(int port, String host, Source source) {
        boolean loopback() {
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1"));
        }
    }

    /** The opening line of a composite literal: {@code Server: Server{}, {@code c := &Configuration{}, {@code HTTP{}. */
    private static final Pattern LITERAL_OPEN = Pattern.compile("(?:(\\w+)\\s*:\\s*)?&?([\\w.]*)\\{\\s*$");
    private static final Pattern CONFIG_TYPE = Pattern.compile("(?i)conf|config|configuration|settings|options|opts");
    /** How many lines above a field its literal's opening is looked for. */
    private static final int LITERAL_LINES = 60;

    private GoConfigPort() {
    }

    /**
     * Whether the composite literal around line {@code index} is the server's settings (the Go form of a config file's
     * server section): its field key or type named for the server ({@code Server: Server{}), or the program's own
     * settings type ({@code &Configuration{}, no other package's); never a database's, TLS's or other section's
     * ({@code SSL: SSL{}, {@code &redis.Options{}).
     */
    static boolean serverLiteral(String[] lines, int index) {
        int level = 0;
        for (int j = index - 1; j >= Math.max(0, index - LITERAL_LINES); j--) {
            String l = lines[j].replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|//.*", "");
            level += l.chars().filter(c -> c == '}').count() - l.chars().filter(c -> c == '{').count();
            if (level >= 0) {
                continue;
            }
            Matcher m = LITERAL_OPEN.matcher(l.strip());
            if (!m.find()) {
                return false;
            }
            String key = m.group(1) == null ? "" : m.group(1);
            String type = m.group(2);
            if (OTHERS.matcher(key).find() || OTHERS.matcher(type).find()) {
                return false;
            }
            return SERVER_SECTION.matcher(key + " " + type).find() || !type.contains(".") && CONFIG_TYPE.matcher(type).find();
        }
        return false;
    }

    /** The first listen port the config files name, with the host they give it (a separate Host key included). */
    static Hint of(ProjectFiles files, List<GoRuntimeFiles.File> read) {
        for (GoRuntimeFiles.File f : read) {
            if (f.path().endsWith("/") || !CONFIG.matcher(f.path()).matches()) {
                continue;
            }
            Hint h = scan(f.path(), files.read(f.path()).orElse(""));
            if (h != null) {
                return h;
            }
        }
        return null;
    }

    static Hint scan(String path, String text) {
        List<String[]> parents = new ArrayList<>(); // {indent, key} of the YAML mappings around a line
        String section = "";
        Integer port = null;
        Source portSource = null;
        String host = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#") || line.strip().startsWith(";")) {
                continue;
            }
            Matcher s = INI_SECTION.matcher(line);
            if (s.matches()) {
                section = s.group(1);
                parents.clear();
                continue;
            }
            Matcher e = ENTRY.matcher(line);
            if (!e.lookingAt()) {
                continue;
            }
            int indent = e.group(1).length();
            while (!parents.isEmpty() && Integer.parseInt(parents.get(parents.size() - 1)[0]) >= indent) {
                parents.remove(parents.size() - 1);
            }
            String key = e.group(2);
            String value = e.group(3);
            if (value.isEmpty()) {
                parents.add(new String[] {Integer.toString(indent), key});
                continue;
            }
            StringBuilder where = new StringBuilder(section);
            parents.forEach(p -> where.append(' ').append(p[1]));
            String context = where.toString().strip();
            boolean ours = !OTHERS.matcher(context + " " + key).find()
                    && (context.isEmpty() || SERVER_SECTION.matcher(context).find());
            if (!ours) {
                continue;
            }
            Source here = Source.of(path, i + 1);
            if (port == null && PORT_KEY.matcher(key).matches() && value.matches("[0-9]{1,5}")) {
                port = Integer.parseInt(value);
                portSource = here;
            } else if (port == null && ADDR_KEY.matcher(key).matches() && value.matches(".*:[0-9]{1,5}")) {
                port = Integer.parseInt(value.substring(value.lastIndexOf(':') + 1));
                portSource = here;
                host = value.substring(0, value.lastIndexOf(':'));
            } else if (host == null && HOST_KEY.matcher(key).matches() && !value.contains("/")) {
                host = value;
            }
        }
        if (port == null || port < 1 || port > 65535) {
            return null;
        }
        return new Hint(port, host == null ? null : host.replaceAll("^\\[|]$", ""), portSource);
    }
}
