package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockergen.preset.FinalStage;
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
        for (var args : GoApprovalTest.fixtureTimesFinal().toList()) {
            String fixture = (String) args.get()[0];
            FinalStage stage = (FinalStage) args.get()[1];
            Path file = OUT.resolve(fixture + "." + stage.id() + ".Dockerfile");
            Files.writeString(file, GoApprovalTest.generate(fixture, stage).files().get(0).content());
            DOCKERFILES.add(file);
        }
        for (var args : NodeApprovalTest.fixtureTimesFinal().toList()) {
            String fixture = (String) args.get()[0];
            FinalStage stage = (FinalStage) args.get()[1];
            Path file = OUT.resolve("node-" + fixture + "." + stage.id() + ".Dockerfile");
            Files.writeString(file, NodeApprovalTest.generate(fixture, stage).files().get(0).content());
            DOCKERFILES.add(file);
        }
        for (var args : PythonApprovalTest.fixtureTimesFinal().toList()) {
            String fixture = (String) args.get()[0];
            FinalStage stage = (FinalStage) args.get()[1];
            Path file = OUT.resolve("python-" + fixture + "." + stage.id() + ".Dockerfile");
            Files.writeString(file, PythonApprovalTest.generate(fixture, stage).files().get(0).content());
            DOCKERFILES.add(file);
        }
        for (var args : JavaApprovalTest.fixtureTimesFinal().toList()) {
            String fixture = (String) args.get()[0];
            FinalStage stage = (FinalStage) args.get()[1];
            Path file = OUT.resolve("java-" + fixture + "." + stage.id() + ".Dockerfile");
            Files.writeString(file, JavaApprovalTest.generate(fixture, stage).files().get(0).content());
            DOCKERFILES.add(file);
        }
        for (var args : CApprovalTest.fixtureTimesFinal().toList()) {
            String fixture = (String) args.get()[0];
            FinalStage stage = (FinalStage) args.get()[1];
            Path file = OUT.resolve("c-" + fixture + "." + stage.id() + ".Dockerfile");
            Files.writeString(file, CApprovalTest.generate(fixture, stage).files().get(0).content());
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
