package dev.dockergen.preset;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of base a final image stands on. */
public enum FinalStage {
    SCRATCH, ALPINE, DISTROLESS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FinalStage> fromId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }
}
