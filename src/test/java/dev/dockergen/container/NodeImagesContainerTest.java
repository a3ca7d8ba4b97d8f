package dev.dockergen.container;

import dev.dockergen.Fixtures;
import dev.dockergen.preset.FinalStage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Node apps whose dependencies come from the npm registry, on the finals the lab stands in for. */
@Tag("container")
class NodeImagesContainerTest {
    private static final Path WORK = Path.of("target", "container-work-node");
    private static final Path NODE = Fixtures.ROOT.resolve("node");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("express-npm", FinalStage.ALPINE, "/?name=lab", "hello, lab", "server.js", "`hello, ", "`hi, ",
                        "hi, lab", "npm ci --omit=dev"),
                Arguments.of("express-npm", FinalStage.DISTROLESS, "/?name=lab", "hello, lab", "server.js", "`hello, ",
                        "`hi, ", "hi, lab", "npm ci --omit=dev"),
                Arguments.of("fastify-pnpm", FinalStage.DISTROLESS, "/items", "bolt", "src/index.js", "\"bolt\"",
                        "\"washer\"", "washer", "pnpm install --frozen-lockfile --prod"),
                Arguments.of("bun-server", FinalStage.DISTROLESS, "/", "clock: up", "src/server.js", "`clock: ", "`time: ",
                        "time: up", "bun install --frozen-lockfile --production"),
                Arguments.of("bun-server", FinalStage.ALPINE, "/health", "ok", "src/server.js", "`clock: ", "`time: ",
                        "ok", "bun install --frozen-lockfile --production"),
                // a native addon: python3, make and g++ from apt in the install stage (the lab has no apk for alpine)
                Arguments.of("native-addon", FinalStage.DISTROLESS, "/", "frames ok: ping", "server.js", "`frames ok: ",
                        "`frames fine: ", "frames fine: ping", "npm ci --omit=dev"),
                // prepare: husky, a devDependency: the production install skips scripts (it failed with "husky: not found")
                Arguments.of("prepare-dev-hook", FinalStage.DISTROLESS, "/", "up ", "server.js", "`up ", "`running ",
                        "running ", "npm ci --omit=dev --ignore-scripts"),
                // a lockfile marking dev a package production needs: everything installed, then pruned
                Arguments.of("lockfile-dev-flags", FinalStage.DISTROLESS, "/", "true", "index.js", "\"*.js\"", "\"*.ts\"",
                        "false", "npm ci && npm prune --omit=dev"),
                // a deep link to a client-side route: nginx answers it with index.html
                Arguments.of("vite-spa", FinalStage.ALPINE, "/reports/2026", "dashboard", "index.html", "<title>dashboard",
                        "<title>dashboard v2", "dashboard v2", "npm ci"),
                // a site with a native addon among its devDependencies: built on node:<major>-slim (apt-get toolchain),
                // served by nginx
                Arguments.of("vite-native-tool", FinalStage.ALPINE, "/photos/42", "gallery", "index.html", "<title>gallery",
                        "<title>gallery v2", "gallery v2", "npm ci"));
    }

    static Stream<Arguments> workspaces() {
        return Stream.of(
                Arguments.of("npm-workspaces", "apps/api", FinalStage.DISTROLESS, "/", "price EUR 19.99",
                        "packages/prices/src/index.js", "EUR ", "USD ", "price USD 19.99", "npm ci"),
                Arguments.of("pnpm-workspaces", "apps/api", FinalStage.ALPINE, "/?name=lab", "hello, lab",
                        "packages/greeting/index.js", "`hello, ", "`hi, ", "hi, lab", "pnpm install --frozen-lockfile"),
                // the server serves the client member's Vite build (../../client/dist): the client is built and its
                // dist copied to where the server reads it
                Arguments.of("workspace-serves-client", "server", FinalStage.DISTROLESS, "/", "<title>pinboard",
                        "client/index.html", "<title>pinboard", "<title>pinboard v2", "pinboard v2", "npm ci"));
    }

    /** A workspace member, built from the workspace root; the edit is in a member it depends on. */
    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("workspaces")
    void workspaceMemberBuildsFromTheRootAndRebuildsFromCache(String app, String member, FinalStage stage, String probe,
                                                              String expect, String file, String from, String to,
                                                              String expectAfter, String install) throws IOException {
        ContainerScenario.run(WORK, app, NODE.resolve(app), member, stage, probe, expect, file, from, to, expectAfter,
                install);
    }

    /**
     * A static site on the distroless Node final: serve (installed in its own stage from the npm registry) answers a
     * deep link to a client-side route with index.html, as nonroot; an edited page is served after the rebuild.
     */
    @Test
    void staticSiteOnDistrolessIsServedByServe() throws IOException {
        ContainerScenario.run(WORK, "vite-spa", NODE.resolve("vite-spa"), FinalStage.DISTROLESS, "/reports/2026",
                "dashboard", "index.html", "<title>dashboard", "<title>dashboard v2", "dashboard v2", "npm ci");
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
        ContainerScenario.run(WORK, app, NODE.resolve(app), stage, probe, expect, file, from, to, expectAfter, install);
    }
}
