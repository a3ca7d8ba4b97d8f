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
            RUN apk add --no-cache ca-certificates=20250619-r0
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
                Arguments.of("apt-without-cleanup", GOOD.replace("RUN apk add --no-cache ca-certificates=20250619-r0",
                        "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates=20230311"), 11),
                Arguments.of("apt-recommends", GOOD.replace("RUN apk add --no-cache ca-certificates=20250619-r0",
                        "RUN apt-get update && apt-get install -y ca-certificates=20230311 && rm -rf /var/lib/apt/lists/*"), 11),
                Arguments.of("apk-without-no-cache", GOOD.replace("apk add --no-cache", "apk add"), 11),
                Arguments.of("pip-without-no-cache", GOOD.replace("ENV MODE=prod", "ENV MODE=prod\nRUN pip install \\\n    requests==2.32.3"), 14),
                Arguments.of("workdir-relative", GOOD.replace("WORKDIR /src", "WORKDIR src"), 4),
                Arguments.of("legacy-env-format", GOOD.replace("ENV MODE=prod", "ENV MODE prod"), 13),
                Arguments.of("missing-syntax-directive", GOOD.replace("# syntax=docker/dockerfile:1\n", ""), 1),
                Arguments.of("add-instead-of-copy", GOOD.replace("COPY . .", "ADD . ."), 7),
                Arguments.of("add-instead-of-copy", GOOD.replace("COPY . .", "COPY . .\nADD https://example.com/tool.tgz /opt/"), 8),
                Arguments.of("maintainer", GOOD.replace("WORKDIR /src", "MAINTAINER ops@example.com\nWORKDIR /src"), 4),
                Arguments.of("sudo", GOOD.replace("RUN go build", "RUN sudo go build"), 8),
                Arguments.of("cd-in-run", GOOD.replace("RUN go build -o /out/app .", "RUN cd cmd && go build -o /out/app ."), 8),
                Arguments.of("pipefail", GOOD.replace("RUN go build -o /out/app .", "RUN go build -o /out/app . | tee /tmp/log"), 8),
                Arguments.of("expose-port-range", GOOD.replace("ENV MODE=prod", "ENV MODE=prod\nEXPOSE 80000"), 14),
                Arguments.of("multiple-healthcheck", GOOD.replace("USER 10001:10001", "HEALTHCHECK CMD [\"/app\", \"-h\"]\n"
                        + "HEALTHCHECK CMD [\"/app\", \"-c\"]\nUSER 10001:10001"), 15),
                Arguments.of("multiple-cmd", GOOD + "CMD [\"-a\"]\nCMD [\"-b\"]\n", 17),
                Arguments.of("multiple-entrypoint", GOOD + "ENTRYPOINT [\"/bin/app\"]\n", 16),
                Arguments.of("unpinned-apt-package", GOOD.replace("FROM alpine:3.22 AS runtime\nRUN apk add --no-cache ca-certificates=20250619-r0",
                        "FROM debian:12-slim AS runtime\nRUN apt-get update && apt-get install -y --no-install-recommends "
                        + "ca-certificates && rm -rf /var/lib/apt/lists/*"), 11),
                Arguments.of("unpinned-apk-package", GOOD.replace("ca-certificates=20250619-r0", "ca-certificates"), 11),
                Arguments.of("unpinned-pip-package", GOOD.replace("ENV MODE=prod", "ENV MODE=prod\nRUN pip install --no-cache-dir flask"), 14),
                Arguments.of("unpinned-npm-package", GOOD.replace("ENV MODE=prod", "ENV MODE=prod\nRUN npm install -g pm2"), 14),
                Arguments.of("apt-update-alone", GOOD.replace("ENV MODE=prod", "ENV MODE=prod\nRUN apt-get update"), 14),
                Arguments.of("apt-upgrade", GOOD.replace("ENV MODE=prod", "ENV MODE=prod\nRUN apt-get update && apt-get upgrade -y "
                        + "&& rm -rf /var/lib/apt/lists/*"), 14),
                Arguments.of("npm-install-with-lockfile", GOOD.replace("COPY go.mod go.sum ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download",
                        "COPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm install"), 6),
                Arguments.of("consecutive-run", GOOD.replace("RUN go build -o /out/app .", "RUN go vet ./...\nRUN go build -o /out/app ."), 9));
    }

    @Test
    void aHadolintIgnoreLineSilencesThatRuleOnTheNextInstructionOnly() {
        String unpinned = GOOD.replace("ca-certificates=20250619-r0", "ca-certificates");
        assertEquals(List.of("unpinned-apk-package"), audit(unpinned, true).stream().map(Finding::rule).toList());
        String ignored = unpinned.replace("RUN apk add", "# hadolint ignore=DL3018\n# the base image's release pins it\nRUN apk add");
        assertEquals(List.of(), audit(ignored, true));
        String otherRule = unpinned.replace("RUN apk add", "# hadolint ignore=DL3008\nRUN apk add");
        assertEquals(List.of("unpinned-apk-package"), audit(otherRule, true).stream().map(Finding::rule).toList());
        String tooEarly = unpinned.replace("FROM alpine:3.22 AS runtime", "# hadolint ignore=DL3018\nFROM alpine:3.22 AS runtime");
        assertEquals(List.of("unpinned-apk-package"), audit(tooEarly, true).stream().map(Finding::rule).toList());
    }

    @Test
    void whatTheRulesLeaveAlone() {
        for (String fine : new String[] {
            "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/t.tgz /opt/",
            "ADD vendor.tar.gz /opt/",
            "RUN set -o pipefail && wget -qO- https://example.com/x | tar x",
            "RUN echo 'a|b' > /tmp/x && test -f /tmp/x || exit 1",
            "RUN pip install --no-cache-dir -r requirements.txt \"poetry==2.1.3\"",
            "RUN npm install -g \"bun@${BUN_VERSION}\" @scope/tool@1.2.3",
            "RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y --no-install-recommends "
                    + "curl=8.5.0-2 && rm -rf /var/lib/apt/lists/*",
            "EXPOSE 8080/tcp 9000-9010"}) {
            String text = GOOD.replace("ENV MODE=prod", "ENV MODE=prod\n" + fine);
            assertEquals(List.of(), audit(text, true), fine);
        }
        // a pipe under a SHELL with pipefail is fine too
        String shell = GOOD.replace("ENV MODE=prod", "ENV MODE=prod\nSHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\n"
                + "RUN wget -qO- https://example.com/x | tar x");
        assertEquals(List.of(), audit(shell, true));
        // RUNs with different cache mounts cache apart
        String mounts = GOOD.replace("RUN go build -o /out/app .", "RUN go vet ./...\n"
                + "RUN --mount=type=cache,target=/root/.cache/go-build go build -o /out/app .");
        assertEquals(List.of(), audit(mounts, true));
    }

    @Test
    void everyRuleNamesItsHadolintOrBuildKitCounterpartWithItsPage() {
        for (Rule r : Auditor.builtIn().rules()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("hadolint (DL[0-9]{4})").matcher(r.description());
            if (m.find()) {
                assertEquals("https://github.com/hadolint/hadolint/wiki/" + m.group(1), r.helpUri(), r.id());
            }
            assertTrue(r.helpUri() != null && r.helpUri().startsWith("https://"), r.id());
            assertTrue(r.help().startsWith(r.description()) && r.help().length() > r.description().length(), r.id());
        }
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
        assertEquals(Set.of("DL3000", "DL3002", "DL3003", "DL3004", "DL3005", "DL3006", "DL3007", "DL3008", "DL3009",
                "DL3011", "DL3012", "DL3013", "DL3015", "DL3016", "DL3018", "DL3019", "DL3020", "DL3025", "DL3042", "DL3059",
                "DL4000", "DL4003", "DL4004", "DL4006"), hadolintIds(), "the hadolint rules users expect");
        oneBrokenRuleEach().forEach(a -> covered.add((String) a.get()[0]));
        covered.add("missing-dockerignore");
        Set<String> all = new HashSet<>();
        Auditor.builtIn().rules().forEach(r -> all.add(r.id()));
        assertEquals(all, covered);
    }

    private static Set<String> hadolintIds() {
        Set<String> ids = new java.util.TreeSet<>();
        for (Rule r : Auditor.builtIn().rules()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("DL[0-9]{4}").matcher(r.description());
            while (m.find()) {
                ids.add(m.group());
            }
        }
        return ids;
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
        Cases.generated().forEach(g -> assertEquals(List.of(), dev.dockergen.AuditClean.findings(g.dockerfile()), g.toString()));
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
            assertTrue(rule.get("help").get("text").asText().length() > rule.get("shortDescription").get("text").asText().length());
            assertTrue(rule.get("helpUri").asText().startsWith("https://"), rule.toString());
        }
        JsonNode secret = rules.get(indexOf(rules, "secret-in-arg-env"));
        assertEquals("8.0", secret.get("properties").get("security-severity").asText());
        assertEquals("security", secret.get("properties").get("tags").get(0).asText());
        assertTrue(rules.get(indexOf(rules, "consecutive-run")).get("properties") == null, "not a security rule");
        JsonNode result = run.get("results").get(0);
        assertEquals("latest-tag", result.get("ruleId").asText());
        assertEquals("latest-tag", rules.get(result.get("ruleIndex").asInt()).get("id").asText());
        assertEquals("error", result.get("level").asText());
        assertTrue(result.get("message").get("text").asText().startsWith("alpine:latest uses the moving tag latest"));
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertEquals("Dockerfile", location.get("artifactLocation").get("uri").asText());
        assertEquals("%SRCROOT%", location.get("artifactLocation").get("uriBaseId").asText());
        assertEquals(10, location.get("region").get("startLine").asInt());
        assertEquals(1, location.get("region").get("startColumn").asInt());
    }

    private static int indexOf(JsonNode rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void sarifPathsAreUrisRelativeToTheCheckoutOrAbsoluteFileUris() throws Exception {
        List<Finding> findings = new java.util.ArrayList<>(Auditor.builtIn().audit("docker/my app/Dockerfile", GOOD, false));
        findings.addAll(Auditor.builtIn().audit("/srv/repo/Dockerfile", GOOD, false));
        JsonNode results = new ObjectMapper().readTree(AuditReport.sarif(findings, Auditor.builtIn().rules(), "TEST"))
                .get("runs").get(0).get("results");
        JsonNode relative = results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertEquals("docker/my%20app/Dockerfile", relative.get("uri").asText());
        assertEquals("%SRCROOT%", relative.get("uriBaseId").asText());
        JsonNode absolute = results.get(1).get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertEquals("file:///srv/repo/Dockerfile", absolute.get("uri").asText());
        assertTrue(absolute.get("uriBaseId") == null);
    }

    @Test
    void jsonListsEveryFindingWithItsPlace() throws Exception {
        JsonNode json = new ObjectMapper().readTree(AuditReport.json(audit(GOOD.replace("WORKDIR /src", "WORKDIR src"), true)));
        assertEquals(1, json.get("count").asInt());
        assertEquals("workdir-relative", json.get("findings").get(0).get("rule").asText());
        assertEquals(4, json.get("findings").get(0).get("line").asInt());
    }
}
