package dev.dockergen;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.preset.FinalStage;

/**
 * What to generate for.
 *
 * @param preset a preset name, or null
 * @param finalStage the wanted final stage, or null for the language's default preset
 * @param port the port to expose instead of the detected one, or null
 */
public record GenerateRequest(ProjectFiles files, DetectOptions detectOptions, String preset, FinalStage finalStage,
                              Integer port) {
}
