package dev.dockergen.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.dockergen.plan.Carry.Change;
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

    /**
     * The "why" after the diff over a Dockerfile dockergen did not write: one line per change and its reason; empty
     * when there is none.
     */
    static String why(List<Change> why) {
        if (why.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("why:\n");
        why.forEach(c -> b.append("  - ").append(c.change()).append(": ").append(c.why()).append('\n'));
        return b.toString();
    }

    /** The same list in a JSON report: {@code "why": [{"change", "why"}]}. */
    static void why(ObjectNode report, List<Change> why) {
        ArrayNode list = report.putArray("why");
        for (Change c : why) {
            ObjectNode o = list.addObject();
            o.put("change", c.change());
            o.put("why", c.why());
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
