package dev.dockergen.lang.node;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.SourceSearch;
import java.util.List;
import java.util.regex.Pattern;

/** What a Node project's own scripts say: the port it listens on and a health route, each with its source. */
final class NodeSources {
    private static final Pattern PORT_LISTEN = Pattern.compile("\\.listen\\(\\s*\\{?\\s*(?:port\\s*:\\s*)?([0-9]{2,5})\\b");
    private static final Pattern PORT_ENV = Pattern.compile(
            "process\\.env(?:\\.PORT|\\[['\"]PORT['\"]\\])(?:\\s*,\\s*10)?\\s*\\)?\\s*(?:(?:\\|\\||\\?\\?)\\s*process\\.env\\.\\w+\\s*)*"
                    + "(?:\\|\\||\\?\\?)\\s*['\"]?([0-9]{2,5})");
    /** A list of fallbacks whose last is a number: [args.port, process.env.PORT, 3001].find(p => p). */
    private static final Pattern PORT_FALLBACKS = Pattern.compile(
            "process\\.env\\.\\w*PORT\\w*\\s*,\\s*['\"]?([0-9]{2,5})['\"]?\\s*\\]");
    /** A default in a destructuring of the environment: const { PORT = 3000 } = process.env. */
    private static final Pattern PORT_DESTRUCTURED = Pattern.compile(
            "\\{[^}]*\\bPORT\\s*=\\s*['\"]?([0-9]{2,5})['\"]?[^}]*}\\s*=\\s*process\\.env\\b");
    private static final Pattern PORT_CONST = Pattern.compile("(?i)\\bconst\\s+port\\s*=\\s*(?:process\\.env\\.PORT\\s*(?:\\|\\||\\?\\?)\\s*)?['\"]?([0-9]{2,5})");
    /** Env schemas' defaults: Joi `PORT: Joi.number().default(3000)`, envalid `port({ default: 3000 })`, `num({default})`. */
    private static final Pattern PORT_SCHEMA = Pattern.compile("(?i)\\bport['\"]?\\s*:\\s*(?:(?:joi|z)\\.[^\\n]{0,80}?"
            + "\\.default\\(|(?:port|num|str)\\(\\s*\\{[^}]*?\\bdefault\\s*:)\\s*['\"]?([0-9]{2,5})");
    /** A port setting whose value is a filtered object (the confidence package's document: `port: { $default: 9000 }`). */
    private static final Pattern PORT_OBJECT = Pattern.compile("\\bport['\"]?\\s*:\\s*\\{\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILTER_DEFAULT = Pattern.compile("\\$default['\"]?\\s*:\\s*['\"]?([0-9]{2,5})\\b");
    /** node-config's defaults file: `port: 3000` / `"port": 3000`. */
    private static final Pattern PORT_CONFIG = Pattern.compile("(?im)^\\s*['\"]?port['\"]?\\s*:\\s*['\"]?([0-9]{2,5})['\"]?\\s*,?\\s*$");
    private static final Pattern HEALTH_ROUTE = Pattern.compile(
            "(?:\\.(?:get|head|all|route)\\(\\s*|\\b(?:req|request)\\.url\\s*===?\\s*)"
                    + "['\"`](/(?:healthz|health|livez|readyz|ready|ping|_health))['\"`]");
    private static final Pattern NEST_HEALTH = Pattern.compile(
            "@(?:Get|Head|All)\\(\\s*['\"`]/?((?:healthz|health|livez|readyz|ready|ping|_health))['\"`]");
    /** The program's own health mode: a flag it looks for in process.argv, or a subcommand as its first argument. */
    private static final Pattern HEALTH_FLAG = Pattern.compile(
            "\\bprocess\\.argv\\.(?:includes|indexOf)\\(\\s*['\"`](--health-?check|--health)['\"`]");
    private static final Pattern HEALTH_SUBCOMMAND = Pattern.compile(
            "\\bprocess\\.argv\\[2\\]\\s*===?\\s*['\"`](health-?check)['\"`]");
    /** Folders and files that are not the program: tests, end-to-end suites, helper scripts, health-check clients. */
    private static final Pattern NOT_PROGRAM = Pattern.compile(
            "(?i)(^|/)(tests?|__tests__|test-\\w+|e2e|cypress|scripts|benchmarks?)/|(^|/)health-?check[\\w.-]*$"
                    + "|(^|/)(playwright|vitest|jest|cypress|karma|wdio)\\.conf(ig)?(\\.\\w+)?\\.[cm]?[jt]s$");

    private NodeSources() {
    }

    /** A route that looks like a health endpoint, with its source: app.get('/healthz'), or Nest's @Get('health'). */
    static Fact<String> healthRoute(ProjectFiles files, Fact<String> framework) {
        List<String> sources = sources(files);
        Fact<String> route = SourceSearch.firstMatch(files, sources, HEALTH_ROUTE);
        if (route == null && framework != null && framework.value().equals("nest")) {
            Fact<String> name = SourceSearch.firstMatch(files, sources, NEST_HEALTH);
            route = name == null ? null : Fact.of("/" + name.value(), name.source());
        }
        return route;
    }

    /** The arguments that run the program's own health check, with the line that reads them, or null. */
    static Fact<List<String>> healthCommand(ProjectFiles files) {
        List<String> sources = sources(files);
        Fact<String> found = SourceSearch.firstMatch(files, sources, HEALTH_FLAG);
        if (found == null) {
            found = SourceSearch.firstMatch(files, sources, HEALTH_SUBCOMMAND);
        }
        return found == null ? null : Fact.of(List.of(found.value()), found.source());
    }

    /**
     * The project's own program files, for ports and routes: no dependencies, builds, tests (test*, e2e, *.test.*,
     * *.spec.*, test runners' configs such as playwright.config.js), helper scripts (scripts/) or health-check
     * clients; extensionless programs under bin/ (bin/www) count.
     */
    static List<String> sources(ProjectFiles files) {
        return files.walk("", 6, NodeDetector.SKIPPED)
                .stream()
                .filter(p -> (p.matches(".*\\.(js|mjs|cjs|ts)$") || p.matches("bin/[\\w-]+")) && !p.endsWith(".d.ts")
                        && !p.contains(".test.") && !p.contains(".spec.") && !NOT_PROGRAM.matcher(p).find())
                .limit(2000).toList();
    }


    /**
     * The default of a port setting written as a filtered object (`port: { web: { $filter: 'env', production:
     * process.env.PORT, $default: 9000 } }`): the first {@code $default} number inside the object, with its line.
     */
    static Fact<String> filterDefault(ProjectFiles files, List<String> sources) {
        for (String path : sources) {
            String[] lines = SourceSearch.textOf(files, path).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!PORT_OBJECT.matcher(lines[i]).find()) {
                    continue;
                }
                int depth = 1;
                for (int j = i + 1; j < lines.length && j <= i + 30 && depth > 0; j++) {
                    java.util.regex.Matcher m = FILTER_DEFAULT.matcher(lines[j]);
                    if (m.find()) {
                        return Fact.of(m.group(1), path, j + 1);
                    }
                    depth += lines[j].chars().filter(c -> c == '{').count() - lines[j].chars().filter(c -> c == '}').count();
                }
            }
        }
        return null;
    }

    static Fact<Integer> port(ProjectFiles files, String kind, Fact<String> framework) {
        if (kind.equals(NodeDetails.SPA)) {
            return null;
        }
        List<String> sources = sources(files);
        // ranked: a listen call, then a default in the program's code or env schema, then node-config's defaults file
        for (Pattern pattern : List.of(PORT_LISTEN, PORT_ENV, PORT_FALLBACKS, PORT_DESTRUCTURED, PORT_CONST, PORT_SCHEMA)) {
            Fact<String> found = SourceSearch.firstMatch(files, sources, pattern);
            if (found != null && Integer.parseInt(found.value()) >= 1 && Integer.parseInt(found.value()) <= 65535) {
                return Fact.of(Integer.parseInt(found.value()), found.source());
            }
        }
        Fact<String> filtered = filterDefault(files, sources);
        if (filtered != null && Integer.parseInt(filtered.value()) >= 1 && Integer.parseInt(filtered.value()) <= 65535) {
            return Fact.of(Integer.parseInt(filtered.value()), filtered.source());
        }
        List<String> config = java.util.stream.Stream.of("config/default.json", "config/default.yml", "config/default.yaml")
                .filter(files::isFile).toList();
        Fact<String> configured = SourceSearch.firstMatch(files, config, PORT_CONFIG);
        if (configured != null && Integer.parseInt(configured.value()) >= 1 && Integer.parseInt(configured.value()) <= 65535) {
            return Fact.of(Integer.parseInt(configured.value()), configured.source());
        }
        if (kind.equals(NodeDetails.NEXT) || (framework != null && framework.value().equals("nest"))) {
            return Fact.of(3000, framework.source());
        }
        return null;
    }
}
