package dev.dockergen.plan;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
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

    public static Planner builtIn() {
        return new Planner(List.of(new GoPlanner(), new NodePlanner(), new PythonPlanner(), new JavaPlanner(),
                new CPlanner()));
    }

    public Plans plan(PlanRequest request) {
        LanguagePlanner planner = planners.get(request.facts().language());
        if (planner == null) {
            throw new DockergenException(ExitCode.NOTHING_DETECTED,
                    request.facts().language().id() + " projects are detected but not yet generated");
        }
        return BuildArgs.apply(planner.plan(request), request.preset());
    }
}
