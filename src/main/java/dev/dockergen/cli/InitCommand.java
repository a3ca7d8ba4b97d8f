package dev.dockergen.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockergen.Dockergen;
import dev.dockergen.GenerateRequest;
import dev.dockergen.GenerationResult;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.Warning;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.ProjectConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.dockergen.render.GeneratedFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dockergen init}: detect, generate, and write (or print) Dockerfile and .dockerignore. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Detect the project in DIR and write a Dockerfile and a .dockerignore.",
            "Existing files are never replaced without --force."},
        sortOptions = false)
public final class InitCommand extends BaseCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    ProjectDirectory project;

    @Option(names = "--preset", paramLabel = "NAME", description = "Preset to use (see: dockergen presets list).")
    String preset;

    @Option(names = "--final", paramLabel = "STAGE",
            description = "Final stage of the language's presets: ${COMPLETION-CANDIDATES}.")
    FinalStage finalStage;

    @Option(names = "--port", paramLabel = "N", description = "Port to expose instead of the detected one.")
    Integer port;

    @Option(names = "--main", paramLabel = "PKG", description = "Go: main package directory to build, e.g. cmd/server.")
    String mainPackage;

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "Image label, e.g. team=payments (repeatable; wins over .dockergen.yaml and the preset).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--output", paramLabel = "DIR", description = "Write the files here instead of into DIR.")
    Path output;

    @Option(names = "--dry-run", description = "Print the files instead of writing them.")
    boolean dryRun;

    @Option(names = "--force", description = "Replace an existing Dockerfile or .dockerignore.")
    boolean force;

    @Option(names = {"-y", "--yes"}, description = "Ask nothing; take every detected default.")
    boolean yes;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report as ${COMPLETION-CANDIDATES} (json: files, preset and warnings, for IDEs).")
    Format format;

    InitCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (port != null && (port < 1 || port > 65535)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + ": use a port from 1 to 65535");
        }
        var files = project.open();
        ProjectConfig config = ProjectConfig.find(project.path());
        Map<String, String> allLabels = new LinkedHashMap<>(config.labels());
        allLabels.putAll(labels);
        Dockergen dockergen = context.dockergen().get().withCatalog(catalogOptions.load(context.env(), config));
        boolean choiceGiven = preset != null || finalStage != null;
        GenerationResult result = dockergen.generate(new GenerateRequest(files,
                new DetectOptions(mainPackage != null ? mainPackage : config.main()),
                choiceGiven ? preset : config.preset(), choiceGiven ? finalStage : config.finalStage(),
                port != null ? port : config.port(), allLabels));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = project.path();
        Path target = output != null ? output : dir;
        OutputWriter.Outcome outcome = dryRun ? null : OutputWriter.write(target, result.files(), force);
        if (format == Format.json) {
            out.println(Json.pretty(json(result, target, outcome)));
            return 0;
        }
        for (Warning w : result.warnings()) {
            err.println("warning: " + w);
        }
        for (Warning n : result.notes()) {
            err.println("note: " + n);
        }
        if (dryRun) {
            for (GeneratedFile f : result.files()) {
                out.println("==> " + target.resolve(f.path()) + " <==");
                out.print(f.content());
                out.println();
            }
            return 0;
        }
        for (GeneratedFile f : result.files()) {
            out.println((outcome.unchanged().contains(f.path()) ? "unchanged " : "wrote     ") + target.resolve(f.path()));
        }
        out.println("preset " + result.preset().name() + " (" + result.project().language().id() + ", "
                + result.preset().finalStage().id() + " final stage)");
        String buildDir = target.equals(dir) ? dir.toString() : dir + " -f " + target.resolve("Dockerfile");
        out.println("next: docker build -t " + result.project().start().get(0) + " " + buildDir);
        return 0;
    }

    private static ObjectNode json(GenerationResult result, Path target, OutputWriter.Outcome outcome) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("preset", result.preset().name());
        root.put("language", result.project().language().id());
        root.put("final", result.preset().finalStage().id());
        root.put("written", outcome != null);
        ArrayNode files = root.putArray("files");
        for (GeneratedFile f : result.files()) {
            ObjectNode file = files.addObject();
            file.put("path", target.resolve(f.path()).toString());
            file.put("status", outcome == null ? "dry-run" : outcome.unchanged().contains(f.path()) ? "unchanged" : "written");
            file.put("content", f.content());
        }
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(w -> warnings.add(w.toString()));
        ArrayNode notes = root.putArray("notes");
        result.notes().forEach(n -> notes.add(n.toString()));
        return root;
    }
}
