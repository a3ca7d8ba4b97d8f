package dev.dockergen;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.preset.FinalStage;
import java.util.List;
import java.util.Map;

/**
 * What to generate for.
 *
 * @param preset a preset name, or null
 * @param finalStage the wanted final stage, or null for the language's default preset
 * @param port the port to expose instead of the detected one, or null
 * @param labels image labels the user gives (e.g. ones the organisation policy requires)
 * @param languageVersion the language version to build with instead of the detected one, or null
 * @param args arguments the program starts with (CMD after the ENTRYPOINT); empty for none
 * @param start the whole start command the user gave (--start, the prompt, .dockergen.yaml), or null for the
 *     detected one; it must begin with the detected command, and what follows becomes {@code args}
 */
public record GenerateRequest(ProjectFiles files, DetectOptions detectOptions, String preset, FinalStage finalStage,
                              Integer port, Map<String, String> labels, String languageVersion, List<String> args,
                              List<String> start) {
    public GenerateRequest {
        labels = Map.copyOf(labels);
        args = List.copyOf(args);
        start = start == null ? null : List.copyOf(start);
    }

    public GenerateRequest(ProjectFiles files, DetectOptions detectOptions, String preset, FinalStage finalStage,
                           Integer port, Map<String, String> labels, String languageVersion, List<String> args) {
        this(files, detectOptions, preset, finalStage, port, labels, languageVersion, args, null);
    }

    public GenerateRequest(ProjectFiles files, DetectOptions detectOptions, String preset, FinalStage finalStage,
                           Integer port, Map<String, String> labels) {
        this(files, detectOptions, preset, finalStage, port, labels, null, List.of());
    }

    public GenerateRequest(ProjectFiles files, DetectOptions detectOptions, String preset, FinalStage finalStage,
                           Integer port) {
        this(files, detectOptions, preset, finalStage, port, Map.of(), null, List.of());
    }

    /** The project to generate for: the one detectOptions names, or the only one there is. */
    public String project() {
        return detectOptions.project();
    }
}
