package dev.dockergen.detect;

/** The one way a repository value is shown in a message: control characters escaped, so a message stays one line. */
public final class Shown {
    /** How much of a value a message shows. */
    static final int LIMIT = 80;

    private Shown() {
    }

    /** At most 80 characters of {@code value}, control characters as {@code \\uXXXX}, "..." when cut. */
    public static String of(String value) {
        String shown = escaped(value.codePoints().limit(LIMIT));
        return value.length() > LIMIT ? shown + "..." : shown;
    }

    /** All of {@code value} (a file name, say), control characters as {@code \\uXXXX}. */
    public static String whole(String value) {
        return escaped(value.codePoints());
    }

    private static String escaped(java.util.stream.IntStream codePoints) {
        StringBuilder b = new StringBuilder();
        codePoints.forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
