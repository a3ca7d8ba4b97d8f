package dev.dockergen.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.Cases;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditorTest {
    /** A hand-written Dockerfile that breaks no rule; each case below breaks exactly one. */
    static final String GOOD = """
            # syntax=docker/dockerfile:1

            FROM golang:1.23-alpine AS build
            WORKDIR /src
            COPY go.mod go.sum ./
            RUN --mount=type=cache,target=/go/pkg/mod go mod download
            COPY . .
            RUN go build -o /out/app .

            FROM alpine:3.22 AS runtime
            RUN apk add --no-cache ca-certificates
            COPY --from=build /out/app /usr/local/bin/app
            ENV MODE=prod
            USER 10001:10001
            ENTRYPOINT ["/usr/local/bin/app"]
            """;

    private static List<Finding> audit(String text, boolean dockerignore) {
        return Auditor.builtIn().audit("Dockerfile", text, dockerignore);
    }

    @Test
    void theBaselineIsClean() {
        assertEquals(List.of(), audit(GOOD, true));
    }

    static Stream<Arguments> oneBrokenRuleEach() {
        return Stream.of(
                Arguments.of("latest-tag", GOOD.replace("alpine:3.22", "alpine:latest"), 10),
                Arguments.of("untagged-image", GOOD.replace("alpine:3.22", "alpine"), 10),
                Arguments.of("root-user", GOOD.replace("USER 10001:10001", "USER root"), 14),
                Arguments.of("shell-form-command", GOOD.replace("ENTRYPOINT [\"/usr/local/bin/app\"]",
                        "ENTRYPOINT /usr/local/bin/app"), 15),
                Arguments.of("build-tools-in-final-image", GOOD.replace("FROM alpine:3.22 AS runtime",
                        "FROM golang:1.23 AS runtime"), 10),
                Arguments.of("secret-in-arg-env", GOOD.replace("ENV MODE=prod", "ENV DB_PASSWORD=prod"), 13),
                Arguments.of("copy-before-install", GOOD.replace("COPY go.mod go.sum ./\n", "COPY . .\n"), 6),
                Arguments.of("apt-without-cleanup", GOOD.replace("RUN apk add --no-cache ca-certificates",
                        "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates"), 11),
                Arguments.of("apt-recommends", GOOD.replace("RUN apk add --no-cache ca-certificates",
                        "RUN apt-get update && apt-get install -y ca-certificates && rm -rf /var/lib/apt/lists/*"), 11),
                Arguments.of("apk-without-no-cache", GOOD.replace("apk add --no-cache", "apk add"), 11),
                Arguments.of("pip-without-no-cache", GOOD.replace("ENV MODE=prod", "ENV MODE=prod\nRUN pip install \\\n    requests"), 14),
                Arguments.of("workdir-relative", GOOD.replace("WORKDIR /src", "WORKDIR src"), 4),
                Arguments.of("legacy-env-format", GOOD.replace("ENV MODE=prod", "ENV MODE prod"), 13),
                Arguments.of("missing-syntax-directive", GOOD.replace("# syntax=docker/dockerfile:1\n", ""), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBrokenRuleEach")
    void eachRuleFiresOnceWhereItShould(String rule, String dockerfile, int line) {
        List<Finding> findings = audit(dockerfile, true);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(rule, findings.get(0).rule());
        assertEquals(line, findings.get(0).line(), findings.toString());
    }

    @Test
    void everyRuleHasACase() {
        Set<String> covered = new HashSet<>();
        oneBrokenRuleEach().forEach(a -> covered.add((String) a.get()[0]));
        covered.add("missing-dockerignore");
        Set<String> all = new HashSet<>();
        Auditor.builtIn().rules().forEach(r -> all.add(r.id()));
        assertEquals(all, covered);
    }

    @Test
    void aMissingDockerignoreIsReportedOnLineOne() {
        List<Finding> findings = audit(GOOD, false);
        assertEquals("Dockerfile:1:1: warning missing-dockerignore no .dockerignore beside this Dockerfile: .git, "
                + "local builds and secrets go to the builder; add one (dockergen init writes one)", findings.get(0).toString());
    }

    @Test
    void argumentsInFromAreResolvedFromTheirDefaults() {
        String text = "# syntax=docker/dockerfile:1\nARG BASE=alpine:latest\nFROM ${BASE} AS runtime\nUSER 1:1\nCMD [\"x\"]\n";
        List<Finding> findings = audit(text, true);
        assertEquals(List.of("latest-tag"), findings.stream().map(Finding::rule).toList());
        assertEquals(3, findings.get(0).line());
    }

    @Test
    void continuedLinesAreOneInstructionAtTheLineTheyStart() {
        ParsedDockerfile d = ParsedDockerfile.parse("FROM a:1 AS b\nRUN echo a \\\n  # note\n  && echo b\nUSER 1\n");
        assertEquals(3, d.instructions().size());
        assertEquals("echo a && echo b", d.instructions().get(1).args());
        assertEquals(2, d.instructions().get(1).line());
        assertEquals(5, d.instructions().get(2).line());
    }

    @Test
    void everyGeneratedDockerfilePassesEveryRule() {
        Cases.generated().forEach(g -> assertEquals(List.of(), audit(g.dockerfile(), true), g.toString()));
    }

    @Test
    void sarifHasWhatSarif210RequiresAndPointsAtTheFinding() throws Exception {
        List<Finding> findings = audit(GOOD.replace("alpine:3.22", "alpine:latest"), true);
        JsonNode sarif = new ObjectMapper().readTree(AuditReport.sarif(findings, Auditor.builtIn().rules(), "TEST"));
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode run = sarif.get("runs").get(0);
        assertEquals("dockergen", run.get("tool").get("driver").get("name").asText());
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertEquals(Auditor.builtIn().rules().size(), rules.size());
        for (JsonNode rule : rules) {
            assertTrue(rule.get("id").asText().matches("[a-z-]+"));
            assertTrue(Set.of("none", "note", "warning", "error").contains(rule.get("defaultConfiguration").get("level").asText()));
            assertTrue(!rule.get("shortDescription").get("text").asText().isBlank());
        }
        JsonNode result = run.get("results").get(0);
        assertEquals("latest-tag", result.get("ruleId").asText());
        assertEquals("latest-tag", rules.get(result.get("ruleIndex").asInt()).get("id").asText());
        assertEquals("error", result.get("level").asText());
        assertTrue(result.get("message").get("text").asText().startsWith("alpine:latest uses the moving tag latest"));
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertEquals("Dockerfile", location.get("artifactLocation").get("uri").asText());
        assertEquals(10, location.get("region").get("startLine").asInt());
        assertEquals(1, location.get("region").get("startColumn").asInt());
    }

    @Test
    void jsonListsEveryFindingWithItsPlace() throws Exception {
        JsonNode json = new ObjectMapper().readTree(AuditReport.json(audit(GOOD.replace("WORKDIR /src", "WORKDIR src"), true)));
        assertEquals(1, json.get("count").asInt());
        assertEquals("workdir-relative", json.get("findings").get(0).get("rule").asText());
        assertEquals(4, json.get("findings").get(0).get("line").asInt());
    }
}
