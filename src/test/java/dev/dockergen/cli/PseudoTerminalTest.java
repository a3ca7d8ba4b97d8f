package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactive init as a user meets it: dockergen runs in its own JVM on a real pseudo-terminal (util-linux
 * {@code script} allocates it), and the answers are typed into that terminal, line discipline and all.
 */
class PseudoTerminalTest {
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path tmp;

    private record Session(int code, String screen) {
    }

    private Path goHello() throws IOException {
        Path dir = tmp.resolve("go-hello");
        Files.createDirectories(dir);
        for (String name : List.of("go.mod", "main.go")) {
            Files.copy(Path.of("examples", "go-hello", name), dir.resolve(name));
        }
        return dir;
    }

    /** Runs {@code dockergen ARGS} on a pseudo-terminal, types {@code typed} into it, and reads the screen. */
    private static Session atTerminal(String typed, String... args) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed: no pseudo-terminal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder("'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName());
        for (String a : args) {
            command.append(" '").append(a).append("'");
        }
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "-qec", command.toString(), "/dev/null");
        pb.environment().remove("CI"); // CI=true turns the questions off, as it should
        pb.environment().put("NO_COLOR", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        OutputStream keyboard = p.getOutputStream();
        keyboard.write(typed.getBytes(StandardCharsets.UTF_8)); // typed ahead: the terminal holds it for the prompts
        keyboard.flush();
        byte[] screen = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "dockergen did not finish on the terminal");
        keyboard.close();
        return new Session(p.exitValue(), new String(screen, StandardCharsets.UTF_8).replace("\r", ""));
    }

    @Test
    void theAnswersTypedAtTheTerminalShapeTheFilesAndAreSaved() throws Exception {
        Path dir = goHello();
        // final stage, Go version (default), start command (default), port
        Session s = atTerminal("alpine\n\n\n9000\n", "init", dir.toString());
        assertEquals(0, s.code(), s.screen());
        assertTrue(s.screen().contains("? Final stage [distroless]"), s.screen());
        assertTrue(s.screen().contains("? Port [8080]"), s.screen());
        String dockerfile = Files.readString(dir.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("FROM alpine:"), dockerfile);
        assertTrue(dockerfile.contains("EXPOSE 9000"), dockerfile);
        String saved = Files.readString(dir.resolve(".dockergen.yaml"));
        assertTrue(saved.contains("preset: go-alpine") && saved.contains("port: 9000"), saved);
    }

    @Test
    void ctrlDAtAQuestionAbortsAndWritesNothing() throws Exception {
        Path dir = goHello();
        Session s = atTerminal("\u0004", "init", dir.toString());
        assertEquals(130, s.code(), s.screen());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("go.mod", "main.go"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(s.screen().contains("end of input at 'Final stage'; nothing was written"), s.screen());
    }
}
