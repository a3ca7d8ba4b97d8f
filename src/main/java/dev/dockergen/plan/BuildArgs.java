package dev.dockergen.plan;

import dev.dockergen.preset.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A preset's {@code buildArgs} (a registry mirror, a proxy): declared with their defaults in every stage that
 * builds, whatever the language, since an ARG is seen only in the stage that declares it. The final stage gets
 * none: it runs nothing that fetches.
 */
final class BuildArgs {
    private BuildArgs() {
    }

    /** The plan with the preset's build arguments in each builder stage that does not declare them yet. */
    static Plans apply(Plans plans, Preset preset) {
        if (preset.buildArgs().isEmpty()) {
            return plans;
        }
        List<Stage> stages = plans.dockerfile().stages();
        List<Stage> out = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            out.add(i == stages.size() - 1 ? s : withArgs(s, preset));
        }
        DockerfilePlan d = plans.dockerfile();
        return new Plans(new DockerfilePlan(d.header(), d.globalArgs(), out), plans.dockerignore(), plans.notes(),
                plans.context());
    }

    private static Stage withArgs(Stage stage, Preset preset) {
        List<Instruction> args = new ArrayList<>();
        preset.buildArgs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> stage.instructions().stream().noneMatch(ins -> ins instanceof Instruction.Arg a
                        && a.name().equals(e.getKey())))
                .forEach(e -> args.add(new Instruction.Arg(e.getKey(), e.getValue())));
        if (args.isEmpty()) {
            return stage;
        }
        args.add(0, Instruction.Comment.of("Build settings from preset " + preset.name()
                + "; override with --build-arg NAME=VALUE."));
        // first in the stage, before anything that could fetch (apt-get, pip, npm, mvn alike)
        List<Instruction> instructions = new ArrayList<>(args);
        instructions.addAll(stage.instructions());
        return new Stage(stage.comment(), stage.platform(), stage.image(), stage.name(), instructions);
    }
}
