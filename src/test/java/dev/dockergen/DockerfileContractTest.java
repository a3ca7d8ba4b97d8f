package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockergen.plan.IgnoreMatcher;
import dev.dockergen.preset.FinalStage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mechanical rules of shared/design/dockerfile-contract.md ({@link DockerfileContract}), applied to every
 * generated Dockerfile: BuildKit check names and hadolint rule ids are given where a rule mirrors one.
 */
class DockerfileContractTest {
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return java.util.stream.Stream.of(
                GoApprovalTest.fixtureTimesFinal().map(a -> org.junit.jupiter.params.provider.Arguments.of("go", a.get()[0], a.get()[1])),
                NodeApprovalTest.fixtureTimesFinal().map(a -> org.junit.jupiter.params.provider.Arguments.of("node", a.get()[0], a.get()[1])),
                JavaApprovalTest.fixtureTimesFinal().map(a -> org.junit.jupiter.params.provider.Arguments.of("java", a.get()[0], a.get()[1])))
                .flatMap(x -> x);
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("cases")
    void generatedFilesMeetTheContract(String language, String fixture, FinalStage stage) {
        GenerationResult result = switch (language) {
            case "go" -> GoApprovalTest.generate(fixture, stage);
            case "java" -> JavaApprovalTest.generate(fixture, stage);
            default -> NodeApprovalTest.generate(fixture, stage);
        };
        String dockerfile = result.files().get(0).content();
        IgnoreMatcher ignore = new IgnoreMatcher(result.files().get(1).content().lines().toList());
        // a static site (no start command) is served on the web server's port
        boolean hasPort = result.project().port() != null || result.project().start() == null;
        assertEquals(List.of(), violations(dockerfile, ignore, hasPort));
    }

    @ParameterizedTest(name = "python {0} on {1}")
    @MethodSource("dev.dockergen.PythonApprovalTest#fixtureTimesFinal")
    void generatedPythonFilesMeetTheContract(String fixture, FinalStage stage) {
        GenerationResult result = PythonApprovalTest.generate(fixture, stage);
        String dockerfile = result.files().get(0).content();
        IgnoreMatcher ignore = new IgnoreMatcher(result.files().get(1).content().lines().toList());
        assertEquals(List.of(), violations(dockerfile, ignore, result.project().port() != null));
    }

    @ParameterizedTest(name = "c {0} on {1}")
    @MethodSource("dev.dockergen.CApprovalTest#fixtureTimesFinal")
    void generatedCFilesMeetTheContract(String fixture, FinalStage stage) {
        GenerationResult result = CApprovalTest.generate(fixture, stage);
        IgnoreMatcher ignore = new IgnoreMatcher(result.files().get(1).content().lines().toList());
        assertEquals(List.of(), violations(result.files().get(0).content(), ignore, result.project().port() != null));
    }

    @org.junit.jupiter.api.Test
    void theRulesCatchABadHandWrittenDockerfile() {
        String bad = """
                FROM golang:latest as Build
                # comment glued to the next FROM
                FROM golang:latest as Build
                COPY . .
                COPY secrets.env .
                RUN go mod download
                RUN apk add gcc && echo $UNDECLARED
                ENV API_TOKEN hunter2
                WORKDIR app
                CMD go run .
                """;
        List<String> found = violations(bad, new IgnoreMatcher(List.of("*.env")), true);
        assertEquals(List.of(
                "first line must be the syntax directive",
                "FROM must read FROM [--platform=...] image AS lower-case-name (FromAsCasing, StageNameCasing): FROM golang:latest as Build",
                "a comment needs a blank line before FROM golang:latest as Build",
                "FROM must read FROM [--platform=...] image AS lower-case-name (FromAsCasing, StageNameCasing): FROM golang:latest as Build",
                "CopyIgnoredFile: secrets.env",
                "package-manager work needs a cache mount: RUN go mod download",
                "dependencies must be installed before the source is copied: RUN go mod download",
                "UndefinedVar: $UNDECLARED in RUN apk add gcc && echo $UNDECLARED",
                "DL3019: apk add without --no-cache",
                "LegacyKeyValueFormat: ENV API_TOKEN hunter2",
                "SecretsUsedInArgOrEnv: ENV API_TOKEN hunter2",
                "WorkdirRelativePath: WORKDIR app",
                "JSONArgsRecommended: CMD go run .",
                "must be multi-stage",
                "the final stage must end as a numeric non-root USER (DL3002): null",
                "EXPOSE must be there exactly when a port was detected"), found);
    }

    static List<String> violations(String dockerfile, IgnoreMatcher ignore, boolean hasPort) {
        return DockerfileContract.violations(dockerfile, ignore, hasPort);
    }
}
