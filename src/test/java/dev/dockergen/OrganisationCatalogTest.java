package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.preset.CatalogSources;
import dev.dockergen.preset.PresetCatalog;
import dev.dockergen.preset.ProjectConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.junit.jupiter.api.Test;

/**
 * The walk-through organisation catalogue of docs/presets.md (docs/examples/acme): mirror rewrite,
 * extends, required labels from the project's .dockergen.yaml, a digest-pinned runtime and a
 * template override, all visible in one approved Dockerfile.
 */
class OrganisationCatalogTest {
    static final Path SERVICE = Path.of("docs", "examples", "acme", "service");

    static GenerationResult generateService(Map<String, String> env) {
        ProjectConfig config = ProjectConfig.find(SERVICE);
        PresetCatalog catalog = CatalogSources.load(env, config, List.of());
        return Fixtures.dockergen().withCatalog(catalog).generate(new GenerateRequest(
                new DirectoryProjectFiles(SERVICE, "service"), DetectOptions.DEFAULT, config.preset(),
                config.finalStage(), config.port(), config.labels()));
    }

    @Test
    void theAcmeCatalogueChangesTheDockerfileExactlyAsIntended() {
        GenerationResult r = generateService(Map.of("HOME", "/nonexistent"));
        String dockerfile = r.files().get(0).content();
        assertEquals("acme-go", r.preset().name());
        assertEquals(List.of("acme-go", "go-distroless"), r.preset().lineage());
        assertTrue(dockerfile.contains("\nFROM --platform=$BUILDPLATFORM registry.example.com/mirror/golang:${GO_VERSION}-alpine AS build\n"));
        assertTrue(dockerfile.contains("\nFROM registry.example.com/mirror/gcr.io/distroless/static-debian12:nonroot@sha256:"));
        assertTrue(dockerfile.contains("\nLABEL team=\"payments\"\n"));
        assertTrue(dockerfile.startsWith("# syntax=docker/dockerfile:1\n# ACME platform image"));
        Approvals.verify(dockerfile, new Options().forFile().withExtension(".Dockerfile"));
    }

    @Test
    void aMissingRequiredLabelIsAUsageErrorNamingThePolicyAndTheFix() throws IOException {
        Path tmp = Files.createTempDirectory("acme");
        Files.writeString(tmp.resolve("go.mod"), "module a.b/c\n");
        Files.writeString(tmp.resolve("main.go"), "package main\nfunc main() {}\n");
        PresetCatalog catalog = CatalogSources.load(Map.of("HOME", "/nonexistent"), ProjectConfig.NONE,
                List.of(Path.of("docs", "examples", "acme", "platform")));
        DockergenException e = assertThrows(DockergenException.class, () -> Fixtures.dockergen().withCatalog(catalog)
                .generate(new GenerateRequest(new DirectoryProjectFiles(tmp, "svc"), DetectOptions.DEFAULT, null, null,
                        null, Map.of("team", "payments"))));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("the organisation policy (docs/examples/acme/platform/presets.yaml:12:19) requires the label "
                + "cost-center; pass --label cost-center=VALUE or set labels.cost-center in .dockergen.yaml", e.getMessage());
    }

    @Test
    void theEnvironmentVariableAddsCataloguesLikeTheFlag() {
        PresetCatalog catalog = CatalogSources.load(Map.of("HOME", "/nonexistent",
                CatalogSources.ENV, Path.of("docs", "examples", "acme", "platform").toString()), ProjectConfig.NONE, List.of());
        assertEquals("DOCKERGEN_CATALOG docs/examples/acme/platform/presets.yaml:14:5",
                catalog.find("acme-go").orElseThrow().source());
        assertTrue(catalog.find("go-scratch").orElseThrow().runtime().image().equals("scratch"));
        assertEquals("registry.example.com/mirror/alpine:3.24", catalog.find("go-alpine").orElseThrow().runtime().image());
    }

    @Test
    void theUserConfigUnderXdgAddsCatalogues(@org.junit.jupiter.api.io.TempDir Path xdg) throws IOException {
        Files.createDirectories(xdg.resolve("dockergen"));
        Files.writeString(xdg.resolve("dockergen/config.yaml"), "apiVersion: dockergen/v1\nkind: UserConfig\ncatalogs: ["
                + Path.of("docs", "examples", "acme", "platform").toAbsolutePath() + "]\n");
        PresetCatalog catalog = CatalogSources.load(Map.of("XDG_CONFIG_HOME", xdg.toString()), ProjectConfig.NONE, List.of());
        assertTrue(catalog.find("acme-go").orElseThrow().source().startsWith("user config "));
        assertTrue(catalog.find("acme-go").orElseThrow().isDefault());
        assertTrue(!catalog.find("go-distroless").orElseThrow().isDefault(), "the organisation default replaces the built-in one");
    }

    /** Every ```yaml block of docs/presets.md that names a file is that file, byte for byte. */
    @Test
    void theWalkThroughShowsTheTestedFiles() throws IOException {
        String doc = Files.readString(Path.of("docs", "presets.md"));
        Matcher m = Pattern.compile("```(?:yaml|jte)\\n# file: (\\S+)\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int found = 0;
        while (m.find()) {
            found++;
            assertEquals(Files.readString(Path.of(m.group(1))), m.group(2), m.group(1));
        }
        assertTrue(found >= 2, "the walk-through shows its example files");
    }
}
