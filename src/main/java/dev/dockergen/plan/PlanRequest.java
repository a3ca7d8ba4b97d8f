package dev.dockergen.plan;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.preset.Preset;
import dev.dockergen.preset.PresetCatalog;
import java.util.List;
import java.util.Map;

/**
 * What the planner needs: the facts, the chosen preset, the catalogue (to name alternatives when the
 * preset cannot serve), and the user's overrides.
 *
 * @param port the user's --port, or null to use the detected one
 * @param labels labels the user gives; they win over the preset's
 * @param languageVersion the user's language version, or null to use the project's
 * @param args arguments the program starts with; empty for none
 * @param toolVersion dockergen's version, printed in the header
 */
public record PlanRequest(ProjectFacts facts, Preset preset, PresetCatalog catalog, Integer port,
                          Map<String, String> labels, String languageVersion, List<String> args, String toolVersion) {
    public PlanRequest {
        labels = Map.copyOf(labels);
        args = List.copyOf(args);
    }
}
