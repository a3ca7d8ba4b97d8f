package dev.dockergen.detect;

/** Something the user should know: the source it is about (may be null) and what to do. */
public record Warning(Source source, String message) {
    @Override
    public String toString() {
        return source == null ? message : source + ": " + message;
    }
}
