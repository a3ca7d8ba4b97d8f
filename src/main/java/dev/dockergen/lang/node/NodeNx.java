package dev.dockergen.lang.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.TextLines;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nx: a start script `nx serve [project]` (or `nx run project:serve`) runs the serve target of project.json, whose
 * node executor runs what its build target writes: the build's outputPath, and in it the main file compiled to
 * .js (bundlers: its base name; tsc and swc keep its path inside the project).
 */
final class NodeNx {
    /** The executors that run a built Node program (@nx and the older @nrwl scope). */
    private static final Set<String> NODE_EXECUTORS = Set.of("js:node", "node:node", "node:execute");

    private NodeNx() {
    }

    /** The build's output folder when package.json's scripts go through an Nx serve target; else null. */
    static String outputPath(ProjectFiles files) {
        return build(files).map(b -> b.path("options").path("outputPath").asText("").replaceFirst("^\\./", "")
                .replaceFirst("/$", "")).filter(p -> NodeDetector.SAFE_PATH.matcher(p).matches()).orElse(null);
    }

    /** The file the serve target runs, for a start script's words ({@code nx serve}); empty when it is no Nx serve. */
    static Optional<Fact<List<String>>> start(ProjectFiles files, List<String> words) {
        List<String> w = words.size() > 1 && words.get(0).equals("npx") ? words.subList(1, words.size()) : words;
        boolean serve = w.size() >= 2 && w.get(0).equals("nx") && (w.get(1).equals("serve")
                || w.get(1).equals("run") && w.size() >= 3 && w.get(2).endsWith(":serve"));
        if (!serve) {
            return Optional.empty();
        }
        Optional<JsonNode> build = build(files);
        if (build.isEmpty()) {
            return Optional.empty();
        }
        JsonNode options = build.get().path("options");
        String out = options.path("outputPath").asText("").replaceFirst("^\\./", "").replaceFirst("/$", "");
        String main = options.path("main").asText("").replaceFirst("^\\./", "");
        if (!NodeDetector.SAFE_PATH.matcher(out).matches() || !NodeDetector.SAFE_PATH.matcher(main).matches()) {
            return Optional.empty();
        }
        String executor = build.get().path("executor").asText("");
        String compiled = main.replaceFirst("\\.(?:c|m)?tsx?$|\\.(?:c|m)?js$", "") + ".js";
        String fileName = options.path("outputFileName").asText(null);
        String file = executor.endsWith(":tsc") || executor.endsWith(":swc") ? compiled
                : fileName != null && NodeDetector.SAFE_PATH.matcher(fileName).matches() ? fileName
                : compiled.substring(compiled.lastIndexOf('/') + 1);
        String text = files.read("project.json").orElse("");
        return Optional.of(Fact.of(List.of(out + "/" + file), Source.of("project.json", line(text, "\"outputPath\""))));
    }

    /** project.json's build target that its serve target runs with a node executor. */
    private static Optional<JsonNode> build(ProjectFiles files) {
        Optional<String> text = files.read("project.json");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        JsonNode project;
        try {
            project = NodeDetector.parse(ProjectFiles.join(files.location(), "project.json"), text.get());
        } catch (RuntimeException e) {
            return Optional.empty(); // not package.json: a malformed project.json is Nx's to report
        }
        JsonNode targets = project.path("targets");
        JsonNode serve = targets.path("serve");
        String executor = serve.path("executor").asText("");
        if (NODE_EXECUTORS.stream().noneMatch(e -> executor.endsWith("/" + e))) {
            return Optional.empty();
        }
        String buildTarget = serve.path("options").path("buildTarget").asText(serve.path("options").path("browserTarget")
                .asText("build"));
        String[] parts = buildTarget.split(":");
        JsonNode build = targets.path(parts.length > 1 ? parts[1] : parts[0]);
        return build.isObject() ? Optional.of(build) : Optional.empty();
    }

    private static int line(String text, String needle) {
        return TextLines.lineOf(text, needle);
    }
}
