package dev.dockergen.detect;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;

/** A repository file dockergen must read is malformed, too large, or holds an unsafe value. */
public class ProjectInputException extends DockergenException {
    private static final long serialVersionUID = 1L;
    private final transient Source source;

    public ProjectInputException(Source source, String message) {
        super(ExitCode.BAD_PROJECT, source + ": " + message);
        this.source = source;
    }

    public Source source() {
        return source;
    }
}
