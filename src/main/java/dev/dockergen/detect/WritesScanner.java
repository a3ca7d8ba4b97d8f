package dev.dockergen.detect;

import java.util.List;

/** One language's rules for the files and folders a program writes at run time ({@link WritePath}). */
@FunctionalInterface
public interface WritesScanner {
    /** What the project at the root of {@code files} writes, in a stable order, without duplicates. */
    List<WritePath> scan(ProjectFiles files, ProjectFacts facts);
}
