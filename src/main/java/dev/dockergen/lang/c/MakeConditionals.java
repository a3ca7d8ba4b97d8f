package dev.dockergen.lang.c;

import java.util.ArrayList;
import java.util.List;

/**
 * The stack of Make conditionals (ifeq/ifneq/ifdef/ifndef ... else ... endif) around a line. Each branch is TRUE
 * (make takes it on Linux with the default settings), FALSE (it does not: another system's branch, an option that
 * is off) or UNKNOWN (it depends on something dockergen does not run, such as {@code $(shell pkg-config --exists x)}).
 */
final class MakeConditionals {
    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int UNKNOWN = 2;
    private static final int MAX_DEPTH = 64;

    /** One conditional: the state of the current branch, and whether an earlier branch was taken or undecided. */
    private static final class Frame {
        int state;
        boolean taken;
        boolean undecided;

        Frame(int state) {
            set(state);
        }

        void set(int s) {
            state = s;
            taken |= s == TRUE;
            undecided |= s == UNKNOWN;
        }
    }

    private final List<Frame> frames = new ArrayList<>();

    void open(int state) {
        if (frames.size() < MAX_DEPTH) {
            frames.add(new Frame(state));
        }
    }

    /** An else (with the state of its own condition, TRUE for a plain else). */
    void orElse(int state) {
        if (frames.isEmpty()) {
            return;
        }
        Frame f = frames.get(frames.size() - 1);
        if (f.taken) {
            f.state = FALSE;
        } else if (f.undecided && state != FALSE) {
            f.set(UNKNOWN);
        } else {
            f.set(state);
        }
    }

    void close() {
        if (!frames.isEmpty()) {
            frames.remove(frames.size() - 1);
        }
    }

    /** No enclosing branch is one make skips. */
    boolean active() {
        return frames.stream().noneMatch(f -> f.state == FALSE);
    }

    /** The enclosing conditionals, not counting the innermost, are active (for an else-if's own test). */
    boolean activeOutside() {
        return frames.subList(0, Math.max(0, frames.size() - 1)).stream().noneMatch(f -> f.state == FALSE);
    }

    /** Some enclosing branch is undecided: what it names is optional. */
    boolean uncertain() {
        return frames.stream().anyMatch(f -> f.state == UNKNOWN);
    }

    /** The two arguments of ifeq/ifneq: {@code (a,b)}, {@code "a" "b"} or {@code 'a' 'b'}; null when neither. */
    static List<String> comparison(String rest) {
        if (rest.startsWith("(") && rest.endsWith(")")) {
            String body = rest.substring(1, rest.length() - 1);
            int depth = 0;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '(' || c == '{') {
                    depth++;
                } else if (c == ')' || c == '}') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    return List.of(body.substring(0, i), body.substring(i + 1));
                }
            }
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([\"'])(.*?)\\1\\s+([\"'])(.*?)\\3$").matcher(rest);
        return m.matches() ? List.of(m.group(2), m.group(4)) : null;
    }

    /** What a {@code $(shell ...)} that only asks uname prints on the Linux builder; null for any other command. */
    static String uname(String shell) {
        if (!shell.matches("shell\\s+(sh -c\\s+)?['\"]?uname(\\s+-[a-z])?(\\s*2>\\s*/dev/null)?(\\s*\\|\\|\\s*echo\\s+\\w+)?['\"]?\\s*")) {
            return null;
        }
        if (shell.contains("-m")) {
            return "x86_64";
        }
        if (shell.contains("-o")) {
            return "GNU/Linux";
        }
        if (shell.contains("-r") || shell.contains("-v") || shell.contains("-n")) {
            return null;
        }
        return "Linux";
    }
}
