package dev.dockergen.detect;

/** Where a fact came from: a repository-relative file and, when known, a 1-based line. */
public record Source(String file, int line) {
    public static Source of(String file) {
        return new Source(file, 0);
    }

    public static Source of(String file, int line) {
        return new Source(file, line);
    }

    /** file:line, with control characters in a (hostile) file name shown as escapes so messages stay one line. */
    @Override
    public String toString() {
        String shown = Shown.whole(file);
        return line > 0 ? shown + ":" + line : shown;
    }
}
