package dev.dockergen.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.GenerationResult;
import dev.dockergen.detect.Warning;
import dev.dockergen.preset.ProjectConfig;
import dev.dockergen.render.GeneratedFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dockergen init}: detect, generate, and write (or print) Dockerfile and .dockerignore. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Detect the project in DIR and write a Dockerfile and a .dockerignore.",
            "Existing files are never replaced without --force; without it, init shows the difference.",
            "The first run also writes .dockergen.yaml with the choices made, so a re-run reproduces them."},
        sortOptions = false)
public final class InitCommand extends BaseCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    GenerationOptions options;

    @Option(names = "--dry-run", description = "Print the files instead of writing them.")
    boolean dryRun;

    @Option(names = "--force", description = "Replace an existing Dockerfile or .dockerignore.")
    boolean force;

    @Option(names = "--skip", description = "Keep existing files that differ; write only the missing ones.")
    boolean skip;

    @Option(names = "--all", description = {"Every app of a monorepo: one Dockerfile per member project, in its own "
            + "directory; a Go module with several programs gets Dockerfile.<program> each."})
    boolean all;

    @Option(names = "--no-save", description = "Do not write .dockergen.yaml (written by default when the project has none).")
    boolean noSave;

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
        if (force && skip) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--force and --skip contradict each other; give one");
        }
        if (all) {
            if (options.projectPath != null || options.mainPackage != null || options.start != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--all covers every project and program; "
                        + "drop --project, --main and --start, or drop --all");
            }
            return initAll();
        }
        boolean ci = "true".equalsIgnoreCase(context.env().getOrDefault("CI", ""));
        boolean interactive = context.terminal() && !yes && !ci && format == Format.text;
        if (interactive) {
            boolean one = new Questions(context.in(), spec.commandLine().getErr()).ask(options, () -> options.detect(context),
                    config -> options.catalogOptions.load(context.env(), config), context.dockergen().get()::versionFit);
            if (!one) {
                return initAll(); // "all" at the project or program question
            }
        }
        GenerationOptions.Generation g = options.generate(context);
        GenerationResult result = g.result();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!dryRun) {
            OutputWriter.checkDir(g.outputDir()); // a usage error comes alone, not after the project's warnings
        }
        if (format == Format.text) {
            // before anything is written (or asked about existing files), so the user can stop and choose again
            for (Warning w : result.warnings()) {
                if (!options.warned.contains(w.toString())) {
                    err.println("warning: " + w);
                }
            }
            err.flush();
        }
        if (!dryRun && !force && !skip && format == Format.text) {
            // show what differs before refusing (or asking), so the user can decide
            boolean differs = false;
            for (GeneratedFile f : result.files()) {
                String current = Diffs.current(g.outputDir().resolve(f.path()));
                if (current != null && !current.equals(f.content())) {
                    out.print(Diffs.unified(g.outputDir().resolve(f.path()), f.content()));
                    differs = true;
                }
            }
            if (differs) {
                out.print(Diffs.why(result.why()));
            }
            out.flush();
            if (differs && interactive) {
                String answer = new Questions(context.in(), err).replaceOrKeep();
                force = answer.equals("yes");
                skip = answer.equals("skip");
            }
        }
        Map<String, String> diffs = new LinkedHashMap<>();
        for (GeneratedFile f : result.files()) {
            String current = Diffs.current(g.outputDir().resolve(f.path()));
            if (current != null && !current.equals(f.content())) {
                diffs.put(f.path(), Diffs.unified(g.outputDir().resolve(f.path()), f.content()));
            }
        }
        if (format == Format.json && !dryRun && !force && !skip && !diffs.isEmpty()) {
            // the same refusal as in text, with the diffs a plugin shows before offering --force
            ObjectNode root = Errors.json(String.join(" and ", diffs.keySet()) + " already exist"
                    + (diffs.size() == 1 ? "s" : "") + " in " + (g.outputDir().toString().isEmpty() ? "." : g.outputDir())
                    + " with other content; nothing was written. "
                    + "Replace with --force, keep with --skip", ExitCode.OUTPUT_EXISTS.code());
            root.setAll(json(result, g.outputDir(), null, diffs, "differs"));
            out.println(Json.pretty(root));
            return ExitCode.OUTPUT_EXISTS.code();
        }
        boolean created = !dryRun && !java.nio.file.Files.isDirectory(g.outputDir());
        OutputWriter.Outcome outcome = dryRun ? null : OutputWriter.write(g.outputDir(), result.files(), force, skip);
        ConfigWrite savedConfig = outcome == null ? null : saveChoices(options.configDir(g), result, g.config(), outcome);
        if (format == Format.json) {
            ObjectNode report = json(result, g.outputDir(), outcome, diffs, null);
            report.set("config", savedConfig == null ? null : savedConfig.json());
            out.println(Json.pretty(report));
            return 0;
        }
        for (Warning n : result.notes()) {
            err.println("note: " + n);
        }
        if (dryRun) {
            for (GeneratedFile f : result.files()) {
                out.println("==> " + g.outputDir().resolve(f.path()) + " <==");
                out.print(f.content());
                out.println();
            }
            return 0;
        }
        if (created) {
            out.println(String.format("%-10s%s", "created", g.outputDir()));
        }
        for (GeneratedFile f : result.files()) {
            out.println(String.format("%-10s%s", outcome.status(f.path()), g.outputDir().resolve(f.path())));
        }
        if (savedConfig != null) {
            out.println(savedConfig.line());
        }
        out.println("preset " + result.preset().name() + " (" + result.project().language().id() + ", "
                + result.preset().finalStage().id() + " final stage)" + choices(result, g.config()));
        out.println("next: docker build -t " + imageName(result) + " " + g.buildArgs());
        return 0;
    }

    /** A name for the image in the hint: the program's, else the project directory's. */
    private static String imageName(GenerationResult result) {
        java.util.List<String> start = result.project().start();
        String title = result.project().details() == null ? null : result.project().details().title();
        String name = title != null ? title : !result.project().path().equals(".") ? result.project().path()
                : start != null ? start.stream().filter(w -> !w.startsWith("-")).findFirst().orElse(start.get(0))
                : result.project().path();
        name = name.replaceAll(".*/", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "");
        return name.isEmpty() || name.equals(".") ? "app" : name;
    }

    /** One directory's worth of files for --all. */
    private record Batch(Path dir, List<GeneratedFile> files, String label, GenerationResult result, ProjectConfig config,
                         boolean sharesFolder) {
        /** Unified diffs of the files that exist with other content, by file name. */
        Map<String, String> diffs() {
            Map<String, String> diffs = new LinkedHashMap<>();
            for (GeneratedFile f : files) {
                String current = Diffs.current(dir.resolve(f.path()));
                if (current != null && !current.equals(f.content())) {
                    diffs.put(f.path(), Diffs.unified(dir.resolve(f.path()), f.content()));
                }
            }
            return diffs;
        }

        ObjectNode json(OutputWriter.Outcome outcome, Map<String, String> diffs, String blocked) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("project", result.project().path());
            o.put("preset", result.preset().name());
            o.put("language", result.project().language().id());
            o.put("final", result.preset().finalStage().id());
            ArrayNode list = o.putArray("files");
            for (GeneratedFile f : files) {
                ObjectNode file = list.addObject();
                file.put("path", dir.resolve(f.path()).toString());
                file.put("status", outcome != null ? outcome.status(f.path()) : blocked == null ? "dry-run"
                        : diffs.containsKey(f.path()) ? blocked : "not written");
                file.put("content", f.content());
                file.put("diff", diffs.get(f.path()));
            }
            ArrayNode warnings = o.putArray("warnings");
            result.warnings().forEach(w -> warnings.add(w.toString()));
            ArrayNode notes = o.putArray("notes");
            result.notes().forEach(n -> notes.add(n.toString()));
            Diffs.why(o, result.why());
            return o;
        }
    }

    /** --all: generate every app first, check every target, then write; nothing is written half. */
    private int initAll() {
        List<Batch> batches = new ArrayList<>();
        for (GenerationOptions.Member m : options.members(context)) {
            batches.add(new Batch(m.dir(), m.files(), m.label(), m.result(), m.config(), m.sharesFolder()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            return initAllJson(batches, out);
        }
        if (dryRun) {
            for (Batch b : batches) {
                for (GeneratedFile f : b.files()) {
                    out.println("==> " + b.dir().resolve(f.path()) + " <==");
                    out.print(f.content());
                    out.println();
                }
            }
            return 0;
        }
        List<String> blocked = new ArrayList<>();
        for (Batch b : batches) {
            int before = blocked.size();
            for (GeneratedFile f : b.files()) {
                String current = Diffs.current(b.dir().resolve(f.path()));
                if (current != null && !current.equals(f.content()) && !force && !skip) {
                    out.print(Diffs.unified(b.dir().resolve(f.path()), f.content()));
                    blocked.add(b.dir().resolve(f.path()).toString());
                }
            }
            if (blocked.size() > before) {
                out.print(Diffs.why(b.result().why()));
            }
        }
        if (!blocked.isEmpty()) {
            throw new DockergenException(ExitCode.OUTPUT_EXISTS, String.join(", ", blocked)
                    + " exist with other content; nothing was written. Replace with --force, keep with --skip");
        }
        for (Batch b : batches) {
            OutputWriter.Outcome outcome = OutputWriter.write(b.dir(), b.files(), force, skip);
            for (GeneratedFile f : b.files()) {
                out.println(String.format("%-10s%s", outcome.status(f.path()), b.dir().resolve(f.path())));
            }
            // one .dockergen.yaml per folder: a folder with two languages' projects keeps its files' names instead
            ConfigWrite saved = b.sharesFolder() ? null : saveChoices(options.project.path(), b.result(), b.config(), outcome);
            if (saved != null) {
                out.println(saved.line());
            }
        }
        out.println(batches.size() + " project" + (batches.size() == 1 ? "" : "s") + ": "
                + String.join(", ", batches.stream().map(Batch::label).toList()));
        return 0;
    }

    /** --all --format json: {"written", "projects": [...]}, or the refusal with every diff; nothing written half. */
    private int initAllJson(List<Batch> batches, PrintWriter out) {
        List<Map<String, String>> diffs = batches.stream().map(Batch::diffs).toList();
        List<String> blocked = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            for (String f : diffs.get(i).keySet()) {
                blocked.add(batches.get(i).dir().resolve(f).toString());
            }
        }
        boolean refuse = !dryRun && !force && !skip && !blocked.isEmpty();
        ObjectNode root = refuse ? Errors.json(String.join(", ", blocked) + " exist with other content; nothing was "
                + "written. Replace with --force, keep with --skip", ExitCode.OUTPUT_EXISTS.code())
                : Json.MAPPER.createObjectNode();
        root.put("written", !dryRun && !refuse);
        ArrayNode projects = root.putArray("projects");
        for (int i = 0; i < batches.size(); i++) {
            Batch b = batches.get(i);
            OutputWriter.Outcome outcome = dryRun || refuse ? null : OutputWriter.write(b.dir(), b.files(), force, skip);
            ObjectNode member = b.json(outcome, diffs.get(i), refuse ? "differs" : null);
            ConfigWrite saved = outcome == null || b.sharesFolder() ? null
                    : saveChoices(options.project.path(), b.result(), b.config(), outcome);
            member.set("config", saved == null ? null : saved.json());
            projects.add(member);
        }
        out.println(Json.pretty(root));
        return refuse ? ExitCode.OUTPUT_EXISTS.code() : 0;
    }

    /** A .dockergen.yaml written ("saved") or brought up to date with new choices ("updated", with the keys). */
    private record ConfigWrite(String status, Path file, List<String> keys) {
        String line() {
            return String.format("%-10s%s", status, file) + (keys.isEmpty() ? "" : " (" + String.join(", ", keys) + ")");
        }

        ObjectNode json() {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("path", file.toString());
            o.put("status", status);
            ArrayNode k = o.putArray("keys");
            keys.forEach(k::add);
            return o;
        }
    }

    /**
     * Saves the choices of a run that wrote files: a project without a .dockergen.yaml of its own gets one in its
     * folder (a monorepo member in the member's); one with a file gets the values given this time (flags or
     * answers) written into it, so that a re-run and {@code check} reproduce what was written. Nothing when the
     * run kept files that differ (the file still describes them), or with --no-save.
     */
    private ConfigWrite saveChoices(Path dir, GenerationResult result, ProjectConfig config, OutputWriter.Outcome outcome) {
        if (noSave) {
            return null;
        }
        String path = result.project().path();
        Path projectDir = path.equals(".") ? dir : dir.resolve(path);
        if (config.file() == null) {
            OutputWriter.write(projectDir, List.of(new GeneratedFile(ProjectConfig.FILE_NAME,
                    ProjectConfig.text(result.preset().name(), options.choices(), projectDir))), false, true);
            return new ConfigWrite("saved", projectDir.resolve(ProjectConfig.FILE_NAME), List.of());
        }
        if (!outcome.kept().isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        String text = ProjectConfig.updated(config.file(), result.preset().name(), options.choices(), keys);
        if (text == null) {
            return null;
        }
        OutputWriter.write(config.file().getParent(), List.of(new GeneratedFile(ProjectConfig.FILE_NAME, text)), true);
        // named as the user named the project, like the other files, when it is the project's own
        Path shown = projectDir.resolve(ProjectConfig.FILE_NAME);
        return new ConfigWrite("updated", shown.toAbsolutePath().normalize().equals(config.file().toAbsolutePath().normalize())
                ? shown : config.file(), keys);
    }

    /** The version and port the files use, each with where it came from: an answer or flag, .dockergen.yaml, or the code. */
    private String choices(GenerationResult result, ProjectConfig config) {
        var p = result.project();
        List<String> parts = new ArrayList<>();
        String version = options.languageVersion != null ? options.languageVersion : config.languageVersion();
        if (version != null) {
            parts.add(p.language().id() + " " + version + " (" + (options.languageVersion != null ? "chosen"
                    : ProjectConfig.FILE_NAME) + ")");
        } else if (p.languageVersion() != null) {
            parts.add(p.language().id() + " " + p.languageVersion().value() + " (" + p.languageVersion().source() + ")");
        }
        Integer port = options.port != null ? options.port : config.port();
        if (port != null) {
            parts.add("port " + port + " (" + (options.port != null ? "chosen" : ProjectConfig.FILE_NAME) + ")");
        } else if (p.port() != null) {
            parts.add("port " + p.port().value() + " (" + p.port().source() + ")");
        }
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    /**
     * One project's report: preset, files (each with its status, content, and the diff from the file on disk when
     * one differs), warnings, notes. {@code blocked} is the status of differing files when nothing was written.
     */
    private static ObjectNode json(GenerationResult result, Path target, OutputWriter.Outcome outcome,
                                   Map<String, String> diffs, String blocked) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("project", result.project().path());
        root.put("preset", result.preset().name());
        root.put("language", result.project().language().id());
        root.put("final", result.preset().finalStage().id());
        root.put("written", outcome != null);
        ArrayNode files = root.putArray("files");
        for (GeneratedFile f : result.files()) {
            ObjectNode file = files.addObject();
            file.put("path", target.resolve(f.path()).toString());
            String status = outcome != null ? outcome.status(f.path())
                    : blocked == null ? "dry-run" : diffs.containsKey(f.path()) ? blocked : "not written";
            file.put("status", status);
            file.put("content", f.content());
            file.put("diff", diffs.get(f.path()));
        }
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(w -> warnings.add(w.toString()));
        ArrayNode notes = root.putArray("notes");
        result.notes().forEach(n -> notes.add(n.toString()));
        Diffs.why(root, result.why());
        return root;
    }
}
