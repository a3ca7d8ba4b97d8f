package dev.dockergen.render;

/** A file dockergen produced: its path relative to the output directory, and its text. */
public record GeneratedFile(String path, String content) {
}
