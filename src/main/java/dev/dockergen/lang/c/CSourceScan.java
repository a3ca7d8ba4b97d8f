package dev.dockergen.lang.c;

import dev.dockergen.detect.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one C/C++ source file says about ports and networking; regular expressions over comment-free text. */
final class CSourceScan {
    private static final Pattern DEFINE = Pattern.compile("(?m)^[ \\t]*#[ \\t]*define[ \\t]+([A-Za-z_][A-Za-z0-9_]*)[ \\t]+\\(?([0-9]{1,5})\\)?[ \\t]*$");
    private static final Pattern CONST = Pattern.compile(
            "\\b(?:static\\s+)?(?:const\\s+)?(?:unsigned\\s+)?(?:int|short|long|uint16_t|in_port_t|constexpr\\s+int)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*([0-9]{1,5})\\s*;");
    private static final Pattern HTONS = Pattern.compile("\\bhtons\\s*\\(\\s*\\(?\\s*(?:\\([a-z_0-9 ]+\\)\\s*)?([A-Za-z_][A-Za-z0-9_]*|[0-9]{1,5})\\s*\\)?\\s*\\)");
    private static final Pattern GETADDRINFO_PORT = Pattern.compile("\\bgetaddrinfo\\s*\\(\\s*(?:NULL|0|nullptr)\\s*,\\s*\"([0-9]{1,5})\"");
    private static final Pattern LISTEN = Pattern.compile("\\b(?:[A-Za-z0-9]+_)*listen\\s*\\(");
    /** A port read from the environment with a literal fallback: getenv("PORT") ? ... : "8080". */
    private static final Pattern GETENV_PORT = Pattern.compile(
            "\\bgetenv\\s*\\(\\s*\"[A-Z_]*PORT\"\\s*\\)[^;:]{0,80}?:\\s*(?:atoi\\s*\\(\\s*)?\"?([0-9]{2,5})\\b");
    /** A settings field named port given a literal: settings.port = 11211; info->port = 7681. */
    private static final Pattern PORT_FIELD = Pattern.compile("(?:\\.|->)\\s*(?:tcp_?|listen_?|http_?)?port\\s*=\\s*([0-9]{2,5})\\s*;");
    /**
     * A configuration table's entry for an option named port, with its bounds and default in the same call:
     * createIntConfig("port", NULL, 0, 65535, server.port, 6379, ...). The default is the literal that is no bound.
     */
    private static final Pattern CONFIG_ENTRY = Pattern.compile(
            "\\(\\s*\"(?:port|listen[-_]port|tcp[-_]port|http[-_]port)\"\\s*,([^;{}()]*(?:\\([^;{}()]*\\)[^;{}()]*)*)\\)");
    /** A listening URL: "http://0.0.0.0:8000", "tcp://*:1883". */
    private static final Pattern LISTEN_URL = Pattern.compile(
            "\"(?:https?|wss?|tcp|mqtt)://(?:0\\.0\\.0\\.0|\\*|\\[::\\]|localhost|127\\.0\\.0\\.1)?:([0-9]{2,5})[/\"]");
    /** Name parts that make a PORT-named constant something other than a port (MAX_PORTLEN, CLUSTER_PORT_INCR). */
    private static final java.util.Set<String> NOT_A_PORT = java.util.Set.of("LEN", "LENGTH", "MAX", "MIN", "SIZE",
            "COUNT", "INCR", "OFFSET", "BITS", "STR", "STRLEN", "MASK", "RANGE", "BASE", "IDX", "INDEX", "FLAG", "FLAGS");
    private static final Pattern RESOLVER = Pattern.compile("\\b(getaddrinfo|gethostbyname|getpwnam|getpwuid|getgrnam)\\s*\\(");
    /** A path in a string literal that names a health route: "/healthz", "GET /health", "/api/ping"... */
    private static final Pattern HEALTH = Pattern.compile(
            "\"(?:GET\\s+)?(/(?:[A-Za-z0-9_-]+/){0,3}(?:healthz?|readyz?|livez?|ping))(?=[\\s?\"])");
    private static final Pattern MAIN = Pattern.compile("\\bint\\s+main\\s*\\(");
    /** A server library's listen call with a literal port: svr.listen("0.0.0.0", 8080), addListener("0.0.0.0", 8080). */
    private static final Pattern LISTEN_CALL = Pattern.compile(
            "\\b(?:listen|addListener|bind_to_port)\\s*\\(\\s*\"[^\"]*\"\\s*,\\s*([0-9]{2,5})\\s*[,)]");
    /** A usage text whose first argument is a folder to serve: "usage: %s /path/to/wwwroot [flags]". */
    private static final Pattern USAGE_ROOT = Pattern.compile(
            "\"[Uu]sage:?(?:\\\\t|\\s)*%s\\s+<?(?![-\\[])([A-Za-z0-9_/.-]*(?:root|www|dir|docs|htdocs|public)[A-Za-z0-9_/.-]*)>?[\\s\\\\\"]");
    /** A configuration file named without a folder, so read from the working directory: "app.conf", "%s.conf". */
    private static final Pattern BARE_CONF = Pattern.compile("\"((?:[A-Za-z0-9_-]+|%s)\\.conf)\"");
    /**
     * A usage text's option that names the configuration file to read: " -f <name>  filename of the config-file",
     * "[-c config_file]", "-c FILE   Use an alternate configuration file".
     */
    private static final Pattern CONFIG_FLAG = Pattern.compile(
            "\"[^\"\\n]*?(?<![\\w-])(-[A-Za-z])\\b[^\"\\n]{0,48}?\\bconfig(?:uration)?[-_ ]?file", Pattern.CASE_INSENSITIVE);
    /**
     * A usage text's option that keeps the program in the foreground, where it otherwise goes to the background:
     * " -D  don't go to background", "-F  Don't fork into background", "--foreground  stay in the foreground".
     */
    private static final Pattern FOREGROUND_FLAG = Pattern.compile("\"[^\"\\n]*?(?<![\\w-])(-[A-Za-z]|--[a-z][a-z-]+)\\b"
            + "[^\"\\n]{0,40}?(?:(?:do not|don'?t|not|never)\\s+(?:go\\s+(?:in)?to\\s+(?:the\\s+)?background|daemoni[sz]e|fork|detach)"
            + "|(?:stay|run|remain|keep)\\s+(?:in\\s+(?:the\\s+)?)?foreground|no[- ]?daemon)", Pattern.CASE_INSENSITIVE);
    /** A long option table's entry named for staying in the foreground: {"no-daemon", ...}, { "foreground", no_argument, ... }. */
    private static final Pattern FOREGROUND_OPTION = Pattern.compile("\\{\\s*\"(no-?daemon(?:i[sz]e)?|foreground|no-?fork|no-?detach)\"\\s*,");
    /** A usage text's option that takes configuration directives on the command line: "-g directives : set global directives". */
    private static final Pattern DIRECTIVES_FLAG = Pattern.compile("\"[^\"\\n]*?(?<![\\w-])(-[A-Za-z])\\s+directives\\b");
    /** A configuration table's entry for a directive named daemon: { ngx_string("daemon"), ... }, { "daemon", ... }. */
    private static final Pattern DAEMON_DIRECTIVE = Pattern.compile("[({]\\s*\"daemon\"\\s*[,)]");
    /** A usage line whose argument is a command to run: "ttyd [options] <command> [<arguments...>]". */
    private static final Pattern RUNS_COMMAND = Pattern.compile(
            "\"[^\"\\n]*\\[(?:options?|OPTIONS?|flags?)]\\s+<?(?:command|COMMAND|cmd|program)>?\\s+\\[<?(?:arg|ARG)");
    /** The include that names a server library (a framework of C/C++ web programs), by the library's name. */
    private static final Map<Pattern, String> FRAMEWORKS = new java.util.LinkedHashMap<>();

    static {
        String inc = "(?m)^[ \\t]*#[ \\t]*include[ \\t]*[<\"](?:[A-Za-z0-9_./-]*/)?";
        FRAMEWORKS.put(Pattern.compile(inc + "httplib\\.h[>\"]"), "cpp-httplib");
        FRAMEWORKS.put(Pattern.compile(inc + "mongoose\\.h[>\"]"), "mongoose");
        FRAMEWORKS.put(Pattern.compile("(?m)^[ \\t]*#[ \\t]*include[ \\t]*[<\"]oatpp/"), "oatpp");
        FRAMEWORKS.put(Pattern.compile("(?m)^[ \\t]*#[ \\t]*include[ \\t]*[<\"]drogon/"), "drogon");
        FRAMEWORKS.put(Pattern.compile(inc + "crow(?:_all)?\\.h[>\"]"), "crow");
        FRAMEWORKS.put(Pattern.compile(inc + "(?:civetweb|CivetServer)\\.h[>\"]"), "civetweb");
        FRAMEWORKS.put(Pattern.compile(inc + "microhttpd\\.h[>\"]"), "libmicrohttpd");
        FRAMEWORKS.put(Pattern.compile("(?m)^[ \\t]*#[ \\t]*include[ \\t]*[<\"]pistache/"), "pistache");
    }

    /**
     * A port and how sure we are: 0 a literal in htons/getaddrinfo/getenv's fallback or a name resolved to one; 1 a
     * PORT-named define, a port field's initialiser or a listening URL alone (a port only where the program listens).
     */
    record PortHint(int port, Source source, int strength) {
    }

    final String path;
    PortHint port;
    Source listen;
    Source resolver;
    Source main;
    String healthPath;
    Source healthSource;
    /** Configuration file names the file uses without a folder ("lwan.conf", "%s.conf"), each with its first line. */
    final Map<String, Source> bareConfs = new java.util.LinkedHashMap<>();
    /** The server library the file includes (cpp-httplib, mongoose, oatpp...), or null. */
    String framework;
    Source frameworkSource;
    /** A usage text's first argument that names a folder to serve (wwwroot), or null. */
    String usageRoot;
    Source usageSource;

    /** The option of a usage text that names the configuration file to read ("-c"), or null. */
    String configFlag;
    Source configFlagSource;

    /** The usage text's option that keeps the program in the foreground ("-D"), or null. */
    String foregroundFlag;
    Source foregroundSource;
    /** The usage text's option that takes configuration directives ("-g"), or null. */
    String directivesFlag;
    Source directivesSource;
    /** Where a configuration table registers a daemon directive, or null. */
    Source daemonDirective;
    /** Where a usage line takes a command to run, or null. */
    Source runsCommand;

    private CSourceScan(String path) {
        this.path = path;
    }

    static CSourceScan scan(String path, String raw, Map<String, PortHint> sharedDefines) {
        CSourceScan s = new CSourceScan(path);
        String text = stripComments(raw);
        Map<String, PortHint> names = new HashMap<>(sharedDefines);
        PortHint namedDefine = null;
        Matcher d = DEFINE.matcher(text);
        while (d.find()) {
            int v = Integer.parseInt(d.group(2));
            PortHint h = new PortHint(v, Source.of(path, line(text, d.start())), 0);
            names.putIfAbsent(d.group(1), h);
            if (portName(d.group(1)) && v >= 80 && v < 65536) {
                sharedDefines.putIfAbsent(d.group(1), h);
                if (namedDefine == null) {
                    namedDefine = new PortHint(v, h.source(), 1);
                }
            }
        }
        Matcher c = CONST.matcher(text);
        while (c.find()) {
            names.putIfAbsent(c.group(1), new PortHint(Integer.parseInt(c.group(2)), Source.of(path, line(text, c.start())), 0));
        }
        Matcher h = HTONS.matcher(text);
        while (h.find() && s.port == null) {
            String arg = h.group(1);
            if (arg.matches("[0-9]+")) {
                // a literal is a port only where a port is set (sin_port = htons(8080)); htons(1) on a length is not
                String before = text.substring(Math.max(text.lastIndexOf('\n', h.start()) + 1, h.start() - 60), h.start());
                if (!before.toLowerCase(java.util.Locale.ROOT).contains("port")) {
                    continue;
                }
                int v = Integer.parseInt(arg);
                if (v > 0 && v < 65536) {
                    s.port = new PortHint(v, Source.of(path, line(text, h.start())), 0);
                }
            } else if (names.containsKey(arg) && (portName(arg) || text.substring(Math.max(text.lastIndexOf('\n', h.start()) + 1,
                    h.start() - 60), h.start()).toLowerCase(java.util.Locale.ROOT).contains("port"))) {
                // a named constant is a port where it is named as one or set as one: htons(FASTCGI_ROLE_RESPONDER) is not
                PortHint named = names.get(arg);
                if (named.port() > 0 && named.port() < 65536) {
                    s.port = new PortHint(named.port(), named.source(), 0);
                }
            }
        }
        Matcher g = GETADDRINFO_PORT.matcher(text);
        if (s.port == null && g.find()) {
            int v = Integer.parseInt(g.group(1));
            if (v > 0 && v < 65536) {
                s.port = new PortHint(v, Source.of(path, line(text, g.start())), 0);
            }
        }
        Matcher env = GETENV_PORT.matcher(text);
        if (s.port == null && env.find()) {
            int v = Integer.parseInt(env.group(1));
            if (v > 0 && v < 65536) {
                s.port = new PortHint(v, Source.of(path, line(text, env.start())), 0);
            }
        }
        Matcher entry = CONFIG_ENTRY.matcher(text);
        while (s.port == null && namedDefine == null && entry.find()) {
            for (String arg : entry.group(1).split(",")) {
                String a = arg.strip();
                if (a.matches("[0-9]{2,5}") && Integer.parseInt(a) >= 80 && Integer.parseInt(a) < 65535) {
                    namedDefine = new PortHint(Integer.parseInt(a), Source.of(path, line(text, entry.start())), 1);
                    break;
                }
            }
        }
        for (Pattern weak : List.of(PORT_FIELD, LISTEN_URL)) {
            Matcher w = weak.matcher(text);
            if (s.port == null && namedDefine == null && w.find()) {
                int v = Integer.parseInt(w.group(1));
                if (v > 0 && v < 65536) {
                    namedDefine = new PortHint(v, Source.of(path, line(text, w.start())), 1);
                }
            }
        }
        Matcher call = LISTEN_CALL.matcher(text);
        if (s.port == null && call.find()) {
            int v = Integer.parseInt(call.group(1));
            if (v > 0 && v < 65536) {
                s.port = new PortHint(v, Source.of(path, line(text, call.start())), 0);
            }
        }
        if (s.port == null && namedDefine != null) {
            s.port = namedDefine;
        }
        Matcher l = LISTEN.matcher(text);
        if (l.find()) {
            s.listen = Source.of(path, line(text, l.start()));
        }
        Matcher r = RESOLVER.matcher(text);
        if (r.find()) {
            s.resolver = Source.of(path, line(text, r.start()));
        }
        Matcher hp = HEALTH.matcher(text);
        if (hp.find()) {
            s.healthPath = hp.group(1);
            s.healthSource = Source.of(path, line(text, hp.start()));
        }
        for (Map.Entry<Pattern, String> f : FRAMEWORKS.entrySet()) {
            Matcher fm = f.getKey().matcher(text);
            if (fm.find()) {
                s.framework = f.getValue();
                s.frameworkSource = Source.of(path, line(text, fm.start()));
                break;
            }
        }
        Matcher bc = BARE_CONF.matcher(text);
        while (bc.find()) {
            s.bareConfs.putIfAbsent(bc.group(1), Source.of(path, line(text, bc.start())));
        }
        Matcher cf = CONFIG_FLAG.matcher(text);
        if (cf.find()) {
            s.configFlag = cf.group(1);
            s.configFlagSource = Source.of(path, line(text, cf.start()));
        }
        Matcher fg = FOREGROUND_FLAG.matcher(text);
        Matcher fo = FOREGROUND_OPTION.matcher(text);
        if (fg.find()) {
            s.foregroundFlag = fg.group(1);
            s.foregroundSource = Source.of(path, line(text, fg.start()));
        } else if (fo.find()) {
            s.foregroundFlag = "--" + fo.group(1);
            s.foregroundSource = Source.of(path, line(text, fo.start()));
        }
        Matcher df = DIRECTIVES_FLAG.matcher(text);
        if (df.find()) {
            s.directivesFlag = df.group(1);
            s.directivesSource = Source.of(path, line(text, df.start()));
        }
        Matcher dd = DAEMON_DIRECTIVE.matcher(text);
        if (dd.find()) {
            s.daemonDirective = Source.of(path, line(text, dd.start()));
        }
        Matcher rc = RUNS_COMMAND.matcher(text);
        if (rc.find()) {
            s.runsCommand = Source.of(path, line(text, rc.start()));
        }
        Matcher u = USAGE_ROOT.matcher(text);
        if (u.find()) {
            s.usageRoot = u.group(1);
            s.usageSource = Source.of(path, line(text, u.start()));
        }
        Matcher m = MAIN.matcher(text);
        if (m.find()) {
            s.main = Source.of(path, line(text, m.start()));
        }
        return s;
    }

    /**
     * A constant named as a port: PORT is one of its '_'-separated words (DEFAULT_PORT, PORT, HTTP_PORT_NUMBER), and no
     * word says it is a length, bound or offset (MAX_PORTLEN, CLUSTER_PORT_INCR); UNSUPPORTED merely contains the letters.
     */
    static boolean portName(String name) {
        List<String> words = List.of(name.toUpperCase(java.util.Locale.ROOT).split("_"));
        return words.stream().anyMatch(w -> w.equals("PORT") || w.equals("PORTNO") || w.equals("PORTNUM"))
                && words.stream().noneMatch(NOT_A_PORT::contains);
    }

    /** Comments and string contents blanked (newlines kept) so that line numbers stay right. */
    static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    out.append(text.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(" ".repeat(end - i));
                i = end;
            } else if (c == '"' || c == '\'') {
                // strings are kept (getaddrinfo's "8080"), but skipped whole so that "/*" inside is not a comment
                int k = i + 1;
                while (k < n && text.charAt(k) != c && text.charAt(k) != '\n') {
                    k += text.charAt(k) == '\\' ? 2 : 1;
                }
                k = Math.min(k + 1, n);
                out.append(text, i, k);
                i = k;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static int line(String text, int offset) {
        return AutotoolsParser.lineOf(text, offset);
    }
}
