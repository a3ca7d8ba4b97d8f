package dev.dockergen.detect;

import java.util.List;
import java.util.Map;

/** Language-specific facts, shown by {@code detect} under "facts". */
public interface LanguageDetails {
    /** Named facts for display, in a stable order; values are {@link Fact}s or plain values. */
    Map<String, Object> describe();

    /** The project's own name or its program's, safe as an image name, or null when it has none. */
    default String title() {
        return null;
    }

    /**
     * The programs to choose between when the project holds several and none was chosen (Go main
     * packages, say), each a value for {@code --main}; empty when there is nothing to choose.
     */
    default List<String> programs() {
        return List.of();
    }

    /**
     * Why the member project at {@code dir} (relative to this project) is part of this one's build or run rather than
     * an app of its own (a frontend the program embeds or serves), or null when it is not.
     */
    default String partOf(String dir) {
        return null;
    }

    /** True when the project is an application even without a start command (a static site, say). */
    default boolean appWithoutStart() {
        return staticSite();
    }

    /**
     * True when the project's own build also builds its web frontend (a build plugin that runs npm): a project of
     * another language in the same folder, or below its {@code src/}, is that frontend, not an app of its own.
     */
    default boolean buildsFrontend() {
        return false;
    }

    /** True when the build output is files for a web server to serve (a single-page app), not a program. */
    default boolean staticSite() {
        return false;
    }
}
