package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The build output says why tests were skipped: one line per reason, with the count and the tags. */
class SkipReasonsTest {
    /** A group that needs a tool this machine lacks (run only through the launcher below). */
    @Tag("lab")
    static class NeedsTheLab {
        @Test
        void one() {
            assumeTrue(false, "container lab not ready: run .ci/run");
        }

        @Test
        void two() {
            assumeTrue(false, "container lab not ready: run .ci/run");
        }

        @Test
        @Disabled("measured by hand")
        void three() {
        }

        @Test
        void runs() {
        }
    }

    @Test
    void eachReasonIsOneLineWithItsCountAndTags() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(NeedsTheLab.class)).build(),
                new SkipReasons(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertEquals("[SKIPPED] 2 tests (lab): container lab not ready: run .ci/run\n"
                + "[SKIPPED] 1 test (lab): measured by hand\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
