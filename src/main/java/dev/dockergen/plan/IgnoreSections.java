package dev.dockergen.plan;

import dev.dockergen.detect.Warning;
import dev.dockergen.plan.DockerignorePlan.Section;
import java.util.ArrayList;
import java.util.List;

/** Builds .dockerignore sections that never leave out a file the build needs. */
public final class IgnoreSections {
    private IgnoreSections() {
    }

    public static String joinAnd(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** {@code list} followed by {@code more}. */
    public static List<String> concat(List<String> list, String... more) {
        List<String> out = new ArrayList<>(list);
        out.addAll(List.of(more));
        return out;
    }

    /** Adds a section of the patterns that hide none of {@code needed}; says which were left out and why. */
    public static void add(List<Section> sections, String comment, List<String> needed, List<Warning> notes,
                            String... patterns) {
        List<String> kept = new ArrayList<>();
        List<String> comments = new ArrayList<>(List.of(comment));
        for (String pattern : patterns) {
            String clash = needed.stream().filter(path -> IgnoreMatcher.patternIgnores(pattern, path))
                    .findFirst().orElse(null);
            if (clash == null) {
                kept.add(pattern);
            } else {
                comments.add("(not listed: " + pattern + ", because the build needs " + clash + ")");
                notes.add(new Warning(null, ".dockerignore omits its usual pattern " + pattern
                        + " because the build needs " + clash));
            }
        }
        if (!kept.isEmpty()) {
            sections.add(new Section(comments, kept));
        }
    }

    /**
     * The secrets section: {@code patterns}, then a {@code !path} line for each certificate-only file
     * ({@link dev.dockergen.detect.Certificates}) a pattern would leave out, so a vendored CA bundle still reaches
     * the image while key files stay out.
     */
    public static void secrets(List<Section> sections, String comment, List<String> needed, List<Warning> notes,
                               List<String> certificates, String... patterns) {
        add(sections, comment, needed, notes, patterns);
        IgnoreMatcher matcher = new IgnoreMatcher(List.of(patterns));
        List<String> kept = certificates.stream().filter(matcher::ignores).map(path -> "!" + path).toList();
        if (!kept.isEmpty()) {
            sections.add(new Section(List.of("Certificates only, no private key (a CA bundle the program reads): they stay"),
                    kept));
        }
    }
}
