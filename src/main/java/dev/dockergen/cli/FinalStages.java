package dev.dockergen.cli;

import dev.dockergen.preset.FinalStage;
import java.util.Arrays;
import java.util.Iterator;

/** The --final values as users type them (lower case), for help texts and shell completion. */
final class FinalStages implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(FinalStage.values()).map(FinalStage::id).iterator();
    }
}
