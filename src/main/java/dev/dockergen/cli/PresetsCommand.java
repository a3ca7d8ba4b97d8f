package dev.dockergen.cli;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.plan.DockerfilePlan;
import dev.dockergen.preset.CatalogLoader;
import dev.dockergen.preset.Preset;
import dev.dockergen.preset.PresetCatalog;
import dev.dockergen.preset.PresetYaml;
import dev.dockergen.render.TemplateRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code dockergen presets}: the preset catalogue. Without a subcommand, lists it. */
@Command(name = "presets", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Work with the preset catalogue: built-in, organisation catalogues and the project's .dockergen.yaml.",
        subcommands = {PresetsCommand.ListCommand.class, PresetsCommand.ShowCommand.class,
            PresetsCommand.ValidateCommand.class})
public final class PresetsCommand extends BaseCommand implements Callable<Integer> {

    @Mixin
    CatalogOptions catalogOptions;

    PresetsCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        return ListCommand.list(catalogOptions.loadFromWorkingDirectory(context), spec.commandLine().getOut());
    }

    /** {@code dockergen presets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List every preset with its language, final stage and where it is defined.")
    public static final class ListCommand extends BaseCommand implements Callable<Integer> {

        @Mixin
        CatalogOptions catalogOptions;

        @picocli.CommandLine.Option(names = "--names", description = "Only the names, one a line (for scripts and completion).")
        boolean names;

        ListCommand(CommandContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            PresetCatalog catalog = catalogOptions.loadFromWorkingDirectory(context);
            if (names) {
                catalog.presets().forEach(p -> spec.commandLine().getOut().println(p.name()));
                return 0;
            }
            return list(catalog, spec.commandLine().getOut());
        }

        static int list(PresetCatalog catalog, PrintWriter out) {
            // the name column is as wide as the longest name (at least 16), so an organisation's long names line up too
            int width = Math.max(16, catalog.presets().stream().mapToInt(p -> p.name().length() + 1).max().orElse(0));
            String row = "%-" + width + "s %-9s %-11s %s";
            out.println(String.format(row, "NAME", "LANGUAGE", "FINAL", "SOURCE"));
            for (Preset p : catalog.presets()) {
                out.println(String.format(row, p.name() + (p.isDefault() ? "*" : ""),
                        p.language().id(), p.finalStage().id(), p.source()
                        + (p.lineage().size() > 1 ? " (extends " + p.lineage().get(1) + ")" : "")));
            }
            out.println("* default for its language");
            return 0;
        }
    }

    /** {@code dockergen presets show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Print a preset as it is after extends and the organisation policy are applied.")
    public static final class ShowCommand extends BaseCommand implements Callable<Integer> {

        @Mixin
        CatalogOptions catalogOptions;

        @Parameters(index = "0", paramLabel = "NAME", completionCandidates = PresetNames.class, description = "Preset name.")
        String name;

        ShowCommand(CommandContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            PresetCatalog catalog = catalogOptions.loadFromWorkingDirectory(context);
            Preset p = catalog.find(name).orElseThrow(() -> new DockergenException(ExitCode.USAGE, "no preset named '"
                    + name + "'; available: " + catalog.presets().stream().map(Preset::name).collect(Collectors.joining(", "))));
            spec.commandLine().getOut().print(PresetYaml.dump(p));
            if (catalog.refused().containsKey(p.name())) {
                spec.commandLine().getOut().println("# Ruled out by the organisation policy: " + catalog.refused().get(p.name()));
            }
            return 0;
        }
    }

    /** {@code dockergen presets validate PATH...}: for an organisation's own CI. */
    @Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Check catalogue files (or directories of them) on top of the built-in presets.",
                "Every error names file, line, column and key; exit code 4 when any is found."})
    public static final class ValidateCommand extends BaseCommand implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Catalogue files or directories.")
        List<Path> paths;

        ValidateCommand(CommandContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int failed = 0;
            for (Path path : paths) {
                try {
                    PresetCatalog catalog = CatalogLoader.withBuiltIns().addPath(path, path.toString()).build();
                    List<Preset> own = catalog.presets().stream().filter(p -> !p.source().startsWith("built-in")).toList();
                    // a template must compile: render it once with an empty plan
                    own.stream().map(Preset::dockerfileTemplate).filter(t -> t != null).distinct().forEach(t ->
                            new TemplateRenderer().dockerfile(new DockerfilePlan(List.of(), List.of(), List.of()), Path.of(t)));
                    out.println("ok " + path + " (" + own.size() + " preset" + (own.size() == 1 ? "" : "s") + ")");
                } catch (DockergenException e) {
                    failed++;
                    err.println(e.getMessage());
                }
            }
            return failed == 0 ? 0 : ExitCode.BAD_CATALOG.code();
        }
    }
}
