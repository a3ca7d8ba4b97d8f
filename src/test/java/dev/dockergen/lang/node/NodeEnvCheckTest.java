package dev.dockergen.lang.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.MemoryProjectFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeEnvCheckTest {
    private static Fact<String> skip(String path, String text) {
        return NodeEnvCheck.skipVariable(new MemoryProjectFiles("repo", Map.of("package.json", "{}", path, text)));
    }

    @Test
    void theVariableWhosePresenceSkipsTheCheckIsFoundWithItsLine() {
        String turbo = "import { createEnv } from \"@t3-oss/env-nextjs\";\nexport const env = createEnv({\n  server: {},\n"
                + "  skipValidation:\n    !!process.env.CI || process.env.npm_lifecycle_event === \"lint\",\n});\n";
        assertEquals(Fact.of("CI", "src/env.ts", 4), skip("src/env.ts", turbo));
        assertEquals("SKIP_ENV_VALIDATION", skip("env.mjs", "const env = createEnv({ skipValidation: "
                + "Boolean(process.env.SKIP_ENV_VALIDATION) });").value());
    }

    @Test
    void noCheckOrNoSwitchIsNothing() {
        // a switch that needs a value (=== "lint") cannot be set by presence alone; no createEnv, no check
        assertNull(skip("src/env.ts", "createEnv({ skipValidation: process.env.npm_lifecycle_event === \"lint\" });"));
        assertNull(skip("src/env.ts", "export const env = { skipValidation: !!process.env.CI };"));
        assertNull(skip("src/config.ts", "createEnv({ skipValidation: !!process.env.CI });"), "only env.ts/env.mjs files");
        assertNull(skip(".next/server/env.js", "createEnv({ skipValidation: !!process.env.CI });"), "build output");
    }
}
