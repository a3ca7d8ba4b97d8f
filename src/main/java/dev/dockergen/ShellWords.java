package dev.dockergen;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line as a shell splits it into words: blanks separate words, single quotes keep everything,
 * double quotes keep everything but {@code \"} and {@code \\}, a backslash outside quotes keeps the next
 * character. No expansion of any kind: what is typed is what the program gets.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /** The words of {@code line}; an unclosed quote is an error naming it. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < line.length() && line.charAt(end) != c) {
                    if (c == '"' && line.charAt(end) == '\\' && end + 1 < line.length()
                            && (line.charAt(end + 1) == '"' || line.charAt(end + 1) == '\\')) {
                        end++;
                    }
                    word.append(line.charAt(end));
                    end++;
                }
                if (end >= line.length()) {
                    throw new IllegalArgumentException("the " + (c == '"' ? "double" : "single") + " quote at column "
                            + (i + 1) + " is not closed");
                }
                i = end;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The words joined so that {@link #split} gives them back: quoted only where needed. */
    public static String join(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w.isEmpty() || !w.matches("[A-Za-z0-9_@%+=:,./-]+") ? "'" + w.replace("'", "'\\''") + "'" : w);
        }
        return b.toString();
    }
}
