package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's path arguments: a path that is not there is said to "not exist" (not "no such file", not "not a
 * directory"), a path of the wrong kind says which kind it is; each in one line with the documented exit code.
 */
class PathErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingPathDoesNotExistWhateverTheCommand() throws IOException {
        Path project = Fixtures.copyTree(Fixtures.go("nethttp-root"), tmp.resolve("app"));
        Files.writeString(project.resolve("Dockerfile"), "FROM scratch\n");
        String missing = tmp.resolve("missing").toString();
        String dir = project.toString();
        List<String[]> usage = List.of(
                new String[] {"init", missing},
                new String[] {"detect", missing},
                new String[] {"check", missing},
                new String[] {"measure", missing},
                new String[] {"audit", missing},
                new String[] {"measure", "--before", missing, dir},
                new String[] {"measure", "--after", missing, dir},
                new String[] {"measure", "--engine", missing + "/podman", "--before", dir + "/Dockerfile",
                    "--after", dir + "/Dockerfile", dir});
        List<String[]> catalogue = List.of(
                new String[] {"init", "--dry-run", "--catalog", missing, dir},
                new String[] {"check", "--catalog", missing, dir},
                new String[] {"presets", "list", "--catalog", missing},
                new String[] {"presets", "show", "go-alpine", "--catalog", missing},
                new String[] {"presets", "validate", missing});
        List<String> wrong = new ArrayList<>();
        for (List<String[]> group : List.of(usage, catalogue)) {
            int code = group == usage ? 2 : 4;
            for (String[] args : group) {
                CliRunner.Result r = CliRunner.run(args);
                String line = r.err().lines().findFirst().orElse("");
                if (r.code() != code || !line.contains(missing) || !line.contains("does not exist")) {
                    wrong.add(String.join(" ", args) + " -> " + r.code() + " " + r.err());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aPathOfTheWrongKindSaysWhichKindItIs() throws IOException {
        Path project = Fixtures.copyTree(Fixtures.go("nethttp-root"), tmp.resolve("app"));
        CliRunner.Result dirForFile = CliRunner.run("audit", project.toString());
        assertEquals(2, dirForFile.code());
        assertTrue(dirForFile.err().startsWith("dockergen: " + project + ": is a directory, not a Dockerfile"), dirForFile.err());

        CliRunner.Result fileForDir = CliRunner.run("detect", project.resolve("go.mod").toString());
        assertEquals(2, fileForDir.code());
        assertTrue(fileForDir.err().startsWith("dockergen: " + project.resolve("go.mod") + ": not a directory"), fileForDir.err());

        Path file = Files.writeString(tmp.resolve("out"), "");
        CliRunner.Result output = CliRunner.run("init", "--yes", "--output", file.toString(), project.toString());
        assertEquals(2, output.code());
        // the error alone: the project's own warnings (an ended Go version) are not printed before a usage error
        assertEquals("dockergen: " + file + ": is a file, not a directory; give a folder to write into\n", output.err());
    }
}
