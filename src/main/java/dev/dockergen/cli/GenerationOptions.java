package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import dev.dockergen.GenerateRequest;
import dev.dockergen.GenerationResult;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.preset.Choices;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.ProjectConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The choices init and check share: project, preset, port, labels, catalogues; flags win over .dockergen.yaml. */
public final class GenerationOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    ProjectDirectory project;

    @Option(names = "--preset", paramLabel = "NAME", description = "Preset to use (see: dockergen presets list).")
    String preset;

    @Option(names = "--final", paramLabel = "STAGE", completionCandidates = FinalStages.class,
            description = "Final stage of the language's presets: ${COMPLETION-CANDIDATES}.")
    FinalStage finalStage;

    @Option(names = "--port", paramLabel = "N", description = "Port to expose instead of the detected one.")
    Integer port;

    @Option(names = "--main", paramLabel = "PKG", description = "Go: main package directory to build, e.g. cmd/server; "
            + "C: the program to run when the build makes several.")
    String mainPackage;

    @Option(names = "--project", paramLabel = "PATH",
            description = "In a monorepo: the member project to generate for (its directory, as detect lists it).")
    String projectPath;

    @Option(names = "--language-version", paramLabel = "V",
            description = "Language version to build with instead of the project's (Go: 1.23 or 1.23.4).")
    String languageVersion;

    @Option(names = "--arg", paramLabel = "ARG",
            description = "An argument the program starts with (repeatable, in order); written as CMD after the ENTRYPOINT.")
    java.util.List<String> args = new java.util.ArrayList<>();

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "Image label, e.g. team=payments (repeatable; wins over .dockergen.yaml and the preset).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--output", paramLabel = "DIR", description = "Where the files go, if not in DIR.")
    Path output;

    /** What a generation produced, where it belongs, and the project config it started from. */
    record Generation(GenerationResult result, Path dir, Path target, ProjectConfig config) {
        /** Where the files go: the output directory, and in it the member project's directory. */
        Path outputDir() {
            return target.resolve(result.project().path()).normalize();
        }

        /** The build context: the member project's directory, or the workspace root it builds from. */
        Path contextDir() {
            return dir.resolve(result.project().path()).resolve(result.context()).normalize();
        }
    }

    /** The project's .dockergen.yaml, read once per run. */
    private ProjectConfig config;

    ProjectConfig config() {
        if (config == null) {
            config = ProjectConfig.find(project.path());
        }
        return config;
    }

    /** What the flags say; {@link Choices#over} lays them over .dockergen.yaml. */
    Choices choices() {
        return new Choices(preset, finalStage, port, mainPackage, languageVersion, args, labels, catalogOptions.catalogs);
    }

    /** What detection sees with the current choices, for questions' defaults. */
    dev.dockergen.detect.DetectionResult detect(CommandContext context) {
        return context.dockergen().get().detect(project.open(), new DetectOptions(projectPath, choices().over(config()).main()));
    }

    Generation generate(CommandContext context) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + ": use a port from 1 to 65535");
        }
        var files = project.open();
        ProjectConfig config = config();
        Choices chosen = choices().over(config);
        Dockergen dockergen = context.dockergen().get().withCatalog(catalogOptions.load(context.env(), config));
        GenerationResult result = dockergen.generate(new GenerateRequest(files, new DetectOptions(projectPath, chosen.main()),
                chosen.preset(), chosen.finalStage(), chosen.port(), chosen.labels(), chosen.languageVersion(),
                chosen.args()));
        Path dir = project.path();
        return new Generation(result, dir, output != null ? output : dir, config);
    }
}
