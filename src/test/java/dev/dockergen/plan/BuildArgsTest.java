package dev.dockergen.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import dev.dockergen.GenerateRequest;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A catalogue preset's buildArgs reach every stage that builds, in every language, as docs/presets.md says. */
class BuildArgsTest {
    @TempDir
    static Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"go-distroless, go/nethttp-root", "node-distroless, node/express-npm", "node-alpine, node/ts-express-yarn",
        "python-distroless, python/flask-pip", "java-distroless, java/spring-boot-maven", "c-distroless, c/make-server"})
    void buildArgsAreDeclaredInEveryBuilderStage(String parent, String fixture) throws IOException {
        Path catalogue = tmp.resolve(parent + ".yaml");
        Files.writeString(catalogue, "apiVersion: dockergen/v1\nkind: PresetCatalog\npresets:\n  - name: org-" + parent
                + "\n    extends: " + parent + "\n    buildArgs:\n      HTTPS_PROXY: http://proxy.example.com:3128\n");
        PresetCatalog catalog = CatalogSources.load(Map.of("HOME", "/nonexistent"), ProjectConfig.NONE, List.of(catalogue));
        Path dir = Fixtures.ROOT.resolve(fixture);
        String dockerfile = Fixtures.dockergen().withCatalog(catalog).generate(new GenerateRequest(
                new DirectoryProjectFiles(dir, dir.getFileName().toString()), DetectOptions.DEFAULT, "org-" + parent,
                null, null)).files().get(0).content();
        String[] stages = dockerfile.split("\nFROM ");
        assertTrue(stages.length >= 3, dockerfile);
        for (int i = 1; i < stages.length; i++) {
            int declared = stages[i].split("\nARG HTTPS_PROXY=\"?http://proxy.example.com:3128\"?\n", -1).length - 1;
            assertEquals(i == stages.length - 1 ? 0 : 1, declared, "stage " + stages[i].lines().findFirst().orElseThrow()
                    + " of\n" + dockerfile);
        }
    }
}
