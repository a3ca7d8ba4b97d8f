package dev.dockergen.detect;

import java.util.Map;

/** Language-specific facts, shown by {@code detect} under "facts". */
public interface LanguageDetails {
    /** Named facts for display, in a stable order; values are {@link Fact}s or plain values. */
    Map<String, Object> describe();

    /** The name to tag the image with (docker build -t NAME), when the language knows a better one than its start command. */
    default String imageName() {
        return null;
    }
}
