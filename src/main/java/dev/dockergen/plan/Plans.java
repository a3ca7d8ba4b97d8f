package dev.dockergen.plan;

import dev.dockergen.detect.Warning;
import java.util.List;

/** The planner's output: both files as data, plus notes on the choices made. */
public record Plans(DockerfilePlan dockerfile, DockerignorePlan dockerignore, List<Warning> notes) {
    public Plans {
        notes = List.copyOf(notes);
    }
}
