package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockergen.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Permission problems are reported as such, with a documented exit code: an unreadable project file is exit 7
 * naming it, an unwritable folder exit 2, and nothing is written half. File modes do not stop root, so as root the
 * runs are made as nobody (runuser), on a copy of the class path nobody can read.
 */
class PermissionTest {
    @TempDir
    static Path tmp;
    private static List<String> java;

    @BeforeAll
    static void launcher() throws IOException, InterruptedException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        java = new ArrayList<>();
        boolean root = new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).strip().equals("0");
        if (root) {
            assumeTrue(new File("/usr/sbin/runuser").canExecute() || new File("/sbin/runuser").canExecute(),
                    "running as root without runuser: file modes cannot be tested");
            Path cp = Files.createDirectories(tmp.resolve("cp"));
            List<String> entries = new ArrayList<>();
            int i = 0;
            for (String entry : classPath.split(File.pathSeparator)) {
                Path from = Path.of(entry);
                if (!Files.exists(from)) {
                    continue;
                }
                Path to = cp.resolve(i++ + "-" + from.getFileName());
                Fixtures.copyTree(from, to);
                entries.add(to.toString());
            }
            try (Stream<Path> all = Files.walk(cp)) {
                for (Path p : all.toList()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            classPath = String.join(File.pathSeparator, entries);
            java.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        java.addAll(List.of(javaBin, "-cp", classPath, "dev.dockergen.cli.Main"));
    }

    private static CliRunner.Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CliRunner.Result(p.waitFor(), out, err);
    }

    private static Path app(String name) throws IOException {
        Path dir = Fixtures.copyTree(Fixtures.go("nethttp-root"), tmp.resolve(name));
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
        return dir;
    }

    @Test
    void anUnreadableSourceFileIsExitSevenNamingIt() throws Exception {
        Path dir = app("unreadable");
        Files.setPosixFilePermissions(dir.resolve("main.go"), PosixFilePermissions.fromString("---------"));
        CliRunner.Result r = run("init", "--dry-run", dir.toString());
        assertEquals(7, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("dockergen: " + dir + "/main.go: permission denied; make it readable"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aReadOnlyFolderIsAUsageErrorAndNothingIsWritten() throws Exception {
        Path dir = app("readonly");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        CliRunner.Result r = run("init", "--yes", dir.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        // the last line is the error (a warning about the project may come before it)
        String last = r.err().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("dockergen: " + dir + ": cannot write here (permission denied); nothing was written."),
                r.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("go.mod", "main.go"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertFalse(r.err().contains("internal error"));
    }
}
