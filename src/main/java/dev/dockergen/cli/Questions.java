package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import dev.dockergen.DockergenException;
import dev.dockergen.ShellWords;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.DetectionResult;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.go.GoDetails;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.Preset;
import dev.dockergen.preset.PresetCatalog;
import dev.dockergen.preset.ProjectConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The questions {@code init} asks a person at a terminal: one per decision detection could not
 * settle or the user may want to change, each showing the default and where it came from. Enter
 * takes the default. Every question has a flag; a question whose flag was given is not asked.
 */
final class Questions {
    private static final int TRIES = 3;
    private final BufferedReader in;
    private final PrintWriter err;

    Questions(BufferedReader in, PrintWriter err) {
        this.in = in;
        this.err = err;
    }

    /** Asks what is still open and records the answers in {@code options}, as if given as flags. */
    void ask(GenerationOptions options, Supplier<DetectionResult> detect, PresetCatalog catalog, ProjectConfig config) {
        DetectionResult detection = detect.get();
        if (detection.projects().size() > 1 && options.projectPath == null) {
            List<String> paths = detection.projects().stream().map(ProjectFacts::path).toList();
            options.projectPath = ask("Project", paths.get(0), "apps found: " + String.join(", ", paths),
                    a -> paths.contains(a) ? a : null, "--project");
            detection = detect.get();
        }
        String chosen = options.projectPath == null ? "." : options.projectPath;
        ProjectFacts facts = detection.projects().stream().filter(p -> p.path().equals(chosen)).findFirst()
                .orElse(detection.projects().size() == 1 ? detection.projects().get(0) : null);
        if (facts == null) {
            return; // nothing to ask about: generation reports it
        }
        if (options.mainPackage == null && config.main() == null && facts.details() instanceof GoDetails go
                && go.mainPackage() == null && go.mainCandidates().size() > 1) {
            options.mainPackage = ask("Program to containerise", go.mainCandidates().get(0),
                    "main packages found: " + String.join(", ", go.mainCandidates()),
                    a -> go.mainCandidates().contains(a) ? a : null, "--main");
            // the port and the rest are the chosen program's
            facts = detect.get().projects().stream().filter(p -> p.path().equals(chosen)).findFirst().orElse(facts);
        }
        if (options.preset == null && options.finalStage == null && config.preset() == null && config.finalStage() == null) {
            Preset def = catalog.choose(facts.language(), null, null);
            List<String> stages = catalog.forLanguage(facts.language()).stream().map(p -> p.finalStage().id()).distinct().toList();
            String answer = ask("Final stage", def.finalStage().id(), "preset " + def.name() + " is the default; "
                    + "choices: " + String.join(", ", stages), a -> stages.contains(a) ? a : null, "--final");
            options.finalStage = FinalStage.fromId(answer).orElseThrow();
        }
        if (options.languageVersion == null && config.languageVersion() == null) {
            String detected = facts.languageVersion() == null ? null : facts.languageVersion().value();
            String answer = ask(facts.language().id() + " version", detected == null ? "preset default" : detected,
                    detected == null ? "the project names none" : facts.languageVersion().source().toString(),
                    a -> a.matches("[0-9]+(\\.[0-9]+){0,2}") ? a : null, "--language-version");
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
                    : facts.port().source().toString(), a -> a.equals("none") || validPort(a) ? a : null, "--port");
            options.port = answer.equals(detected) || answer.equals("none") ? null : Integer.valueOf(answer);
        }
    }

    /** After a diff of files that would change: "yes" (replace), "skip" (keep them), or "no". */
    String replaceOrKeep() {
        return ask("Replace the files shown above", "no", "yes replaces them, skip keeps them and writes the rest",
                a -> a.equals("yes") || a.equals("y") ? "yes" : a.equals("no") || a.equals("n") ? "no"
                        : a.equals("skip") ? "skip" : null, "--force or --skip");
    }

    private static boolean validPort(String a) {
        return a.matches("[0-9]{1,5}") && Integer.parseInt(a) >= 1 && Integer.parseInt(a) <= 65535;
    }

    /** One question: the answer (default on Enter or end of input), re-asked on a bad answer. */
    private String ask(String question, String defaultValue, String why, Function<String, String> accept, String flag) {
        for (int i = 0; i < TRIES; i++) {
            err.print("? " + question + " [" + defaultValue + "] (" + why + "; flag " + flag + "): ");
            err.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null || line.isBlank()) {
                if (line == null) {
                    err.println();
                }
                return defaultValue;
            }
            String accepted;
            try {
                accepted = accept.apply(line.strip());
            } catch (IllegalArgumentException | DockergenException e) {
                err.println("  " + e.getMessage() + "; press Enter for " + defaultValue);
                continue;
            }
            if (accepted != null) {
                return accepted;
            }
            err.println("  '" + line.strip() + "' is not an answer here; press Enter for " + defaultValue);
        }
        throw new DockergenException(ExitCode.USAGE, question + ": no usable answer after " + TRIES + " tries; give " + flag);
    }

}
