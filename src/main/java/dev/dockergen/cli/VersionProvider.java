package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import picocli.CommandLine.IVersionProvider;

/** Prints the version the build stamped into the jar. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"dockergen " + Dockergen.version()};
    }
}
