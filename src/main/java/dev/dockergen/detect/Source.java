package dev.dockergen.detect;

/** Where a fact came from: a repository-relative file and, when known, a 1-based line. */
public record Source(String file, int line) {
    public static Source of(String file) {
        return new Source(file, 0);
    }

    public static Source of(String file, int line) {
        return new Source(file, line);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
