package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.preset.FinalStage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every C fixture on scratch, alpine and distroless, approved; the one without a static library is refused on scratch. */
public class CApprovalTest {
    static final String[] FIXTURES = {"make-server", "cmake-cli", "autotools-server", "meson-tally", "cpp-cmake",
        "systemd-notify"};

    public static Stream<Arguments> fixtureTimesFinal() {
        return Stream.of(FIXTURES).flatMap(f -> Stream.of(FinalStage.values()).map(s -> Arguments.of(f, s)))
                .filter(a -> !(a.get()[0].equals("systemd-notify") && a.get()[1] != FinalStage.DISTROLESS));
    }

    public static GenerationResult generate(String fixture, FinalStage stage) {
        return Fixtures.dockergen().generate(new GenerateRequest(
                new DirectoryProjectFiles(Fixtures.ROOT.resolve("c").resolve(fixture), fixture),
                DetectOptions.DEFAULT, null, stage, null));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("fixtureTimesFinal")
    void dockerfile(String fixture, FinalStage stage) {
        ApprovedFiles.verifyDockerfile(generate(fixture, stage), fixture, stage);
    }

    static Stream<String> fixtures() {
        return Stream.of(FIXTURES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void dockerignore(String fixture) {
        ApprovedFiles.verifyDockerignore(generate(fixture, FinalStage.DISTROLESS), fixture);
    }

    @Test
    void scratchIsRefusedWhenALinkedLibraryHasNoStaticForm() {
        DockergenException e = assertThrows(DockergenException.class, () -> generate("systemd-notify", FinalStage.SCRATCH));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("preset c-scratch cannot build this project: scratch needs a fully static binary, and libsystemd "
                + "(Makefile:2) has no static archive in libsystemd-dev; use --final distroless (preset c-distroless) "
                + "or --final alpine (preset c-alpine)", e.getMessage());
    }

    @Test
    void alpineIsRefusedWhenALinkedLibraryHasNoAlpinePackage() {
        DockergenException e = assertThrows(DockergenException.class, () -> generate("systemd-notify", FinalStage.ALPINE));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("preset c-alpine cannot build this project: libsystemd (Makefile:2) has no Alpine package "
                + "(musl systems lack it); use --final distroless (preset c-distroless)",
                e.getMessage());
    }
}
