package dev.dockergen.measure;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A container engine measure drives through its command line: docker (BuildKit), podman or buildah.
 * Only the command lines differ; what they print is read by {@link EngineOutput}.
 */
public record Engine(Kind kind, Path executable) {
    /** The engines measure knows, in the order it looks for them on PATH. */
    public enum Kind {
        DOCKER, PODMAN, BUILDAH;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The engine to use: {@code requested} (a name looked up on PATH, or a path to the executable, whose file
     * name says which engine it is), else the first of docker, podman, buildah found on {@code path}.
     */
    public static Engine find(String requested, String path) {
        List<Path> dirs = new ArrayList<>();
        for (String d : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!d.isEmpty()) {
                dirs.add(Path.of(d));
            }
        }
        if (requested != null) {
            String name = Path.of(requested).getFileName() == null ? requested : Path.of(requested).getFileName().toString();
            Kind kind = kindOf(name);
            if (kind == null) {
                throw new DockergenException(ExitCode.USAGE, "--engine " + requested
                        + ": unknown engine; use docker, podman or buildah (or a path to one of them)");
            }
            if (requested.contains("/")) {
                Path p = Path.of(requested);
                if (!Files.exists(p)) {
                    throw new DockergenException(ExitCode.USAGE, "--engine " + requested + ": does not exist");
                }
                if (!Files.isExecutable(p) || Files.isDirectory(p)) {
                    throw new DockergenException(ExitCode.USAGE, "--engine " + requested + ": "
                            + (Files.isDirectory(p) ? "is a directory" : "is not executable") + "; give the engine's program");
                }
                return new Engine(kind, p);
            }
            Path found = onPath(dirs, requested);
            if (found == null) {
                throw new DockergenException(ExitCode.USAGE, "--engine " + requested + ": not found on PATH; "
                        + "install it or give its path");
            }
            return new Engine(kind, found);
        }
        for (Kind kind : Kind.values()) {
            Path found = onPath(dirs, kind.id());
            if (found != null) {
                return new Engine(kind, found);
            }
        }
        throw new DockergenException(ExitCode.USAGE, "no container engine found: looked for docker, podman and buildah "
                + "on PATH; install one or name it with --engine");
    }

    private static Kind kindOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (n.equals(k.id()) || n.startsWith(k.id() + "-") || n.startsWith(k.id() + ".")) {
                return k;
            }
        }
        return null;
    }

    private static Path onPath(List<Path> dirs, String name) {
        for (Path d : dirs) {
            Path p = d.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private List<String> cmd(String... args) {
        List<String> c = new ArrayList<>();
        c.add(executable.toString());
        c.addAll(List.of(args));
        return c;
    }

    /**
     * Builds {@code dockerfile} in {@code context} as {@code tag}. Base images are never pulled during a timed build
     * (measure pulls missing ones first); podman and buildah keep every step as a cached layer and write the
     * Docker image format, which keeps HEALTHCHECK and SHELL as docker does.
     */
    public List<String> build(Path dockerfile, Path context, String tag, boolean noCache) {
        List<String> c = switch (kind) {
            case DOCKER -> cmd("build");
            case PODMAN -> cmd("build", "--pull=never", "--format", "docker", "--layers");
            case BUILDAH -> cmd("build", "--pull=never", "--format", "docker", "--layers");
        };
        if (noCache) {
            c.add("--no-cache");
        }
        c.addAll(List.of("-f", dockerfile.toString(), "-t", tag, context.toString()));
        return c;
    }

    /** The command that prints the image's metadata as JSON (an array for docker and podman, an object for buildah). */
    public List<String> inspect(String image) {
        return kind == Kind.BUILDAH ? cmd("inspect", "--type", "image", image) : cmd("image", "inspect", image);
    }

    /** A command that fails when the engine cannot work (docker without a reachable daemon, say). */
    public List<String> version() {
        return cmd("version");
    }

    public List<String> pull(String image) {
        return cmd("pull", image);
    }

    public List<String> remove(String image) {
        return cmd("rmi", image);
    }

    /** Environment for the engine's processes: plain progress output from BuildKit. */
    public java.util.Map<String, String> environment() {
        return kind == Kind.DOCKER ? java.util.Map.of("BUILDKIT_PROGRESS", "plain") : java.util.Map.of();
    }

    @Override
    public String toString() {
        return kind.id() + " (" + executable + ")";
    }
}
