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
