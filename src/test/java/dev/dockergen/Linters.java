package dev.dockergen;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The external linters users run on a Dockerfile: the VS Code Dockerfile validator (npm dockerfile-utils,
 * installed from .ci/lint) and ShellCheck on every RUN script. {@link LintersTest} runs them on every
 * generated fixture, the real-world runner on the files generated for real repositories.
 */
public final class Linters {
    /** The validator script; prints one "file:line:col: message" per problem. */
    public static final Path VALIDATOR = Path.of(".ci", "lint", "validate-dockerfiles.js");

    private Linters() {
    }

    /** Whether the VS Code validator can run here (node on PATH, `npm ci --prefix .ci/lint` done). */
    public static boolean validatorPresent() {
        return onPath("node") && Files.isDirectory(Path.of(".ci", "lint", "node_modules", "dockerfile-utils"));
    }

    public static boolean shellCheckPresent() {
        return onPath("shellcheck");
    }

    /** The command that validates these Dockerfiles; its output names each file it complains about. */
    public static List<String> validatorCommand(List<Path> dockerfiles) {
        List<String> cmd = new ArrayList<>(List.of("node", VALIDATOR.toString()));
        dockerfiles.forEach(f -> cmd.add(f.toString()));
        return cmd;
    }

    /** The command that checks these scripts as POSIX sh; "file:line:col: level: message [SCnnnn]" per finding. */
    public static List<String> shellCheckCommand(List<Path> scripts) {
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "--shell=sh", "--format=gcc"));
        scripts.forEach(s -> cmd.add(s.toString()));
        return cmd;
    }

    /**
     * Writes each RUN instruction of the Dockerfile (continuations folded, mount options dropped) as a shell
     * script {@code <dockerfile name>.run<N>.sh} into {@code dir}, and returns the scripts in order.
     */
    public static List<Path> writeRunScripts(Path dockerfile, Path dir) throws IOException {
        List<Path> scripts = new ArrayList<>();
        int n = 0;
        for (String line : DockerfileContract.joinContinuations(Files.readAllLines(dockerfile))) {
            if (line.startsWith("RUN ")) {
                String script = line.substring(4).replaceAll("--mount=\\S+\\s*", "");
                Path sh = dir.resolve(dockerfile.getFileName() + ".run" + (++n) + ".sh");
                Files.writeString(sh, "#!/bin/sh\n" + script + "\n");
                scripts.add(sh);
            }
        }
        return scripts;
    }

    /** Runs the command; "" when it exits 0, else its output (or "exit N", or "timed out"). */
    public static String run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // read on another thread, so a full pipe cannot outlast the timeout
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append(e.getMessage());
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            reader.join(5000);
            return "timed out after " + timeoutSeconds + " s: " + String.join(" ", command.subList(0, 1));
        }
        reader.join();
        return p.exitValue() == 0 ? "" : out.toString().isBlank() ? "exit " + p.exitValue() : out.toString();
    }

    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
