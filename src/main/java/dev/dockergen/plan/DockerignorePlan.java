package dev.dockergen.plan;

import java.util.List;

/** A .dockerignore as data: a header and commented sections of patterns. */
public record DockerignorePlan(List<String> header, List<Section> sections) {
    public DockerignorePlan {
        header = Safe.lines(header);
        sections = List.copyOf(sections);
    }

    /** Patterns under comment lines. */
    public record Section(List<String> comments, List<String> patterns) {
        public Section {
            comments = Safe.lines(comments);
            patterns = Safe.lines(patterns);
        }
    }

    /** Every pattern, in order. */
    public List<String> patterns() {
        return sections.stream().flatMap(s -> s.patterns().stream()).toList();
    }
}
