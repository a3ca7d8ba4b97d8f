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
