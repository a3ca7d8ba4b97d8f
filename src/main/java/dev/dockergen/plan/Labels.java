package dev.dockergen.plan;

import dev.dockergen.preset.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Image labels: what dockergen knows, then the preset's, then the user's; a later value wins, keys sorted. */
public final class Labels {
    private Labels() {
    }

    public static List<Instruction> instructions(Map<String, String> known, Preset preset, Map<String, String> given) {
        Map<String, String> labels = new TreeMap<>(known);
        labels.putAll(preset.labels());
        labels.putAll(given);
        List<Instruction> out = new ArrayList<>();
        labels.forEach((k, v) -> out.add(new Instruction.Label(k, v)));
        return out;
    }
}
