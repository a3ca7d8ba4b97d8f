package dev.dockergen.plan;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.preset.Preset;
import dev.dockergen.preset.PresetCatalog;

/**
 * What the planner needs: the facts, the chosen preset, the catalogue (to name alternatives when the
 * preset cannot serve), and the user's overrides.
 *
 * @param port the user's --port, or null to use the detected one
 * @param toolVersion dockergen's version, printed in the header
 */
public record PlanRequest(ProjectFacts facts, Preset preset, PresetCatalog catalog, Integer port, String toolVersion) {
}
