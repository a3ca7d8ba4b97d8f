package dev.dockergen.detect;

import java.util.Locale;

/** The languages dockergen knows, in detection order; the JSON contract uses {@link #id()}. */
public enum Language {
    GO("Go"), NODE("Node"), PYTHON("Python"), JAVA("Java"), C("C/C++");

    private final String title;

    Language(String title) {
        this.title = title;
    }

    /** The language's name in messages. */
    public String title() {
        return title;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
