package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.preset.FinalStage;
import java.util.Map;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.NamedEnvironment;
import org.approvaltests.namer.NamerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Node fixture on alpine and distroless, approved; static sites only on alpine. */
public class NodeApprovalTest {
    static final String[] FIXTURES = {"express-npm", "fastify-pnpm", "ts-express-yarn", "next-standalone", "vite-spa",
        "prisma-express", "npm-workspaces", "pnpm-workspaces", "bun-server", "angular-spa",
        "yarn-berry-workspaces", "nest-api", "cra-app", "vue-cli-app"};
    /** Static sites: served by nginx, which only the alpine preset has. */
    static final java.util.Set<String> SITES = java.util.Set.of("vite-spa", "angular-spa", "cra-app", "vue-cli-app");
    /** Workspace fixtures: the member each generates for (as with --project). */
    static final Map<String, String> MEMBERS = Map.of("npm-workspaces", "apps/api", "pnpm-workspaces", "apps/api",
            "yarn-berry-workspaces", "apps/web");

    public static Stream<Arguments> fixtureTimesFinal() {
        return Stream.of(FIXTURES).flatMap(f -> Stream.of(FinalStage.ALPINE, FinalStage.DISTROLESS).map(s -> Arguments.of(f, s)))
                .filter(a -> !(SITES.contains((String) a.get()[0]) && a.get()[1] == FinalStage.DISTROLESS));
    }

    public static GenerationResult generate(String fixture, FinalStage stage) {
        return Fixtures.dockergen().generate(new GenerateRequest(
                new DirectoryProjectFiles(Fixtures.ROOT.resolve("node").resolve(fixture), fixture),
                new DetectOptions(MEMBERS.get(fixture), null), null, stage, null));
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

    /**
     * What `detect --format json` says about each fixture, approved; parsed as JSON first, and every fact that
     * carries a value carries a source.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void detectJson(String fixture) throws Exception {
        String dir = Fixtures.ROOT.resolve("node").resolve(fixture).toString();
        dev.dockergen.cli.CliRunner.Result r = dev.dockergen.cli.CliRunner.run("detect", "--format", "json", dir);
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertTrue(json.get("projects").size() >= 1, r.out());
        for (com.fasterxml.jackson.databind.JsonNode project : json.get("projects")) {
            assertEquals("node", project.get("language").asText());
            project.get("facts").forEach(fact -> {
                if (fact.isObject() && fact.has("value")) {
                    assertTrue(fact.hasNonNull("source") && !fact.get("source").asText().isEmpty(), fixture + ": " + fact);
                }
            });
        }
        try (NamedEnvironment env = NamerFactory.withParameters(fixture)) {
            Approvals.verify(r.out(), new Options().forFile().withExtension(".json"));
        }
    }

    @Test
    void aStaticSiteOnDistrolessIsRefusedWithTheAlternative() {
        DockergenException e = assertThrows(DockergenException.class, () -> generate("vite-spa", FinalStage.DISTROLESS));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("preset node-distroless has no web server for a static site (vite build, package.json:7); "
                + "use --final alpine (nginxinc/nginx-unprivileged:1.30-alpine)", e.getMessage());
    }

    /** Without --final, a static site gets the first preset that can serve it, not the refusing default. */
    @Test
    void aStaticSiteWithoutAFinalGetsAPresetThatServesIt() {
        for (String site : SITES) {
            GenerationResult r = generate(site, null);
            assertEquals("node-alpine", r.preset().name(), site);
            assertTrue(r.files().get(0).content().contains("\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n"), site);
        }
        assertEquals("node-distroless", generate("express-npm", null).preset().name());
    }

    @Test
    void scratchIsRefusedForNode() {
        DockergenException e = assertThrows(DockergenException.class, () -> generate("express-npm", FinalStage.SCRATCH));
        assertTrue(e.getMessage().startsWith("no node preset with a scratch final stage"), e.getMessage());
    }
}
