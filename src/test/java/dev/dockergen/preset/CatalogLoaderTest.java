package dev.dockergen.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.ExitCode;
import dev.dockergen.detect.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogLoaderTest {
    private static final String HEAD = "apiVersion: dockergen/v1\nkind: PresetCatalog\npresets:\n";
    private static final String GOOD = """
              - name: my-go
                language: go
                final: alpine
                versionDefault: "1.25"
                build: {image: "golang:{version}-alpine"}
                runtime: {image: "alpine:3.22", provides: [ca-certificates]}
                user: {name: app, uid: 10001, gid: 10001, create: true}
            """;

    @Test
    void builtInCatalogHasThreeGoPresetsWithDistrolessAsDefault() {
        PresetCatalog c = CatalogLoader.builtIn();
        assertEquals(List.of("go-distroless", "go-scratch", "go-alpine", "node-distroless", "node-alpine",
                "python-distroless", "python-alpine", "java-distroless", "java-alpine", "java-scratch", "c-distroless",
                "c-scratch", "c-alpine"),
                c.presets().stream().map(Preset::name).toList());
        assertEquals("node-distroless", c.choose(Language.NODE, null, null).name());
        Preset def = c.choose(Language.GO, null, null);
        assertEquals("go-distroless", def.name());
        assertEquals(65532, def.user().uid());
        assertTrue(def.runtime().has(ImageSpec.TZDATA));
        Preset scratch = c.choose(Language.GO, null, FinalStage.SCRATCH);
        // scratch has no C library: cgo links statically on the Debian builder
        assertEquals("golang:{version}-trixie", scratch.cgoBuild().image());
        assertTrue(scratch.cgoRuntime().isScratch());
        assertNull(scratch.cgoRefusal());
        assertTrue(scratch.source().startsWith("built-in presets/go.yaml:"), scratch.source());
    }

    @Test
    void everyBuiltInImageIsPinnedToATagThatIsNotLatest() {
        for (Preset p : CatalogLoader.builtIn().presets()) {
            for (ImageSpec spec : Stream.of(p.build(), p.runtime(), p.cgoBuild(), p.cgoRuntime())
                    .filter(java.util.Objects::nonNull).toList()) {
                assertTrue(spec.isScratch() || spec.image().matches("[^:@]+:[^:]+"), spec.image());
                assertTrue(!spec.image().endsWith(":latest"), spec.image());
            }
        }
    }

    @Test
    void everyFileInThePresetsFolderIsPackaged() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("presets"))) {
            assertEquals(CatalogLoader.BUILT_IN_FILES.stream().sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void nonUtf8AndOversizedFilesAreRejectedBeforeParsing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});
        assertEquals(latin1 + ": file is not valid UTF-8 text; save it as UTF-8",
                assertThrows(CatalogException.class, () -> CatalogLoader.withBuiltIns().addPath(latin1, "t")).getMessage());
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "# " + "x".repeat(1 << 20) + "\n");
        assertEquals(huge + ": file is larger than 1 MiB; a catalogue is a small YAML file",
                assertThrows(CatalogException.class, () -> CatalogLoader.withBuiltIns().addPath(huge, "t")).getMessage());
    }

    @Test
    void aLaterPresetOfTheSameNameReplacesTheBuiltInOneAndExtendsMergesMappings() {
        PresetCatalog c = load(HEAD + "  - name: go-alpine\n    extends: go-distroless\n    final: alpine\n"
                + "    runtime: {image: \"alpine:3.21\"}\n    user: {uid: 20000}\n");
        Preset p = c.find("go-alpine").orElseThrow();
        assertEquals("alpine:3.21", p.runtime().image());
        assertTrue(p.runtime().has(ImageSpec.TZDATA), "provides comes from the parent's runtime mapping");
        assertEquals(20000, p.user().uid());
        assertEquals("nonroot", p.user().name(), "user merges key by key");
        assertEquals(FinalStage.ALPINE, p.finalStage());
    }

    static PresetCatalog load(String yaml) {
        return CatalogLoader.withBuiltIns().add("org.yaml", null, yaml, "org.yaml").build();
    }

    @Test
    void aValidOrganisationPresetLoads() {
        Preset p = load(HEAD + GOOD).find("my-go").orElseThrow();
        assertTrue(p.user().create());
        assertEquals("org.yaml org.yaml:4:5", p.source());
    }

    @Test
    void onlyTheStaticImageMayNameItsOwnUser() {
        Preset site = load(HEAD + GOOD.replace("    user:", "    static: {image: \"nginx:1.30\", user: {name: web, uid: 101, gid: 101}}\n    user:"))
                .find("my-go").orElseThrow();
        assertEquals(new RunAs("web", 101, 101, false), site.staticRuntime().user());
        assertNull(site.runtime().user(), "the runtime stage runs as the preset's user");
        CatalogException e = assertThrows(CatalogException.class, () -> load(HEAD + GOOD.replace(
                "provides: [ca-certificates]}", "provides: [ca-certificates], user: {name: web, uid: 101, gid: 101}}")));
        assertTrue(e.getMessage().startsWith("org.yaml:9:"), e.getMessage());
        assertTrue(e.getMessage().contains("preset my-go.runtime.user: unknown key"), e.getMessage());
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of(HEAD + GOOD.replace("final: alpine", "final: alpine\n    colour: blue"),
                        "org.yaml:7:5: preset my-go.colour: unknown key; allowed here: build, buildArgs, cgo, default, description, "
                                + "extends, final, healthcheck, labels, language, name, runtime, static, templates, user, versionDefault"),
                Arguments.of(HEAD + GOOD.replace("uid: 10001", "uid: root"),
                        "org.yaml:10:28: preset my-go.user.uid: expected a whole number from 1 to 2147483646, found 'root'"),
                Arguments.of(HEAD + GOOD.replace("alpine:3.22", "alpine:latest"),
                        "org.yaml:9:22: preset my-go.runtime.image: 'alpine:latest' is not a pinned image reference; write "
                                + "name:tag (tag not 'latest'), optionally @sha256:<digest>, with {version} for the language version"),
                Arguments.of(HEAD + GOOD.replace("alpine:3.22", "alpine"),
                        "org.yaml:9:22: preset my-go.runtime.image: 'alpine' has no tag; pin one (e.g. alpine:3.24)"),
                Arguments.of(HEAD + GOOD.replace("language: go", "language: cobol"),
                        "org.yaml:5:15: preset my-go.language: unknown language 'cobol'; use one of go, node, python, java, c"),
                Arguments.of(HEAD.replace("dockergen/v1", "dockergen/v9") + GOOD,
                        "org.yaml:1:13: apiVersion: unsupported version 'dockergen/v9'; use dockergen/v1"),
                Arguments.of(HEAD + GOOD + GOOD, "org.yaml:11:5: preset my-go: defined twice in org.yaml (also at "
                        + "org.yaml:4:5); rename one"),
                Arguments.of(HEAD + "  - name: x\n    name: y\n",
                        "org.yaml:5:5: preset x.name: duplicate key (first at org.yaml:4:5); keep one"),
                Arguments.of(bomb(),
                        "org.yaml: invalid YAML: Number of aliases for non-scalar nodes exceeds the specified max=20"),
                Arguments.of("", "org.yaml: the file is empty; a catalogue starts with `apiVersion: dockergen/v1`"),
                Arguments.of(HEAD + "  - {name: a, extends: b}\n  - {name: b, extends: c}\n  - {name: c, extends: a}\n",
                        "org.yaml:4:5: preset a.extends: extends itself through a -> b -> c -> a; break the cycle"),
                Arguments.of(HEAD + "  - {name: a, extends: go-nowhere}\n",
                        "org.yaml:4:24: preset a.extends: no preset named 'go-nowhere'; available: go-distroless, "
                                + "go-scratch, go-alpine, node-distroless, node-alpine, python-distroless, python-alpine, "
                                + "java-distroless, java-alpine, java-scratch, c-distroless, c-scratch, c-alpine, a"),
                Arguments.of(HEAD + "  - {name: a, extends: go-alpine, final: scratch, language: go}\n"
                        + "  - name: b\n    extends: go-alpine\n    build: {image: \"golang:{version}@sha256:"
                        + "0".repeat(64) + "\"}\n",
                        "org.yaml:7:20: preset b.build.image: a digest pins one version, so {version} cannot vary it; "
                                + "write the tag out (e.g. golang:1.23-alpine@sha256:...)"),
                // the organisation's own presets must keep its policy (built-in ones are refused only when used: PolicyScopeTest)
                Arguments.of("apiVersion: dockergen/v1\nkind: PresetCatalog\npolicy:\n  deniedImages: [\"alpine:*\"]\n"
                                + "presets:\n  - {name: a, extends: go-alpine}\n",
                        "org.yaml org.yaml:6:5: preset a: alpine:3.24 matches denied pattern alpine:* (org.yaml:4:17)"),
                Arguments.of("apiVersion: dockergen/v1\nkind: PresetCatalog\npolicy:\n  requireDigests: true\n"
                                + "presets:\n  - {name: b, extends: go-distroless}\n",
                        "org.yaml org.yaml:6:5: preset b: golang:{version}-alpine is not pinned by "
                                + "digest, which the policy requires (org.yaml:4:19); write it as name:tag@sha256:<digest>"),
                Arguments.of("apiVersion: dockergen/v1\nkind: PresetCatalog\npolicy:\n  registryMirror: \"http://x\"\n",
                        "org.yaml:4:19: policy.registryMirror: 'http://x' is not a registry prefix; write host[:port]/path, "
                                + "e.g. registry.example.com/mirror"),
                Arguments.of("apiVersion: dockergen/v1\nkind: PresetCatalog\npolicy:\n  mirror: x\n",
                        "org.yaml:4:3: policy.mirror: unknown key; allowed here: allowedImages, deniedImages, "
                                + "registryMirror, requireDigests, requiredLabels"),
                Arguments.of(HEAD + GOOD + "    buildArgs: {NPM_TOKEN: abc}\n",
                        "org.yaml:11:17: preset my-go.buildArgs.NPM_TOKEN: looks like a secret, and build arguments stay "
                                + "in the image history; give secrets with RUN --mount=type=secret instead"),
                Arguments.of(HEAD + GOOD + "    buildArgs: {GOFLAGS: \"-mod=mod; curl evil\"}\n",
                        "org.yaml:11:26: preset my-go.buildArgs.GOFLAGS: the value may hold letters, digits and "
                                + ". _ : / @ % + , = * - only"),
                Arguments.of(HEAD + GOOD + "    labels: {\"Team Name\": x}\n",
                        "org.yaml:11:14: preset my-go.labels: 'Team Name' is not allowed here; keys are label names "
                                + "(a-z, 0-9, '.', '_', '-') with values"),
                Arguments.of(HEAD + GOOD + "    healthcheck: {interval: soon}\n",
                        "org.yaml:11:29: preset my-go.healthcheck.interval: 'soon' is not a duration; write e.g. 30s, 500ms or 2m"),
                Arguments.of(HEAD + GOOD.replace("name: my-go", "name: \"my-go\\nRUN rm -rf /\""),
                        "org.yaml:4:11: presets[0].name: control characters (such as line breaks) are not allowed in this value"));
    }

    /** The "billion laughs": nine levels of nine aliases each. */
    static String bomb() {
        StringBuilder b = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 9; i++) {
            String prev = "*a" + (i - 1);
            b.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        return b.toString();
    }

    @ParameterizedTest
    @MethodSource("broken")
    void brokenCataloguesAreOneLineErrorsWithFileLineColumnAndKey(String yaml, String message) {
        CatalogException e = assertThrows(CatalogException.class, () -> load(yaml));
        assertEquals(message, e.getMessage());
        assertEquals(ExitCode.BAD_CATALOG, e.exitCode());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}
