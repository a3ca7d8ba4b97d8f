package dev.dockergen.realworld;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.DockerfileContract;
import dev.dockergen.plan.IgnoreMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the runner compares a case's truth with what dockergen said. Every rule is here, pure, and tested by
 * {@code ScoringTest}; docs/realworld.md states them in prose. A null truth is never scored.
 */
public final class Scoring {
    /** The detection fields, in report order. */
    public static final List<String> DETECT_FIELDS =
            List.of("language", "tool", "version", "framework", "kind", "port", "listen", "start", "artefact");
    /** Fields scored on the Dockerfile generated for the language's default final stage. */
    public static final List<String> IMAGE_FIELDS = List.of("runtimeFiles", "writes");

    public enum Verdict { RIGHT, WRONG, UNSCORED }

    /** One field of one case: the truth and what was detected, as printed, and the verdict. */
    public record FieldScore(String field, String truth, String detected, Verdict verdict) {
    }

    private Scoring() {
    }

    // ---- detection ---------------------------------------------------------------------------------------------

    /**
     * Scores every detection field of the case against the project detect reported ({@code project} may be null
     * when detect found nothing or failed; then every scored field is wrong). {@code warnings} are detect's
     * top-level warnings.
     */
    public static List<FieldScore> scoreDetection(RealWorldCase c, JsonNode project, JsonNode warnings) {
        List<FieldScore> out = new ArrayList<>();
        String language = text(project, "language");
        out.add(score("language", c.truthString("language"), language,
                (t, d) -> normLanguage(t).equals(normLanguage(d))));
        String tools = joinNonNull(normTool(text(project, "buildTool")), normTool(text(project, "packageManager")));
        out.add(score("tool", c.truthString("tool"), tools,
                (t, d) -> List.of(d.split("/")).contains(normTool(t))));
        out.add(score("version", c.truthString("version"), value(project, "languageVersion"),
                (t, d) -> versionMatches(t, d, c.language())));
        String framework = value(project, "framework");
        out.add(scoreNullable("framework", c.truthString("framework"), framework,
                (t, d) -> normFramework(t).equals(normFramework(d))));
        out.add(score("kind", c.truthString("kind"), project == null ? null : detectedKind(project),
                Scoring::kindMatches));
        out.add(score("port", c.truthString("port"), value(project, "port"), (t, d) -> t.strip().equals(d.strip())));
        out.add(score("listen", c.truthString("listen"), project == null ? null : detectedListen(project, warnings),
                (t, d) -> normListen(t).equals(normListen(d))));
        List<String> start = project == null ? null : strings(project.get("start"));
        List<String> truthStart = c.truthList("start");
        out.add(score("start", truthStart == null ? null : String.join(" ", truthStart),
                start == null ? null : String.join(" ", start),
                (t, d) -> startMatches(truthStart, start)));
        out.add(score("artefact", c.truthString("artefact"), project == null ? null : detectedArtefact(project),
                Scoring::artefactMatches));
        return out;
    }

    interface Rule {
        boolean right(String truth, String detected);
    }

    private static FieldScore score(String field, String truth, String detected, Rule rule) {
        if (truth == null) {
            return new FieldScore(field, null, detected, Verdict.UNSCORED);
        }
        boolean right = detected != null && rule.right(truth, detected);
        return new FieldScore(field, truth, detected, right ? Verdict.RIGHT : Verdict.WRONG);
    }

    /** A field whose truth may say "none of them" (framework: net/http, stdlib, none) which matches no detection. */
    private static FieldScore scoreNullable(String field, String truth, String detected, Rule rule) {
        if (truth != null && normFramework(truth).isEmpty()) {
            return new FieldScore(field, truth, detected, detected == null ? Verdict.RIGHT : Verdict.WRONG);
        }
        return score(field, truth, detected, rule);
    }

    static String normLanguage(String s) {
        String l = s.strip().toLowerCase(Locale.ROOT);
        return switch (l) {
            case "c++", "cpp", "cxx" -> "c";
            case "golang" -> "go";
            case "javascript", "typescript", "nodejs", "node.js" -> "node";
            default -> l;
        };
    }

    /** The tool's leading word: go-modules → go, yarn-berry → yarn, Maven → maven. */
    static String normTool(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = Pattern.compile("[a-z0-9]+").matcher(s.toLowerCase(Locale.ROOT));
        return m.find() ? m.group() : s.toLowerCase(Locale.ROOT);
    }

    /**
     * Lower case, npm scope dropped, only letters and digits, a trailing "js" dropped (Next.js = next = nextjs,
     * Spring Boot = spring-boot). The standard library under any name (net/http, stdlib, http.server, none) is "".
     */
    static String normFramework(String s) {
        String f = s.strip().toLowerCase(Locale.ROOT);
        if (f.startsWith("@") && f.contains("/")) {
            f = f.substring(f.indexOf('/') + 1);
        }
        f = f.replaceAll("[^a-z0-9]", "");
        if (f.length() > 4 && f.endsWith("js")) {
            f = f.substring(0, f.length() - 2);
        }
        return Set.of("nethttp", "stdlib", "standardlibrary", "none", "httpserver", "plain").contains(f) ? "" : f;
    }

    // ---- version -------------------------------------------------------------------------------------------------

    private static final Pattern VERSION = Pattern.compile("(\\d+)((?:\\.(?:\\d+|x|\\*))*)");

    /**
     * A plain truth version ("1.21", "3.10", "17") is right when the detected version agrees on the components
     * both give (1.21 = 1.21.0 = 1.21.4), with at least major.minor when the truth has them (the major alone for
     * Node and Java, whose images are tagged by major: 22 = 22.21.0). A range
     * (">=3.10,<4", "^18", "~=3.11", "18.x", "||") is right when the detected version satisfies it. Java's
     * "1.8" is 8.
     */
    static boolean versionMatches(String truth, String detected, String language) {
        int[] d = parse(detected, language);
        if (d == null) {
            return false;
        }
        String t = truth.strip();
        if (t.matches(".*([<>^~=!|,*]|\\.x\\b|\\s-\\s).*")) {
            for (String alternative : t.split("\\|\\|")) {
                if (satisfiesAll(alternative, d, language)) {
                    return true;
                }
            }
            return false;
        }
        int[] v = parse(t, language);
        if (v == null) {
            return t.equalsIgnoreCase(detected.strip());
        }
        int n = Math.min(v.length, d.length);
        // Node and Java images are tagged by major version: "22" is a right answer to 22.21.0; Go and Python need minor
        int needed = Set.of("node", "java").contains(language) ? 1 : 2;
        if (n < Math.min(v.length, needed)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (v[i] != d[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean satisfiesAll(String alternative, int[] d, String language) {
        Matcher m = Pattern.compile("(>=|<=|==|~=|!=|>|<|=|\\^|~)?\\s*v?(\\d+(?:\\.(?:\\d+|x|\\*))*)").matcher(alternative);
        boolean any = false;
        while (m.find()) {
            any = true;
            String op = m.group(1) == null ? "" : m.group(1);
            String raw = m.group(2);
            int[] v = parse(raw.replaceAll("\\.(x|\\*).*$", ""), language);
            int given = raw.replaceAll("\\.(x|\\*).*$", "").split("\\.").length;
            // a Node or Java image tagged by major alone ("24") is that major's newest release: it meets >=24.18.0
            int[] newest = d.length == 1 && Set.of("node", "java").contains(language) ? new int[] {d[0], Integer.MAX_VALUE} : d;
            boolean ok = switch (op) {
                case ">=" -> compare(newest, v) >= 0;
                case ">" -> compare(newest, v) > 0;
                case "<=" -> compare(d, v) <= 0;
                case "<" -> compare(d, v) < 0;
                case "!=" -> compare(d, v) != 0;
                case "^" -> compare(d, v) >= 0 && d[0] == v[0];
                case "~" -> compare(d, v) >= 0 && d[0] == v[0] && (given < 2 || at(d, 1) == v[1]);
                case "~=" -> compare(d, v) >= 0 && prefixEquals(d, v, Math.max(1, given - 1));
                default -> prefixEquals(d, v, given); // "", "=", "==", 18.x
            };
            if (!ok) {
                return false;
            }
        }
        return any;
    }

    private static boolean prefixEquals(int[] d, int[] v, int n) {
        for (int i = 0; i < n; i++) {
            if (at(d, i) != at(v, i)) {
                return false;
            }
        }
        return true;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int c = Integer.compare(at(a, i), at(b, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int at(int[] v, int i) {
        return i < v.length ? v[i] : 0;
    }

    /** The first version number in the text ("go1.21.4" → 1.21.4, "v18" → 18), Java's 1.x as x; null if none. */
    static int[] parse(String s, String language) {
        if (s == null) {
            return null;
        }
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)*)").matcher(s);
        if (!m.find()) {
            return null;
        }
        String[] parts = m.group(1).split("\\.");
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if ("java".equals(language) && v.length > 1 && v[0] == 1) {
            return java.util.Arrays.copyOfRange(v, 1, v.length);
        }
        return v;
    }

    // ---- kind, listen --------------------------------------------------------------------------------------------

    /**
     * server, static-site or program (a worker or a CLI: detect does not tell them apart, so "program" is right for
     * both). A kind detect states is used first (Node: spa → static-site, next → server, server → server with a
     * port else program; Python: web → server, script → program); otherwise no start command → static-site when
     * there is a static output folder (else no kind at all), a port → server, else program.
     */
    static String detectedKind(JsonNode project) {
        String explicit = text(project, "kind");
        if (explicit != null) {
            return normKind(explicit);
        }
        boolean hasPort = project.hasNonNull("port");
        JsonNode facts = project.path("facts");
        String factKind = facts.path("kind").isObject() ? text(facts.get("kind"), "value") : text(facts, "kind");
        if (factKind != null) {
            switch (factKind) {
                case "spa":
                    return "static-site";
                case "next", "web":
                    return "server";
                case "script", "worker":
                    return "program";
                default:
                    break;
            }
        }
        if (!project.hasNonNull("start")) {
            return facts.hasNonNull("staticDir") ? "static-site" : "none (no start command)";
        }
        return hasPort ? "server" : "program";
    }

    static String normKind(String k) {
        String s = k.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (s) {
            case "static", "spa", "static-site", "site" -> "static-site";
            case "web", "server", "http" -> "server";
            case "worker", "cli", "script", "program", "job" -> "program";
            default -> s;
        };
    }

    static boolean kindMatches(String truth, String detected) {
        return normKind(truth).equals(normKind(detected));
    }

    /**
     * What detect says about the listen address: a project's own "listen" when it reports one, else "127.0.0.1"
     * when a warning about this project mentions loopback, else "0.0.0.0" (no warning: it takes the program to
     * listen on every interface).
     */
    static String detectedListen(JsonNode project, JsonNode warnings) {
        String own = value(project, "listen");
        if (own != null) {
            return own;
        }
        String path = text(project, "path");
        for (JsonNode w : iterable(warnings)) {
            String text = w.isTextual() ? w.asText() : w.toString();
            boolean ours = path == null || path.equals(".") || text.startsWith(path + "/") || text.contains(" " + path + "/");
            if (ours && text.toLowerCase(Locale.ROOT).contains("loopback")) {
                return "127.0.0.1";
            }
        }
        return "0.0.0.0";
    }

    /**
     * detect's warnings less those about another detected project (a member's {@code servicegroup/main.go:22: ...
     * loopback} is not the root project's): the root's listen address is read from what is left.
     */
    static JsonNode ownWarnings(JsonNode project, JsonNode detect) {
        JsonNode all = detect.get("warnings");
        String path = text(project, "path");
        if (all == null || !all.isArray() || project == null || !".".equals(path)) {
            return all;
        }
        List<String> others = new ArrayList<>();
        for (JsonNode p : iterable(detect.get("projects"))) {
            String other = text(p, "path");
            if (other != null && !other.equals(".")) {
                others.add(other + "/");
            }
        }
        com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (JsonNode w : all) {
            String t = w.isTextual() ? w.asText() : w.toString();
            if (others.stream().noneMatch(t::startsWith)) {
                out.add(w);
            }
        }
        return out;
    }

    /** any (0.0.0.0, ::, *, empty), loopback (127.x, localhost, ::1), or the address as written. */
    static String normListen(String s) {
        String l = s.strip().toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (l.isEmpty() || l.equals("0.0.0.0") || l.equals("::") || l.equals("*") || l.equals("any")) {
            return "any";
        }
        if (l.startsWith("127.") || l.equals("localhost") || l.equals("::1") || l.equals("loopback")) {
            return "loopback";
        }
        return l;
    }

    // ---- start ---------------------------------------------------------------------------------------------------

    /** The program and its entry, the part of a start command that is compared. */
    public record StartKey(String program, String entry) {
    }

    private static final Set<String> INTERPRETERS = Set.of("node", "python", "bun", "deno", "ruby", "php");
    private static final Set<String> APP_SERVERS =
            Set.of("gunicorn", "uvicorn", "hypercorn", "daphne", "waitress-serve", "granian");
    private static final Set<String> RUNNERS = Set.of("npm", "yarn", "pnpm", "bun");
    private static final Set<String> VALUED = Set.of("-b", "--bind", "-p", "--port", "-h", "--host", "-w",
            "--workers", "-k", "--worker-class", "-c", "--config", "-r", "--require", "-e", "--env", "-u", "--user",
            "-g", "--group", "--log-level", "-t", "--timeout", "--threads", "--chdir", "--app-dir", "--env-file",
            "-cp", "-classpath", "--class-path", "--app", "-A", "--workdir", "-f", "--file", "-l", "--listen");
    /** Options of node and python that take a value (-r module, -W warning-filter). */
    private static final Set<String> INTERPRETER_VALUED = Set.of("-r", "--require", "--import", "--loader", "-W", "-X",
            "--env-file", "--inspect-port", "--title");
    private static final Pattern MODULE_ATTR = Pattern.compile("[A-Za-z_][\\w.]*:[A-Za-z_][\\w.]*(\\(.*\\))?");

    /**
     * Start commands are compared by program and entry, never by path: the program's file name (python3.12 →
     * python, /app/server → server; wrappers tini, dumb-init, env and sh -c dropped; python -m X is X); the entry
     * is, for an interpreter (node, python, bun, deno), the script it runs, as a file name without .js/.mjs/.cjs;
     * for a WSGI/ASGI server the module:attribute; for java "-jar" (Spring Boot's JarLauncher runs the jar too) or
     * the main class's simple name (Tomcat's Bootstrap start is catalina.sh run, which runs it); for
     * npm/yarn/pnpm the script ("run" skipped); for any other program its
     * subcommand (the first argument, when it is not an option). Options and their values never count.
     */
    public static StartKey startKey(List<String> argv) {
        if (argv == null) {
            return null;
        }
        List<String> t = new ArrayList<>();
        for (String a : argv) {
            if (a != null && !a.isBlank()) {
                t.add(a.strip());
            }
        }
        // wrappers
        while (!t.isEmpty()) {
            String p = base(t.get(0));
            if (Set.of("tini", "dumb-init", "exec", "--").contains(p) || t.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                t.remove(0);
            } else if (p.equals("env")) {
                t.remove(0);
                while (!t.isEmpty() && (t.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*") || t.get(0).startsWith("-"))) {
                    t.remove(0);
                }
            } else if ((p.equals("sh") || p.equals("bash")) && t.size() >= 3 && t.get(1).equals("-c")) {
                t = new ArrayList<>(List.of(t.get(2).split("\\s+")));
            } else {
                break;
            }
        }
        if (t.isEmpty()) {
            return null;
        }
        String program = program(t.get(0));
        List<String> rest = new ArrayList<>(t.subList(1, t.size()));
        // node node_modules/next/dist/bin/next start = next start (a package's own bin script run by node)
        if (program.equals("node")) {
            String script = firstPositional(rest, INTERPRETER_VALUED);
            // node bin/tldr = tldr: a package's own bin/ script (npm links it under its name)
            if (script != null && (script.contains("node_modules/") || script.matches("(\\./)?bin/[\\w.-]+"))) {
                program = base(script).replaceFirst("\\.(js|mjs|cjs)$", "").toLowerCase(Locale.ROOT);
                // node node_modules/fastify-cli/cli.js = fastify: a generic file name stands for its package's
                // command, the package's name less a "-cli" suffix (fastify-cli's bin is fastify)
                Matcher pkg = Pattern.compile("node_modules/(?:@[\\w.-]+/)?([\\w.-]+)/").matcher(script);
                if (program.matches("cli|index|main") && pkg.find()) {
                    program = pkg.group(1).replaceFirst("-cli$", "").toLowerCase(Locale.ROOT);
                }
                rest = new ArrayList<>(rest.subList(rest.indexOf(script) + 1, rest.size()));
            }
        }
        if (program.equals("python")) {
            for (int i = 0; i < rest.size(); i++) {
                if (rest.get(i).equals("-m") && i + 1 < rest.size()) {
                    program = rest.get(i + 1).toLowerCase(Locale.ROOT);
                    rest = new ArrayList<>(rest.subList(i + 2, rest.size()));
                    break;
                }
                if (!rest.get(i).startsWith("-")) {
                    break;
                }
            }
        }
        String entry;
        if (program.equals("java")) {
            entry = null;
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                if (a.equals("-jar") || a.contains("JarLauncher") || a.contains("PropertiesLauncher")) {
                    entry = "-jar";
                    break;
                }
                if (VALUED.contains(a)) {
                    i++;
                } else if (!a.startsWith("-")) {
                    entry = a.substring(a.lastIndexOf('.') + 1);
                    // Tomcat's catalina.sh run execs exactly this: java ... org.apache.catalina.startup.Bootstrap start
                    if (a.equals("org.apache.catalina.startup.Bootstrap") && i + 1 < rest.size()
                            && rest.get(i + 1).equals("start")) {
                        return new StartKey("catalina.sh", "run");
                    }
                    break;
                }
            }
        } else if (APP_SERVERS.contains(program)) {
            entry = rest.stream().filter(a -> MODULE_ATTR.matcher(a).matches()).findFirst().orElse(null);
        } else if (INTERPRETERS.contains(program) && !(program.equals("bun") && !rest.isEmpty() && rest.get(0).equals("run"))) {
            entry = firstPositional(rest, INTERPRETER_VALUED);
            entry = entry == null ? null : base(entry).replaceFirst("\\.(js|mjs|cjs)$", "");
        } else if (RUNNERS.contains(program)) {
            List<String> r = rest.isEmpty() || !rest.get(0).equals("run") ? rest : rest.subList(1, rest.size());
            entry = r.isEmpty() || r.get(0).startsWith("-") ? null : r.get(0);
        } else {
            entry = subcommand(rest);
        }
        return new StartKey(program, entry);
    }

    /** The first argument, after leading options that take a value (--app X, -A proj) or carry one (--x=y). */
    private static String subcommand(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (VALUED.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return base(a);
            } else if (!a.startsWith("--") || !a.contains("=")) {
                return null;
            }
        }
        return null;
    }

    static boolean startMatches(List<String> truth, List<String> detected) {
        StartKey t = startKey(truth);
        return t != null && t.equals(startKey(detected));
    }

    private static String firstPositional(List<String> args, Set<String> valued) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (valued.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static String program(String first) {
        String p = base(first).toLowerCase(Locale.ROOT);
        if (p.matches("python[0-9.]*")) {
            return "python";
        }
        if (p.equals("nodejs")) {
            return "node";
        }
        return p.replaceFirst("\\.exe$", "");
    }

    private static String base(String path) {
        String p = path.replaceAll("/+$", "");
        return p.substring(p.lastIndexOf('/') + 1);
    }

    // ---- artefact ------------------------------------------------------------------------------------------------

    /**
     * What the build produces or the program runs: Go's binary, C's artefact, Java's artifact, a Node static site's
     * output folder, else from the start command: a module:attr, the app named by --app/-A, else its entry.
     */
    static String detectedArtefact(JsonNode project) {
        JsonNode facts = project.path("facts");
        for (String key : List.of("binary", "artefact", "artifact", "staticDir")) {
            String v = facts.path(key).isObject() ? text(facts.get(key), "value") : text(facts, key);
            if (v != null) {
                return v;
            }
        }
        List<String> start = strings(project.get("start"));
        if (start == null) {
            return null;
        }
        // an app server's module:attribute, or the app a CLI names (flask --app X, celery -A X)
        for (int i = 0; i < start.size(); i++) {
            if (MODULE_ATTR.matcher(start.get(i)).matches()) {
                return start.get(i);
            }
            if (Set.of("--app", "-A").contains(start.get(i)) && i + 1 < start.size()) {
                return start.get(i + 1);
            }
        }
        // node bin/tldr: the bin script is the artefact (startKey reads it as the command tldr)
        String script = start.size() > 1 && program(start.get(0)).equals("node")
                ? firstPositional(new ArrayList<>(start.subList(1, start.size())), INTERPRETER_VALUED) : null;
        if (script != null && script.matches("(\\./)?bin/[\\w.-]+")) {
            return script;
        }
        StartKey k = startKey(start);
        return k == null ? null : k.entry() != null && !k.entry().equals("-jar") ? k.entry() : null;
    }

    /** Equal file names; a detected glob (target/*.jar) matches the names it matches. */
    static boolean artefactMatches(String truth, String detected) {
        String t = normArtefact(truth);
        String d = normArtefact(detected);
        if (d.contains("*") || d.contains("?")) {
            return java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + d).matches(Path.of(t));
        }
        return t.equals(d);
    }

    /** File name only, no trailing slash; module:attr → the module's last part; .py/.js/.mjs/.cjs/.ts dropped. */
    static String normArtefact(String s) {
        String a = s.strip();
        if (MODULE_ATTR.matcher(a).matches()) {
            a = a.substring(0, a.indexOf(':'));
            a = a.substring(a.lastIndexOf('.') + 1);
        }
        return base(a).replaceFirst("\\.(py|js|mjs|cjs|ts)$", "");
    }

    // ---- image fields (runtime files, writable folders) ----------------------------------------------------------

    /**
     * runtimeFiles: each file or folder the program reads is in the final stage: a COPY from the build context of
     * "." that .dockerignore does not exclude it from, or a COPY (from the context or a stage) of it or a folder
     * holding it; a secret under /run/secrets/ is never copied: a final-stage comment names it to be mounted.
     * writes: each folder the program writes (for a file: it or the folder holding it, see
     * {@link #writable}; a truth without a trailing '/' may name a file without an extension) is named in the final
     * stage by a VOLUME, a RUN (mkdir/chown) or a COPY --chown destination. Empty lists are not scored.
     */
    public static List<FieldScore> scoreImage(RealWorldCase c, String dockerfile, String dockerignore) {
        List<FieldScore> out = new ArrayList<>();
        List<String> finalStage = finalStage(dockerfile);
        IgnoreMatcher ignore = dockerignore == null ? null : new IgnoreMatcher(dockerignore.lines().toList());
        List<String> reads = c.truthList("runtimeFiles");
        Map<String, String> whole = stagesHoldingTheContext(dockerfile);
        String dockerfileMember = memberFolder(dockerfile);
        // a member's truth is relative to the member; a Dockerfile whose context is the workspace root copies it
        // from there (COPY --from=build /app/apps/web ./apps/web): the path read against the member counts too
        String member = c.project() == null || c.project().isBlank() || c.project().equals(".") ? null : c.project();
        out.add(imageScore("runtimeFiles", reads, dockerfile, r -> inImage(normPath(fromContext(dockerfileMember, r)),
                finalStage, ignore, whole)
                || member != null && inMember(member, r) != null && inImage(inMember(member, r), finalStage, ignore, whole)));
        List<String> writes = c.truthList("writes");
        // a truth without a trailing '/' may be a file even without an extension (Django's NAME "appdb")
        out.add(imageScore("writes", writes, dockerfile, w -> writable(normPath(w), finalStage, !w.strip().endsWith("/"))));
        return out;
    }

    interface PathRule {
        boolean holds(String path);
    }

    private static FieldScore imageScore(String field, List<String> truth, String dockerfile, PathRule rule) {
        if (truth == null || truth.isEmpty()) {
            return new FieldScore(field, null, null, Verdict.UNSCORED);
        }
        if (dockerfile == null) {
            return new FieldScore(field, String.join(" ", truth), null, Verdict.WRONG);
        }
        List<String> missing = new ArrayList<>();
        for (String p : truth) {
            if (!rule.holds(p)) {
                missing.add(p);
            }
        }
        return new FieldScore(field, String.join(" ", truth), missing.isEmpty() ? "all" : "missing " + String.join(" ", missing),
                missing.isEmpty() ? Verdict.RIGHT : Verdict.WRONG);
    }

    /**
     * The Dockerfile's folder below the build context when it is built from an enclosing folder ("# Build from ..:
     * docker build -f web/Dockerfile ." gives "web"), else null: the context is the case's folder.
     */
    static String memberFolder(String dockerfile) {
        Matcher m = Pattern.compile("(?m)^# Build[^\\n]*docker build[^\\n]*?-f (\\S+)").matcher(dockerfile == null ? "" : dockerfile);
        if (!m.find()) {
            return null;
        }
        Path folder = Path.of(m.group(1)).normalize().getParent();
        return folder == null ? null : folder.toString().replace('\\', '/');
    }

    /** A path named from the case's folder, named from the build context (the member's folder's ancestor). */
    static String fromContext(String member, String path) {
        String p = path.strip();
        if (member == null || p.startsWith("/") || p.startsWith("~")) {
            return p;
        }
        String resolved = Path.of(member).resolve(p.replaceFirst("^\\./", "")).normalize().toString().replace('\\', '/');
        return resolved.startsWith("..") ? p : resolved + (p.endsWith("/") ? "/" : "");
    }

    /** A truth path read against the member folder (apps/web + public/ = apps/web/public); null when it leaves the top. */
    static String inMember(String member, String path) {
        String p = java.nio.file.Path.of(member).resolve(normPath(path)).normalize().toString();
        return p.isEmpty() || p.startsWith("..") ? null : p;
    }

    static String normPath(String p) {
        return p.strip().replaceFirst("^\\./", "").replaceAll("(/\\*\\*?)?(/\\*[^/]*)?/*$", "");
    }

    static List<String> finalStage(String dockerfile) {
        List<String> lines = DockerfileContract.joinContinuations(dockerfile == null ? List.of() : dockerfile.lines().toList());
        int last = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return lines.subList(last, lines.size());
    }

    /**
     * The stages that copy the whole build context into their working directory (COPY . .), by name, with that
     * directory: a final stage copying it from them (COPY --from=build /app ./) holds what the context held.
     */
    static Map<String, String> stagesHoldingTheContext(String dockerfile) {
        Map<String, String> out = new java.util.HashMap<>();
        String name = null;
        String workdir = "/";
        for (String line : DockerfileContract.joinContinuations(dockerfile == null ? List.of() : dockerfile.lines().toList())) {
            Matcher from = Pattern.compile("^FROM\\s.*\\sAS\\s+(\\S+)\\s*$", Pattern.CASE_INSENSITIVE).matcher(line);
            if (line.startsWith("FROM ")) {
                name = from.matches() ? from.group(1) : null;
                workdir = "/";
            } else if (line.startsWith("WORKDIR ")) {
                String w = line.substring(8).strip();
                workdir = w.startsWith("/") ? w : workdir.replaceFirst("/?$", "/") + w;
            } else if (name != null && line.matches("COPY (?!--from)(--\\S+ )*\\. (\\.|\\./|" + Pattern.quote(workdir) + "/?)")) {
                out.put(name, workdir.replaceFirst("(.)/$", "$1"));
            }
        }
        return out;
    }

    static boolean inImage(String path, List<String> stage, IgnoreMatcher ignore) {
        return inImage(path, stage, ignore, Map.of());
    }

    private static boolean inImage(String path, List<String> stage, IgnoreMatcher ignore, Map<String, String> whole) {
        if (path.startsWith("/run/secrets/")) {
            // a secret is mounted when the container runs, never baked in: right when a comment says to mount it
            return stage.stream().anyMatch(l -> l.startsWith("#") && l.contains(path) && l.contains("mount"));
        }
        String glob = path.contains("*") ? path.substring(0, path.indexOf('*')).replaceAll("/[^/]*$", "") : path;
        for (String line : stage) {
            if (!line.startsWith("COPY ") && !line.startsWith("ADD ")) {
                continue;
            }
            Matcher fromStage = Pattern.compile("--from=(\\S+)").matcher(line);
            String stageDir = fromStage.find() ? whole.get(fromStage.group(1)) : null;
            boolean fromContext = !line.contains("--from=");
            List<String> words = new ArrayList<>();
            for (String w : line.split(" ")) {
                if (!w.startsWith("--")) {
                    words.add(w);
                }
            }
            for (String src : words.subList(1, Math.max(1, words.size() - 1))) {
                String s = normPath(src.replaceAll("^\"|\"$|[\\[\\],]", ""));
                String raw = src.replaceAll("^\"|\"$|[\\[\\],]", "").replaceFirst("(.)/$", "$1");
                boolean wholeStage = stageDir != null && raw.equals(stageDir);
                // a folder of that stage's working directory (/app/apps/web): the context's apps/web
                String inStage = stageDir != null && raw.startsWith(stageDir + "/") ? raw.substring(stageDir.length() + 1) : null;
                boolean underStage = inStage != null && (glob.equals(inStage) || glob.startsWith(inStage + "/"));
                if (underStage) {
                    return true; // the stage may have built it (.next/static), so .dockerignore does not decide
                }
                if ((fromContext && (s.equals(".") || s.isEmpty())) || wholeStage) {
                    if (ignore == null || !ignore.ignores(glob)) {
                        return true;
                    }
                } else if (s.equals(glob) || s.endsWith("/" + glob) || glob.startsWith(s + "/")
                        || (s.contains("/") && glob.startsWith(s.substring(s.lastIndexOf('/') + 1) + "/"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A written path is writable when it, or (for a file: a name with an extension) the folder holding it, is named
     * writable; a relative file's folder, "." and "../x" are read against the final stage's WORKDIR, a home path
     * ("~/.x") matches in any home folder, a file directly in the home (~/.x, no trailing '/') is writable when the
     * final stage's HOME is, and /tmp is writable in any final but scratch.
     */
    static boolean writable(String path, List<String> stage) {
        return writable(path, stage, false);
    }

    /** As {@link #writable(String, List)}; {@code mayBeFile}: a name without an extension may be a file too. */
    static boolean writable(String path, List<String> stage, boolean mayBeFile) {
        String p = path.startsWith("~/") ? path.substring(2) : path;
        String wd = workdir(stage);
        String home = home(stage);
        if (path.startsWith("~/") && !p.contains("/") && mayBeFile && home != null && namedWritable(home, stage, true)) {
            return true; // a file directly in the home (~/.droopy): its folder is the home the final stage sets
        }
        if ((p.equals(".") || p.startsWith("../")) && wd != null) {
            // the working directory itself, or a folder beside it: read against the WORKDIR
            p = java.nio.file.Path.of(wd).resolve(p).normalize().toString();
            if (p.equals(wd) && namedWritable(p, stage, true)) {
                return true;
            }
        }
        if ((p.equals("/tmp") || p.startsWith("/tmp/")) && !stage.isEmpty() && !stage.get(0).matches("FROM\\s+scratch\\b.*")) {
            return true; // every base image but scratch has a /tmp anyone may write
        }
        if (namedWritable(p, stage, false)) {
            return true;
        }
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (!name.matches("[^.].*\\.[A-Za-z0-9]+") && !(mayBeFile && name.matches("[^.][A-Za-z0-9_-]*"))) {
            return false;
        }
        int slash = p.lastIndexOf('/');
        String folder = slash > 0 ? p.substring(0, slash) : slash == 0 ? "" : workdir(stage);
        return folder != null && !folder.isEmpty() && !folder.equals("/") && namedWritable(folder, stage, true);
    }

    /** The final stage's HOME (its last ENV HOME=), or null. */
    private static String home(List<String> stage) {
        String h = null;
        for (String line : stage) {
            Matcher m = Pattern.compile("^ENV\\s+HOME[=\\s]\"?([^\"\\s]+)\"?").matcher(line);
            if (m.find()) {
                h = m.group(1);
            }
        }
        return h;
    }

    /** The final stage's last WORKDIR, or null. */
    private static String workdir(List<String> stage) {
        String w = null;
        for (String line : stage) {
            if (line.startsWith("WORKDIR ")) {
                w = line.substring(8).strip();
            }
        }
        return w;
    }

    /** Whether a line names the path writable; {@code exact}: the folder itself, not a folder below it. */
    private static boolean namedWritable(String path, List<String> stage, boolean exact) {
        Pattern named = Pattern.compile("(^|[\\s\"/:=])" + Pattern.quote(path.replaceFirst("^/", ""))
                + (exact ? "($|[\\s\"\\],])" : "(/|$|[\\s\"\\],])"));
        for (String line : stage) {
            if (!named.matcher(line).find()) {
                continue;
            }
            if (line.startsWith("VOLUME ") || (line.startsWith("RUN ") && line.matches(".*\\b(mkdir|chown|chmod)\\b.*"))
                    || (line.startsWith("COPY ") && line.contains("--chown"))) {
                return true;
            }
        }
        return false;
    }

    // ---- contract ------------------------------------------------------------------------------------------------

    /**
     * Whether a final stage can truly serve a language: an interpreter or a JVM cannot run FROM scratch, so a
     * refusal of scratch for Node, Python and Java is right; any other refusal is wrong.
     */
    public static boolean finalCanServe(String language, String finalStage) {
        return !("scratch".equals(finalStage) && Set.of("node", "python", "java").contains(normLanguage(language)));
    }

    // ---- JSON helpers ----------------------------------------------------------------------------------------------

    static String text(JsonNode n, String field) {
        if (n == null || !n.hasNonNull(field)) {
            return null;
        }
        JsonNode v = n.get(field);
        return v.isValueNode() ? v.asText() : null;
    }

    /** A fact's value: {"value": x, "source": ...} or a plain value; null when absent. */
    static String value(JsonNode n, String field) {
        if (n == null || !n.hasNonNull(field)) {
            return null;
        }
        JsonNode v = n.get(field);
        if (v.isObject()) {
            return v.hasNonNull("value") && v.get("value").isValueNode() ? v.get("value").asText() : null;
        }
        return v.isValueNode() ? v.asText() : null;
    }

    static List<String> strings(JsonNode n) {
        if (n == null || !n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(out::add);
        }
        return out;
    }

    private static String joinNonNull(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.equals(b) ? a : a + "/" + b;
    }
}
