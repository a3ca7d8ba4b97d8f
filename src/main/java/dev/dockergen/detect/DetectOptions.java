package dev.dockergen.detect;

/**
 * Choices the user made that steer detection.
 *
 * @param project the project (its path, "." for the root) the other choices apply to; null: the root
 * @param mainPackage Go: the main package directory to build (e.g. "cmd/server"), or null to detect
 * @param language the language of the project wanted (a folder may hold two, e.g. a Go server beside a Node
 *     app), or null for any
 */
public record DetectOptions(String project, String mainPackage, Language language) {
    public static final DetectOptions DEFAULT = new DetectOptions(null, null);

    public DetectOptions(String project, String mainPackage) {
        this(project, mainPackage, null);
    }

    public DetectOptions(String mainPackage) {
        this(null, mainPackage);
    }

    /** The options as one project sees them: its own choices, or none when they are another's. */
    public DetectOptions forProject(String path) {
        String wanted = project == null ? "." : project;
        return wanted.equals(path) ? this : language == null ? DEFAULT : new DetectOptions(null, null, language);
    }
}
