package dev.dockergen.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding a fact in source files of the C-syntax family (JavaScript, TypeScript, Java). */
public final class SourceSearch {
    private SourceSearch() {
    }

    /**
     * The first match of {@code pattern}'s first group in {@code paths}, in order, with its file and line;
     * comment lines (starting with //, /* or *) do not count, and a file that cannot be read is passed over.
     */
    public static Fact<String> firstMatch(ProjectFiles files, List<String> paths, Pattern pattern) {
        for (String path : paths) {
            String[] lines = textOf(files, path).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.startsWith("//") || line.startsWith("/*") || line.startsWith("*")) {
                    continue;
                }
                Matcher m = pattern.matcher(lines[i]);
                if (m.find()) {
                    return Fact.of(m.group(1), path, i + 1);
                }
            }
        }
        return null;
    }

    /** A source file's text for a scan: empty when it is missing or cannot be read (too large, not UTF-8). */
    public static String textOf(ProjectFiles files, String path) {
        try {
            return files.read(path).orElse("");
        } catch (ProjectInputException e) {
            return "";
        }
    }
}
