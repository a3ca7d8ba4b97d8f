package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import dev.dockergen.GenerateRequest;
import dev.dockergen.GenerationResult;
import dev.dockergen.ShellWords;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DetectionResult;
import dev.dockergen.preset.Choices;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.ProjectConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The choices init and check share: project, preset, port, labels, catalogues; flags win over .dockergen.yaml. */
public final class GenerationOptions {
    /** A comment line that tells how to build: "# Build: docker build -t NAME ." and the workspace-member forms. */
    private static final Pattern BUILD_LINE = Pattern.compile("(?m)^(#[^\n]*docker build )(?:-f \\S+ )?(-t \\S+) \\.$");

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

    @Option(names = "--main", paramLabel = "PKG", description = "Which program of the folder: Go: the main package "
            + "directory, e.g. cmd/server; C: the program to run when the build makes several; Python: web or worker "
            + "(detect lists the choices as mainCandidates).")
    String mainPackage;

    @Option(names = "--project", paramLabel = "PATH",
            description = "In a monorepo: the member project to generate for (its directory, as detect lists it).")
    String projectPath;

    @Option(names = "--language", paramLabel = "LANG", completionCandidates = LanguageIds.class,
            description = "Where one folder holds projects of two languages (a Go server with a Node app beside it): "
                    + "the one to generate for, ${COMPLETION-CANDIDATES}.")
    String language;

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

    /** Warnings already shown at a question: not repeated before writing. */
    final java.util.Set<String> warned = new java.util.HashSet<>();

    /** The .dockergen.yaml choices of each project, by its path ("." for the one at DIR), read once per run. */
    private final Map<String, ProjectConfig> configs = new java.util.HashMap<>();

    /** What was detected in this run, by the choices it was detected with. */
    private final Map<DetectOptions, DetectionResult> detections = new HashMap<>();

    /** The build DIR is a module of (looked for once, when no --project is given), or null. */
    private EnclosingBuild enclosing;
    private boolean enclosingLooked;

    /** --all: the language of the member being generated, where its folder holds another language's project too. */
    private dev.dockergen.detect.Language memberLanguage;

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
            return target.equals(dir) && result.context().equals(".") ? shown(contextDir())
                    : "-f " + outputDir().resolve(Dockergen.DOCKERFILE) + " " + shown(contextDir());
        }

        /** A path as a shell argument: the current directory, which normalizes to nothing, is ".". */
        private static String shown(Path p) {
            return p.toString().isEmpty() ? "." : p.toString();
        }
    }

    /**
     * With --output the Dockerfile is built with -f from elsewhere: BuildKit then reads Dockerfile.dockerignore
     * beside it (not a .dockerignore there), and the header says the build command init prints.
     */
    private static GenerationResult placedElsewhere(Generation g) {
        GenerationResult r = g.result();
        return new GenerationResult(r.project(), r.preset(), builtWithF(r.files(), mr -> mr.group(1) + mr.group(2)
                + " " + g.buildArgs()), r.warnings(), r.notes(), r.context(), r.why());
    }

    /**
     * The files of a Dockerfile built with -f: the ignore file renamed Dockerfile.dockerignore (the one BuildKit
     * reads beside it), the header's build line replaced by {@code buildLine} of its match of {@link #BUILD_LINE}.
     */
    private static List<dev.dockergen.render.GeneratedFile> builtWithF(List<dev.dockergen.render.GeneratedFile> in,
                                                                       java.util.function.Function<java.util.regex.MatchResult, String> buildLine) {
        List<dev.dockergen.render.GeneratedFile> files = new java.util.ArrayList<>();
        for (dev.dockergen.render.GeneratedFile f : in) {
            if (f.path().equals(Dockergen.DOCKERIGNORE)) {
                files.add(new dev.dockergen.render.GeneratedFile(Dockergen.DOCKERFILE_IGNORE, f.content()));
            } else if (f.path().equals(Dockergen.DOCKERFILE)) {
                files.add(new dev.dockergen.render.GeneratedFile(f.path(), BUILD_LINE.matcher(f.content())
                        .replaceFirst(mr -> Matcher.quoteReplacement(buildLine.apply(mr)))));
            } else {
                files.add(f);
            }
        }
        return files;
    }

    /**
     * The build DIR is a module of, when DIR is run alone with no --project ({@link EnclosingBuild}); null otherwise.
     */
    EnclosingBuild enclosing(CommandContext context) {
        if (!enclosingLooked) {
            enclosingLooked = true;
            project.open(); // a usage error for a missing DIR comes first
            enclosing = projectPath != null ? null
                    : EnclosingBuild.of(project.path(), context.dockergen().get(), language()).orElse(null);
        }
        return enclosing;
    }

    /** Where the project's choices are saved: DIR, also when it is built from the build it is a module of. */
    Path configDir(Generation g) {
        return enclosing != null ? project.path() : g.dir();
    }

    /**
     * Files for a module built from its enclosing build, written in the module's folder: the ignore file is
     * Dockerfile.dockerignore (BuildKit reads it for a Dockerfile built with -f), the header says where to build
     * from, and every warning names its file from DIR.
     */
    private GenerationResult placedInModule(GenerationResult r) {
        String up = String.join("/", java.util.Collections.nCopies(enclosing.member().split("/").length, ".."));
        List<dev.dockergen.render.GeneratedFile> files = builtWithF(r.files(), mr -> "# Build from " + up
                + ", the build this module belongs to: docker build -f " + enclosing.member() + "/"
                + Dockergen.DOCKERFILE + " " + mr.group(2) + " .");
        List<dev.dockergen.detect.Warning> notes = new java.util.ArrayList<>();
        notes.add(new dev.dockergen.detect.Warning(null, enclosing.note(project.path())));
        r.notes().forEach(w -> notes.add(enclosing.fromDir(w)));
        return new GenerationResult(r.project(), r.preset(), files, r.warnings().stream().map(enclosing::fromDir)
                .toList(), notes, r.context(), r.why());
    }

    /** The choices saved for the project --project names (the one at DIR when none). */
    ProjectConfig config() {
        return config(projectPath);
    }

    /**
     * The choices saved for one project: for the one at DIR, the nearest .dockergen.yaml at or above DIR; for a
     * monorepo member, the file in the member's folder, with the catalogues and labels of DIR's.
     */
    ProjectConfig config(String member) {
        String path = member == null || member.isEmpty() ? "." : member.replaceAll("^\\./|/$", "");
        ProjectConfig repository = configs.get(".");
        if (repository == null) {
            repository = ProjectConfig.find(project.path());
            configs.put(".", repository);
        }
        if (path.equals(".")) {
            return repository;
        }
        ProjectConfig config = configs.get(path);
        if (config == null) {
            config = ProjectConfig.member(repository, project.path().resolve(path));
            configs.put(path, config);
        }
        return config;
    }

    /** What the flags say; {@link Choices#over} lays them over .dockergen.yaml. */
    Choices choices() {
        return new Choices(preset, finalStage, port, mainPackage, languageVersion, args, labels, catalogOptions.catalogs,
                start, language());
    }

    /** The language --language names, or null; an unknown one is a usage error that lists the known ones. */
    dev.dockergen.detect.Language language() {
        if (language == null) {
            return null;
        }
        return dev.dockergen.detect.Language.fromId(language).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--language " + language + ": unknown language; use one of "
                + dev.dockergen.detect.Language.ids()));
    }

    /** What to detect for a project and its chosen program, in the language chosen for it. */
    private DetectOptions detectOptions(String member, Choices chosen) {
        return new DetectOptions(member, chosen.main(), memberLanguage != null ? memberLanguage : chosen.language());
    }

    /**
     * What generation with the current choices starts from (the whole tree until a project is chosen), for the
     * questions' defaults and then for generation itself: detected once per set of choices in a run.
     */
    DetectionResult detect(CommandContext context) {
        EnclosingBuild in = enclosing(context);
        DetectOptions options = detectOptions(in != null ? in.member() : projectPath, choices().over(config()));
        return detections.computeIfAbsent(options, o -> context.dockergen().get().detectFor(in != null ? in.open()
                : project.open(), o));
    }

    Generation generate(CommandContext context) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + ": use a port from 1 to 65535");
        }
        if (start != null && !args.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--start holds the whole command and --arg adds to the detected one; give one of them");
        }
        EnclosingBuild in = enclosing(context);
        var files = in != null ? in.open() : project.open();
        Generation g = generate(context, files, in != null ? in.member() : projectPath, config());
        String found = g.result().project().path();
        if (projectPath == null && !found.equals(".") && !config(found).equals(g.config())) {
            // the only project is a member: its own choices apply, as with --project
            g = generate(context, files, found, config(found));
        }
        return g;
    }

    private Generation generate(CommandContext context, dev.dockergen.detect.DirectoryProjectFiles files, String member,
                                ProjectConfig config) {
        if (memberLanguage != null && config.language() != memberLanguage) {
            config = config.onlyShared(); // the folder's saved choices are its other language's project's
        }
        Choices chosen = choices().over(config);
        List<String> startWords = start != null ? words("--start", start)
                : chosen.start() != null ? words(config.file() + " start", chosen.start()) : null;
        Dockergen dockergen = context.dockergen().get().withCatalog(catalogOptions.load(context.env(), config));
        GenerationResult result;
        try {
            DetectOptions options = detectOptions(member, chosen);
            result = dockergen.generate(new GenerateRequest(files, options, chosen.preset(), chosen.finalStage(),
                    chosen.port(), chosen.labels(), chosen.languageVersion(), chosen.args(), startWords),
                    detections.computeIfAbsent(options, o -> dockergen.detectFor(files, o)));
        } catch (dev.dockergen.UnusableVersionException e) {
            // where the version came from, so the user knows what to change
            throw new dev.dockergen.DockergenException(e.exitCode(), (languageVersion != null
                    ? "--language-version " + languageVersion : (config.file() != null ? config.file().toString()
                    : ProjectConfig.FILE_NAME) + ": languageVersion " + chosen.languageVersion()) + ": " + e.getMessage(), e);
        } catch (dev.dockergen.DockergenException e) {
            boolean fromFile = preset == null && finalStage == null && config.file() != null
                    && (config.preset() != null || config.finalStage() != null);
            String named = config.preset() != null ? config.preset() : fromFile ? config.finalStage().id() : null;
            if (fromFile && e.exitCode() == dev.dockergen.ExitCode.USAGE && e.getMessage().contains(named)) {
                // the user gave no preset: say which file chose it, and how to choose another
                throw new dev.dockergen.DockergenException(e.exitCode(), e.getMessage() + " (" + config.file() + " sets "
                        + (config.preset() != null ? "preset: " + config.preset() : "final: " + named)
                        + "; change it there, or give --preset or --final)", e);
            }
            throw e;
        }
        if (enclosing != null && member != null && member.equals(enclosing.member())) {
            // a module run alone: built from its enclosing build, its files in its own folder (or --output)
            Path dir = enclosing.root();
            Generation g = new Generation(result, dir, output != null ? output : project.path(), config);
            return output != null ? new Generation(placedElsewhere(g), dir, g.target(), config)
                    : new Generation(placedInModule(result), dir, g.target(), config);
        }
        Path dir = project.path();
        Generation g = new Generation(result, dir, output != null ? output : dir, config);
        return g.target().equals(dir) ? g : new Generation(placedElsewhere(g), dir, g.target(), config);
    }

    /**
     * One member of a monorepo as --all generates it: its files (a Go module with several programs has a
     * Dockerfile.PROGRAM each), where they go, and the choices saved for it.
     */
    record Member(String path, Path dir, List<dev.dockergen.render.GeneratedFile> files, GenerationResult result,
                  ProjectConfig config) {
        /** Whether its folder holds another language's project too (its files are then Dockerfile.LANGUAGE). */
        boolean sharesFolder() {
            return files.stream().anyMatch(f -> f.path().equals(Dockergen.DOCKERFILE + "." + result.project().language().id()));
        }

        /** The member in messages: its path, with its language where the folder holds another project too. */
        String label() {
            return sharesFolder() ? path + " (" + result.project().language().id() + ")" : path;
        }
    }

    /**
     * --all: every project DIR holds, generated in memory with its own saved choices under the flags given. An
     * error names the member (and program) it is about; nothing is written here.
     */
    List<Member> members(CommandContext context) {
        // every project (of --language's language, if given): a saved language chooses for one folder, not for --all
        DetectOptions all = new DetectOptions(null, choices().over(config()).main(), language());
        var detection = detections.computeIfAbsent(all, o -> context.dockergen().get().detectFor(project.open(), o));
        if (detection.projects().isEmpty()) {
            throw new dev.dockergen.DockergenException(dev.dockergen.ExitCode.NOTHING_DETECTED,
                    project.path() + ": no supported project found");
        }
        List<Member> members = new java.util.ArrayList<>();
        Map<String, Long> perFolder = detection.projects().stream().collect(java.util.stream.Collectors.groupingBy(
                dev.dockergen.detect.ProjectFacts::path, java.util.stream.Collectors.counting()));
        for (var p : detection.projects()) {
            // two languages in one folder: each gets Dockerfile.LANGUAGE and its own ignore file beside it
            boolean shared = perFolder.get(p.path()) > 1;
            memberLanguage = shared ? p.language() : null;
            List<String> programs = p.details() == null ? List.of() : p.details().programs();
            List<String> mains = programs.isEmpty() ? java.util.Collections.singletonList(null) : programs;
            Map<String, dev.dockergen.render.GeneratedFile> files = new LinkedHashMap<>();
            Generation last = null;
            for (String main : mains) {
                projectPath = p.path();
                mainPackage = main;
                try {
                    last = generate(context);
                } catch (dev.dockergen.DockergenException e) {
                    // which member failed: the rest of the message is about its files
                    throw new dev.dockergen.DockergenException(e.exitCode(), p.path() + (main == null ? "" : " (" + main
                            + ")") + ": " + e.getMessage(), e);
                } catch (CommandLine.ParameterException e) {
                    throw new CommandLine.ParameterException(e.getCommandLine(), p.path() + ": " + e.getMessage(), e,
                            e.getArgSpec(), e.getValue());
                }
                for (dev.dockergen.render.GeneratedFile f : last.result().files()) {
                    files.putIfAbsent(fileName(f.path(), shared ? p.language().id() : null,
                            main == null ? null : last.result().project().start().get(0)), built(f, shared ? p.language()
                            .id() : null, main == null ? null : last.result().project().start().get(0)));
                }
            }
            members.add(new Member(p.path(), last.outputDir(), List.copyOf(files.values()), last.result(), last.config()));
        }
        projectPath = null;
        mainPackage = null;
        memberLanguage = null;
        return members;
    }

    /**
     * A member's file under --all: Dockerfile.PROGRAM for each program of a module; Dockerfile.LANGUAGE (with
     * Dockerfile.LANGUAGE.dockerignore, which BuildKit reads for it) where a folder holds two languages' projects.
     */
    private static String fileName(String path, String language, String program) {
        String suffix = (language == null ? "" : "." + language) + (program == null ? "" : "." + program);
        if (path.equals(Dockergen.DOCKERFILE)) {
            return path + suffix;
        }
        return language != null && path.equals(Dockergen.DOCKERIGNORE) ? Dockergen.DOCKERFILE + "." + language
                + Dockergen.DOCKERIGNORE : path;
    }

    /** The file under its --all name; a Dockerfile's build line then names itself with -f. */
    private static dev.dockergen.render.GeneratedFile built(dev.dockergen.render.GeneratedFile f, String language,
                                                            String program) {
        String name = fileName(f.path(), language, program);
        if (name.equals(f.path()) || !f.path().equals(Dockergen.DOCKERFILE)) {
            return new dev.dockergen.render.GeneratedFile(name, f.content());
        }
        Matcher m = BUILD_LINE.matcher(f.content());
        return new dev.dockergen.render.GeneratedFile(name, m.replaceFirst(mr -> Matcher.quoteReplacement(
                mr.group(1) + "-f " + name + " " + mr.group(2) + " .")));
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
