package dev.dockergen;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.preset.FinalStage;
import java.util.Map;

/**
 * What to generate for.
 *
 * @param preset a preset name, or null
 * @param finalStage the wanted final stage, or null for the language's default preset
 * @param port the port to expose instead of the detected one, or null
 * @param labels image labels the user gives (e.g. ones the organisation policy requires)
 * @param languageVersion the language version to build with instead of the detected one, or null
 */
public record GenerateRequest(ProjectFiles files, DetectOptions detectOptions, String preset, FinalStage finalStage,
                              Integer port, Map<String, String> labels, String languageVersion) {
    /** The project to generate for: the one detectOptions names, or the only one there is. */
    public String project() {
        return detectOptions.project();
    }

    public GenerateRequest {
        labels = Map.copyOf(labels);
    }

    public GenerateRequest(ProjectFiles files, DetectOptions detectOptions, String preset, FinalStage finalStage,
                           Integer port, Map<String, String> labels) {
        this(files, detectOptions, preset, finalStage, port, labels, null);
    }

    public GenerateRequest(ProjectFiles files, DetectOptions detectOptions, String preset, FinalStage finalStage,
                           Integer port) {
        this(files, detectOptions, preset, finalStage, port, Map.of(), null);
    }
}
