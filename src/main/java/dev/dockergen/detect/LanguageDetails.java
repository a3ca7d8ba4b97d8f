package dev.dockergen.detect;

import java.util.Map;

/** Language-specific facts, shown by {@code detect} under "facts". */
public interface LanguageDetails {
    /** Named facts for display, in a stable order; values are {@link Fact}s or plain values. */
    Map<String, Object> describe();

    /** The project's own name, safe as an image name (a package name), or null when it has none. */
    default String title() {
        return null;
    }

    /** True when the project is an application even without a start command (a static site, say). */
    default boolean appWithoutStart() {
        return staticSite();
    }

    /** True when the build output is files for a web server to serve (a single-page app), not a program. */
    default boolean staticSite() {
        return false;
    }
}
