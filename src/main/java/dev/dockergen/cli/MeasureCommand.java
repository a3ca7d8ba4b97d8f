package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.measure.Engine;
import dev.dockergen.measure.MeasureReport;
import dev.dockergen.measure.Measurer;
import dev.dockergen.render.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dockergen measure}: build the existing Dockerfile and the one init would write, and compare the images. */
@Command(name = "measure", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Build the project's existing Dockerfile (before) and the one init would write (after) with a "
                + "container engine, and compare size, layers, base image, cold build and warm rebuild time, "
                + "dependency-layer reuse, user and audit findings.",
            "The builds run in temporary copies of the build context; the project's files are never changed. "
                + "Progress goes to stderr; images are tagged dockergen-measure/<name>:before|after and removed "
                + "unless --keep."},
        sortOptions = false)
public final class MeasureCommand extends BaseCommand implements Callable<Integer> {
    enum Format { text, json, markdown }

    @Mixin
    GenerationOptions options;

    @Option(names = "--before", paramLabel = "FILE",
            description = "The Dockerfile to compare against (default: DIR/Dockerfile, else DIR/Containerfile).")
    Path before;

    @Option(names = "--after", paramLabel = "FILE",
            description = "A Dockerfile already written, instead of the one init would write with these options.")
    Path after;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "docker, podman or buildah (a name on PATH or a path); default: the first of them on PATH.")
    String engine;

    @Option(names = "--edit", paramLabel = "FILE",
            description = "The source file (relative to DIR) whose one-line change precedes the warm rebuild "
                    + "(default: the shallowest source file both builds receive).")
    String edit;

    @Option(names = "--pre-build", paramLabel = "CMD",
            description = "A shell command run once before the builds, with the two Dockerfiles (in their temporary "
                    + "copies) as its arguments, e.g. to tag local base images.")
    String preBuild;

    @Option(names = "--keep", description = "Keep the images dockergen-measure/<name>:before and :after.")
    boolean keep;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report as ${COMPLETION-CANDIDATES} (markdown: a table for a pull-request comment).")
    Format format;

    MeasureCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (options.output != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--output: measure writes no files; leave it out");
        }
        options.project.open(); // a usage error for a missing or unreadable directory, before anything else
        Path dir = options.project.path().toAbsolutePath().normalize();
        Path beforeFile = before != null ? before : existing(dir);
        Measurer.Side beforeSide = fileSide("before", beforeFile, dir, dir);
        Measurer.Side afterSide = after != null ? fileSide("after", after, dir, dir) : null;
        // the files named first: a path that does not exist is said before the engine is looked for
        Engine found = Engine.find(engine, context.env().get("PATH"));
        Path project = dir;
        if (afterSide == null) {
            GenerationOptions.Generation g = options.generate(context);
            project = dir.resolve(g.result().project().path()).normalize();
            Path contextDir = g.contextDir().toAbsolutePath().normalize();
            String inContext = rel(contextDir, project);
            String prefix = inContext.isEmpty() ? "" : inContext + "/";
            GeneratedFile dockerfile = g.result().files().stream().filter(f -> f.path().equals(Dockergen.DOCKERFILE))
                    .findFirst().orElseThrow();
            GeneratedFile ignore = g.result().files().stream().filter(f -> !f.path().equals(Dockergen.DOCKERFILE))
                    .findFirst().orElseThrow();
            afterSide = new Measurer.Side("after", "init (preset " + g.result().preset().name() + ")", contextDir,
                    inContext, prefix + dockerfile.path(), dockerfile.content(), prefix + ignore.path(), ignore.content());
            beforeSide = new Measurer.Side(beforeSide.label(), beforeSide.description(), beforeSide.context(),
                    rel(dir, project), beforeSide.dockerfilePath(), beforeSide.dockerfileText(), null, null);
        }
        String name = project.getFileName() == null ? "app"
                : project.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        name = name.replaceAll("^[^a-z0-9]+", "");
        MeasureReport report = Measurer.measure(new Measurer.Request(found, name.isEmpty() ? "app" : name, project,
                beforeSide, afterSide, edit, keep, preBuild, context.env()), spec.commandLine().getErr());
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case json -> report.json();
            case markdown -> report.markdown();
            default -> report.text();
        });
        out.flush();
        return ExitCode.OK.code();
    }

    private static String rel(Path from, Path to) {
        return from.relativize(to).toString().replace('\\', '/');
    }

    private Path existing(Path dir) {
        for (String name : new String[] {"Dockerfile", "Containerfile"}) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), dir + ": no Dockerfile or Containerfile to "
                + "measure against; name the old one with --before FILE");
    }

    /** A side built from a file: in the project directory's context, at its own place when it lies inside it. */
    private Measurer.Side fileSide(String label, Path file, Path dir, Path context) {
        if (!Files.exists(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + label + " " + file + ": does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + label + " " + file + ": is a directory, "
                    + "not a Dockerfile; give the file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DockergenException(ExitCode.USAGE, file + ": cannot read (" + e.getMessage() + ")");
        }
        Path abs = file.toAbsolutePath().normalize();
        String inside = abs.startsWith(context) ? rel(context, abs) : "Dockerfile.dockergen-" + label;
        String shown = abs.startsWith(dir) ? rel(dir.getParent() == null ? dir : dir.getParent(), abs) : file.toString();
        return new Measurer.Side(label, shown, context, "", inside, text, null, null);
    }
}
