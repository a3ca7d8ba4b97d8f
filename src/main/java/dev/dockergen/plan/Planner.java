package dev.dockergen.plan;

import dev.dockergen.detect.Language;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Dispatches to the planner of the project's language. */
public final class Planner {
    private final Map<Language, LanguagePlanner> planners = new EnumMap<>(Language.class);

    public Planner(List<LanguagePlanner> planners) {
        planners.forEach(p -> this.planners.put(p.language(), p));
    }

    /** See {@link LanguagePlanner#versionFit}. */
    public java.util.Optional<dev.dockergen.detect.Warning> versionFit(dev.dockergen.detect.ProjectFacts facts,
                                                                       dev.dockergen.preset.Preset preset, String version) {
        return planners.get(facts.language()).versionFit(facts, preset, version);
    }

    public Plans plan(PlanRequest request) {
        // the catalogue's build arguments reach every builder stage, whatever the language
        // and the folders the program writes, made writable for the runtime user on every final
        Plans plans = planners.get(request.facts().language()).plan(request);
        return BuildArgs.apply(Writable.apply(plans, request), request.preset());
    }
}
