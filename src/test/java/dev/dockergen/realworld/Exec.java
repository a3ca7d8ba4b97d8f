package dev.dockergen.realworld;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one command with a time limit; on time-out the command and every process it started are killed. */
final class Exec {
    record Result(int exit, String out, String err, boolean timedOut) {
        boolean ok() {
            return exit == 0 && !timedOut;
        }

        /** The last non-blank line of stderr (or stdout), for one-line reasons. */
        String lastLine() {
            String s = err.isBlank() ? out : err;
            List<String> lines = s.lines().filter(l -> !l.isBlank()).toList();
            return timedOut ? "timed out" : lines.isEmpty() ? "exit " + exit : lines.get(lines.size() - 1).strip();
        }
    }

    private Exec() {
    }

    static Result run(List<String> command, Path cwd, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, "", "cannot run " + command.get(0) + ": " + e.getMessage(), false);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread a = drain(p.getInputStream(), out);
        Thread b = drain(p.getErrorStream(), err);
        boolean done;
        try {
            done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            a.join(10_000);
            b.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Result(130, out.toString(), err.toString(), true);
        }
        synchronized (out) {
            synchronized (err) {
                return new Result(done ? p.exitValue() : 124, out.toString(), err.toString(), !done);
            }
        }
    }

    private static Thread drain(InputStream in, StringBuilder into) {
        Thread t = new Thread(() -> {
            try (in) {
                byte[] buf = new byte[8192];
                int n;
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                while ((n = in.read(buf)) > 0) {
                    bytes.write(buf, 0, n);
                }
                synchronized (into) {
                    into.append(bytes.toString(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
