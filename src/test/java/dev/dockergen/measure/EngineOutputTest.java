package dev.dockergen.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.measure.EngineOutput.BuildStep;
import dev.dockergen.measure.EngineOutput.ImageFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engines' outputs, from recorded samples (src/test/resources/dev/dockergen/measure/recorded). */
class EngineOutputTest {
    private static final List<String> NODE_STAGES = Arrays.asList("deps", "runtime");

    static String recorded(String name) {
        try (InputStream in = EngineOutputTest.class.getResourceAsStream("/dev/dockergen/measure/recorded/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no recorded sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void podmanInspectGivesSizeLayersAndUser() {
        ImageFacts facts = EngineOutput.inspect(Engine.Kind.PODMAN, recorded("podman-inspect.json"));
        assertEquals(1702713, facts.sizeBytes());
        assertEquals(1, facts.layers().size());
        assertEquals("65532:65532", facts.user());
        assertEquals("f44f956936795875672a5a4e823d2e4d0e23b1740ff676f97f0dda9d001dc8e6", facts.id());
    }

    @Test
    void dockerInspectWithoutUserMeansRoot() {
        ImageFacts facts = EngineOutput.inspect(Engine.Kind.DOCKER, recorded("docker-inspect.json"));
        assertEquals(1118496310L, facts.sizeBytes());
        assertEquals(9, facts.layers().size());
        assertEquals("", facts.user());
    }

    @Test
    void buildahInspectSumsTheManifestLayers() {
        ImageFacts facts = EngineOutput.inspect(Engine.Kind.BUILDAH, recorded("buildah-inspect.json"));
        assertEquals(1699840, facts.sizeBytes());
        assertEquals(List.of("sha256:357a169f284a3bbb9e4e622a574a28221c8ba1da7e9eb632f26edc790d05f6e5"), facts.layers());
        assertEquals("65532:65532", facts.user());
    }

    @Test
    void inspectOutputThatIsNoImageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EngineOutput.inspect(Engine.Kind.PODMAN, "[]"));
        assertThrows(IllegalArgumentException.class, () -> EngineOutput.inspect(Engine.Kind.PODMAN, "Error: no such image"));
        assertThrows(IllegalArgumentException.class, () -> EngineOutput.inspect(Engine.Kind.DOCKER, "[{\"Id\":\"x\"}]"));
    }

    @Test
    void podmanStepsCarryStageNamesAndIds() {
        List<BuildStep> steps = EngineOutput.steps(Engine.Kind.PODMAN, recorded("podman-build-cold.txt"), NODE_STAGES);
        assertEquals(11, steps.size());
        BuildStep install = steps.get(3);
        assertEquals("deps", install.stage());
        assertEquals("RUN --mount=type=cache,target=/root/.npm     npm ci --omit=dev", install.instruction());
        assertEquals("3a9f6c1b7e4", install.id());
        assertFalse(install.cached());
        assertEquals("runtime", steps.get(4).stage());
    }

    @Test
    void podmanRebuildReusesTheInstallStepWhenItsIdIsTheSame() {
        List<BuildStep> cold = EngineOutput.steps(Engine.Kind.PODMAN, recorded("podman-build-cold.txt"), NODE_STAGES);
        List<BuildStep> warm = EngineOutput.steps(Engine.Kind.PODMAN, recorded("podman-build-warm.txt"), NODE_STAGES);
        assertTrue(warm.get(3).cached());
        assertEquals(Boolean.TRUE, Measurer.dependencyReused(cold, warm));
        // the source copy changed: not reused
        assertFalse(EngineOutput.reused(cold.get(8), warm.get(8)));
    }

    @Test
    void aLayerFromAnEarlierBuildIsReusedToo() {
        List<BuildStep> cold = EngineOutput.steps(Engine.Kind.PODMAN, recorded("podman-build-cold.txt"), NODE_STAGES);
        String older = recorded("podman-build-warm.txt").replace("Using cache 3a9f6c1b7e4", "Using cache 77aa6c1b7e4")
                .replace("--> 3a9f6c1b7e4", "--> 77aa6c1b7e4");
        List<BuildStep> warm = EngineOutput.steps(Engine.Kind.PODMAN, older, NODE_STAGES);
        assertEquals("77aa6c1b7e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6f7e8d9c0b", warm.get(3).id());
        assertEquals(Boolean.TRUE, Measurer.dependencyReused(cold, warm));
    }

    @Test
    void naiveSingleStageRebuildRerunsTheInstall() {
        List<BuildStep> cold = EngineOutput.steps(Engine.Kind.PODMAN, recorded("podman-build-naive-cold.txt"), Arrays.asList((String) null));
        List<BuildStep> warm = EngineOutput.steps(Engine.Kind.PODMAN, recorded("podman-build-naive-warm.txt"), Arrays.asList((String) null));
        assertEquals("1", cold.get(3).stage());
        assertEquals("RUN npm install", cold.get(3).instruction());
        assertEquals(Boolean.FALSE, Measurer.dependencyReused(cold, warm));
    }

    @Test
    void aFailedPodmanBuildStopsAtItsLastStep() {
        List<BuildStep> steps = EngineOutput.steps(Engine.Kind.PODMAN, recorded("podman-build-failed.txt"), NODE_STAGES);
        BuildStep at = EngineOutput.failedStep(steps);
        assertEquals("deps", at.stage());
        assertTrue(at.instruction().endsWith("npm ci --omit=dev"));
    }

    @Test
    void buildkitMarksCachedStepsAndNamesTheFailedOne() {
        List<BuildStep> warm = EngineOutput.steps(Engine.Kind.DOCKER, recorded("docker-buildkit-warm.txt"), NODE_STAGES);
        assertEquals(List.of("FROM library/node:22-bookworm-slim", "WORKDIR /app", "COPY package.json package-lock.json ./",
                "RUN --mount=type=cache,target=/root/.npm     npm ci --omit=dev", "FROM gcr.io/distroless/nodejs22-debian12:nonroot",
                "WORKDIR /app", "COPY --from=deps /app/node_modules ./node_modules", "COPY . ."),
                warm.stream().map(BuildStep::instruction).toList());
        assertTrue(warm.get(3).cached());
        assertNull(warm.get(3).id());
        assertFalse(warm.get(7).cached());
        assertEquals("runtime", warm.get(7).stage());

        List<BuildStep> failed = EngineOutput.steps(Engine.Kind.DOCKER, recorded("docker-buildkit-failed.txt"), NODE_STAGES);
        BuildStep at = EngineOutput.failedStep(failed);
        assertEquals("deps", at.stage());
        assertTrue(at.instruction().endsWith("npm ci --omit=dev"), at.instruction());
        assertTrue(at.failed());
    }

    @Test
    void legacyBuilderStepsCompareByImageId() {
        List<BuildStep> cold = EngineOutput.steps(Engine.Kind.DOCKER, recorded("docker-legacy-cold.txt"), Arrays.asList((String) null));
        List<BuildStep> warm = EngineOutput.steps(Engine.Kind.DOCKER, recorded("docker-legacy-warm.txt"), Arrays.asList((String) null));
        assertEquals(6, warm.size());
        assertTrue(warm.get(1).cached());
        assertEquals("1b2c3d4e5f6a", warm.get(1).id());
        assertEquals("4e5f6a7b8c9d", warm.get(3).id());
        assertTrue(EngineOutput.reused(cold.get(1), warm.get(1)));
        assertEquals(Boolean.FALSE, Measurer.dependencyReused(cold, warm));
    }

    @Test
    void stepHeadersOfEveryEngineAreProgress() {
        assertTrue(EngineOutput.isStepHeader("[1/2] STEP 4/8: RUN go mod download"));
        assertTrue(EngineOutput.isStepHeader("STEP 3/7: COPY . ."));
        assertTrue(EngineOutput.isStepHeader("#9 [deps 4/4] RUN npm ci"));
        assertTrue(EngineOutput.isStepHeader("Step 4/6 : RUN npm install"));
        assertFalse(EngineOutput.isStepHeader("added 65 packages, and audited 66 packages in 4s"));
        assertFalse(EngineOutput.isStepHeader("#1 [internal] load build definition from Dockerfile"));
    }
}
