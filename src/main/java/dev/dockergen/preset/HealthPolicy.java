package dev.dockergen.preset;

/**
 * How a preset wants HEALTHCHECK written: on or off, and its timings (Docker duration strings).
 * It applies where the runtime image can run a probe and a health endpoint was found.
 */
public record HealthPolicy(boolean enabled, String interval, String timeout, String startPeriod, int retries) {
    public static final HealthPolicy DEFAULT = new HealthPolicy(true, "30s", "3s", "5s", 3);
}
