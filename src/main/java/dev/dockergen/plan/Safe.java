package dev.dockergen.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Guards on every value that enters a Dockerfile plan. A value that breaks a guard is a bug in a
 * detector or planner (they validate repository values first and report file:line), so these throw
 * {@link IllegalArgumentException}.
 */
public final class Safe {
    /** Paths in COPY/WORKDIR: no spaces, quotes, globs beyond '*', or variable syntax except ${NAME}. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._/*-]+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._:/${}@%+,=*-]+");

    private Safe() {
    }

    public static String line(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("control character in a Dockerfile value: " + s.replace("\n", "\\n"));
            }
        }
        if (s.endsWith("\\")) {
            throw new IllegalArgumentException("a Dockerfile value may not end in a backslash: " + s);
        }
        return s;
    }

    public static List<String> lines(List<String> lines) {
        List<String> copy = List.copyOf(lines);
        copy.forEach(Safe::line);
        return copy;
    }

    public static String path(String s) {
        if (!PATH.matcher(s).matches()) {
            throw new IllegalArgumentException("unsafe path in a Dockerfile: " + line(s));
        }
        return s;
    }

    public static String word(String s) {
        if (!WORD.matcher(s).matches()) {
            throw new IllegalArgumentException("unsafe word in a Dockerfile: " + line(s));
        }
        return s;
    }

    public static boolean isPath(String s) {
        return PATH.matcher(s).matches();
    }
}
