package dev.dockergen.plan;

import java.util.List;

/** A whole Dockerfile as data: header comment, global build arguments, stages. */
public record DockerfilePlan(List<String> header, List<Instruction.Arg> globalArgs, List<Stage> stages) {
    public DockerfilePlan {
        header = Safe.lines(header);
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
    }
}
