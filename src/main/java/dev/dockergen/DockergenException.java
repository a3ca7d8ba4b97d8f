package dev.dockergen;

/** An expected failure: carries the exit code and a one-line message that says what to do. */
public class DockergenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ExitCode exitCode;

    public DockergenException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public DockergenException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
