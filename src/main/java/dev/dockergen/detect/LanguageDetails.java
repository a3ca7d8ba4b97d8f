package dev.dockergen.detect;

import java.util.Map;

/** Language-specific facts, shown by {@code detect} under "facts". */
public interface LanguageDetails {
    /** Named facts for display, in a stable order; values are {@link Fact}s or plain values. */
    Map<String, Object> describe();
}
