package dev.dockergen.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class GlobalOptions {
    @Option(names = "--stacktrace", description = "On an error, print the Java stack trace as well.")
    boolean stacktrace;
}
