package dev.dockergen;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.Warning;
import dev.dockergen.preset.Preset;
import dev.dockergen.render.GeneratedFile;
import java.util.List;

/** The generated files and how they came about. */
public record GenerationResult(ProjectFacts project, Preset preset, List<GeneratedFile> files, List<Warning> warnings) {
    public GenerationResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
