package dev.dockergen.detect;

/** Line numbers (1-based) in a file's text, for the sources a fact names. */
public final class TextLines {
    private TextLines() {
    }

    /** The line that holds the character at {@code offset} (clamped to the text). */
    public static int lineAt(String text, int offset) {
        int end = Math.min(Math.max(offset, 0), text.length());
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The line of the first {@code needle} in {@code text}; 0 when it is not there. */
    public static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : lineAt(text, at);
    }
}
