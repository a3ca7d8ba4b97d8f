package dev.dockergen.preset;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;

/** A preset catalogue is malformed: the message names file, line, column and key. */
public class CatalogException extends DockergenException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(ExitCode.BAD_CATALOG, message);
    }

    public CatalogException(String message, Throwable cause) {
        super(ExitCode.BAD_CATALOG, message, cause);
    }
}
