package dev.dockergen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DetectionResult;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.Warning;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dockergen detect}: what dockergen sees in a repository, and why. */
@Command(name = "detect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show the projects detected in DIR, each fact with the file and line it came from.",
        sortOptions = false)
public final class DetectCommand extends BaseCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    ProjectDirectory project;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output as ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--main", paramLabel = "PKG", description = "Which program of the folder, as init --main: Go: "
            + "the main package directory, e.g. cmd/server; C: a program the build makes; Python: web or worker.")
    String mainPackage;

    @Option(names = "--project", paramLabel = "PATH", description = "Only the project at PATH, as init --project sees it "
            + "(a member folder, or a Maven/Gradle module built from the root).")
    String projectPath;

    DetectCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        var files = project.open();
        // run in a module's folder: detected from the build that builds it, its facts named from DIR
        EnclosingBuild enclosing = projectPath != null ? null
                : EnclosingBuild.of(project.path(), context.dockergen().get(), null).orElse(null);
        if (enclosing != null) {
            DetectionResult found = context.dockergen().get().detectFor(enclosing.open(),
                    new DetectOptions(enclosing.member(), mainPackage));
            List<Warning> warnings = new java.util.ArrayList<>();
            warnings.add(new Warning(null, enclosing.note(project.path())));
            found.warnings().forEach(w -> warnings.add(enclosing.fromDir(w)));
            return report(new DetectionResult(files.displayName(), found.projects().stream()
                    .map(p -> p.at(".")).toList(), warnings), files, enclosing::fromDir);
        }
        DetectionResult result = context.dockergen().get().detectFor(files, new DetectOptions(projectPath, mainPackage));
        String wanted = projectPath == null ? "." : projectPath.strip().replaceFirst("^\\./", "").replaceAll("/+$", "");
        if (!wanted.isEmpty() && !wanted.equals(".")) {
            // a module built from the root is reported at the path it was asked by
            result = new DetectionResult(result.root(), result.projects().stream()
                    .map(p -> p.path().equals(".") ? p.at(wanted) : p).toList(), result.warnings());
        }
        return report(result, files, s -> s);
    }

    /** Prints the result; {@code where} names a source as the user finds it from DIR. */
    private Integer report(DetectionResult result, dev.dockergen.detect.ProjectFiles files,
                           java.util.function.UnaryOperator<String> where) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectNode json = json(result);
            named(json.get("projects"), where);
            for (JsonNode p : json.get("projects")) {
                dev.dockergen.detect.DockerfileEvidence.read(files.sub(p.get("path").asText())).ifPresent(d -> {
                    ObjectNode o = ((ObjectNode) p).putObject("dockerfile");
                    d.describe().forEach((k, v) -> o.set(k, value(v)));
                });
            }
            out.println(Json.pretty(json));
        } else {
            printText(result, files, out, spec.commandLine().getErr(), where);
        }
        return result.projects().isEmpty() ? ExitCode.NOTHING_DETECTED.code() : ExitCode.OK.code();
    }

    /** Every "source" in the JSON, and every evidence file, named by {@code where}. */
    private static void named(JsonNode node, java.util.function.UnaryOperator<String> where) {
        if (node instanceof ObjectNode o) {
            if (o.get("source") != null && o.get("source").isTextual()) {
                o.put("source", where.apply(o.get("source").asText()));
            }
            if (o.get("evidence") instanceof ArrayNode a) {
                for (int i = 0; i < a.size(); i++) {
                    a.set(i, Json.MAPPER.getNodeFactory().textNode(where.apply(a.get(i).asText())));
                }
            }
        }
        node.forEach(child -> named(child, where));
    }

    /** The contract shape: {"root", "projects": [...], "warnings": [...]}. */
    static ObjectNode json(DetectionResult result) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("root", result.root());
        ArrayNode projects = root.putArray("projects");
        for (ProjectFacts p : result.projects()) {
            ObjectNode o = projects.addObject();
            o.put("path", p.path());
            o.put("language", p.language().id());
            o.put("buildTool", p.buildTool());
            o.put("packageManager", p.packageManager());
            o.set("languageVersion", value(p.languageVersion()));
            o.put("framework", p.framework() == null ? null : p.framework().value());
            o.set("port", value(p.port()));
            o.set("start", value(p.start()));
            o.set("evidence", value(p.evidence()));
            ObjectNode facts = o.putObject("facts");
            p.details().describe().forEach((k, v) -> facts.set(k, value(v)));
            if (p.framework() != null) {
                facts.set("framework", value(p.framework()));
            }
            if (!p.writes().isEmpty()) {
                facts.set("writes", value(writes(p)));
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(w -> warnings.add(w.toString()));
        return root;
    }

    /** What the program writes, each as "path/" (a folder) or "path" (a file), "(state)" where it is kept. */
    private static List<Fact<String>> writes(ProjectFacts p) {
        return p.writes().stream().map(w -> Fact.of(w.path() + (w.file() ? "" : "/") + " (" + w.what()
                + (w.state() ? ", state" : "") + ")", w.source())).toList();
    }

    private static JsonNode value(Object v) {
        if (v instanceof Fact<?> f) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.set("value", Json.MAPPER.valueToTree(f.value()));
            o.put("source", f.source() == null ? null : f.source().toString());
            return o;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            c.forEach(item -> a.add(value(item)));
            return a;
        }
        return Json.MAPPER.valueToTree(v);
    }

    /** What an existing Dockerfile says, below the project's facts. */
    private static void dockerfileRows(dev.dockergen.detect.ProjectFiles files, PrintWriter out) {
        dev.dockergen.detect.DockerfileEvidence.read(files).ifPresent(d -> {
            out.println("  " + d.file() + " (evidence below the project's own files):");
            d.describe().forEach((k, v) -> {
                if (!k.equals("file")) {
                    row(out, s -> s, "  " + k, v);
                }
            });
        });
    }

    private static void printText(DetectionResult result, dev.dockergen.detect.ProjectFiles files, PrintWriter out,
                                  PrintWriter err, java.util.function.UnaryOperator<String> where) {
        if (result.projects().isEmpty()) {
            out.println(result.root() + ": no supported project found");
        }
        for (ProjectFacts p : result.projects()) {
            out.println(p.path() + ": " + p.language().id() + " project (" + p.buildTool()
                    + (p.packageManager() == null ? "" : ", " + p.packageManager()) + ")");
            row(out, where, "version", p.languageVersion());
            row(out, where, "framework", p.framework());
            row(out, where, "port", p.port());
            row(out, where, "start", p.start() == null ? null : String.join(" ", p.start()));
            for (Map.Entry<String, Object> e : p.details().describe().entrySet()) {
                row(out, where, e.getKey(), e.getValue());
            }
            row(out, where, "writes", writes(p));
            row(out, where, "evidence", String.join(", ", p.evidence().stream().map(where).toList()));
            dockerfileRows(files.sub(p.path()), out);
        }
        for (Warning w : result.warnings()) {
            err.println("warning: " + w);
        }
    }

    private static void row(PrintWriter out, java.util.function.UnaryOperator<String> where, String name, Object v) {
        if (v == null || (v instanceof Collection<?> c && c.isEmpty())) {
            return;
        }
        String text;
        String source = "";
        if (v instanceof Fact<?> f) {
            text = String.valueOf(f.value());
            source = f.source() == null ? "" : where.apply(f.source().toString());
        } else if (v instanceof Collection<?> c) {
            text = String.join(", ", c.stream().map(item -> item instanceof Fact<?> f && f.source() != null
                    ? f.value() + " (" + where.apply(f.source().toString()) + ")" : item instanceof Fact<?> f ? String.valueOf(f.value())
                    : String.valueOf(item)).toList());
        } else {
            text = String.valueOf(v);
        }
        out.println(String.format("  %-15s %-24s %s", name, text, source).stripTrailing());
    }
}
