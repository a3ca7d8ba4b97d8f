package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockergen.plan.IgnoreMatcher;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mechanical rules of shared/design/dockerfile-contract.md ({@link DockerfileContract}), applied to the Dockerfile of every case
 * of {@link Cases}: BuildKit check names and hadolint rule ids are given where a rule mirrors one.
 */
class DockerfileContractTest {

    static java.util.stream.Stream<Cases.Generated> cases() {
        return Cases.generated();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatedFilesMeetTheContract(Cases.Generated g) {
        IgnoreMatcher ignore = new IgnoreMatcher(g.dockerignore().lines().toList());
        // a static site (no start command) is served on the web server's port
        boolean hasPort = g.result().project().port() != null || g.result().project().start() == null;
        assertEquals(List.of(), violations(g.dockerfile(), ignore, hasPort));
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
                RUN apk add gcc && echo $UNDECLARED \\$LITERAL
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
                "UndefinedVar: $UNDECLARED in RUN apk add gcc && echo $UNDECLARED \\$LITERAL",
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
