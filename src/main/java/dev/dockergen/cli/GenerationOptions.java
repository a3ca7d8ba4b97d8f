package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import dev.dockergen.GenerateRequest;
import dev.dockergen.GenerationResult;
import dev.dockergen.ShellWords;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.preset.Choices;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.ProjectConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Option(names = "--preset", paramLabel = "NAME", completionCandidates = PresetNames.class, description = "Preset to use (see: dockergen presets list).")
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

    @Option(names = "--start", paramLabel = "CMD",
            description = "The whole start command, quoted as in a shell: the detected one with any arguments after it, "
                    + "e.g. --start \"node server.js --verbose\" (saved as start in .dockergen.yaml).")
    String start;

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

        /** What follows {@code docker build -t NAME}: the context, with -f when the Dockerfile is elsewhere. */
        String buildArgs() {
            return target.equals(dir) && result.context().equals(".") ? contextDir().toString()
                    : "-f " + outputDir().resolve(Dockergen.DOCKERFILE) + " " + contextDir();
        }
    }

    /** A comment line that tells how to build: "# Build: docker build -t NAME ." and the workspace-member forms. */
    private static final java.util.regex.Pattern BUILD_LINE = java.util.regex.Pattern.compile(
            "(?m)^(#[^\n]*docker build )(?:-f \\S+ )?(-t \\S+) \\.$");

    /**
     * With --output the Dockerfile is built with -f from elsewhere: BuildKit then reads Dockerfile.dockerignore
     * beside it (not a .dockerignore there), and the header says the build command init prints.
     */
    private static GenerationResult placedElsewhere(Generation g) {
        GenerationResult r = g.result();
        List<dev.dockergen.render.GeneratedFile> files = new java.util.ArrayList<>();
        for (dev.dockergen.render.GeneratedFile f : r.files()) {
            if (f.path().equals(Dockergen.DOCKERIGNORE)) {
                files.add(new dev.dockergen.render.GeneratedFile(Dockergen.DOCKERFILE_IGNORE, f.content()));
            } else if (f.path().equals(Dockergen.DOCKERFILE)) {
                java.util.regex.Matcher m = BUILD_LINE.matcher(f.content());
                files.add(new dev.dockergen.render.GeneratedFile(f.path(), m.replaceFirst(mr ->
                        java.util.regex.Matcher.quoteReplacement(mr.group(1) + mr.group(2) + " " + g.buildArgs()))));
            } else {
                files.add(f);
            }
        }
        return new GenerationResult(r.project(), r.preset(), files, r.warnings(), r.notes(), r.context(), r.why());
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
        return new Choices(preset, finalStage, port, mainPackage, languageVersion, args, labels, catalogOptions.catalogs,
                start);
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
        if (start != null && !args.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--start holds the whole command and --arg adds to the detected one; give one of them");
        }
        Choices chosen = choices().over(config);
        List<String> startWords = start != null ? words("--start", start)
                : chosen.start() != null ? words(ProjectConfig.FILE_NAME + " start", chosen.start()) : null;
        Dockergen dockergen = context.dockergen().get().withCatalog(catalogOptions.load(context.env(), config));
        GenerationResult result = dockergen.generate(new GenerateRequest(files, new DetectOptions(projectPath, chosen.main()),
                chosen.preset(), chosen.finalStage(), chosen.port(), chosen.labels(), chosen.languageVersion(),
                chosen.args(), startWords));
        Path dir = project.path();
        Generation g = new Generation(result, dir, output != null ? output : dir, config);
        return g.target().equals(dir) ? g : new Generation(placedElsewhere(g), dir, g.target(), config);
    }

    /** The words of a start command, or a usage error naming where it came from. */
    private List<String> words(String where, String command) {
        try {
            List<String> words = ShellWords.split(command);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("empty; give the whole command");
            }
            return words;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), where + " \"" + command + "\": " + e.getMessage());
        }
    }
}
