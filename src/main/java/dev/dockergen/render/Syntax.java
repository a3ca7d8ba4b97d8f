package dev.dockergen.render;

import java.util.List;
import java.util.stream.Collectors;

/** Escaping for the two quoted forms a Dockerfile has: JSON arrays and double-quoted values. */
public final class Syntax {
    private Syntax() {
    }

    /** An exec-form array: ["a", "b"], each element a JSON string. */
    public static String jsonArray(List<String> items) {
        return items.stream().map(Syntax::json).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A double-quoted value for LABEL/ENV, with quotes, backslashes and '$' escaped (no expansion). */
    public static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
