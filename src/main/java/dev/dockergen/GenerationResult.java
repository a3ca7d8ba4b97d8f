package dev.dockergen;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.Warning;
import dev.dockergen.plan.Carry.Change;
import dev.dockergen.preset.Preset;
import dev.dockergen.render.GeneratedFile;
import java.util.List;

/**
 * The generated files and how they came about.
 *
 * @param warnings problems in the project the user should fix (from detection)
 * @param notes choices the planner made that the user should know about
 * @param context the build context relative to the project's directory ("." for the directory itself)
 * @param why when the project has a Dockerfile dockergen did not write: each change the new one makes, with its
 *     reason (empty otherwise)
 */
public record GenerationResult(ProjectFacts project, Preset preset, List<GeneratedFile> files, List<Warning> warnings,
                               List<Warning> notes, String context, List<Change> why) {
    public GenerationResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        why = List.copyOf(why);
    }

    public GenerationResult(ProjectFacts project, Preset preset, List<GeneratedFile> files, List<Warning> warnings,
                            List<Warning> notes, String context) {
        this(project, preset, files, warnings, notes, context, List.of());
    }
}
