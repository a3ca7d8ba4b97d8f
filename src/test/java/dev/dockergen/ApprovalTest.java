package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.dockergen.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@link Cases}, approved in approved/ under the case's name: {@code <lang>.<fixture>.<final>.approved.Dockerfile}
 * (or {@code .refused.approved.txt} with the message when dockergen refuses the case),
 * {@code <lang>.<fixture>.approved.dockerignore} and {@code <lang>.<fixture>.detect.approved.json}.
 */
class ApprovalTest {
    private static final Path APPROVED = Path.of("src", "test", "java", "dev", "dockergen", "approved");

    static Stream<Cases.Case> cases() {
        return Cases.all().stream();
    }

    static Stream<Cases.Fixture> fixtures() {
        return Cases.fixtures().stream();
    }

    /** The Dockerfile passes `dockergen audit` and is approved; a refusal's exit code and message are approved instead. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dockerfile(Cases.Case c) {
        GenerationResult result;
        try {
            result = c.generate();
        } catch (DockergenException e) {
            Approvals.verify(e.exitCode().code() + " " + e.exitCode().name() + "\n" + e.getMessage() + "\n",
                    new Options().forFile().withName(c.id() + ".refused", ".txt"));
            return;
        }
        assertEquals(Dockergen.DOCKERFILE, result.files().get(0).path());
        String dockerfile = result.files().get(0).content();
        assertEquals(List.of(), AuditClean.findings(dockerfile));
        Approvals.verify(dockerfile, new Options().forFile().withName(c.id(), ".Dockerfile"));
    }

    /** The ignore file, the same on every final stage dockergen generates the fixture for. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void dockerignore(Cases.Fixture f) {
        List<String> ignores = new ArrayList<>();
        for (var stage : Cases.finals(f.language())) {
            new Cases.Case(f, stage).generated().ifPresent(r -> ignores.add(r.files().get(1).content()));
        }
        if (ignores.isEmpty()) {
            return; // refused on every final: the refusals are approved
        }
        assertEquals(1, ignores.stream().distinct().count(), f + ": the ignore file depends on the final stage");
        Approvals.verify(ignores.get(0), new Options().forFile().withName(f.id(), ".dockerignore"));
    }

    /**
     * What `detect --format json` says about each fixture, approved; parsed as JSON first, and every fact that
     * carries a value carries a source (a fact found false, such as no cgo, points at nothing).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void detectJson(Cases.Fixture f) throws IOException {
        CliRunner.Result r = CliRunner.run("detect", "--format", "json", f.dir().toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("projects").size() >= 1, r.out());
        for (JsonNode project : json.get("projects")) {
            assertEquals(f.language().id(), project.get("language").asText());
            project.get("facts").forEach(fact -> {
                if (fact.isObject() && fact.has("value") && !fact.get("value").equals(BooleanNode.FALSE)) {
                    assertTrue(fact.hasNonNull("source") && !fact.get("source").asText().isEmpty(), f + ": " + fact);
                }
            });
        }
        Approvals.verify(r.out(), new Options().forFile().withName(f.id() + ".detect", ".json"));
    }

    /** approved/ is the catalogue's output and nothing else: no file outlives its case. */
    @Test
    void everyApprovedFileBelongsToACase() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("cases", "").isEmpty(), "-Dcases narrows the run");
        Set<String> expected = new HashSet<>();
        for (Cases.Fixture f : Cases.fixtures()) {
            expected.add(f.id() + ".approved.dockerignore");
            expected.add(f.id() + ".detect.approved.json");
        }
        for (Cases.Case c : Cases.all()) {
            expected.add(c.id() + ".approved.Dockerfile");
            expected.add(c.id() + ".refused.approved.txt");
        }
        try (Stream<Path> files = Files.list(APPROVED)) {
            List<String> strays = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".approved.") && !n.startsWith("OrganisationCatalogTest."))
                    .filter(n -> !expected.contains(n)).sorted().toList();
            assertEquals(List.of(), strays);
        }
    }
}
