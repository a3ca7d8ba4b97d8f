package dev.dockergen.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockergen.ExitCode;
import dev.dockergen.ShellWords;
import dev.dockergen.render.GeneratedFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dockergen check}: for CI, fail when the committed files drifted from what dockergen would write now. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Regenerate in memory and compare with the files in DIR (or --output).",
            "Prints a unified diff and exits 6 when they differ; writes nothing."},
        sortOptions = false)
public final class CheckCommand extends BaseCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    GenerationOptions options;

    @Option(names = "--all", description = {"Every app of a monorepo, each with the choices saved in its folder "
            + "(as init --all writes them)."})
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report as ${COMPLETION-CANDIDATES} (json: each project's files, their status and diffs).")
    Format format;

    CheckCommand(CommandContext context) {
        super(context);
    }

    /** One project's comparison: its label (the member's path), preset, and each file with its diff (empty: same). */
    private record Compared(String project, String label, String language, String preset, Path dir, List<GeneratedFile> files,
                            List<String> diffs) {
        long drifted() {
            return diffs.stream().filter(d -> !d.isEmpty()).count();
        }
    }

    @Override
    public Integer call() {
        List<Compared> compared = new ArrayList<>();
        if (all) {
            if (options.projectPath != null || options.mainPackage != null || options.start != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--all covers every project and program; "
                        + "drop --project, --main and --start, or drop --all");
            }
            for (GenerationOptions.Member m : options.members(context)) {
                compared.add(compare(m.path(), m.label(), m.result(), m.dir(), m.files()));
            }
        } else {
            GenerationOptions.Generation g = options.generate(context);
            compared.add(compare(g.result().project().path(), g.result().project().path(), g.result(), g.outputDir(),
                    g.result().files()));
        }
        long drifted = compared.stream().filter(c -> c.drifted() > 0).count();
        String fix = drifted == 0 ? null : fixCommand();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.json) {
            out.println(Json.pretty(json(compared, fix)));
            return drifted > 0 ? ExitCode.DRIFT.code() : ExitCode.OK.code();
        }
        for (Compared c : compared) {
            c.diffs().forEach(out::print);
        }
        out.flush();
        for (Compared c : compared) {
            String who = all ? c.label() + ": " : "";
            long n = c.drifted();
            if (n > 0) {
                err.println((all ? who : "dockergen: ") + n + " file" + (n == 1 ? " differs" : "s differ")
                        + " from what preset " + c.preset() + " generates now" + (all ? "" : "; run `" + fix
                        + "` to update " + (n == 1 ? "it" : "them")));
            } else {
                err.println((all ? who : "") + "up to date: " + c.files().size() + " files match preset " + c.preset());
            }
        }
        if (all && drifted > 0) {
            err.println("dockergen: " + drifted + " of " + compared.size() + " projects drifted; run `" + fix
                    + "` to update them");
        }
        return drifted > 0 ? ExitCode.DRIFT.code() : ExitCode.OK.code();
    }

    private static Compared compare(String project, String label, dev.dockergen.GenerationResult result, Path dir,
                                    List<GeneratedFile> files) {
        List<String> diffs = new ArrayList<>();
        for (GeneratedFile f : files) {
            diffs.add(Diffs.unified(dir.resolve(f.path()), f.content()));
        }
        return new Compared(project, label, result.project().language().id(), result.preset().name(), dir, files, diffs);
    }

    /**
     * The command that brings the files up to date: this check's own arguments, as typed, to {@code init --force}
     * (which also writes the choices given into .dockergen.yaml, so the next check without them agrees).
     */
    private String fixCommand() {
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        List<String> args = root.getParseResult() == null ? List.of() : root.getParseResult().originalArgs();
        List<String> words = new ArrayList<>(List.of("dockergen", "init", "--force"));
        boolean afterCommand = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!afterCommand) {
                afterCommand = a.equals(spec.name());
            } else if (a.equals("--format")) {
                i++; // init's report format is its own business
            } else if (!a.startsWith("--format=")) {
                words.add(a);
            }
        }
        return ShellWords.join(words);
    }

    /** {"upToDate", "projects": [{"project", "preset", "files": [{"path", "status", "diff"}]}], "fix"}. */
    private static ObjectNode json(List<Compared> compared, String fix) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("upToDate", fix == null);
        ArrayNode projects = root.putArray("projects");
        for (Compared c : compared) {
            ObjectNode p = projects.addObject();
            p.put("project", c.project());
            p.put("language", c.language());
            p.put("preset", c.preset());
            ArrayNode files = p.putArray("files");
            for (int i = 0; i < c.files().size(); i++) {
                Path path = c.dir().resolve(c.files().get(i).path());
                String diff = c.diffs().get(i);
                ObjectNode f = files.addObject();
                f.put("path", path.toString());
                f.put("status", diff.isEmpty() ? "matches" : Diffs.current(path) == null ? "missing" : "differs");
                f.put("diff", diff.isEmpty() ? null : diff);
            }
        }
        root.put("fix", fix);
        return root;
    }
}
