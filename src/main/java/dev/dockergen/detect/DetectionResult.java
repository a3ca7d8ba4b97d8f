package dev.dockergen.detect;

import java.util.List;

/** What detection found in a repository: zero or more projects and the warnings raised on the way. */
public record DetectionResult(String root, List<ProjectFacts> projects, List<Warning> warnings) {
    public DetectionResult {
        projects = List.copyOf(projects);
        warnings = List.copyOf(warnings);
    }
}
