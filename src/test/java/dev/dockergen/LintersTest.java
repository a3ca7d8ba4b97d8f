package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void vsCodeDockerfileValidatorFindsNothing() throws Exception {
        requireTool(Linters.validatorPresent(), "dockerfile-utils");
        assertEquals("", Linters.run(Linters.validatorCommand(DOCKERFILES), 300));
    }

    @Test
    void shellCheckFindsNothingInAnyRunScript() throws Exception {
        requireTool(Linters.shellCheckPresent(), "shellcheck");
        List<Path> scripts = new ArrayList<>();
        for (Path dockerfile : DOCKERFILES) {
            scripts.addAll(Linters.writeRunScripts(dockerfile, OUT));
        }
        assertEquals("", Linters.run(Linters.shellCheckCommand(scripts), 300));
    }
}
