package dev.dockergen.preset;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The choices of one run: what the flags say, or, after {@link #over}, what the flags and the project's
 * .dockergen.yaml say together. The one place where flags win over the file.
 *
 * @param catalogs catalogues named on the command line (the file's own are read with the catalogue sources)
 * @param start the whole start command as typed (shell-like words), replacing the detected one, or null
 * @param language the language of the project wanted where one folder holds two, or null
 */
public record Choices(String preset, FinalStage finalStage, Integer port, String main, String languageVersion,
                      List<String> args, Map<String, String> labels, List<Path> catalogs, String start,
                      dev.dockergen.detect.Language language) {
    public Choices {
        args = List.copyOf(args);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        catalogs = List.copyOf(catalogs);
    }

    /**
     * These choices laid over {@code config}: each value given wins over the file's; a preset or a final stage
     * replaces both of the file's (they are one choice); labels merge, a given one winning; a start command or
     * arguments given replace the file's start command (arguments add to the detected one).
     */
    public Choices over(ProjectConfig config) {
        boolean presetGiven = preset != null || finalStage != null;
        Map<String, String> allLabels = new LinkedHashMap<>(config.labels());
        allLabels.putAll(labels);
        return new Choices(presetGiven ? preset : config.preset(), presetGiven ? finalStage : config.finalStage(),
                port != null ? port : config.port(), main != null ? main : config.main(),
                languageVersion != null ? languageVersion : config.languageVersion(),
                args.isEmpty() ? config.args() : args, allLabels, catalogs,
                start != null ? start : args.isEmpty() ? config.start() : null,
                language != null ? language : config.language());
    }
}
