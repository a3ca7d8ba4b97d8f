package dev.dockergen.audit;

/** One problem: where, how bad, which rule, and what to do. */
public record Finding(String file, int line, int column, Severity severity, String rule, String message) {
    public enum Severity { error, warning, info }

    /** The form IDE consoles turn into links: {@code file:line:col: severity rule message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity + " " + rule + " " + message;
    }
}
