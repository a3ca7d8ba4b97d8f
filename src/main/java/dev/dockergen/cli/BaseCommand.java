package dev.dockergen.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every dockergen command has: the shared context, its picocli spec, and the global options. */
abstract class BaseCommand {
    protected final CommandContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    BaseCommand(CommandContext context) {
        this.context = context;
    }
}
