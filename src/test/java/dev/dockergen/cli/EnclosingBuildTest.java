package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dockergen run in a module's folder (a Maven module its parent lists, a Go main package of the module above it)
 * detects and builds from the enclosing build, and writes the files in the folder.
 */
class EnclosingBuildTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aMavenModuleIsBuiltFromItsParentWithItsFilesInItsFolder() throws IOException {
        Path repo = Fixtures.copyTree(Fixtures.ROOT.resolve("java/multi-module-maven"), tmp.resolve("repo"));
        Path app = repo.resolve("app");
        CliRunner.Result r = CliRunner.run("init", "--yes", "--no-save", app.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note: " + app + " is the module app of the build in " + repo + ", so it is "
                + "detected and built from there"), r.err());
        assertTrue(Files.isRegularFile(app.resolve("Dockerfile.dockerignore")), r.out());
        assertFalse(Files.exists(app.resolve(".dockerignore")));
        assertFalse(Files.exists(repo.resolve("Dockerfile")), "nothing is written in the parent");
        String dockerfile = Files.readString(app.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("\n# Build from .., the build this module belongs to: docker build -f app/Dockerfile -t "),
                dockerfile);
        // the sibling module it depends on is in the build, as from the parent
        assertTrue(dockerfile.contains("\nCOPY lib/pom.xml lib/\n"), dockerfile);
        assertTrue(dockerfile.contains(" -pl app -am "), dockerfile);
        assertEquals(0, CliRunner.run("check", app.toString()).code());
    }

    @Test
    void detectNamesEveryFactFromTheModulesFolder() throws IOException {
        Path repo = Fixtures.copyTree(Fixtures.ROOT.resolve("java/multi-module-maven"), tmp.resolve("repo"));
        CliRunner.Result r = CliRunner.run("detect", "--format", "json", repo.resolve("app").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = JSON.readTree(r.out());
        JsonNode project = json.get("projects").get(0);
        assertEquals(1, json.get("projects").size());
        assertEquals(".", project.get("path").asText());
        assertEquals("../pom.xml", project.at("/facts/buildTool/source").asText());
        List<String> evidence = new ArrayList<>();
        project.get("evidence").forEach(e -> evidence.add(e.asText()));
        assertTrue(evidence.contains("pom.xml") && evidence.contains("../pom.xml"), evidence.toString());
        assertTrue(json.get("warnings").get(0).asText().contains(" is the module app of the build in "), r.out());
    }

    @Test
    void aGoMainPackageIsBuiltFromItsModule() throws IOException {
        Path repo = Fixtures.copyTree(Fixtures.go("cmd-server"), tmp.resolve("repo"));
        Path server = repo.resolve("cmd/server");
        CliRunner.Result r = CliRunner.run("init", "--yes", "--no-save", server.toString());
        assertEquals(0, r.code(), r.err());
        String dockerfile = Files.readString(server.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("\n# Build from ../.., the build this module belongs to: docker build -f "
                + "cmd/server/Dockerfile -t "), dockerfile);
        assertTrue(dockerfile.contains("\nCOPY go.mod "), dockerfile);
        assertTrue(dockerfile.contains("./cmd/server"), dockerfile);
    }

    @Test
    void projectAndARepositoryRootKeepTheFolderAlone() throws IOException {
        Path repo = Fixtures.copyTree(Fixtures.ROOT.resolve("java/multi-module-maven"), tmp.resolve("repo"));
        Path app = repo.resolve("app");
        CliRunner.Result asked = CliRunner.run("detect", "--format", "json", "--project", ".", app.toString());
        assertEquals(0, asked.code(), asked.err());
        assertFalse(asked.out().contains("../pom.xml"), asked.out());
        Files.createDirectory(app.resolve(".git"));
        CliRunner.Result own = CliRunner.run("detect", "--format", "json", app.toString());
        assertEquals(0, own.code(), own.err());
        assertFalse(own.out().contains("../pom.xml"), own.out());
    }
}
