package dev.dockergen.detect;

import java.util.Locale;

/** The languages dockergen knows; the JSON contract uses {@link #id()}. */
public enum Language {
    GO, NODE, JAVA, PYTHON, C;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
