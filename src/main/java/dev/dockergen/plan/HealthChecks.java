package dev.dockergen.plan;

import dev.dockergen.detect.Fact;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.preset.HealthPolicy;
import dev.dockergen.preset.ImageSpec;
import dev.dockergen.preset.Preset;
import java.util.List;

/** HEALTHCHECK where the runtime image can run one (busybox wget), else a comment on how to probe. */
public final class HealthChecks {
    private HealthChecks() {
    }

    /**
     * The program's own health mode ({@code --healthcheck}, a {@code healthcheck} subcommand), run in exec form: it needs
     * no shell and no HTTP client, so it works on every final, distroless and scratch included.
     *
     * @param program the words that start the program in the image (its binary, or interpreter and script)
     */
    public static List<Instruction> command(Fact<List<String>> health, List<String> program, Preset preset) {
        HealthPolicy policy = preset.health();
        if (!policy.enabled()) {
            return List.of(Comment.of("No HEALTHCHECK: preset " + preset.name() + " turns it off."));
        }
        List<String> command = new java.util.ArrayList<>(program);
        command.addAll(health.value());
        return List.of(Comment.of("The program's own health check (" + health.source() + "), run without a shell."),
                new Instruction.Healthcheck(policy.interval(), policy.timeout(), policy.startPeriod(), policy.retries(), command));
    }

    /** Nothing for a program without a port; the preset may turn the check off or retime it. */
    public static List<Instruction> instructions(Fact<String> path, ImageSpec runtime, int port, Preset preset) {
        if (port == 0) {
            return List.of();
        }
        HealthPolicy policy = preset.health();
        if (!policy.enabled()) {
            return List.of(Comment.of("No HEALTHCHECK: preset " + preset.name() + " turns it off."));
        }
        if (path != null && runtime.shell()) {
            return List.of(Comment.of("Health endpoint found at " + path.source() + "; busybox wget probes it."),
                    new Instruction.Healthcheck(policy.interval(), policy.timeout(), policy.startPeriod(), policy.retries(),
                            List.of("wget", "-q", "--spider", "http://127.0.0.1:" + port + path.value())));
        }
        String target = path != null ? "GET http://<container>:" + port + path.value() : "TCP port " + port;
        return List.of(Comment.of("No HEALTHCHECK: " + (runtime.shell() ? "no health endpoint was found"
                : "the image has no shell or HTTP client") + "; let the orchestrator probe " + target + "."));
    }
}
