package dev.dockergen.detect;

/**
 * Choices the user made that steer detection.
 *
 * @param project the project (its path, "." for the root) the other choices apply to; null: the root
 * @param mainPackage Go: the main package directory to build (e.g. "cmd/server"), or null to detect
 */
public record DetectOptions(String project, String mainPackage) {
    public static final DetectOptions DEFAULT = new DetectOptions(null, null);

    public DetectOptions(String mainPackage) {
        this(null, mainPackage);
    }

    /** The options as one project sees them: its own choices, or none when they are another's. */
    public DetectOptions forProject(String path) {
        String wanted = project == null ? "." : project;
        return wanted.equals(path) ? this : DEFAULT;
    }
}
