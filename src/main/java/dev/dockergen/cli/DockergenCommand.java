package dev.dockergen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: only dispatches to subcommands. */
@Command(name = "dockergen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Detects a project and writes a tuned multi-stage Dockerfile and .dockerignore.",
        footer = {"", "Start with: dockergen init --dry-run [DIR]"})
public final class DockergenCommand implements Runnable {
    /**
     * The subcommands, in help order. Main registers only the one a command line names (building every
     * command's model is a good part of start-up), or all of them for help, completion and mistakes.
     */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    @Spec
    CommandSpec spec;

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("init", InitCommand.class);
        m.put("detect", DetectCommand.class);
        m.put("check", CheckCommand.class);
        m.put("audit", AuditCommand.class);
        m.put("presets", PresetsCommand.class);
        m.put("measure", MeasureCommand.class);
        m.put("help", picocli.CommandLine.HelpCommand.class);
        m.put("generate-completion", CompletionCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required (init, detect, check, audit, presets, measure)");
    }
}
