package dev.dockergen.cli;

import dev.dockergen.preset.Preset;
import java.util.Iterator;

/**
 * The built-in preset names, for --preset and {@code presets show NAME} completion. The completion script asks
 * {@code dockergen presets list --names} at completion time, so an organisation's presets complete too; these
 * are its fallback. Iterated only when a script or help text needs them, so a normal run never loads them.
 */
final class PresetNames implements Iterable<String> {
    private final CommandContext context;

    PresetNames(CommandContext context) {
        this.context = context;
    }

    @Override
    public Iterator<String> iterator() {
        return context.dockergen().get().presets().presets().stream().map(Preset::name).iterator();
    }
}
