package dev.dockergen.plan;

import dev.dockergen.detect.Language;

/** Turns one language's facts and a preset into plans. */
public interface LanguagePlanner {
    Language language();

    Plans plan(PlanRequest request);
}
