package dev.dockergen.lang.go;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one Go source file says about packaging: package name, main, cgo, ports, embeds. */
final class GoSourceScan {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern FUNC_MAIN = Pattern.compile("^func\\s+main\\s*\\(\\s*\\)");
    private static final Pattern IGNORE_TAG = Pattern.compile("^//\\s*(go:build|\\+build)\\s+ignore\\s*$");
    private static final Pattern IMPORT_C = Pattern.compile("^(import\\s+)?\"C\"\\s*(//.*)?$");
    /** Standard packages through which a program makes TLS connections and so needs CA certificates. */
    private static final Pattern TLS_IMPORT = Pattern.compile(
            "^(?:import\\s+)?(?:[\\w.]+\\s+)?\"(crypto/tls|net/http|net/smtp|crypto/x509)\"");
    private static final Pattern TZDATA_IMPORT = Pattern.compile("\"time/tzdata\"");
    private static final Pattern LOAD_LOCATION = Pattern.compile("\\btime\\.LoadLocation\\(");
    private static final Pattern EMBED = Pattern.compile("^//go:embed\\s+(.+)$");
    /** A listen call with a literal address: net/http, gin Run, echo Start, fiber Listen, net.Listen. */
    private static final Pattern LISTEN_CALL = Pattern.compile(
            "\\b(?:ListenAndServe(?:TLS)?|Run(?:TLS)?|Start(?:TLS)?|Listen(?:TLS)?)\\(\\s*(?:\"tcp[46]?\"\\s*,\\s*)?\"([^\"]*)\"");
    private static final Pattern ADDR_FIELD = Pattern.compile("\\bAddr\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ADDR_VAR = Pattern.compile(
            "(?i)\\b\\w*(?:addr|port|listen)\\w*\\s*(?::=|=)\\s*\"([^\"]*:[0-9]{1,5})\"");
    private static final Pattern GIN_RUN_DEFAULT = Pattern.compile("\\.Run\\(\\s*\\)");
    private static final Pattern PORT_ENV = Pattern.compile("os\\.(?:Getenv|LookupEnv)\\(\\s*\"PORT\"\\s*\\)");
    private static final Pattern PORT_ENV_INLINE_DEFAULT = Pattern.compile("\"PORT\"\\s*\\)\\s*,\\s*\"(:?[0-9]{1,5})\"");
    private static final Pattern PORT_DEFAULT_NEARBY = Pattern.compile("=\\s*\"(:?[0-9]{1,5})\"");
    private static final Pattern HEALTH_ROUTE = Pattern.compile(
            "\\b(?:HandleFunc|Handle|GET|Get|HEAD|Head|Any|Route)\\(\\s*\"(?:(?:GET|HEAD) )?(/(?:healthz|health|livez|readyz|ready|ping|_health))\"");

    /** A port seen in code; {@code strength} orders the kinds of evidence (lower wins). */
    record PortHint(int port, Source source, int strength, boolean loopback) {
    }

    final String path;
    String packageName;
    boolean ignored;
    Source funcMain;
    Source importC;
    boolean importsTzdata;
    Source loadLocation;
    Source tlsImport;
    Source portEnv;
    Source healthSource;
    String healthPath;
    final List<PortHint> ports = new ArrayList<>();
    final List<String> embedPatterns = new ArrayList<>();

    private GoSourceScan(String path) {
        this.path = path;
    }

    static GoSourceScan scan(String path, String text) {
        GoSourceScan s = new GoSourceScan(path);
        String[] lines = text.split("\r?\n", -1);
        boolean inBlockComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int no = i + 1;
            if (inBlockComment) {
                if (line.contains("*/")) {
                    inBlockComment = false;
                }
                continue;
            }
            if (line.startsWith("/*")) {
                inBlockComment = !line.contains("*/");
                continue;
            }
            if (s.packageName == null) {
                if (IGNORE_TAG.matcher(line).matches()) {
                    s.ignored = true;
                }
                Matcher m = PACKAGE.matcher(line);
                if (m.find()) {
                    s.packageName = m.group(1);
                }
                continue;
            }
            Matcher embed = EMBED.matcher(line);
            if (embed.matches()) {
                s.embedPatterns.addAll(splitEmbed(embed.group(1)));
                continue;
            }
            if (line.startsWith("//")) {
                continue;
            }
            s.scanLine(line, no, lines);
        }
        return s;
    }

    private void scanLine(String line, int no, String[] lines) {
        Source here = Source.of(path, no);
        if (funcMain == null && FUNC_MAIN.matcher(line).find()) {
            funcMain = here;
        }
        if (importC == null && IMPORT_C.matcher(line).matches()) {
            importC = here;
        }
        if (tlsImport == null && TLS_IMPORT.matcher(line).find()) {
            tlsImport = here;
        }
        if (TZDATA_IMPORT.matcher(line).find()) {
            importsTzdata = true;
        }
        if (loadLocation == null && LOAD_LOCATION.matcher(line).find()) {
            loadLocation = here;
        }
        Matcher health = HEALTH_ROUTE.matcher(line);
        if (healthPath == null && health.find()) {
            healthPath = health.group(1);
            healthSource = here;
        }
        Matcher call = LISTEN_CALL.matcher(line);
        if (call.find()) {
            addAddress(call.group(1), here, 0);
        }
        Matcher field = ADDR_FIELD.matcher(line);
        if (field.find()) {
            addAddress(field.group(1), here, 1);
        }
        Matcher var = ADDR_VAR.matcher(line);
        if (var.find()) {
            addAddress(var.group(1), here, 2);
        }
        if (GIN_RUN_DEFAULT.matcher(line).find()) {
            ports.add(new PortHint(8080, here, 4, false)); // gin's Run() default; it also reads PORT
            if (portEnv == null) {
                portEnv = here;
            }
        }
        if (PORT_ENV.matcher(line).find()) {
            if (portEnv == null) {
                portEnv = here;
            }
            Matcher inline = PORT_ENV_INLINE_DEFAULT.matcher(line);
            if (inline.find()) {
                addAddress(inline.group(1), here, 3);
            } else {
                // the usual `port := os.Getenv("PORT"); if port == "" { port = "8080" }` within a few lines
                for (int j = no; j < Math.min(lines.length, no + 6); j++) {
                    Matcher d = PORT_DEFAULT_NEARBY.matcher(lines[j]);
                    if (d.find()) {
                        addAddress(d.group(1), Source.of(path, j + 1), 3);
                        break;
                    }
                }
            }
        }
    }

    private void addAddress(String address, Source source, int strength) {
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? "" : address.substring(0, colon);
        String digits = colon < 0 ? address : address.substring(colon + 1);
        if (!digits.matches("[0-9]{1,5}")) {
            return;
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            return;
        }
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        ports.add(new PortHint(port, source, strength, loopback));
    }

    /** Splits a go:embed argument list: space-separated patterns, "quoted" or `raw` ones allowed. */
    static List<String> splitEmbed(String args) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|`([^`]*)`|(\\S+)").matcher(args);
        while (m.find()) {
            String p = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (p.startsWith("all:")) {
                p = p.substring(4);
            }
            out.add(p);
        }
        return out;
    }

    boolean isMain() {
        return "main".equals(packageName) && funcMain != null && !ignored;
    }

    String dir() {
        return ProjectFiles.parent(path);
    }

    static Fact<Boolean> yes(Source source) {
        return Fact.of(Boolean.TRUE, source);
    }
}
