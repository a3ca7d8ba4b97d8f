package dev.dockergen.cli;

import dev.dockergen.preset.Preset;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dockergen presets}: the preset catalogue. Without a subcommand, lists it. */
@Command(name = "presets", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Work with the preset catalogue.",
        subcommands = {PresetsCommand.ListCommand.class})
public final class PresetsCommand implements Callable<Integer> {
    private final CommandContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    PresetsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return ListCommand.list(context, spec.commandLine().getOut());
    }

    /** {@code dockergen presets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List every preset with its language, final stage and where it is defined.")
    public static final class ListCommand implements Callable<Integer> {
        private final CommandContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        GlobalOptions global;

        ListCommand(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return list(context, spec.commandLine().getOut());
        }

        static int list(CommandContext context, PrintWriter out) {
            out.println(String.format("%-16s %-9s %-11s %s", "NAME", "LANGUAGE", "FINAL", "SOURCE"));
            for (Preset p : context.dockergen().get().presets().presets()) {
                out.println(String.format("%-16s %-9s %-11s %s", p.name() + (p.isDefault() ? "*" : ""),
                        p.language().id(), p.finalStage().id(), p.source()));
            }
            out.println("* default for its language");
            return 0;
        }
    }
}
