package dev.dockergen.plan;

import dev.dockergen.detect.Warning;
import java.util.List;

/**
 * The planner's output: both files as data, plus notes on the choices made.
 *
 * @param context the build context relative to the project's directory: "." unless the build needs files above it
 *                (a workspace member builds from the workspace root, "../..")
 */
public record Plans(DockerfilePlan dockerfile, DockerignorePlan dockerignore, List<Warning> notes, String context) {
    public Plans {
        notes = List.copyOf(notes);
    }

    public Plans(DockerfilePlan dockerfile, DockerignorePlan dockerignore, List<Warning> notes) {
        this(dockerfile, dockerignore, notes, ".");
    }
}
