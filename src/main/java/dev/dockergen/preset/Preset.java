package dev.dockergen.preset;

import dev.dockergen.detect.Language;
import java.util.Map;

/**
 * One way to containerise one language: builder and runtime images, user, labels.
 *
 * @param cgoBuild builder for code that needs a C toolchain; null when the preset cannot build it
 * @param cgoRuntime runtime for dynamically linked binaries; null when the preset refuses them
 * @param source where the preset was defined ("built-in presets/go.yaml:3")
 */
public record Preset(
        String name,
        Language language,
        FinalStage finalStage,
        boolean isDefault,
        String description,
        String versionDefault,
        ImageSpec build,
        ImageSpec runtime,
        ImageSpec cgoBuild,
        ImageSpec cgoRuntime,
        String cgoRefusal,
        RunAs user,
        Map<String, String> labels,
        String source) {

    public Preset {
        labels = Map.copyOf(labels);
    }
}
