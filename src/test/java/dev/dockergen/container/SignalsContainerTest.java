package dev.dockergen.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import dev.dockergen.GenerateRequest;
import dev.dockergen.GenerationResult;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.render.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker stop ends a Node or Python server through SIGTERM, not the kill after the grace period: node and python3 as
 * PID 1 ignore SIGTERM when the program sets no handler (neither fixture does), so without tini in front the container
 * ends with 137 (SIGKILL). With tini it ends with 143 (128 + SIGTERM, the default action) or 0 (a handler that exits).
 * The exit code is asserted, never the time. Distroless only: the static tini comes from Debian's package, which the
 * lab serves; the alpine final installs tini with apk, which the lab does not have (see
 * {@link ContainerScenario#labAlpine}).
 */
@Tag("container")
class SignalsContainerTest {
    private static final Path WORK = Path.of("target", "container-work-signals");

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("node", "express-npm"), Arguments.of("python", "http-stdlib"));
    }

    @ParameterizedTest(name = "{0} {1} on distroless")
    @MethodSource("cases")
    void dockerStopEndsTheServerThroughSigterm(String language, String app) throws IOException {
        ContainerLab.requireReady();
        Path dir = WORK.resolve(language + "-" + app);
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Fixtures.copyTree(Fixtures.ROOT.resolve(language).resolve(app), dir);
        GenerationResult generated = Fixtures.dockergen().generate(new GenerateRequest(
                new DirectoryProjectFiles(dir, app), new DetectOptions(null, null), null, FinalStage.DISTROLESS, null));
        for (GeneratedFile f : generated.files()) {
            Files.writeString(dir.resolve(f.path()), f.content());
        }
        assertTrue(generated.files().get(0).content().contains("ENTRYPOINT [\"/usr/bin/tini\", \"--\""),
                "the image must start through tini:\n" + generated.files().get(0).content());
        String tag = "localhost/dockergen-it/signals-" + language + ":1";
        ContainerLab.BuildRun built = ContainerLab.buildRun(dir, tag, "--probe", "/");
        assertTrue(built.ok("build") && built.ok("run") && built.ok("probe"), built::stderr);
        String name = "dockergen-signals-" + language + "-" + ProcessHandle.current().pid();
        try {
            ContainerLab.Output started = ContainerLab.run(List.of("podman", "run", "-d", "--pull=never", "--name", name, tag), 120);
            assertEquals(0, started.code(), started::err);
            ContainerLab.Output running = ContainerLab.run(List.of("podman", "inspect", "--format", "{{.State.Running}}", name), 60);
            assertEquals("true", running.out().strip(), "the server must be up before it is stopped: " + running.err());
            ContainerLab.Output stopped = ContainerLab.run(List.of("podman", "stop", "-t", "10", name), 120);
            assertEquals(0, stopped.code(), stopped::err);
            String code = ContainerLab.run(List.of("podman", "inspect", "--format", "{{.State.ExitCode}}", name), 60).out().strip();
            assertTrue(code.equals("143") || code.equals("0"), "docker stop must end the server by SIGTERM (exit 143 or 0), "
                    + "not by the kill after the grace period (137); exit code " + code);
        } finally {
            ContainerLab.run(List.of("podman", "rm", "-f", "-t", "0", name), 60);
            ContainerLab.removeImage(tag);
        }
    }
}
