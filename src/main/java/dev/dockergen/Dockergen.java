package dev.dockergen;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DetectionResult;
import dev.dockergen.detect.Detectors;
import dev.dockergen.detect.DockerfileEvidence;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.lang.Languages;
import dev.dockergen.plan.Carry;
import dev.dockergen.plan.Changes;
import dev.dockergen.plan.PlanRequest;
import dev.dockergen.plan.Planner;
import dev.dockergen.plan.Plans;
import dev.dockergen.preset.CatalogLoader;
import dev.dockergen.preset.Preset;
import dev.dockergen.preset.PresetCatalog;
import dev.dockergen.preset.ProjectConfig;
import dev.dockergen.render.GeneratedFile;
import dev.dockergen.render.TemplateRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The one entry point: detect, choose a preset, plan, render. Pure: it reads through ProjectFiles, writes nothing. */
public final class Dockergen {
    public static final String DOCKERFILE = "Dockerfile";
    public static final String DOCKERIGNORE = ".dockerignore";
    /** The ignore file BuildKit reads for a Dockerfile whose context is elsewhere (a workspace member's). */
    public static final String DOCKERFILE_IGNORE = "Dockerfile.dockerignore";

    /** "Go, Node, Python, Java and C/C++". */
    private static final String LOOKED_FOR = lookedFor();

    private final Detectors detectors;
    private final Planner planner;
    /** The catalogue, loaded on first use: a request that brings its own never loads this one. */
    private final Supplier<PresetCatalog> catalog;
    private final String version;
    private TemplateRenderer renderer;

    public Dockergen(Detectors detectors, Planner planner, PresetCatalog catalog, String version) {
        this(detectors, planner, () -> catalog, version);
    }

    private Dockergen(Detectors detectors, Planner planner, Supplier<PresetCatalog> catalog, String version) {
        this.detectors = detectors;
        this.planner = planner;
        this.catalog = catalog;
        this.version = version;
    }

    /** The built-in detectors, planners and presets. */
    public static Dockergen builtIn() {
        return new Dockergen(Languages.detectors(), Languages.planner(), CatalogLoader::builtIn, version());
    }

    /** dockergen's own version, from the build. */
    public static String version() {
        try (InputStream in = Dockergen.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String lookedFor() {
        List<String> titles = Arrays.stream(Language.values()).map(Language::title).toList();
        return String.join(", ", titles.subList(0, titles.size() - 1)) + " and " + titles.get(titles.size() - 1);
    }

    /** The project path options name, as detection writes it ("." for the root), or null for none. */
    private static String wanted(String project) {
        return project == null ? null : project.isEmpty() ? "." : project.replaceAll("^\\./|/$", "");
    }

    /**
     * How to choose one of several projects: --project names a folder, and where one folder holds projects of two
     * languages, --language picks one of them (each suggestion names a choice that exists).
     */
    static String howToChoose(List<ProjectFacts> projects) {
        java.util.Map<String, List<ProjectFacts>> byPath = projects.stream()
                .collect(Collectors.groupingBy(ProjectFacts::path, java.util.LinkedHashMap::new, Collectors.toList()));
        ProjectFacts first = projects.get(0);
        String language = "--language " + first.language().id();
        if (byPath.size() == 1) {
            return "choose one with --language LANG (e.g. " + language + "), or use --all";
        }
        boolean shared = byPath.values().stream().anyMatch(l -> l.size() > 1);
        return "choose one with --project PATH" + (shared ? " (and --language LANG where a folder holds two, e.g. "
                + "--project " + byPath.entrySet().stream().filter(e -> e.getValue().size() > 1).findFirst()
                .map(e -> e.getKey() + " --language " + e.getValue().get(0).language().id()).orElseThrow() + ")" : "")
                + ", or use --all";
    }

    /**
     * The root's project when the root is an app of its own and the only project there: the app, with the members
     * below it listed (a frontend its scripts build, a companion service, a tool); null otherwise.
     */
    private static ProjectFacts rootApp(List<ProjectFacts> projects) {
        List<ProjectFacts> root = projects.stream().filter(p -> p.path().equals(".")).toList();
        return root.size() == 1 && root.get(0).isApp() ? root.get(0) : null;
    }

    private static String paths(List<ProjectFacts> projects) {
        return projects.stream().map(p -> p.path() + " (" + p.language().id() + ")").collect(Collectors.joining(", "));
    }

    /** The preset catalogue generation chooses from (loaded now if it was not yet). */
    public PresetCatalog presets() {
        return catalog.get();
    }

    /** The same pipeline with another preset catalogue (organisation and project catalogues merged in). */
    public Dockergen withCatalog(PresetCatalog presets) {
        return new Dockergen(detectors, planner, presets, version);
    }

    public DetectionResult detect(ProjectFiles files, DetectOptions options) {
        return detectors.detect(files, options);
    }

    /**
     * What generation with these options starts from: the whole tree when they name no project, else that project
     * alone (a named member is detected alone: --all over a large monorepo must not rescan it per member).
     */
    public DetectionResult detectFor(ProjectFiles files, DetectOptions options) {
        String wanted = wanted(options.project());
        return wanted == null ? detect(files, options) : detectors.detectProject(files, wanted, options);
    }

    /** Whether the build at the root of {@code files} builds {@code path} as a module ({@link Detectors#buildsModule}). */
    public boolean buildsModule(ProjectFiles files, String path, Language language) {
        return detectors.buildsModule(files, path, language);
    }

    public GenerationResult generate(GenerateRequest request) {
        return generate(request, detectFor(request.files(), request.detectOptions()));
    }

    /**
     * Generates from a detection already made for this request ({@link #detectFor} with its files and detect
     * options), so a caller that asked questions from it does not detect twice.
     */
    public GenerationResult generate(GenerateRequest request, DetectionResult detection) {
        String wanted = wanted(request.project());
        List<ProjectFacts> projects = detection.projects();
        Language language = request.detectOptions().language();
        if (language != null && projects.isEmpty()) {
            List<ProjectFacts> all = detect(request.files(), DetectOptions.DEFAULT).projects();
            throw new DockergenException(ExitCode.USAGE, "--language " + language.id() + ": no " + language.title()
                    + " project " + (wanted == null ? "in " + request.files().displayName() : "at " + wanted)
                    + (all.isEmpty() ? "" : "; projects found: " + paths(all)));
        }
        if (wanted != null && projects.isEmpty()) {
            throw new DockergenException(ExitCode.USAGE, "--project " + request.project() + ": no project there; "
                    + "projects found: " + paths(detect(request.files(), DetectOptions.DEFAULT).projects()));
        }
        if (projects.isEmpty()) {
            throw new DockergenException(ExitCode.NOTHING_DETECTED, request.files().displayName()
                    + ": no supported project found (looked for " + LOOKED_FOR + " build files); "
                    + "run dockergen in the project's root directory");
        }
        ProjectFacts rootApp = wanted == null ? rootApp(projects) : null;
        if (projects.size() > 1 && rootApp == null) {
            throw new DockergenException(ExitCode.NOTHING_DETECTED, request.files().displayName()
                    + ": several projects (" + paths(projects) + "); " + howToChoose(projects));
        }
        ProjectFacts project = rootApp != null ? rootApp : projects.get(0);
        PresetCatalog catalog = this.catalog.get();
        Preset preset = catalog.choose(project, request.preset(), request.finalStage());
        List<String> missing = catalog.policy().requiredLabels().stream()
                .filter(l -> !request.labels().containsKey(l) && !preset.labels().containsKey(l)).toList();
        if (!missing.isEmpty()) {
            throw new DockergenException(ExitCode.USAGE, "the organisation policy ("
                    + catalog.policy().sources().get("requiredLabels") + ") requires the label"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; pass --label "
                    + missing.get(0) + "=VALUE or set labels." + missing.get(0) + " in " + ProjectConfig.FILE_NAME);
        }
        List<dev.dockergen.detect.Warning> warnings = new java.util.ArrayList<>(detection.warnings());
        if (projects.size() > 1 && rootApp != null) {
            List<ProjectFacts> others = projects.stream().filter(p -> p != rootApp).toList();
            warnings.add(new dev.dockergen.detect.Warning(null, "the root is the app; also found " + paths(others)
                    + ": generate one of them with --project " + others.get(0).path() + ", or all with --all"));
        }
        if (request.languageVersion() != null) {
            // a version the project or the base cannot honour: refused here, or warned before anything is written
            planner.versionFit(project, preset, request.languageVersion()).ifPresent(warnings::add);
        }
        Plans plans = planner.plan(new PlanRequest(project, preset, catalog, request.port(), request.labels(),
                request.languageVersion(), request.start() == null ? request.args() : startArgs(project, request.start()),
                version));
        // what an old Dockerfile installed or shipped in its final image is carried over, said in comments
        ProjectFiles projectFiles = request.files().sub(project.path());
        DockerfileEvidence old = DockerfileEvidence.readForCarrying(projectFiles).orElse(null);
        Carry.Result carried = Carry.apply(plans, preset, old, projectFiles, project.path());
        plans = carried.plans();
        if (renderer == null) {
            renderer = new TemplateRenderer();
        }
        String dockerfile = preset.dockerfileTemplate() == null ? renderer.dockerfile(plans.dockerfile())
                : renderer.dockerfile(plans.dockerfile(), Path.of(preset.dockerfileTemplate()));
        List<GeneratedFile> files = List.of(
                new GeneratedFile(DOCKERFILE, dockerfile),
                new GeneratedFile(plans.context().equals(".") ? DOCKERIGNORE : DOCKERFILE_IGNORE,
                        renderer.dockerignore(plans.dockerignore())));
        List<dev.dockergen.detect.Warning> notes = new java.util.ArrayList<>(plans.notes());
        notes.addAll(carried.notes());
        // over a Dockerfile dockergen did not write: each change and its reason, shown beside the diff
        List<Carry.Change> why = old == null || old.runtime().carried() ? List.of()
                : Changes.between(old, plans.dockerfile(), dockerfile, project, preset, request.port(),
                projectFiles.isFile(DOCKERIGNORE), carried.why());
        return new GenerationResult(project, preset, files, warnings, notes, plans.context(), why);
    }

    /**
     * Whether a language version fits the project and the preset (see {@link dev.dockergen.plan.LanguagePlanner#versionFit}):
     * what the questions check an answer with before generation does.
     */
    public java.util.Optional<dev.dockergen.detect.Warning> versionFit(ProjectFacts project, Preset preset, String version) {
        return planner.versionFit(project, preset, version);
    }

    /**
     * The arguments a whole start command adds to the detected one. The image runs the detected program the way
     * its preset builds it (a binary's path, the venv's interpreter, distroless node's own entrypoint), so a start
     * command is the detected command, as shown, with any arguments after it.
     */
    public static List<String> startArgs(ProjectFacts project, List<String> start) {
        List<String> detected = project.start();
        if (detected == null) {
            throw new DockergenException(ExitCode.USAGE, "--start: " + project.path() + " is served as it is (nothing "
                    + "starts a program); drop --start");
        }
        if (start.size() < detected.size() || !start.subList(0, detected.size()).equals(detected)) {
            throw new DockergenException(ExitCode.USAGE, "start command '" + ShellWords.join(start) + "': the image runs '"
                    + ShellWords.join(detected) + "'; give that, then any arguments (e.g. '" + ShellWords.join(detected)
                    + " --verbose'), or choose another program with --main or --project");
        }
        return start.subList(detected.size(), start.size());
    }
}
