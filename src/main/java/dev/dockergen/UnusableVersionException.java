package dev.dockergen;

/**
 * A language version the user chose (flag, {@code .dockergen.yaml} or an answer) that the project or the preset's
 * base image cannot build with: a usage error, which the command line prefixes with where the version came from.
 */
public final class UnusableVersionException extends DockergenException {
    private static final long serialVersionUID = 1L;

    public UnusableVersionException(String message) {
        super(ExitCode.USAGE, message);
    }
}
