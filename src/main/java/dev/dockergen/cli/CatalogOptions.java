package dev.dockergen.cli;

import dev.dockergen.preset.CatalogSources;
import dev.dockergen.preset.PresetCatalog;
import dev.dockergen.preset.ProjectConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** --catalog, shared by every command that chooses or shows presets. */
public final class CatalogOptions {
    @Option(names = "--catalog", paramLabel = "PATH",
            description = "Organisation preset catalogue (a YAML file or a directory of them); repeatable, later wins. "
                    + "Also read: $" + CatalogSources.ENV + " (path list) and the user config "
                    + "$XDG_CONFIG_HOME/dockergen/config.yaml.")
    List<Path> catalogs = new ArrayList<>();

    /** The last catalogue loaded and what it was loaded from: questions and generation share one load. */
    /** How often the sources were read in this request: once, which CatalogOnceTest holds. */
    int loads;
    private PresetCatalog loaded;
    private List<Object> loadedFrom;

    PresetCatalog load(Map<String, String> env, ProjectConfig project) {
        List<Object> from = List.of(env, project, List.copyOf(catalogs));
        if (loaded == null || !from.equals(loadedFrom)) {
            loaded = CatalogSources.load(env, project, catalogs);
            loadedFrom = from;
            loads++;
        }
        return loaded;
    }

    /** For commands without a project directory: the .dockergen.yaml nearest the working directory counts. */
    PresetCatalog loadFromWorkingDirectory(CommandContext context) {
        return load(context.env(), ProjectConfig.find(Path.of(".")));
    }
}
