package dev.dockergen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.preset.ImageSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which init an image gets, from what its build and runtime images are. */
class InitProcessTest {
    private static ImageSpec image(String ref, String tool, boolean shell) {
        return new ImageSpec(ref, List.of(), tool, Set.of(), shell);
    }

    @Test
    void distrolessCopiesTheStaticTiniFromAnInitStageOnTheDebianBuildImage() {
        InitProcess init = InitProcess.choose("node", image("node:{version}-bookworm-slim", null, true),
                "node:${NODE_VERSION}-bookworm-slim", image("gcr.io/distroless/nodejs{version}-debian12:nonroot", null, false));
        assertEquals(List.of("/usr/bin/tini", "--"), init.prefix());
        assertEquals("init", init.stage().name());
        assertEquals("node:${NODE_VERSION}-bookworm-slim", init.stage().image());
        assertTrue(init.stage().instructions().stream().anyMatch(i -> i instanceof Instruction.Run r
                && r.lines().get(0).contains("apt-get install -y --no-install-recommends tini")));
        assertTrue(init.runtime().contains(new Instruction.Copy("init", List.of("/usr/bin/tini-static"), "/usr/bin/tini")));
    }

    @Test
    void alpineInstallsTiniWithApkInTheFinalStage() {
        InitProcess init = InitProcess.choose("python3", image("python:{version}-alpine", null, true),
                "python:${PYTHON_VERSION}-alpine", image("python:{version}-alpine", null, true));
        assertNull(init.stage());
        assertEquals(List.of("/sbin/tini", "--"), init.prefix());
        assertTrue(init.runtime().contains(new Instruction.Run(List.of(), List.of("apk add --no-cache tini"))));
    }

    @Test
    void aShellLessFinalWithoutADebianBuilderGetsNoInitAndNamesDockerRunInit() {
        InitProcess init = InitProcess.choose("node", image("node:{version}-alpine", null, true), "node:${NODE_VERSION}-alpine",
                image("gcr.io/distroless/nodejs{version}-debian12:nonroot", null, false));
        assertFalse(init.present());
        assertNull(init.stage());
        assertTrue(init.runtime().isEmpty());
        assertTrue(init.note().contains("docker run --init"), init.note());
    }

    @Test
    void thePresetsPackageToolWinsOverTheImageName() {
        assertEquals("apt", InitProcess.tool(image("registry.example/base:1", "apt", true)));
        assertEquals("apk", InitProcess.tool(image("node:24-alpine", null, true)));
        assertEquals("apt", InitProcess.tool(image("debian:12-slim", null, true)));
        assertNull(InitProcess.tool(image("registry.example/ubi9/nodejs-22:1", null, true)));
    }
}
