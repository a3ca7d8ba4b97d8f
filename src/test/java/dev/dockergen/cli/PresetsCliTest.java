package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class PresetsCliTest {
    static final String PLATFORM = Path.of("docs", "examples", "acme", "platform").toString();

    @TempDir
    Path tmp;

    /** A writable Go service: the nethttp-root fixture copied into the temporary directory. */
    private Path service() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("svc"));
        for (String f : new String[] {"go.mod", "main.go"}) {
            Files.copy(Fixtures.go("nethttp-root").resolve(f), dir.resolve(f));
        }
        return dir;
    }

    @Test
    void listNamesEveryPresetWithItsSourceAndParent() {
        CliRunner.Result r = CliRunner.run("presets", "list", "--catalog", PLATFORM);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("acme-go*           go        distroless  --catalog docs/examples/acme/platform/presets.yaml:14:5 "
                + "(extends go-distroless)\n"), r.out());
        assertTrue(r.out().contains("\ngo-distroless      go "), "the built-in default steps back: " + r.out());
    }

    @Test
    void showPrintsTheMergedPresetAsYamlThatParses() {
        CliRunner.Result r = CliRunner.run("presets", "show", "acme-go", "--catalog", PLATFORM);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# preset acme-go (extends go-distroless), defined at --catalog "), r.out());
        java.util.Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(r.out());
        assertEquals("go-distroless", yaml.get("extends"));
        assertEquals("registry.example.com/mirror/golang:{version}-alpine",
                ((java.util.Map<?, ?>) yaml.get("build")).get("image"));
        assertEquals(65532, ((java.util.Map<?, ?>) yaml.get("user")).get("uid"));
        assertEquals(2, CliRunner.run("presets", "show", "nope").code());
    }

    @Test
    void validateSaysOkOrGivesOneLinePerBrokenFileWithExitFour() throws IOException {
        CliRunner.Result ok = CliRunner.run("presets", "validate", PLATFORM);
        assertEquals(0, ok.code(), ok.err());
        assertEquals("ok " + PLATFORM + " (1 preset)\n", ok.out());

        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "apiVersion: dockergen/v1\nkind: PresetCatalog\npresets:\n  - name: x\n    extends: go-alpine\n"
                + "    user: {uid: -1}\n");
        CliRunner.Result bad = CliRunner.run("presets", "validate", PLATFORM, broken.toString());
        assertEquals(4, bad.code());
        assertEquals("ok " + PLATFORM + " (1 preset)\n", bad.out());
        assertEquals(broken + ":6:17: preset x.user.uid: expected a whole number from 1 to 2147483646, found '-1'\n", bad.err());
    }

    @Test
    void initWithTheCatalogueNeedsTheRequiredLabelsAndUsesThem() throws IOException {
        Path dir = service();
        CliRunner.Result missing = CliRunner.run("init", "--dry-run", "--catalog", PLATFORM, dir.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("requires the labels team, cost-center; pass --label team=VALUE"), missing.err());

        CliRunner.Result r = CliRunner.run("init", "--dry-run", "--catalog", PLATFORM, "--label", "team=core",
                "--label", "cost-center=42", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("LABEL cost-center=\"42\"\n"), r.out());
        assertTrue(r.out().contains("FROM registry.example.com/mirror/gcr.io/distroless/static-debian12:nonroot@sha256:"), r.out());
    }

    @Test
    void theProjectConfigIsReadAndFlagsWinOverIt() throws IOException {
        Path dir = service();
        Files.writeString(dir.resolve(".dockergen.yaml"), "apiVersion: dockergen/v1\nkind: ProjectConfig\nfinal: scratch\nport: 9000\n"
                + "labels: {team: core}\n");
        CliRunner.Result r = CliRunner.run("init", "--dry-run", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("FROM scratch AS runtime\n"), r.out());
        assertTrue(r.out().contains("EXPOSE 9000\n"), r.out());
        assertTrue(r.out().contains("LABEL team=\"core\"\n"), r.out());
        CliRunner.Result flags = CliRunner.run("init", "--dry-run", "--final", "alpine", "--port", "7000", dir.toString());
        assertTrue(flags.out().contains("FROM alpine:3.24 AS runtime\n") && flags.out().contains("EXPOSE 7000\n"), flags.out());

        Files.writeString(dir.resolve(".dockergen.yaml"), "apiVersion: dockergen/v1\nkind: ProjectConfig\nfinal: tiny\n");
        CliRunner.Result bad = CliRunner.run("init", "--dry-run", dir.toString());
        assertEquals(4, bad.code());
        assertEquals("dockergen: " + dir.resolve(".dockergen.yaml") + ":3:8: final: unknown final stage 'tiny'; "
                + "use scratch, alpine or distroless\n", bad.err());
    }

    @Test
    void aCatalogueTemplateThatDoesNotCompileIsExitFourNamingTheTemplate() throws IOException {
        Files.writeString(tmp.resolve("bad.jte"), "@param dev.dockergen.plan.DockerfilePlan plan\n${plan.nosuchMethod()}\n");
        Files.writeString(tmp.resolve("c.yaml"), "apiVersion: dockergen/v1\nkind: PresetCatalog\npresets:\n"
                + "  - {name: t, extends: go-alpine, templates: {dockerfile: bad.jte}}\n");
        CliRunner.Result r = CliRunner.run("init", "--dry-run", "--catalog", tmp.resolve("c.yaml").toString(),
                "--preset", "t", Fixtures.go("worker").toString());
        assertEquals(4, r.code(), r.out());
        assertTrue(r.err().startsWith("dockergen: " + tmp.resolve("bad.jte") + ": "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out(), "nothing rendered");

        CliRunner.Result validate = CliRunner.run("presets", "validate", tmp.resolve("c.yaml").toString());
        assertEquals(4, validate.code(), validate.out());
        assertTrue(validate.err().startsWith(tmp.resolve("bad.jte") + ": "), validate.err());
    }
}
