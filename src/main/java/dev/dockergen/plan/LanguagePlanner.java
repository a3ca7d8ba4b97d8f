package dev.dockergen.plan;

import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.Warning;
import dev.dockergen.preset.Preset;
import java.util.Optional;

/** Turns one language's facts and a preset into plans. */
public interface LanguagePlanner {
    Language language();

    Plans plan(PlanRequest request);

    /**
     * Whether a language version the user chose (flag, .dockergen.yaml or answer) fits the project and the preset:
     * empty when it does (or the version is malformed: {@link #plan} says so), a warning when the build or the
     * program may fail with it, an {@link dev.dockergen.UnusableVersionException} when the build cannot work.
     */
    default Optional<Warning> versionFit(ProjectFacts facts, Preset preset, String version) {
        return Optional.empty();
    }
}
