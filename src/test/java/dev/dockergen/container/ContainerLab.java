package dev.dockergen.container;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives shared/container-lab (podman with local stand-in base images): build, run, probe, inspect.
 * Where the lab is absent the tests are skipped with a message; under CI, where .ci/run set it up,
 * an absent lab is a failure instead, so CI cannot pass by skipping.
 */
final class ContainerLab {
    /** The lab beside the checkout, or where CONTAINER_LAB says (a git worktree is not beside it). */
    static final Path LAB = Path.of(System.getenv().getOrDefault("CONTAINER_LAB", Path.of("..", "shared", "container-lab").toString()));
    private static final Pattern LOG = Pattern.compile("\\(log: (\\S+\\.log)\\)");
    private static Boolean ready;

    private ContainerLab() {
    }

    /** Skips the calling test unless the lab's images are built and current. */
    static synchronized void requireReady() {
        if (ready == null) {
            ready = Files.isRegularFile(LAB.resolve("setup")) && run(List.of("bash", LAB.resolve("setup").toString(), "--check"), 60).code == 0;
        }
        if (!ready && "true".equals(System.getenv("CI")) && Files.isDirectory(LAB)) {
            fail("CI=true and " + LAB + " exists, but `setup --check` fails: run `bash " + LAB.resolve("setup") + "` first");
        }
        assumeTrue(ready, "container lab not ready (" + LAB.toAbsolutePath().normalize()
                + "): run `sudo ../shared/container-lab/setup` to build and run the generated images");
    }

    /** What a process printed and returned. */
    record Output(int code, String out, String err) {
    }

    static Output run(List<String> command, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("lab-out", ".txt");
            Path err = Files.createTempFile("lab-err", ".txt");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Output(-1, Files.readString(out), Files.readString(err) + "\n(timed out after " + timeoutSeconds + " s)");
            }
            Output o = new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return o;
        } catch (IOException e) {
            return new Output(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Output(-1, "", e.toString());
        }
    }

    /** One build-run: the RESULT fields, the build log, and everything the lab said. */
    record BuildRun(int code, Map<String, String> result, String buildLog, String stderr) {
        boolean ok(String key) {
            return "ok".equals(result.get(key));
        }

        long size() {
            return Long.parseLong(result.getOrDefault("size", "0"));
        }

        double buildSeconds() {
            return Double.parseDouble(result.getOrDefault("build_s", "0"));
        }

        /** True when the build log shows the RUN step containing {@code command} taken from cache. */
        boolean cached(String command) {
            String[] lines = buildLog.split("\n");
            for (int i = 0; i < lines.length - 1; i++) {
                if (lines[i].contains("STEP ") && lines[i].contains(": RUN ") && lines[i].contains(command)) {
                    return lines[i + 1].startsWith("--> Using cache");
                }
            }
            return false;
        }
    }

    static BuildRun buildRun(Path dir, String tag, String... options) {
        List<String> cmd = new ArrayList<>(List.of("bash", LAB.resolve("build-run").toString(), dir.toString(), "-t", tag));
        cmd.addAll(Arrays.asList(options));
        Output o = run(cmd, 900);
        String last = o.out.strip().lines().reduce((a, b) -> b).orElse("");
        Map<String, String> result = new LinkedHashMap<>();
        for (String kv : last.replaceFirst("^RESULT ", "").split(" ")) {
            String[] parts = kv.split("=", 2);
            if (parts.length == 2) {
                result.put(parts[0], parts[1]);
            }
        }
        String log = "";
        Matcher m = LOG.matcher(o.err);
        if (m.find()) {
            try {
                log = Files.readString(Path.of(m.group(1)));
            } catch (IOException e) {
                log = "(log unreadable: " + e + ")";
            }
        }
        return new BuildRun(o.code, result, log, o.err);
    }

    /** The image's configured user, as `podman image inspect` reports it. */
    static String imageUser(String tag) {
        return run(List.of("podman", "image", "inspect", "--format", "{{.Config.User}}", tag), 60).out.strip();
    }

    /** Size in bytes of one file inside an image, copied out of a created (never started) container. */
    /** The bytes of a file in the image, or of every file below a folder. */
    static long fileSize(String tag, String path) throws IOException {
        String name = "dockergen-size-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path dir = Files.createTempDirectory("dockergen-copy");
        Path out = dir.resolve("copy");
        try {
            Output created = run(List.of("podman", "create", "--name", name, tag), 60);
            if (created.code != 0) {
                throw new IOException("podman create failed: " + created.err);
            }
            Output copied = run(List.of("podman", "cp", name + ":" + path, out.toString()), 60);
            if (copied.code != 0) {
                throw new IOException("podman cp failed: " + copied.err);
            }
            try (java.util.stream.Stream<Path> files = Files.walk(out)) {
                long sum = 0;
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    sum += Files.size(f);
                }
                return sum;
            }
        } finally {
            run(List.of("podman", "rm", "-f", "-t", "0", name), 60);
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    static void removeImage(String tag) {
        run(List.of("podman", "rmi", "-f", tag), 120);
    }
}
