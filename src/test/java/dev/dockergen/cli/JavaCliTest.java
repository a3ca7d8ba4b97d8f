package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java paths through the real command line: init's tag, --project on a module, exit codes. */
class JavaCliTest {
    @TempDir
    Path tmp;

    @Test
    void initNamesTheImageAfterTheApplicationAndProjectPicksAModule() throws Exception {
        Path dir = tmp.resolve("words");
        Fixtures.copyTree(Fixtures.ROOT.resolve("java").resolve("multi-module-maven"), dir);
        CliRunner.Result r = CliRunner.run("init", "--yes", "--project", "app", "--final", "alpine", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("next: docker build -t words-api " + dir), r.out());
        assertTrue(Files.readString(dir.resolve("Dockerfile")).contains("-pl app -am package"));
        CliRunner.Result lib = CliRunner.run("init", "--dry-run", "--project", "lib", dir.toString());
        assertEquals(2, lib.code());
        assertEquals("dockergen: --project lib: that module of the Maven build is a library, not an application; "
                + "application modules: app\n", lib.err());
    }

    @Test
    void aMalformedPomIsExitSevenWithFileAndLine() throws Exception {
        Files.writeString(tmp.resolve("pom.xml"), "<project>\n  <artifactId>a</artifactId>\n  <version>1</version\n</project>\n");
        CliRunner.Result r = CliRunner.run("detect", tmp.toString());
        assertEquals(7, r.code());
        assertTrue(r.err().startsWith("dockergen: pom.xml:4: not well-formed XML"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
