package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.preset.FinalStage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Python fixture on alpine and distroless, approved; the uv workspace for its api member. */
public class PythonApprovalTest {
    static final String[] FIXTURES = {"flask-pip", "django-poetry", "fastapi-uv", "pipenv-flask", "worker-stdlib",
        "http-stdlib", "uv-workspace", "pdm-flask"};

    public static Stream<Arguments> fixtureTimesFinal() {
        return Stream.of(FIXTURES).flatMap(f -> Stream.of(FinalStage.ALPINE, FinalStage.DISTROLESS).map(s -> Arguments.of(f, s)));
    }

    /** The member each multi-project fixture is generated for. */
    static String project(String fixture) {
        return fixture.equals("uv-workspace") ? "packages/api" : null;
    }

    public static GenerationResult generate(String fixture, FinalStage stage) {
        return Fixtures.dockergen().generate(new GenerateRequest(
                new DirectoryProjectFiles(Fixtures.ROOT.resolve("python").resolve(fixture), fixture),
                new DetectOptions(project(fixture), null), null, stage, null));
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
        ApprovedFiles.verifyDockerignore(generate(fixture, FinalStage.ALPINE), fixture);
    }

    @Test
    void scratchIsRefusedForPython() {
        DockergenException e = assertThrows(DockergenException.class, () -> generate("flask-pip", FinalStage.SCRATCH));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("no python preset with a scratch final stage"), e.getMessage());
        assertTrue(e.getMessage().contains("python-distroless, python-alpine"), e.getMessage());
    }

    @Test
    void theWorkspaceRootAloneAsksForAMember() {
        DockergenException e = assertThrows(DockergenException.class, () -> Fixtures.dockergen().generate(new GenerateRequest(
                new DirectoryProjectFiles(Fixtures.ROOT.resolve("python").resolve("uv-workspace"), "uv-workspace"),
                DetectOptions.DEFAULT, null, FinalStage.ALPINE, null)));
        assertTrue(e.getMessage().contains("packages/api (python), packages/jobs (python)"), e.getMessage());
    }
}
