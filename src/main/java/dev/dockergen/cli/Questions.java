package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.ShellWords;
import dev.dockergen.detect.DetectionResult;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.Preset;
import dev.dockergen.preset.PresetCatalog;
import dev.dockergen.preset.ProjectConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The questions {@code init} asks a person at a terminal: one per decision detection could not
 * settle or the user may want to change, each showing the default and where it came from. Enter
 * takes the default. Every question has a flag; a question whose flag was given is not asked.
 */
final class Questions {
    /** The answer "all" at the project or program question: every one, as with --all. */
    static final String ALL = "all";
    private static final int TRIES = 3;
    private final BufferedReader in;
    private final PrintWriter err;

    Questions(BufferedReader in, PrintWriter err) {
        this.in = in;
        this.err = err;
    }

    /** Whether a language version fits the project and the preset: {@link Dockergen#versionFit}. */
    @FunctionalInterface
    interface VersionFit {
        java.util.Optional<dev.dockergen.detect.Warning> apply(ProjectFacts facts, Preset preset, String version);
    }

    /** The preset the answers so far choose, or null when the choice is refused (generation says why). */
    private static Preset preset(PresetCatalog catalog, ProjectFacts facts, GenerationOptions options, ProjectConfig config) {
        try {
            String name = options.preset != null ? options.preset : config.preset();
            FinalStage stage = options.finalStage != null ? options.finalStage : config.finalStage();
            return name == null && stage == null ? catalog.choose(facts, null, null) : catalog.choose(facts.language(), name, stage);
        } catch (DockergenException e) {
            return null;
        }
    }

    /**
     * Asks what is still open and records the answers in {@code options}, as if given as flags.
     *
     * @return false when the answer was "all" (init then runs as with --all), true otherwise
     */
    boolean ask(GenerationOptions options, Supplier<DetectionResult> detect,
                Function<ProjectConfig, PresetCatalog> catalogs, VersionFit versionFit) {
        DetectionResult detection = detect.get();
        // --project names a folder: one that holds two languages' projects still asks which
        if (detection.projects().size() > 1 && (options.projectPath == null || options.language == null)) {
            // a folder that holds two languages' projects offers each as "PATH LANGUAGE" (the language alone at the root)
            Map<String, Long> perFolder = detection.projects().stream().collect(java.util.stream.Collectors.groupingBy(
                    ProjectFacts::path, java.util.stream.Collectors.counting()));
            Map<String, ProjectFacts> byLabel = new java.util.LinkedHashMap<>();
            for (ProjectFacts p : detection.projects()) {
                String label = perFolder.get(p.path()) == 1 ? p.path()
                        : p.path().equals(".") ? p.language().id() : p.path() + " " + p.language().id();
                byLabel.put(label, p);
            }
            List<String> labels = List.copyOf(byLabel.keySet());
            String answer = ask("Project", labels.get(0), "apps found: " + String.join(", ", labels) + "; or all",
                    a -> a.equalsIgnoreCase(ALL) ? ALL : oneOf(labels, a.trim()),
                    perFolder.size() < labels.size() ? "--project and --language, or --all" : "--project or --all");
            if (answer.equals(ALL)) {
                return false;
            }
            ProjectFacts picked = byLabel.get(answer);
            options.projectPath = picked.path();
            if (perFolder.get(picked.path()) > 1) {
                options.language = picked.language().id();
            }
            detection = detect.get();
        }
        String chosen = options.projectPath == null ? "." : options.projectPath;
        ProjectFacts facts = detection.projects().stream().filter(p -> p.path().equals(chosen)).findFirst()
                .orElse(detection.projects().size() == 1 ? detection.projects().get(0) : null);
        if (facts == null) {
            return true; // nothing to ask about: generation reports it
        }
        if (options.projectPath == null && !facts.path().equals(".")) {
            options.projectPath = facts.path(); // the only project is a member: its saved choices apply
        }
        // the chosen project's saved choices: a monorepo member's are in its own folder
        ProjectConfig config = options.config();
        PresetCatalog catalog = catalogs.apply(config);
        List<String> programs = facts.details() == null ? List.of() : facts.details().programs();
        if (options.mainPackage == null && config.main() == null && !programs.isEmpty()) {
            String answer = ask("Program to containerise", programs.get(0),
                    "main packages found: " + String.join(", ", programs) + "; or all",
                    a -> a.equalsIgnoreCase(ALL) ? ALL : oneOf(programs, a), "--main or --all");
            if (answer.equals(ALL)) {
                return false;
            }
            options.mainPackage = answer;
            // the port and the rest are the chosen program's
            facts = detect.get().projects().stream().filter(p -> p.path().equals(chosen)).findFirst().orElse(facts);
        }
        if (options.preset == null && options.finalStage == null && config.preset() == null && config.finalStage() == null) {
            Preset def = catalog.choose(facts, null, null);
            List<String> stages = catalog.finalsFor(facts).stream().map(FinalStage::id).toList();
            String answer = ask("Final stage", def.finalStage().id(), "preset " + def.name() + " is the default; "
                    + "choices: " + String.join(", ", stages), a -> oneOf(stages, a), "--final");
            options.finalStage = FinalStage.fromId(answer).orElseThrow();
        }
        if (options.languageVersion == null && config.languageVersion() == null) {
            String detected = facts.languageVersion() == null ? null : facts.languageVersion().value();
            Preset chosenPreset = preset(catalog, facts, options, config);
            ProjectFacts project = facts;
            java.util.List<dev.dockergen.detect.Warning> fit = new java.util.ArrayList<>();
            String answer = ask(facts.language().id() + " version", detected == null ? "preset default" : detected,
                    detected == null ? "the project names none" : facts.languageVersion().source().toString(), a -> {
                        if (!a.matches("[0-9]+(\\.[0-9]+){0,2}")) {
                            return null;
                        }
                        fit.clear();
                        if (chosenPreset != null && !a.equals(detected)) {
                            // a version the base cannot run or the build refuses is asked again, with the reason
                            versionFit.apply(project, chosenPreset, a).ifPresent(fit::add);
                        }
                        return a;
                    }, "--language-version");
            // a version the project may not work with: said now, while the answer can still change (and once)
            for (dev.dockergen.detect.Warning w : fit) {
                err.println("  warning: " + w);
                options.warned.add(w.toString());
            }
            options.languageVersion = answer.equals(detected) || answer.equals("preset default") ? null : answer;
        }
        if (options.args.isEmpty() && options.start == null && config.args().isEmpty() && config.start() == null
                && facts.start() != null) {
            String shown = ShellWords.join(facts.start());
            ProjectFacts project = facts;
            String answer = ask("Start command", shown, "the whole command, quoted as in a shell: this one, then any "
                    + "arguments", a -> {
                        List<String> words = ShellWords.split(a);
                        Dockergen.startArgs(project, words); // refuses, with the reason, what the image cannot run
                        return a;
                    }, "--start");
            options.start = ShellWords.split(answer).equals(facts.start()) ? null : answer;
        }
        if (options.port == null && config.port() == null) {
            String detected = facts.port() == null ? "none" : String.valueOf(facts.port().value());
            String answer = ask("Port", detected, facts.port() == null ? "no listening port found in the code"
                    : facts.port().source().toString(), a -> {
                        if (a.equalsIgnoreCase("none") || validPort(a)) {
                            return a.toLowerCase(java.util.Locale.ROOT);
                        }
                        throw new IllegalArgumentException("'" + a + "' is not a port: give 1 to 65535, or none");
                    }, "--port");
            options.port = answer.equals(detected) || answer.equals("none") ? null : Integer.valueOf(answer);
        }
        Preset preset;
        try {
            preset = catalog.choose(facts.language(), options.preset != null ? options.preset : config.preset(),
                    options.finalStage != null ? options.finalStage : config.finalStage());
        } catch (DockergenException e) {
            return true; // generation reports it
        }
        for (String label : catalog.policy().requiredLabels()) {
            if (!options.labels.containsKey(label) && !config.labels().containsKey(label) && !preset.labels().containsKey(label)) {
                String source = catalog.policy().sources().get("requiredLabels");
                options.labels.put(label, ask("Label " + label, null, "required by the organisation policy, " + source,
                        a -> a, "--label " + label + "=VALUE"));
            }
        }
        return true;
    }

    /**
     * The choice an answer names: exactly, ignoring case, or by its last path segment when only one choice ends
     * so ({@code worker} for {@code cmd/worker}); null when it names none or several.
     */
    static String oneOf(List<String> choices, String answer) {
        if (choices.contains(answer)) {
            return answer;
        }
        List<String> matches = choices.stream().filter(c -> c.equalsIgnoreCase(answer)).toList();
        if (matches.isEmpty()) {
            matches = choices.stream().filter(c -> c.substring(c.lastIndexOf('/') + 1).equalsIgnoreCase(answer)).toList();
        }
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /** After a diff of files that would change: "yes" (replace), "skip" (keep them), or "no". */
    String replaceOrKeep() {
        return ask("Replace the files shown above", "no", "yes replaces them, skip keeps them and writes the rest",
                a -> {
                    String l = a.toLowerCase(java.util.Locale.ROOT);
                    return l.equals("yes") || l.equals("y") ? "yes" : l.equals("no") || l.equals("n") ? "no"
                            : l.equals("skip") ? "skip" : null;
                }, "--force or --skip");
    }

    private static boolean validPort(String a) {
        return a.matches("[0-9]{1,5}") && Integer.parseInt(a) >= 1 && Integer.parseInt(a) <= 65535;
    }

    /**
     * One question: the answer (the default on Enter; a question without a default asks again), re-asked on a bad
     * answer. End of input (Ctrl-D) ends the run like Ctrl-C: nothing is written.
     */
    private String ask(String question, String defaultValue, String why, Function<String, String> accept, String flag) {
        for (int i = 0; i < TRIES; i++) {
            err.print("? " + question + (defaultValue == null ? "" : " [" + defaultValue + "]") + " (" + why
                    + "; flag " + flag + "): ");
            err.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null) {
                err.println();
                throw new DockergenException(ExitCode.INTERRUPTED, "end of input at '" + question + "'; nothing was written");
            }
            if (line.isBlank()) {
                if (defaultValue != null) {
                    return defaultValue;
                }
                err.println("  an answer is needed here (or give " + flag + ")");
                continue;
            }
            String accepted;
            try {
                accepted = accept.apply(line.strip());
            } catch (IllegalArgumentException | DockergenException e) {
                err.println("  " + e.getMessage() + (defaultValue == null ? "" : "; press Enter for " + defaultValue));
                continue;
            }
            if (accepted != null) {
                return accepted;
            }
            err.println("  '" + line.strip() + "' is not an answer here" + (defaultValue == null ? "" : "; press Enter for "
                    + defaultValue));
        }
        throw new DockergenException(ExitCode.USAGE, question + ": no usable answer after " + TRIES + " tries; give " + flag);
    }

}
