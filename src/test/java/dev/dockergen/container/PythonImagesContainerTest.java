package dev.dockergen.container;

import dev.dockergen.Fixtures;
import dev.dockergen.preset.FinalStage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Standard-library Python apps (the lab has no package index) on both finals: the venv built in the build
 * stage must start on the runtime image, run as non-root, and the pip layer must survive a source edit.
 */
@Tag("container")
class PythonImagesContainerTest {
    private static final Path WORK = Path.of("target", "container-work-python");
    private static final Path PYTHON = Fixtures.ROOT.resolve("python");
    private static final String PIP = "/venv/bin/pip install -r requirements.txt";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("http-stdlib", FinalStage.DISTROLESS, "/", "hello from stdlib", "server.py",
                        "\"hello from stdlib\"", "\"hi from stdlib\"", "hi from stdlib", PIP),
                Arguments.of("http-stdlib", FinalStage.ALPINE, "/", "hello from stdlib", "server.py",
                        "\"hello from stdlib\"", "\"hi from stdlib\"", "hi from stdlib", PIP),
                Arguments.of("worker-stdlib", FinalStage.DISTROLESS, null, null, "worker.py", "tick {count}",
                        "beat {count}", null, PIP),
                Arguments.of("worker-stdlib", FinalStage.ALPINE, null, null, "worker.py", "tick {count}",
                        "beat {count}", null, PIP),
                // nothing from an index: a stdlib setup.py package runs from its source (pip install . would fetch
                // setuptools), requirements of lint tools only and of vendored packages are not installed
                Arguments.of("setup-stdlib-server", FinalStage.DISTROLESS, "/", "pong from setup", "pingserve/__init__.py",
                        "\"pong from setup\"", "\"pong again\"", "pong again", PIP),
                Arguments.of("setup-stdlib-server", FinalStage.ALPINE, "/", "pong from setup", "pingserve/__init__.py",
                        "\"pong from setup\"", "\"pong again\"", "pong again", PIP),
                Arguments.of("devtools-requirements", FinalStage.DISTROLESS, "/", "tally 1", "tally.py",
                        "LABEL = \"tally\"", "LABEL = \"count\"", "count 1", PIP),
                Arguments.of("vendored-lib", FinalStage.DISTROLESS, "/", "hello from vendored", "app.py",
                        "greeting=\"hello\"", "greeting=\"hi\"", "hi from vendored", PIP),
                // setup.py's data_files put conf/ at /etc/greetd, which the program reads: the image copies it there
                // (the edit is to the configuration, which the program serves)
                Arguments.of("setup-etc-config", FinalStage.DISTROLESS, "/", "hello from etc (calm, loud)",
                        "conf/greetd.ini", "text = hello from etc", "text = hi from etc", "hi from etc (calm, loud)", PIP));
    }

    @BeforeAll
    static void cleanWork() throws IOException {
        if (java.nio.file.Files.exists(WORK)) {
            try (Stream<Path> paths = java.nio.file.Files.walk(WORK)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        ContainerReport.write(Path.of("target"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void imageBuildsRunsAnswersAndRebuildsFromCache(String app, FinalStage stage, String probe, String expect, String file,
                                                    String from, String to, String expectAfter, String install)
            throws IOException {
        ContainerScenario.run(WORK, "py-" + app, PYTHON.resolve(app), stage, probe, expect, file, from, to, expectAfter,
                install);
    }
}
