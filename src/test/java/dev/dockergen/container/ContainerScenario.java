package dev.dockergen.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import dev.dockergen.GenerateRequest;
import dev.dockergen.GenerationResult;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.render.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One app on one final stage: render, build, run, probe, check the user and sizes, edit one source
 * line, rebuild, check the dependency layer came from cache and the new code is served; report it.
 */
final class ContainerScenario {
    private ContainerScenario() {
    }

    /**
     * @param probe HTTP path to probe, or null for a program that serves nothing
     * @param installStep text of the RUN step that installs dependencies, whose layer must be reused
     */
    static void run(Path work, String name, Path source, FinalStage stage, String probe, String expect, String file,
                    String from, String to, String expectAfter, String installStep) throws IOException {
        run(work, name, source, null, stage, probe, expect, file, from, to, expectAfter, installStep);
    }

    /** @param project a monorepo member to generate for (its Dockerfile is built from the repository root), or null */
    static void run(Path work, String name, Path source, String project, FinalStage stage, String probe, String expect,
                    String file, String from, String to, String expectAfter, String installStep) throws IOException {
        ContainerLab.requireReady();
        Path dir = work.resolve(name + "-" + stage.id());
        if (Files.exists(dir)) { // left by an earlier run: start from the fixture again
            try (java.util.stream.Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Fixtures.copyTree(source, dir);
        GenerationResult generated = Fixtures.dockergen().generate(new GenerateRequest(
                new DirectoryProjectFiles(dir, name), new DetectOptions(project, null), null, stage, null));
        Path out = project == null ? dir : dir.resolve(project);
        for (GeneratedFile f : generated.files()) {
            Files.writeString(out.resolve(f.path()), stage == FinalStage.ALPINE ? labAlpine(f.content()) : f.content());
        }
        String[] dockerfile = project == null ? new String[0] : new String[] {"-f", out.resolve("Dockerfile").toString()};
        String tag = "localhost/dockergen-it/" + name + "-" + stage.id() + ":1";
        ContainerLab.BuildRun first = ContainerLab.buildRun(dir, tag, concat(dockerfile, probeOptions(probe, expect)));
        assertTrue(first.ok("build"), () -> "build failed:\n" + first.stderr());
        assertTrue(first.ok("run"), () -> "container did not run:\n" + first.stderr());
        assertEquals(probe == null ? "skipped" : "ok", first.result().get("probe"), first::stderr);
        String user = ContainerLab.imageUser(tag);
        assertTrue(user.matches("[1-9][0-9]*:[1-9][0-9]*"), "image must run as a numeric non-root user, not '" + user + "'");
        List<String> start = generated.project().start();
        long artefact = start != null && List.of("go", "c").contains(generated.project().language().id())
                ? ContainerLab.fileSize(tag, "/usr/local/bin/" + start.get(0)) : 0;
        if (stage == FinalStage.SCRATCH) {
            // besides the binary, only what the Dockerfile copies on purpose: data it reads (a terminfo database), or the
            // static shell of a server that runs a command
            long data = 0;
            java.util.regex.Matcher copied = java.util.regex.Pattern.compile("(?m)^COPY --from=build (/usr/share/\\S+|/usr/bin/busybox) (\\S+)$")
                    .matcher(Files.readString(out.resolve("Dockerfile")));
            while (copied.find()) {
                data += ContainerLab.fileSize(tag, copied.group(2));
            }
            assertTrue(first.size() <= artefact * 1.10 + data, "scratch image " + first.size()
                    + " bytes is more than 10% above its binary's " + artefact + " bytes (and " + data + " bytes of data)");
        }
        Path edited = dir.resolve(file);
        String before = Files.readString(edited);
        assertTrue(before.contains(from), file + " lacks " + from);
        Files.writeString(edited, before.replace(from, to));
        ContainerLab.BuildRun second = ContainerLab.buildRun(dir, tag,
                concat(dockerfile, append(probeOptions(probe, expectAfter), "--rmi")));
        assertTrue(second.ok("build"), () -> "rebuild failed:\n" + second.stderr());
        assertEquals(probe == null ? "skipped" : "ok", second.result().get("probe"), second::stderr);
        boolean installs = generated.files().get(0).content().contains(installStep);
        if (installs) {
            assertTrue(second.cached(installStep), "a source-only change must reuse the dependency layer:\n" + second.buildLog());
        }
        ContainerReport.add(new ContainerReport.Row(name, stage.id(), first.ok("build"), first.ok("run"),
                first.result().get("probe"), user, first.size(), artefact, artefact == 0 ? 0 : (double) first.size() / artefact,
                installs ? (second.cached(installStep) ? "yes" : "no") : "n/a (nothing installed)",
                first.buildSeconds(), second.buildSeconds(), probe == null || second.ok("probe")));
    }

    /**
     * The lab has no apk: its alpine toolchain stand-ins are Debian. The one {@code apk add --no-cache tini} line of an
     * alpine final is swapped for Debian's package at the same path, so the rest of the alpine image is still built, run
     * and probed; the apk line itself is not tested here.
     */
    static String labAlpine(String dockerfile) {
        return dockerfile.replace("RUN apk add --no-cache tini\n", "RUN apt-get update && apt-get install -y --no-install-recommends"
                + " tini && ln -s /usr/bin/tini /sbin/tini && rm -rf /var/lib/apt/lists/*\n");
    }

    private static String[] probeOptions(String probe, String expect) {
        return probe == null ? new String[] {"--no-probe"} : new String[] {"--probe", probe, "--expect", expect};
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }

    private static String[] append(String[] options, String extra) {
        List<String> all = new ArrayList<>(List.of(options));
        all.add(extra);
        return all.toArray(new String[0]);
    }
}
