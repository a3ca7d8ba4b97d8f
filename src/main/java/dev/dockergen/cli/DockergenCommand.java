package dev.dockergen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: only dispatches to subcommands. */
@Command(name = "dockergen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Detects a project and writes a tuned multi-stage Dockerfile and .dockerignore.",
        subcommands = {InitCommand.class, DetectCommand.class, CheckCommand.class, AuditCommand.class, PresetsCommand.class,
            picocli.CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class},
        footer = {"", "Start with: dockergen init --dry-run [DIR]"})
public final class DockergenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required (init, detect, check, audit, presets)");
    }
}
