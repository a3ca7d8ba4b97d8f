package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The external linters users run, on every generated Dockerfile: the VS Code Dockerfile validator
 * (npm dockerfile-utils, installed by .ci/run from .ci/lint) and ShellCheck on every RUN script.
 * Zero findings. Without the tools the tests skip with a message; under CI they must be there.
 */
@Tag("lint")
class LintersTest {
    private static final Path OUT = Path.of("target", "lint");
    private static final Path VALIDATOR = Path.of(".ci", "lint", "validate-dockerfiles.js");
    private static final List<Path> DOCKERFILES = new ArrayList<>();

    @BeforeAll
    static void renderEveryDockerfile() throws IOException {
        Files.createDirectories(OUT);
        for (Cases.Generated g : Cases.generated().toList()) {
            Path file = OUT.resolve(g.c().id() + ".Dockerfile");
            Files.writeString(file, g.dockerfile());
            DOCKERFILES.add(file);
        }
    }

    private static void requireTool(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(what + " is missing under CI; .ci/run installs it");
        }
        assumeTrue(present, what + " is not installed: run `npm ci --prefix .ci/lint` and install shellcheck to lint generated files");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        return p.exitValue() == 0 ? "" : out.isBlank() ? "exit " + p.exitValue() : out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void vsCodeDockerfileValidatorFindsNothing() throws Exception {
        requireTool(onPath("node") && Files.isDirectory(Path.of(".ci", "lint", "node_modules", "dockerfile-utils")),
                "dockerfile-utils");
        List<String> cmd = new ArrayList<>(List.of("node", VALIDATOR.toString()));
        DOCKERFILES.forEach(f -> cmd.add(f.toString()));
        assertEquals("", run(cmd));
    }

    @Test
    void shellCheckFindsNothingInAnyRunScript() throws Exception {
        requireTool(onPath("shellcheck"), "shellcheck");
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "--shell=sh", "--format=gcc"));
        for (Path dockerfile : DOCKERFILES) {
            int n = 0;
            for (String line : DockerfileContractTest.joinContinuations(Files.readAllLines(dockerfile))) {
                if (line.startsWith("RUN ")) {
                    String script = line.substring(4).replaceAll("--mount=\\S+\\s*", "");
                    Path sh = OUT.resolve(dockerfile.getFileName() + ".run" + (++n) + ".sh");
                    Files.writeString(sh, "#!/bin/sh\n" + script + "\n");
                    cmd.add(sh.toString());
                }
            }
        }
        assertEquals("", run(cmd));
    }
}
