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

    /** A required module. */
    public record Require(String path, String version, boolean indirect, int line) {
    }

    /** A replace directive; {@code localPath} is set when the target is a directory, not a module. */
    public record Replace(String from, String to, boolean local, int line) {
    }
}
