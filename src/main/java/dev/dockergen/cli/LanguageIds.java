package dev.dockergen.cli;

import dev.dockergen.detect.Language;
import java.util.Arrays;
import java.util.Iterator;

/** Completion candidates for --language: the ids detection reports. */
final class LanguageIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Language.values()).map(Language::id).iterator();
    }
}
