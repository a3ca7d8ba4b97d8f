package dev.dockergen.lang.go;

import java.util.List;

/**
 * The parts of a go.mod file that shape a Dockerfile, each with its line.
 *
 * @param goVersion the {@code go} directive value, or null when absent
 * @param toolchain the {@code toolchain} directive value (e.g. "go1.23.4"), or null
 */
public record GoMod(
        String modulePath, int moduleLine,
        String goVersion, int goLine,
        String toolchain, int toolchainLine,
        List<Require> requires,
        List<Replace> replaces) {

    public GoMod {
        requires = List.copyOf(requires);
        replaces = List.copyOf(replaces);
    }

    /** Whether the go directive is 1.{@code minor} or later (false when there is none or it cannot be read). */
    public boolean goAtLeast(int minor) {
        if (goVersion == null) {
            return false;
        }
        String[] parts = goVersion.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int m = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("[^0-9].*", "")) : 0;
            return major > 1 || m >= minor;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A required module. */
    public record Require(String path, String version, boolean indirect, int line) {
    }

    /** A replace directive; {@code localPath} is set when the target is a directory, not a module. */
    public record Replace(String from, String to, boolean local, int line) {
    }
}
