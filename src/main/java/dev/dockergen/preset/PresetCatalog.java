package dev.dockergen.preset;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The merged, validated set of presets that generation chooses from.
 *
 * @param refused built-in presets the organisation policy rules out (name → why): an error only for a project that
 *     would use one, since the organisation cannot edit them and most projects never pick most of them
 */
public record PresetCatalog(List<Preset> presets, Policy policy, java.util.Map<String, String> refused) {
    public PresetCatalog {
        presets = List.copyOf(presets);
        refused = java.util.Map.copyOf(refused);
    }

    public PresetCatalog(List<Preset> presets, Policy policy) {
        this(presets, policy, java.util.Map.of());
    }

    /** The preset for a language (see {@link #choose(Language, String, FinalStage)}), unless the policy rules it out. */
    public Preset choose(Language language, String name, FinalStage finalStage) {
        Preset p = pick(language, name, finalStage);
        String why = refused.get(p.name());
        if (why != null) {
            boolean digests = why.contains("not pinned by digest");
            throw new DockergenException(ExitCode.BAD_CATALOG, "the built-in preset " + p.name() + " (" + p.source()
                    + ") breaks the organisation policy: " + why + "; add a preset to your catalogue that extends "
                    + p.name() + " with " + (digests ? "digest-pinned" : "allowed") + " build and runtime images"
                    + (digests ? "" : " (or set policy.registryMirror)") + ", and choose it with --preset or "
                    + "`default: true` (docs/presets.md)");
        }
        return p;
    }

    public Optional<Preset> find(String name) {
        return presets.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The preset for a project: by name, by final stage, or the language's default when it can serve the project,
     * else the first preset of the language that can (a static site is best served from a web server image).
     */
    public Preset choose(ProjectFacts project, String name, FinalStage finalStage) {
        Preset chosen = choose(project.language(), name, finalStage);
        if (name != null || finalStage != null || chosen.canServe(project)) {
            return chosen;
        }
        return forLanguage(project.language()).stream().filter(p -> p.canServe(project)).findFirst().orElse(chosen);
    }

    /**
     * The finals of the language's presets, default first, then those with a web server image for a static site
     * (a Node preset without one serves the site with a Node static server on its runtime, ADR 0013).
     */
    public List<FinalStage> finalsFor(ProjectFacts project) {
        Preset def = choose(project, null, null);
        List<Preset> all = forLanguage(project.language());
        return java.util.stream.Stream.of(java.util.stream.Stream.of(def), all.stream().filter(p -> p.canServe(project)),
                        all.stream()).flatMap(s -> s).map(Preset::finalStage).distinct().toList();
    }

    /** The preset for a language: by name, by final stage, or the language's default. */
    private Preset pick(Language language, String name, FinalStage finalStage) {
        if (name != null) {
            Preset p = find(name).orElseThrow(() -> new DockergenException(ExitCode.USAGE,
                    "no preset named '" + name + "'; available: " + names(presets)));
            if (p.language() != language) {
                throw new DockergenException(ExitCode.USAGE, "preset '" + name + "' is for " + p.language().id()
                        + ", but this is a " + language.id() + " project; " + language.id() + " presets: "
                        + names(forLanguage(language)));
            }
            if (finalStage != null && p.finalStage() != finalStage) {
                throw new DockergenException(ExitCode.USAGE, "preset '" + name + "' has a " + p.finalStage().id()
                        + " final stage, but --final " + finalStage.id() + " was given; drop one of the two options");
            }
            return p;
        }
        List<Preset> candidates = forLanguage(language);
        if (finalStage != null) {
            return candidates.stream().filter(p -> p.finalStage() == finalStage).findFirst()
                    .orElseThrow(() -> new DockergenException(ExitCode.USAGE, "no " + language.id() + " preset with a "
                            + finalStage.id() + " final stage; available: " + names(candidates)));
        }
        return candidates.stream().filter(Preset::isDefault).findFirst()
                .or(() -> candidates.stream().findFirst())
                .orElseThrow(() -> new DockergenException(ExitCode.USAGE, "no preset for " + language.id()));
    }

    public List<Preset> forLanguage(Language language) {
        return presets.stream().filter(p -> p.language() == language).toList();
    }

    private static String names(List<Preset> presets) {
        return presets.stream().map(Preset::name).collect(Collectors.joining(", "));
    }
}
