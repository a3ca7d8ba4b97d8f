package dev.dockergen.detect;

import java.util.List;
import java.util.Optional;

/** Recognises one language's project at the repository root; empty when the project is not its own. */
public interface Detector {
    Language language();

    /** File names that mark a project of this language, for finding monorepo members (go.mod...). */
    java.util.Set<String> manifests();

    Optional<ProjectFacts> detect(ProjectFiles files, DetectOptions options, List<Warning> warnings);

    /**
     * The build at the root of {@code files} with its module {@code module} as the application, for a
     * language whose modules are built from the root (Maven, Gradle); empty when {@code module} is not one.
     */
    default Optional<ProjectFacts> detectModule(ProjectFiles files, String module, List<Warning> warnings) {
        return Optional.empty();
    }

    /**
     * A warning when the project itself picks a runtime version past its end of life ({@link EndOfLife}); the
     * version is the project's own (a version file, the build's setting), never a default.
     */
    default Optional<Warning> endOfLife(ProjectFacts facts) {
        return Optional.empty();
    }
}
