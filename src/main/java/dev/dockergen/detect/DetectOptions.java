package dev.dockergen.detect;

/**
 * Choices the user made that steer detection.
 *
 * @param mainPackage Go: the main package directory to build (e.g. "cmd/server"), or null to detect
 */
public record DetectOptions(String mainPackage) {
    public static final DetectOptions DEFAULT = new DetectOptions(null);
}
