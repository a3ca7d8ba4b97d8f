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
    private static final Pattern CONSTRAINT = Pattern.compile("^//\\s*(go:build|\\+build)\\s+(.+)$");
    /** A subcommand that serves: cobra Use: "server", go-flags `command:"server"`, urfave/cli Name: "serve". */
    private static final Pattern SERVER_SUBCOMMAND = Pattern.compile(
            "\\b(?:Use|Name)\\s*:\\s*\"(server|serve|web)\\b[^\"]*\"|\\bcommand:\"(server|serve|web)\"|\\bCommand\\(\\s*\"(server|serve|web)\"");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern FUNC_MAIN = Pattern.compile("^func\\s+main\\s*\\(\\s*\\)");
    private static final Pattern IGNORE_TAG = Pattern.compile("^//\\s*(go:build|\\+build)\\s+ignore\\s*$");
    private static final Pattern IMPORT_C = Pattern.compile("^(import\\s+)?\"C\"\\s*(//.*)?$");
    /** Standard packages through which a program makes TLS connections and so needs CA certificates. */
    private static final Pattern TLS_IMPORT = Pattern.compile(
            "^(?:import\\s+)?(?:[\\w.]+\\s+)?\"(crypto/tls|net/http|net/smtp|crypto/x509)\"");
    private static final Pattern TZDATA_IMPORT = Pattern.compile("\"time/tzdata\"");
    private static final Pattern LOAD_LOCATION = Pattern.compile("\\btime\\.LoadLocation\\(");
    /** A relative path literal from the working directory: "./web/build", "./static/". */
    private static final Pattern DOT_PATH = Pattern.compile("\"\\./([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*)/?\"");
    /** A string literal that may name a file or folder: a relative path, possibly with a glob ("templates/*.html"). */
    private static final Pattern PATH_LITERAL = Pattern.compile("\"((?:\\./)?[A-Za-z0-9_.*-]+(?:/[A-Za-z0-9_.*-]+)*/?)\"");
    /** Calls that read files from the working directory, where a one-word literal ("static") is a folder too. */
    private static final Pattern READER_CALL = Pattern.compile(
            "\\b(?:Static\\w*|Dir|LoadHTML\\w+|Parse(?:Glob|Files)|ServeFile|ReadFile|ReadDir|Open|Load\\w*|New)\\(");
    /**
     * A file read or served at the path a request names (ioutil.ReadFile(req.File), http.ServeFile(w, r, r.URL.Path[1:])):
     * the program hands out files from its working directory.
     */
    private static final Pattern REQUEST_PATH_READ = Pattern.compile("\\b(?:(?:ioutil|os)\\.(?:ReadFile|Open)\\(\\s*"
            + "|http\\.ServeFile\\(\\s*\\w+\\s*,\\s*\\w+\\s*,\\s*)(?:req|request|r)\\.(?:URL\\.Path\\b|[A-Z]\\w*\\s*\\))");
    /** A struct-tag default naming a path (ardanlabs/conf conf:"default:zarf/keys/", go-flags default:"etc/app.yaml"). */
    private static final Pattern TAG_PATH_DEFAULT = Pattern.compile("\\bdefault:\"?([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]*)+)");
    private static final Pattern EMBED = Pattern.compile("^//go:embed\\s+(.+)$");
    /** A listen call with a literal address: net/http, gin Run, echo Start, fiber Listen, net.Listen. */
    private static final Pattern LISTEN_CALL = Pattern.compile(
            "\\b(?:ListenAndServe(?:TLS)?|Run(?:TLS)?|Start(?:TLS)?|Listen(?:TLS)?)\\(\\s*(?:\"tcp[46]?\"\\s*,\\s*)?\"([^\"]*)\"");
    /** http.Server{Addr: ...}, echo.StartConfig{Address: ...}. */
    private static final Pattern ADDR_FIELD = Pattern.compile("\\bAddr(?:ess)?\\s*:\\s*\"([^\"]*)\"");
    /** A variable (never a field of another value: x.RemoteAddr = ...) holding a host:port literal. */
    private static final Pattern ADDR_VAR = Pattern.compile(
            "(?i)(?<![\\w.])(\\w*(?:addr|port|listen)\\w*)\\s*(?::=|=)\\s*\"([^\"]*:[0-9]{1,5})\"");
    /** A port field of a settings literal: {@code Server: Server{ Port: 80, }} (its literal: {@link GoConfigPort#serverLiteral}). */
    private static final Pattern PORT_FIELD = Pattern.compile("^(?:HTTP|Http|Listen|Server|Web)?Port\\s*:\\s*([0-9]{2,5})\\s*,");
    /** A constant or variable naming the server's own port: defaultListenPort = 8080, httpPort := 3000. */
    private static final Pattern PORT_NUMBER_VAR = Pattern.compile(
            "(?i)(?<![\\w.])\\w*(?:listen|http|server|web)\\w*port\\s*(?::=|=)\\s*([0-9]{2,5})\\b");
    /** Names of addresses that are someone else's: the peer of a request, a dial target, an upstream. */
    private static final Pattern NOT_OWN_ADDRESS = Pattern.compile(
            "(?i)remote|client|upstream|target|backend|proxy|peer|dial|redis|db|database|mongo|mysql|postgres|smtp|mail");
    /** Endpoints a program opens for debugging or metrics, never the one a container publishes. */
    private static final Pattern SIDE_ENDPOINT = Pattern.compile("(?i)debug|pprof|metric|admin|grpc|tls|https|profil");
    private static final Pattern GIN_ENGINE = Pattern.compile("\\b(\\w+)\\s*(?::=|=)\\s*gin\\.(?:Default|New)\\(");
    private static final Pattern GIN_RUN_DEFAULT = Pattern.compile("\\b(\\w+)\\.Run\\(\\s*\\)");
    /**
     * A command-line flag with a default: flag/pflag String, Int, ...Var, cobra's ...P forms
     * (flag.String("addr", ":8080", ..), fs.Int("port", 9898, ..), Flags().IntP("port", "p", 8080, ..)).
     */
    private static final Pattern FLAG = Pattern.compile(
            "\\.(?:String|Int|Int32|Int64|Uint|Uint16|Uint32|Uint64)(Var)?(P)?\\(\\s*(?:&?[\\w.\\[\\]]+\\s*,\\s*)?"
                    + "\"([\\w.-]+)\"\\s*,\\s*");
    private static final Pattern FLAG_SHORT = Pattern.compile("\"\\w?\"\\s*,\\s*");
    /** A flag default: a literal, or the last literal of a call such as getEnv("X_PORT", "80"). */
    private static final Pattern FLAG_VALUE = Pattern.compile(
            "\"([^\"]*)\"|([0-9]{1,5})\\b|[\\w.]+\\([^()]*?\"([^\"]*)\"\\s*\\)");
    /** kingpin: Flag("web.listen-address", "..").Default(":9100"); exporter-toolkit AddFlags(app, ":9100"). */
    private static final Pattern KINGPIN_FLAG = Pattern.compile("\\bFlag\\(\\s*\"([\\w.-]+)\".*?\\.Default\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern ADD_FLAGS = Pattern.compile("\\bAddFlags\\(\\s*[\\w.]+\\s*,\\s*\"([^\"]*)\"\\s*\\)");
    /** A struct field whose tag gives a default (go-flags default:"8081", ardanlabs conf:"default:0.0.0.0:3000"). */
    private static final Pattern TAGGED_FIELD = Pattern.compile("^(\\w+)\\s+[\\w.*\\[\\]]+\\s+`([^`]*)`");
    private static final Pattern TAG_DEFAULT = Pattern.compile("\\bdefault:\"([^\"]+)\"|\\bconf:\"(?:[^\"]*,)?default:([^\",]+)");
    private static final Pattern TAG_NAME = Pattern.compile("\\b(?:long|flagName|flag|name|env|yaml|json)\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern TAG_LONG = Pattern.compile("\\blong\\s*:\\s*\"([\\w.-]+)\"");
    private static final Pattern SERVER_NAME = Pattern.compile("(?i)http|listen|bind|web|serve");
    private static final Pattern PORTISH = Pattern.compile("(?i)port|addr|listen|bind|host|http");
    private static final Pattern IMPORT_LINE = Pattern.compile("^(?:import\\s+)?(?:[\\w.]+\\s+)?\"([^\"]+)\"");
    private static final Pattern PORT_VAR_BEFORE = Pattern.compile("(?i)\\bport\\w*\\s*(?::=|=)\\s*\"(:?[0-9]{1,5})\"");
    private static final Pattern PORT_ENV = Pattern.compile("os\\.(?:Getenv|LookupEnv)\\(\\s*\"PORT\"\\s*\\)");
    private static final Pattern PORT_ENV_INLINE_DEFAULT = Pattern.compile("\"PORT\"\\s*\\)\\s*,\\s*\"(:?[0-9]{1,5})\"");
    private static final Pattern PORT_DEFAULT_NEARBY = Pattern.compile("=\\s*\"(:?[0-9]{1,5})\"");
    /**
     * The program's own health mode: a boolean flag (flag.Bool("healthcheck", ..), BoolVar(&h, "health-check", ..),
     * pflag's BoolP) or a subcommand read from os.Args or declared to cobra (Use: "healthcheck").
     */
    private static final Pattern HEALTH_FLAG = Pattern.compile(
            "\\.Bool(?:Var)?P?\\(\\s*(?:&?[\\w.\\[\\]]+\\s*,\\s*)?\"(health-?check|health)\"\\s*,");
    private static final Pattern HEALTH_SUBCOMMAND = Pattern.compile(
            "\\bos\\.Args\\[1\\]\\s*==\\s*\"(health-?check)\"|\\bUse:\\s*\"(health-?check)\"");
    private static final Pattern HEALTH_ROUTE = Pattern.compile(
            "\\b(?:HandleFunc|Handle|GET|Get|HEAD|Head|Any|Route)\\(\\s*\"(?:(?:GET|HEAD) )?(/(?:healthz|health|livez|readyz|ready|ping|_health))\"");

    /** A port seen in code; {@code strength} orders the kinds of evidence (lower wins). */
    record PortHint(int port, Source source, int strength, boolean loopback, String flag) {
    }

    /** A path the program names, and where. */
    record PathUse(String path, Source source) {
    }

    /** A flag naming the address to listen on whose default is a loopback host alone (--bind localhost). */
    record LoopbackFlag(String flag, String host, Source source) {
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
    /** The arguments that run the program's own health check ({@code --healthcheck}, {@code healthcheck}), or null. */
    Fact<List<String>> healthCommand;
    final List<PortHint> ports = new ArrayList<>();
    final List<LoopbackFlag> loopbackFlags = new ArrayList<>();
    final List<String> embedPatterns = new ArrayList<>();
    /** The //go:embed line of each pattern in {@link #embedPatterns}. */
    final List<Source> embedSources = new ArrayList<>();
    /** Relative paths the code names from the working directory ("./web/build"), without the "./", with their line. */
    final List<PathUse> pathLiterals = new ArrayList<>();
    /** Literals that may name a file the program reads at run time ("templates/*.html", "static"), with their line. */
    final List<PathUse> readPaths = new ArrayList<>();
    /** Where the program reads a file at a path a request names, or null. */
    Source requestPathRead;
    /** Subcommands named server, serve or web, with where they are declared. */
    final List<PathUse> serverSubcommands = new ArrayList<>();
    /** Import paths, as written. */
    final java.util.Set<String> imports = new java.util.TreeSet<>();
    private final java.util.Set<String> ginEngines = new java.util.HashSet<>();
    private final List<PortHint> ginRuns = new ArrayList<>();
    private final List<String> ginRunReceivers = new ArrayList<>();
    private boolean inImportBlock;

    private GoSourceScan(String path) {
        this.path = path;
    }

    static GoSourceScan scan(String path, String text) {
        GoSourceScan s = new GoSourceScan(path);
        s.ignored = GoBuildConstraints.otherSystemByName(path);
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
                Matcher constraint = CONSTRAINT.matcher(line);
                if (constraint.matches() && (constraint.group(1).equals("go:build")
                        ? !GoBuildConstraints.goBuild(constraint.group(2)) : !GoBuildConstraints.plusBuild(constraint.group(2)))) {
                    s.ignored = true; // not built for Linux (or only with cgo, which the image builds without)
                }
                Matcher m = PACKAGE.matcher(line);
                if (m.find()) {
                    s.packageName = m.group(1);
                }
                continue;
            }
            Matcher embed = EMBED.matcher(line);
            if (embed.matches()) {
                for (String pattern : splitEmbed(embed.group(1))) {
                    s.embedPatterns.add(pattern);
                    s.embedSources.add(Source.of(path, no));
                }
                continue;
            }
            if (line.startsWith("//")) {
                continue;
            }
            if (s.inImportBlock) {
                if (line.startsWith(")")) {
                    s.inImportBlock = false;
                    continue;
                }
            } else if (line.startsWith("import (")) {
                s.inImportBlock = true;
                continue;
            }
            if (s.inImportBlock || line.startsWith("import ")) {
                Matcher imp = IMPORT_LINE.matcher(line);
                if (imp.find()) {
                    s.imports.add(imp.group(1));
                }
            }
            if (!s.inImportBlock && !line.startsWith("import ")) {
                s.scanReadPaths(line, Source.of(path, no));
                Matcher sub = SERVER_SUBCOMMAND.matcher(line);
                if (sub.find()) {
                    String name = sub.group(1) != null ? sub.group(1) : sub.group(2) != null ? sub.group(2) : sub.group(3);
                    s.serverSubcommands.add(new PathUse(name, Source.of(path, no)));
                }
            }
            s.scanLine(line, no, lines);
        }
        s.finish();
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
        if (healthCommand == null) {
            Matcher flag = HEALTH_FLAG.matcher(line);
            Matcher sub = HEALTH_SUBCOMMAND.matcher(line);
            if (flag.find()) {
                healthCommand = Fact.of(List.of("--" + flag.group(1)), here); // Go's flag package takes - or --
            } else if (sub.find()) {
                healthCommand = Fact.of(List.of(sub.group(1) != null ? sub.group(1) : sub.group(2)), here);
            }
        }
        Matcher literal = DOT_PATH.matcher(line);
        while (literal.find()) {
            pathLiterals.add(new PathUse(literal.group(1), here));
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
        if (var.find() && !NOT_OWN_ADDRESS.matcher(var.group(1)).find() && !SIDE_ENDPOINT.matcher(var.group(1)).find()) {
            addAddress(var.group(2), here, 2);
        }
        Matcher number = PORT_NUMBER_VAR.matcher(line);
        if (number.find() && !SIDE_ENDPOINT.matcher(line).find()) {
            addAddress(number.group(1), here, 2);
        }
        Matcher portField = PORT_FIELD.matcher(line);
        if (portField.find() && GoConfigPort.serverLiteral(lines, no - 1)) {
            addAddress(portField.group(1), here, 2);
        }
        scanFlag(line, here);
        Matcher engine = GIN_ENGINE.matcher(line);
        if (engine.find()) {
            ginEngines.add(engine.group(1));
        }
        Matcher run = GIN_RUN_DEFAULT.matcher(line);
        if (run.find()) {
            // only a gin engine's Run() listens (on :8080, or $PORT); cmd.Run(), exec.Command(..).Run() do not
            ginRuns.add(new PortHint(8080, here, 4, false, null));
            ginRunReceivers.add(run.group(1));
        }
        if (PORT_ENV.matcher(line).find()) {
            if (portEnv == null) {
                portEnv = here;
            }
            Matcher inline = PORT_ENV_INLINE_DEFAULT.matcher(line);
            if (inline.find()) {
                addAddress(inline.group(1), here, 3);
            } else {
                // the usual `port := os.Getenv("PORT"); if port == "" { port = "8080" }` within a few lines,
                // or `port := "8080"` a few lines before, overridden when PORT is set
                boolean found = false;
                for (int j = no; j < Math.min(lines.length, no + 6) && !found; j++) {
                    Matcher d = PORT_DEFAULT_NEARBY.matcher(lines[j]);
                    if (d.find()) {
                        addAddress(d.group(1), Source.of(path, j + 1), 3);
                        found = true;
                    }
                }
                for (int j = no - 2; j >= Math.max(0, no - 7) && !found; j--) {
                    Matcher d = PORT_VAR_BEFORE.matcher(lines[j]);
                    if (d.find()) {
                        addAddress(d.group(1), Source.of(path, j + 1), 3);
                        found = true;
                    }
                }
            }
        }
    }

    /**
     * Literals that may name a file or folder read at run time: a relative path with a folder, an extension or a
     * leading ./, or any word on a line that calls a reader (Static, http.Dir, LoadHTMLGlob, ServeFile...); and a
     * struct-tag default holding a path. Whether it names something in the repository is decided later.
     */
    private void scanReadPaths(String line, Source here) {
        if (requestPathRead == null && REQUEST_PATH_READ.matcher(line).find()) {
            requestPathRead = here;
        }
        boolean reader = READER_CALL.matcher(line).find();
        Matcher m = PATH_LITERAL.matcher(line);
        while (m.find()) {
            String v = m.group(1);
            if (reader || v.contains("/") || v.matches(".*[A-Za-z0-9_-]\\.[A-Za-z0-9]+")) {
                readPaths.add(new PathUse(v, here));
            }
        }
        Matcher tag = TAG_PATH_DEFAULT.matcher(line);
        if (line.contains("`") && tag.find()) {
            readPaths.add(new PathUse(tag.group(1), here));
        }
    }

    /** Flags and tagged struct fields that name the listen address or port, with their default. */
    private void scanFlag(String line, Source here) {
        Matcher f = FLAG.matcher(line);
        while (f.find()) {
            String name = f.group(3);
            int at = f.end();
            if (f.group(2) != null) { // the ...P forms take a shorthand letter first
                Matcher shortName = FLAG_SHORT.matcher(line).region(at, line.length());
                if (!shortName.lookingAt()) {
                    continue;
                }
                at = shortName.end();
            }
            Matcher value = FLAG_VALUE.matcher(line).region(at, line.length());
            if (value.lookingAt() && listenName(name)) {
                String v = value.group(1) != null ? value.group(1) : value.group(2) != null ? value.group(2) : value.group(3);
                addAddress(v, here, 1, name);
                addLoopbackFlag(name, name, v, here);
            }
        }
        Matcher k = KINGPIN_FLAG.matcher(line);
        if (k.find() && listenName(k.group(1))) {
            addAddress(k.group(2), here, 1);
        }
        Matcher a = ADD_FLAGS.matcher(line);
        if (a.find()) {
            addAddress(a.group(1), here, 1);
        }
        Matcher t = TAGGED_FIELD.matcher(line);
        if (t.find()) {
            Matcher d = TAG_DEFAULT.matcher(t.group(2));
            if (d.find()) {
                Matcher n = TAG_NAME.matcher(t.group(2));
                String tagName = n.find() ? n.group(1) : "";
                if (listenName(t.group(1)) || !tagName.isEmpty() && listenName(tagName)) {
                    String names = t.group(1) + " " + tagName;
                    if (!SIDE_ENDPOINT.matcher(names).find()) {
                        // HTTPPort `long:"listen"` beats a bare Port, which may be a database's in the same options
                        String v = d.group(1) != null ? d.group(1) : d.group(2);
                        addAddress(v, here, SERVER_NAME.matcher(names).find() ? 1 : 2);
                        if (TAG_LONG.matcher(t.group(2)).find()) {
                            Matcher longName = TAG_LONG.matcher(t.group(2));
                            longName.find();
                            addLoopbackFlag(longName.group(1), names, v, here);
                        }
                    }
                }
            }
        }
    }

    /**
     * Records a flag whose default is a loopback host without a port, when its names say it is this server's own
     * address: bind, listen, http-host, web.addr, or a bare address/addr; a bare "host" is too often a database's.
     */
    private void addLoopbackFlag(String flag, String names, String value, Source here) {
        String host = value.strip();
        boolean bare = host.equals("::1") || host.equals("[::1]") || !host.contains(":"); // host:port is a port hint's
        if (!bare || !(host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]"))
                || !flag.matches("[\\w.-]+")) {
            return;
        }
        boolean server = SERVER_NAME.matcher(names).find() || flag.matches("(?i)addr(?:ess)?");
        if (server && listenName(names.replace(' ', '_'))) {
            loopbackFlags.add(new LoopbackFlag(flag, host, here));
        }
    }

    private static boolean listenName(String name) {
        return PORTISH.matcher(name).find() && !SIDE_ENDPOINT.matcher(name).find() && !NOT_OWN_ADDRESS.matcher(name).find();
    }

    /** What needs the whole file: gin Run() on a gin engine; a debug-only pprof listener on loopback. */
    private void finish() {
        for (int i = 0; i < ginRuns.size(); i++) {
            if (ginEngines.contains(ginRunReceivers.get(i))) {
                ports.add(ginRuns.get(i)); // gin's Run() default; it also reads PORT
                if (portEnv == null) {
                    portEnv = ginRuns.get(i).source();
                }
            }
        }
        if (imports.contains("net/http/pprof")) {
            ports.removeIf(PortHint::loopback); // go http.ListenAndServe("localhost:6060", nil): the profiler
        }
    }

    private void addAddress(String address, Source source, int strength) {
        addAddress(address, source, strength, null);
    }

    /** @param flag the name of the command-line flag whose default this is, or null */
    private void addAddress(String address, Source source, int strength, String flag) {
        if (address.contains("://")) {
            return; // a URL is somewhere to connect to, not an address to listen on
        }
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
        ports.add(new PortHint(port, source, strength, loopback, flag));
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
