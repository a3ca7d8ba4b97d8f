package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organisation policy applies to what a project will use: built-in presets that break it are not an error of the
 * catalogue (nobody can edit them), only of a project that would pick one, and that error says what to do.
 */
class PolicyScopeTest {
    @TempDir
    Path tmp;

    private static final String DIGEST = "@sha256:6ec5aa99dc335666e79dc64e4a6c8b89c33a543a1967f20d360922a80dd21f02";

    /** An organisation catalogue whose own Go preset names only images its policy allows, every one pinned. */
    private Path catalogue(String policy) throws IOException {
        return Files.writeString(tmp.resolve("org.yaml"), "apiVersion: dockergen/v1\nkind: PresetCatalog\npolicy:\n"
                + policy + "presets:\n  - name: org-go\n    extends: go-distroless\n    default: true\n"
                + "    build: {image: \"registry.example.com/golang:1.25-alpine" + DIGEST + "\"}\n"
                + "    runtime: {image: \"registry.example.com/distroless/static-debian12:nonroot" + DIGEST + "\"}\n"
                + "    cgo:\n      build: {image: \"registry.example.com/golang:1.25-bookworm" + DIGEST + "\"}\n"
                + "      runtime: {image: \"registry.example.com/distroless/base-debian12:nonroot" + DIGEST + "\"}\n");
    }

    @Test
    void allowedImagesRuleOutOnlyThePresetsAProjectWouldUse() throws IOException {
        Path org = catalogue("  allowedImages: [\"registry.example.com/*\"]\n");
        CliRunner.Result validate = CliRunner.run("presets", "validate", org.toString());
        assertEquals(0, validate.code(), validate.out() + validate.err());
        CliRunner.Result go = CliRunner.run("init", "--dry-run", "--yes", "--catalog", org.toString(),
                Fixtures.go("nethttp-root").toString());
        assertEquals(0, go.code(), go.err());
        assertTrue(go.out().contains("FROM --platform=$BUILDPLATFORM registry.example.com/golang:1.25-alpine@sha256:"), go.out());
        CliRunner.Result node = CliRunner.run("init", "--dry-run", "--yes", "--catalog", org.toString(),
                Fixtures.ROOT.resolve("node/express-npm").toString());
        assertEquals(4, node.code(), node.err());
        assertTrue(node.err().startsWith("dockergen: the built-in preset node-distroless (built-in presets/node.yaml:"), node.err());
        assertTrue(node.err().contains("matches none of the allowed patterns registry.example.com/*"), node.err());
        assertTrue(node.err().contains("; add a preset to your catalogue that extends node-distroless with allowed build "
                + "and runtime images (or set policy.registryMirror), and choose it with --preset or `default: true`"),
                node.err());
    }

    @Test
    void requireDigestsIsUsableWithTheOrganisationsOwnPresets() throws IOException {
        Path org = catalogue("  requireDigests: true\n");
        assertEquals(0, CliRunner.run("presets", "validate", org.toString()).code());
        CliRunner.Result show = CliRunner.run("presets", "show", "--catalog", org.toString(), "go-alpine");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("# Ruled out by the organisation policy: "), show.out());
        CliRunner.Result alpine = CliRunner.run("init", "--dry-run", "--yes", "--final", "alpine", "--catalog",
                org.toString(), Fixtures.go("nethttp-root").toString());
        assertEquals(4, alpine.code(), alpine.err());
        assertTrue(alpine.err().contains("is not pinned by digest") && alpine.err().contains("with digest-pinned build "
                + "and runtime images, and choose it"), alpine.err());
    }
}
