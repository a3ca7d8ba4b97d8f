package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./dockergen launcher run through symbolic links (as on PATH) finds its own clone. A stand-in java prints what
 * it is asked to run, so no build is needed: the jar it gets must be the clone's.
 */
class LauncherTest {
    @TempDir
    Path tmp;

    /**
     * Runs started together right after a build (an IDE and a script, or the real-world runner's jobs) all start
     * dockergen: before, the others read the JDK choice while the first was still writing it and exited 1 with no
     * message. The stand-in JDK (the newest on the machine, so it is picked) takes a moment to write its class cache.
     */
    @Test
    void runsStartedTogetherAfterABuildAllStart() throws IOException, InterruptedException {
        Path clone = Files.createDirectories(tmp.resolve("clone"));
        Files.copy(Path.of("dockergen"), clone.resolve("dockergen"));
        clone.resolve("dockergen").toFile().setExecutable(true);
        long built = System.currentTimeMillis() - 60_000; // the sources, then the jar: no build, but a new JDK choice
        for (String d : new String[] {"src/main", "templates", "presets", "pom.xml"}) {
            Path p = d.endsWith(".xml") ? Files.writeString(clone.resolve(d), "<project/>\n")
                    : Files.createDirectories(clone.resolve(d));
            p.toFile().setLastModified(built - 60_000);
        }
        Path jar = Files.createDirectories(clone.resolve("target")).resolve("dockergen.jar");
        Files.writeString(jar, "");
        jar.toFile().setLastModified(built);
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = Files.writeString(jdk.resolve("java"), """
                #!/bin/sh
                [ "$1" = -version ] && { sleep 0.2; echo 'openjdk version "99.0.1"' >&2; exit 0; }
                for a in "$@"; do case $a in -XX:AOTCacheOutput=*) sleep 0.5; echo cache > "${a#*=}"; exit 0;; esac; done
                for a in "$@"; do echo "$a"; done
                """);
        java.toFile().setExecutable(true);
        List<Process> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ProcessBuilder pb = new ProcessBuilder(clone.resolve("dockergen").toString(), "--version")
                    .directory(tmp.toFile());
            pb.environment().remove("DOCKERGEN_JAVA");
            pb.environment().put("JAVA_HOME", jdk.getParent().toString());
            runs.add(pb.start());
        }
        for (Process p : runs) {
            List<String> args = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), args + err);
            assertEquals(List.of("dev.dockergen.cli.Main", "--version"), args.subList(args.size() - 2, args.size()));
        }
    }

    @Test
    void aLinkOnThePathRunsTheClonesJar() throws IOException, InterruptedException {
        Path clone = Files.createDirectories(tmp.resolve("src/dockergen"));
        Files.copy(Path.of("dockergen"), clone.resolve("dockergen"));
        clone.resolve("dockergen").toFile().setExecutable(true);
        for (String d : new String[] {"src/main", "templates", "presets"}) {
            Files.createDirectories(clone.resolve(d));
        }
        Files.writeString(clone.resolve("pom.xml"), "<project/>\n");
        Path jar = Files.createDirectories(clone.resolve("target")).resolve("dockergen.jar");
        Files.writeString(jar, "");
        jar.toFile().setLastModified(System.currentTimeMillis() + 60_000); // newer than the sources: no build
        Path java = Files.writeString(tmp.resolve("java"), "#!/bin/sh\n[ \"$1\" = -version ] && { echo 'openjdk version "
                + "\"17.0.9\"' >&2; exit 0; }\nfor a in \"$@\"; do echo \"$a\"; done\n");
        java.toFile().setExecutable(true);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path other = Files.createDirectories(tmp.resolve("links"));
        // a relative link to a link, as ln -s makes them
        Files.createSymbolicLink(other.resolve("dg"), Path.of("../src/dockergen/dockergen"));
        Files.createSymbolicLink(bin.resolve("dockergen"), other.resolve("dg"));
        ProcessBuilder pb = new ProcessBuilder(bin.resolve("dockergen").toString(), "--version").directory(tmp.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("DOCKERGEN_JAVA", java.toString());
        Process p = pb.start();
        List<String> args = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor(), args.toString());
        int cp = args.indexOf("-cp");
        assertEquals(jar.toRealPath().toString(), Path.of(args.get(cp + 1)).toRealPath().toString(), args.toString());
        assertEquals(List.of("dev.dockergen.cli.Main", "--version"), args.subList(cp + 2, args.size()));
    }
}
