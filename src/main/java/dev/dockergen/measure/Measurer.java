package dev.dockergen.measure;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.audit.Auditor;
import dev.dockergen.plan.IgnoreMatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the before and the after image with a container engine and measures both. Everything happens in a temporary
 * copy of each build context, so the one-line change for the warm rebuild never touches the user's files.
 */
public final class Measurer {
    /** Lines of the engine's output shown when a build fails. */
    static final int TAIL = 25;

    /**
     * One side of the comparison.
     *
     * @param label           "before" or "after" (also the image tag)
     * @param description     where the Dockerfile came from, for the report
     * @param context         the build context to copy
     * @param projectInContext the project's directory relative to the context ("" when they are the same)
     * @param dockerfilePath  where the Dockerfile goes in the copy, relative to the context
     * @param dockerfileText  its content
     * @param ignorePath      where {@code ignoreText} goes in the copy, or null to keep the context's own
     * @param ignoreText      the .dockerignore to build with, or null
     */
    public record Side(String label, String description, Path context, String projectInContext, String dockerfilePath,
                       String dockerfileText, String ignorePath, String ignoreText) {
    }

    /** What to measure and how. {@code edit} is the source file to change, relative to the project; null: chosen. */
    public record Request(Engine engine, String name, Path project, Side before, Side after, String edit, boolean keep,
                          String preBuild, Map<String, String> env) {
    }

    private final PrintWriter progress;
    private final Request request;
    private final long start = System.nanoTime();

    private Measurer(Request request, PrintWriter progress) {
        this.request = request;
        this.progress = progress;
    }

    /** Builds and measures both sides; progress and the engine's last lines on failure go to {@code progress}. */
    public static MeasureReport measure(Request request, PrintWriter progress) {
        return new Measurer(request, progress).run();
    }

    private void say(String message) {
        progress.println(String.format(Locale.ROOT, "measure: [%5.1f s] %s", (System.nanoTime() - start) / 1e9, message));
        progress.flush();
    }

    private String tag(Side side) {
        return "dockergen-measure/" + request.name() + ":" + side.label();
    }

    private MeasureReport run() {
        Path work;
        try {
            work = Files.createTempDirectory("dockergen-measure-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> remove = new ArrayList<>();
        Run version = exec(request.engine().version(), null);
        if (version.code != 0) {
            showTail(version);
            deleteTree(work);
            throw new DockergenException(ExitCode.USAGE, request.engine() + " does not answer (`"
                    + request.engine().kind().id() + " version` exited " + version.code + "; its last lines are above): "
                    + "start it, or choose another with --engine");
        }
        try {
            Path before = prepare(request.before(), work);
            Path after = prepare(request.after(), work);
            String edit = request.edit() != null ? checkedEdit(request.edit()) : chooseEdit(List.of(before, after));
            if (request.preBuild() != null) {
                preBuild(before.resolve(request.before().dockerfilePath()), after.resolve(request.after().dockerfilePath()));
            }
            pullMissing();
            MeasureReport.Image b = measure(request.before(), before, edit, remove);
            MeasureReport.Image a = measure(request.after(), after, edit, remove);
            return new MeasureReport(request.engine().kind().id(), edit, b, a);
        } finally {
            if (!request.keep()) {
                for (String image : remove) {
                    exec(request.engine().remove(image), null);
                }
            } else {
                say("kept " + tag(request.before()) + " and " + tag(request.after()));
            }
            deleteTree(work);
        }
    }

    /** Copies the side's context (without .git) and writes its Dockerfile and ignore file into the copy. */
    private Path prepare(Side side, Path work) {
        Path copy = work.resolve(side.label());
        try {
            copyTree(side.context(), copy);
            write(copy.resolve(side.dockerfilePath()), side.dockerfileText());
            if (side.ignorePath() != null) {
                write(copy.resolve(side.ignorePath()), side.ignoreText());
            }
        } catch (IOException e) {
            throw new DockergenException(ExitCode.USAGE, side.context() + ": cannot copy the build context ("
                    + e.getMessage() + "); check that every file in it is readable");
        }
        return copy;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(from)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a measurement for
        }
    }

    private String checkedEdit(String edit) {
        Path file = request.project().resolve(edit).normalize();
        if (!file.startsWith(request.project())) {
            throw new DockergenException(ExitCode.USAGE, "--edit " + edit + ": is outside " + request.project()
                    + "; give a source file relative to the project directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new DockergenException(ExitCode.USAGE, "--edit " + edit + ": " + (Files.exists(file) ? "is a directory"
                    : "does not exist") + " in " + request.project() + "; give a source file relative to the project directory");
        }
        if (SourceEdit.commentFor(edit) == null) {
            throw new DockergenException(ExitCode.USAGE, "--edit " + edit + ": measure knows no comment syntax for this "
                    + "file; give a source file (" + SourceEdit.EXTENSIONS + ")");
        }
        return edit.replace('\\', '/');
    }

    /** The source file to change: the first one both builds receive (neither ignore file leaves it out). */
    private String chooseEdit(List<Path> copies) {
        List<String> candidates = SourceEdit.candidates(request.project());
        List<Side> sides = List.of(request.before(), request.after());
        for (String candidate : candidates) {
            boolean sent = true;
            for (int i = 0; i < sides.size(); i++) {
                Side side = sides.get(i);
                String inContext = side.projectInContext().isEmpty() ? candidate : side.projectInContext() + "/" + candidate;
                if (ignores(copies.get(i), side).ignores(inContext)) {
                    sent = false;
                }
            }
            if (sent) {
                return candidate;
            }
        }
        throw new DockergenException(ExitCode.USAGE, request.project() + ": no source file for the warm rebuild ("
                + SourceEdit.EXTENSIONS + ") that both builds receive; name one with --edit FILE");
    }

    /** The ignore file the builder reads for this side: {@code <Dockerfile>.dockerignore}, else the context's. */
    private static IgnoreMatcher ignores(Path copy, Side side) {
        for (Path p : List.of(copy.resolve(side.dockerfilePath() + ".dockerignore"), copy.resolve(".dockerignore"))) {
            if (Files.isRegularFile(p)) {
                try {
                    return new IgnoreMatcher(Files.readAllLines(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return new IgnoreMatcher(List.of());
                }
            }
        }
        return new IgnoreMatcher(List.of());
    }

    /** Whether the side's context has an ignore file, for the audit's rule about one. */
    static boolean hasIgnoreFile(Path copy, Side side) {
        return Files.isRegularFile(copy.resolve(side.dockerfilePath() + ".dockerignore"))
                || Files.isRegularFile(copy.resolve(".dockerignore"));
    }

    private void preBuild(Path beforeFile, Path afterFile) {
        say("pre-build: " + request.preBuild());
        List<String> command = List.of("/bin/sh", "-c", request.preBuild(), "dockergen-measure", beforeFile.toString(),
                afterFile.toString());
        Run r = exec(command, line -> progress.println("  " + line));
        progress.flush();
        if (r.code != 0) {
            throw new DockergenException(ExitCode.BUILD_FAILED, "--pre-build command exited " + r.code
                    + " (its output is above); fix it or leave --pre-build out");
        }
    }

    /** Pulls base images the engine does not have, so that no timed build includes a download. */
    private void pullMissing() {
        Set<String> images = new LinkedHashSet<>(new DockerfileInfo(request.before().dockerfileText()).baseImages());
        images.addAll(new DockerfileInfo(request.after().dockerfileText()).baseImages());
        for (String image : images) {
            if (exec(request.engine().inspect(image), null).code == 0) {
                continue;
            }
            say("pulling " + image + " (not timed)");
            Run r = exec(request.engine().pull(image), null);
            if (r.code != 0) {
                showTail(r);
                throw new DockergenException(ExitCode.BUILD_FAILED, image + ": " + request.engine().kind().id()
                        + " cannot pull this base image (exit " + r.code + "; its last lines are above); pull or build "
                        + "it first, or use --pre-build to tag a local one");
            }
        }
    }

    private MeasureReport.Image measure(Side side, Path copy, String edit, List<String> remove) {
        String tag = tag(side);
        Path dockerfile = copy.resolve(side.dockerfilePath());
        DockerfileInfo info = new DockerfileInfo(side.dockerfileText());
        int findings = Auditor.builtIn().audit(side.description(), side.dockerfileText(), hasIgnoreFile(copy, side)).size();

        say(side.label() + ": cold build of " + side.description() + " (no cache)");
        Timed cold = build(side, dockerfile, copy, tag, true, "cold build", info);
        remove.add(tag);
        EngineOutput.ImageFacts facts = inspect(tag);
        if (!facts.id().isEmpty()) {
            remove.add(facts.id());
        }
        say(side.label() + ": cold build took " + MeasureReport.seconds(cold.seconds) + ", "
                + MeasureReport.megabytes(facts.sizeBytes()) + ", " + facts.layers().size() + " layers");

        // A cold build next to older builds of similar files leaves two candidate chains in podman's and buildah's
        // cache; their next build may pick the older one and rebuild from there. An untimed build without changes
        // lets the engine settle on one chain, so the timed rebuild shows what a source change alone costs.
        say(side.label() + ": untimed rebuild without changes, so the engine's layer cache settles");
        build(side, dockerfile, copy, tag, false, "settling build", info);
        String inContext = side.projectInContext().isEmpty() ? edit : side.projectInContext() + "/" + edit;
        try {
            SourceEdit.apply(copy.resolve(inContext));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        say(side.label() + ": warm rebuild after a one-line change to " + edit);
        Timed warm = build(side, dockerfile, copy, tag, false, "warm rebuild", info);
        say(side.label() + ": warm rebuild took " + MeasureReport.seconds(warm.seconds));
        Boolean reused = dependencyReused(cold.steps, warm.steps);
        String user = facts.user().isEmpty() ? "root" : facts.user();
        return new MeasureReport.Image(side.description(), facts.sizeBytes(), facts.layers().size(),
                info.finalBaseImage(), round(cold.seconds), round(warm.seconds), reused, user, findings);
    }

    private static double round(double s) {
        return Math.round(s * 10) / 10.0;
    }

    /** The first step that installs the project's dependencies (else system packages), compared between builds. */
    static Boolean dependencyReused(List<EngineOutput.BuildStep> cold, List<EngineOutput.BuildStep> warm) {
        for (boolean system : new boolean[] {false, true}) {
            EngineOutput.BuildStep c = first(cold, system);
            EngineOutput.BuildStep w = first(warm, system);
            if (c != null && w != null) {
                return EngineOutput.reused(c, w);
            }
        }
        return null;
    }

    private static EngineOutput.BuildStep first(List<EngineOutput.BuildStep> steps, boolean system) {
        return steps.stream().filter(s -> DockerfileInfo.installsDependencies(s.instruction(), system)).findFirst().orElse(null);
    }

    private record Timed(double seconds, List<EngineOutput.BuildStep> steps) {
    }

    private Timed build(Side side, Path dockerfile, Path copy, String tag, boolean noCache, String what, DockerfileInfo info) {
        long t0 = System.nanoTime();
        Run r = exec(request.engine().build(dockerfile, copy, tag, noCache), line -> {
            if (EngineOutput.isStepHeader(line)) {
                say(side.label() + " " + what + ": " + (line.length() > 100 ? line.substring(0, 100) + "…" : line));
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<EngineOutput.BuildStep> steps = EngineOutput.steps(request.engine().kind(), r.output(), info.stageNames());
        if (r.code != 0) {
            showTail(r);
            EngineOutput.BuildStep at = EngineOutput.failedStep(steps);
            String where = at == null ? "before its first step" : "in stage " + at.stage() + " at `"
                    + (at.instruction().length() > 80 ? at.instruction().substring(0, 80) + "…" : at.instruction()) + "`";
            throw new DockergenException(ExitCode.BUILD_FAILED, side.label() + " (" + side.description() + "): the "
                    + what + " failed " + where + " (" + request.engine().kind().id() + " exited " + r.code
                    + "; its last lines are above)");
        }
        return new Timed(seconds, steps);
    }

    private EngineOutput.ImageFacts inspect(String tag) {
        Run r = exec(request.engine().inspect(tag), null);
        if (r.code != 0) {
            showTail(r);
            throw new DockergenException(ExitCode.BUILD_FAILED, tag + ": " + request.engine().kind().id()
                    + " cannot inspect the image it built (exit " + r.code + ")");
        }
        try {
            return EngineOutput.inspect(request.engine().kind(), r.stdout);
        } catch (IllegalArgumentException e) {
            throw new DockergenException(ExitCode.BUILD_FAILED, tag + ": " + e.getMessage());
        }
    }

    private void showTail(Run r) {
        List<String> lines = r.lines;
        for (String line : lines.subList(Math.max(0, lines.size() - TAIL), lines.size())) {
            progress.println("  | " + line);
        }
        progress.flush();
    }

    /** A finished process: exit code, stdout alone (for JSON), and stdout and stderr as lines in order. */
    private record Run(int code, String stdout, List<String> lines) {
        String output() {
            return String.join("\n", lines);
        }
    }

    private Run exec(List<String> command, Consumer<String> onLine) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(request.env());
        pb.environment().putAll(request.engine().environment());
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            StringBuilder stdout = new StringBuilder();
            Thread errReader = new Thread(() -> pump(p.getErrorStream(), lines, onLine, null));
            errReader.start();
            pump(p.getInputStream(), lines, onLine, stdout);
            errReader.join();
            return new Run(p.waitFor(), stdout.toString(), List.copyOf(lines));
        } catch (IOException e) {
            return new Run(127, "", List.of(command.get(0) + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockergenException(ExitCode.BUILD_FAILED, "interrupted while " + command.get(0) + " ran");
        }
    }

    private static void pump(java.io.InputStream in, List<String> lines, Consumer<String> onLine, StringBuilder copy) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (copy != null) {
                    copy.append(line).append('\n');
                }
                if (onLine != null) {
                    onLine.accept(line);
                }
            }
        } catch (IOException e) {
            lines.add("(output unreadable: " + e.getMessage() + ")");
        }
    }
}
