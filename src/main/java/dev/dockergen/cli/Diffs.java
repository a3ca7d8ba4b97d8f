package dev.dockergen.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** Unified diffs between what is on disk and what dockergen would write. */
final class Diffs {
    private Diffs() {
    }

    /** The file's current text, or null when there is none (or it cannot be read as UTF-8 text). */
    static String current(Path file) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A unified diff from the file on disk to the new text; empty when they are the same. */
    static String unified(Path file, String newText) {
        String old = current(file);
        if (newText.equals(old)) {
            return "";
        }
        List<String> before = old == null ? List.of() : old.lines().toList();
        List<String> after = newText.lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(old == null ? "/dev/null" : "a/" + file,
                "b/" + file, before, DiffUtils.diff(before, after), 3);
        return String.join("\n", diff) + "\n";
    }
}
