package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script as a shell uses it: printed by {@code dockergen generate-completion} (the command line
 * built from those very arguments), sourced in a real bash, and asked to complete command lines.
 */
class CompletionTest {
    @TempDir
    static Path tmp;
    static Path script;

    @BeforeAll
    static void writeScript() throws IOException {
        CliRunner.Result r = CliRunner.run("generate-completion");
        assertEquals(0, r.code(), r.err());
        script = Files.writeString(tmp.resolve("dockergen.bash"), r.out());
    }

    /** What bash offers for the last word of {@code words} (run in {@code dir}), one candidate per entry. */
    static List<String> complete(Path dir, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w.replace("'", "'\\''")).append('\'');
        }
        String bash = "source '" + script + "'\n"
                + "COMP_WORDS=(" + array + ")\nCOMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
                + "_complete_dockergen\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", bash).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<String> candidates = new ArrayList<>(out.lines().filter(l -> !l.isEmpty()).toList());
        return candidates;
    }

    static List<String> complete(String... words) throws IOException, InterruptedException {
        return complete(Path.of(".").toAbsolutePath(), words);
    }

    @Test
    void everyCommandCompletes() throws Exception {
        assertEquals(List.of("init", "detect", "check", "audit", "presets", "measure", "help", "generate-completion"),
                complete("dockergen", ""));
        assertEquals(List.of("init"), complete("dockergen", "in"));
        assertEquals(List.of("list", "show", "validate"), complete("dockergen", "presets", ""));
    }

    @Test
    void everyOptionCompletes() throws Exception {
        List<String> init = complete("dockergen", "init", "--");
        for (String o : new String[] {"--preset", "--final", "--port", "--main", "--project", "--language-version",
            "--arg", "--label", "--catalog", "--output", "--dry-run", "--force", "--skip", "--all", "--no-save",
            "--yes", "--format", "--help"}) {
            assertTrue(init.contains(o), o + " in " + init);
        }
        assertEquals(List.of("--preset"), complete("dockergen", "init", "--pre"));
        assertTrue(complete("dockergen", "audit", "--").containsAll(List.of("--format", "--fail-on")));
        assertTrue(complete("dockergen", "check", "--").containsAll(List.of("--final", "--preset", "--project")));
    }

    @Test
    void valuesComplete() throws Exception {
        assertEquals(List.of("scratch", "alpine", "distroless"), complete("dockergen", "init", "--final", ""));
        assertEquals(List.of("alpine"), complete("dockergen", "check", "--final", "al"));
        assertEquals(List.of("text", "json", "sarif"), complete("dockergen", "audit", "--format", ""));
        assertEquals(List.of("error", "warning", "info"), complete("dockergen", "audit", "--fail-on", ""));
    }

    @Test
    void presetNamesComplete() throws Exception {
        // no dockergen on PATH here: the built-in names
        assertEquals(List.of("node-distroless", "node-alpine"),
                complete("no-such-dockergen", "init", "--preset", "node-"));
        assertTrue(complete("no-such-dockergen", "presets", "show", "").containsAll(List.of("go-distroless", "c-alpine")));
    }

    @Test
    void presetNamesComeFromTheDockergenBeingCompleted() throws Exception {
        // a launcher running this very build: in a project whose .dockergen.yaml names a catalogue, its presets count
        Path launcher = tmp.resolve("dockergen");
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.dockergen.cli.Main \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
        Path service = Path.of("docs", "examples", "acme", "service").toAbsolutePath();
        assertEquals(List.of("acme-go"), complete(service, launcher.toString(), "init", "--preset", "acme"));
    }

    @Test
    void pathsCompleteAsFilesAndFolders() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("work").resolve("services"));
        Files.writeString(dir.getParent().resolve("Dockerfile.api"), "FROM scratch\n");
        Path work = dir.getParent();
        assertEquals(List.of("services"), complete(work, "dockergen", "init", "se"));
        assertEquals(List.of("services"), complete(work, "dockergen", "init", "--output", "se"));
        assertEquals(List.of("Dockerfile.api"), complete(work, "dockergen", "audit", "Do"));
        assertEquals(List.of("services"), complete(work, "dockergen", "presets", "validate", "s"));
        assertEquals(List.of("services"), complete(work, "dockergen", "detect", "--format", "json", "s"));
        assertTrue(Arrays.asList("services").equals(complete(work, "dockergen", "check", "--catalog", "s")));
    }
}
