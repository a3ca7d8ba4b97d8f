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
            "process\\.env(?:\\.PORT|\\[['\"]PORT['\"]\\])\\s*(?:\\|\\||\\?\\?)\\s*['\"]?([0-9]{2,5})");
    private static final Pattern PORT_CONST = Pattern.compile("(?i)\\bconst\\s+port\\s*=\\s*(?:process\\.env\\.PORT\\s*(?:\\|\\||\\?\\?)\\s*)?['\"]?([0-9]{2,5})");
    private static final Pattern HEALTH_ROUTE = Pattern.compile(
            "(?:\\.(?:get|head|all|route)\\(\\s*|\\b(?:req|request)\\.url\\s*===?\\s*)"
                    + "['\"`](/(?:healthz|health|livez|readyz|ready|ping|_health))['\"`]");
    private static final Pattern NEST_HEALTH = Pattern.compile(
            "@(?:Get|Head|All)\\(\\s*['\"`]/?((?:healthz|health|livez|readyz|ready|ping|_health))['\"`]");

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

    /** The project's own script files, for ports and routes: no dependencies, builds or tests. */
    private static List<String> sources(ProjectFiles files) {
        return files.walk("", 6, NodeDetector.SKIPPED)
                .stream()
                .filter(p -> p.matches(".*\\.(js|mjs|cjs|ts)$") && !p.endsWith(".d.ts") && !p.contains(".test.")
                        && !p.contains(".spec."))
                .limit(2000).toList();
    }


    static Fact<Integer> port(ProjectFiles files, String kind, Fact<String> framework) {
        if (kind.equals(NodeDetails.SPA)) {
            return null;
        }
        List<String> sources = sources(files);
        for (Pattern pattern : List.of(PORT_ENV, PORT_CONST, PORT_LISTEN)) {
            Fact<String> found = SourceSearch.firstMatch(files, sources, pattern);
            if (found != null && Integer.parseInt(found.value()) >= 1 && Integer.parseInt(found.value()) <= 65535) {
                return Fact.of(Integer.parseInt(found.value()), found.source());
            }
        }
        if (kind.equals(NodeDetails.NEXT) || (framework != null && framework.value().equals("nest"))) {
            return Fact.of(3000, framework.source());
        }
        return null;
    }
}
