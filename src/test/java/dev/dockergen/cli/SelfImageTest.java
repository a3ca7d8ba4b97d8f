package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Dockergen;
import dev.dockergen.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dockergen's own image: the Dockerfile and .dockerignore at the top of the repository are what its Java preset
 * writes for it (.ci/run runs the same check), and the image runs the command line.
 */
class SelfImageTest {
    @TempDir
    Path tmp;

    @Test
    void theCommittedDockerfileIsWhatInitWritesForThisRepository() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(Dockergen::builtIn, new PrintWriter(out, true), new PrintWriter(err, true), Map.of())
                .execute("check", ".");
        assertEquals(0, code, out + "\n" + err);
        assertTrue((out + "" + err).contains("2 files match preset java-distroless"), out + "\n" + err);
    }

    @Test
    void theImageRunsTheCommandLineAsANonRootUser() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
        String entrypoint = lines.stream().filter(l -> l.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow();
        assertTrue(entrypoint.matches("ENTRYPOINT \\[\"[^\"]*java\", .*\"-jar\", \"/app/app\\.jar\"\\]"), entrypoint);
        assertTrue(lines.stream().anyMatch(l -> l.matches("USER [1-9][0-9]*(:[0-9]+)?")), "a numeric non-root USER");
        assertTrue(lines.contains("COPY --from=build /src/target/dockergen.jar ./app.jar"), "the shaded jar ships");
        assertTrue(Files.readAllLines(Path.of(".dockerignore")).contains("target"), "no local build output in the context");
    }

    /** `dockergen init .`, as the README's self-image lines run it: the next: line names "." as the context. */
    @Test
    void initOnTheCurrentDirectoryPrintsABuildLineWithItsContext() throws IOException, InterruptedException {
        Path app = Fixtures.copyTree(Path.of("examples", "go-hello"), tmp.resolve("go-hello"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "init", "--yes", "--no-save", ".")
                .directory(app.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("\nnext: docker build -t go-hello .\n"), out);
    }
}
