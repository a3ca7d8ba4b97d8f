package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.preset.FinalStage;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.NamedEnvironment;
import org.approvaltests.namer.NamerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Go fixture times every final stage, approved as Dockerfile and .dockerignore. */
public class GoApprovalTest {
    static final String[] FIXTURES = {"nethttp-root", "cmd-server", "no-gosum", "cgo-sqlite", "cgo-inline", "worker",
        "chi-port", "toolchain", "embed-replace", "no-gomod"};

    public static Stream<Arguments> fixtureTimesFinal() {
        return Stream.of(FIXTURES).flatMap(f -> Stream.of(FinalStage.values()).map(s -> Arguments.of(f, s)))
                .filter(a -> !(((String) a.get()[0]).startsWith("cgo-") && a.get()[1] == FinalStage.SCRATCH));
    }

    public static GenerationResult generate(String fixture, FinalStage stage) {
        return Fixtures.dockergen().generate(new GenerateRequest(Fixtures.goFiles(fixture), DetectOptions.DEFAULT,
                null, stage, null));
    }

    static Stream<String> fixtures() {
        return Stream.of(FIXTURES);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("fixtureTimesFinal")
    void dockerfile(String fixture, FinalStage stage) {
        GenerationResult result = generate(fixture, stage);
        assertEquals(Dockergen.DOCKERFILE, result.files().get(0).path());
        try (NamedEnvironment env = NamerFactory.withParameters(fixture, stage.id())) {
            Approvals.verify(result.files().get(0).content(), new Options().forFile().withExtension(".Dockerfile"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void dockerignore(String fixture) {
        GenerationResult result = generate(fixture, FinalStage.DISTROLESS);
        assertEquals(Dockergen.DOCKERIGNORE, result.files().get(1).path());
        // the .dockerignore does not depend on the final stage
        assertEquals(result.files().get(1).content(), generate(fixture, FinalStage.ALPINE).files().get(1).content());
        try (NamedEnvironment env = NamerFactory.withParameters(fixture)) {
            Approvals.verify(result.files().get(1).content(), new Options().forFile().withExtension(".dockerignore"));
        }
    }

    @Test
    void scratchIsRefusedForACgoProgramWithTheReasonAndTheAlternatives() {
        DockergenException e = assertThrows(DockergenException.class, () -> generate("cgo-sqlite", FinalStage.SCRATCH));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("preset go-scratch cannot build this project: scratch has no C library, and this program needs "
                + "cgo, so its binary links one dynamically (cgo is needed: go.mod:5); use --final distroless "
                + "(preset go-distroless) or --final alpine (preset go-alpine)", e.getMessage());
    }

    @Test
    void generationIsDeterministic() {
        for (String fixture : FIXTURES) {
            assertEquals(generate(fixture, FinalStage.ALPINE), generate(fixture, FinalStage.ALPINE), fixture);
        }
    }

    @Test
    void defaultPresetForGoIsDistroless() {
        GenerationResult result = Fixtures.dockergen().generate(new GenerateRequest(Fixtures.goFiles("nethttp-root"),
                DetectOptions.DEFAULT, null, null, null));
        assertEquals("go-distroless", result.preset().name());
        assertTrue(result.files().get(0).content().contains("FROM gcr.io/distroless/static-debian12:nonroot AS runtime"));
    }
}
