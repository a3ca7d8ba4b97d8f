package dev.dockergen.detect;

import java.util.List;
import java.util.Locale;

/**
 * The languages dockergen knows, in detection order; the JSON contract uses {@link #id()}. Each names the official
 * images and the Dockerfile ARGs that carry its version, so an existing Dockerfile is read as evidence of it.
 */
public enum Language {
    GO("Go", List.of("golang"), List.of("GO_VERSION", "GOLANG_VERSION")),
    NODE("Node", List.of("node"), List.of("NODE_VERSION")),
    PYTHON("Python", List.of("python"), List.of("PYTHON_VERSION")),
    JAVA("Java", List.of("eclipse-temurin", "openjdk", "amazoncorretto", "sapmachine", "maven", "gradle"),
            List.of("JAVA_VERSION", "JDK_VERSION")),
    C("C/C++", List.of("gcc"), List.of("GCC_VERSION"));

    private final String title;
    private final List<String> images;
    private final List<String> versionArgs;

    Language(String title, List<String> images, List<String> versionArgs) {
        this.title = title;
        this.images = images;
        this.versionArgs = versionArgs;
    }

    /** Image names (the reference's last path component) whose tag holds this language's version. */
    public List<String> images() {
        return images;
    }

    /** Dockerfile ARG names that hold this language's version. */
    public List<String> versionArgs() {
        return versionArgs;
    }

    /** The language's name in messages. */
    public String title() {
        return title;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language with this {@link #id()} (case-insensitive), if any. */
    public static java.util.Optional<Language> fromId(String id) {
        return java.util.Arrays.stream(values()).filter(l -> l.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Every id, for messages and completion: "go, node, python, java, c". */
    public static String ids() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Language::id).toList());
    }
}
