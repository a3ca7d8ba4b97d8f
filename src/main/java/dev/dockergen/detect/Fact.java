package dev.dockergen.detect;

import java.util.Objects;

/** A detected value and the evidence for it. */
public record Fact<T>(T value, Source source) {
    public Fact {
        Objects.requireNonNull(value, "value");
    }

    public static <T> Fact<T> of(T value, Source source) {
        return new Fact<>(value, source);
    }

    public static <T> Fact<T> of(T value, String file, int line) {
        return new Fact<>(value, Source.of(file, line));
    }
}
