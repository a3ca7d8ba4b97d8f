package dev.dockergen.plan;

import java.util.List;

/**
 * One line (or block) of a Dockerfile, as data. Every text field is checked to be a single line, so
 * no value can start a new instruction; templates decide how each kind is printed.
 */
public sealed interface Instruction {

    /** Comment lines (without "# "), printed after a blank line. */
    record Comment(List<String> lines) implements Instruction {
        public Comment {
            lines = Safe.lines(lines);
        }

        public static Comment of(String... lines) {
            return new Comment(List.of(lines));
        }
    }

    /** A linter directive printed right above the next instruction (e.g. "hadolint ignore=DL3018"). */
    record Directive(String text) implements Instruction {
        public Directive {
            Safe.line(text);
        }
    }

    /** An empty line. */
    record Blank() implements Instruction {
    }

    record Arg(String name, String defaultValue) implements Instruction {
        public Arg {
            Safe.word(name);
            if (defaultValue != null) {
                Safe.word(defaultValue);
            }
        }
    }

    record Env(String name, String value) implements Instruction {
        public Env {
            Safe.word(name);
            Safe.word(value);
        }
    }

    record Workdir(String path) implements Instruction {
        public Workdir {
            Safe.path(path);
        }
    }

    /** COPY [--from=stage] sources... dest. */
    record Copy(String from, List<String> sources, String dest) implements Instruction {
        public Copy {
            if (from != null) {
                Safe.word(from);
            }
            sources = List.copyOf(sources);
            sources.forEach(Safe::path);
            Safe.path(dest);
        }
    }

    /**
     * COPY --chown=UID:GID [--chmod=MODE]: files or empty folders that the runtime user must own (where it writes).
     *
     * @param chmod an octal mode, or null
     */
    record CopyOwned(String from, List<String> sources, String dest, int uid, int gid, String chmod)
            implements Instruction {
        public CopyOwned {
            if (from != null) {
                Safe.word(from);
            }
            sources = List.copyOf(sources);
            sources.forEach(Safe::path);
            Safe.path(dest);
            if (chmod != null && !chmod.matches("[0-7]{3,4}")) {
                throw new IllegalArgumentException("not an octal mode: " + Safe.line(chmod));
            }
        }
    }

    /** VOLUME in JSON form: folders that hold state, kept outside the container's layer. */
    record Volume(List<String> paths) implements Instruction {
        public Volume {
            paths = List.copyOf(paths);
            paths.forEach(Safe::path);
        }
    }

    /** A mount on RUN: --mount=type=TYPE[,id=ID],target=TARGET (cache, or a build secret by id). */
    record Mount(String type, String target, String id) {
        public Mount {
            Safe.word(type);
            Safe.path(target);
            if (id != null) {
                Safe.word(id);
            }
        }

        public static Mount cache(String target) {
            return new Mount("cache", target, null);
        }

        public static Mount secret(String id, String target) {
            return new Mount("secret", target, id);
        }
    }

    /** RUN with mounts; {@code lines} are shell continuation lines joined by backslash-newline. */
    record Run(List<Mount> mounts, List<String> lines) implements Instruction {
        public Run {
            mounts = List.copyOf(mounts);
            lines = Safe.lines(lines);
        }

        /** What follows RUN, one element per printed line. */
        public List<String> segments() {
            List<String> out = new java.util.ArrayList<>();
            for (Mount m : mounts) {
                out.add("--mount=type=" + m.type() + (m.id() == null ? "" : ",id=" + m.id()) + ",target=" + m.target());
            }
            out.addAll(lines);
            return out;
        }
    }

    record User(int uid, int gid) implements Instruction {
    }

    record Expose(int port) implements Instruction {
        public Expose {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    record Label(String key, String value) implements Instruction {
        public Label {
            Safe.word(key);
            Safe.line(value);
        }
    }

    /** HEALTHCHECK with timing options and an exec-form command. */
    record Healthcheck(String interval, String timeout, String startPeriod, int retries, List<String> command)
            implements Instruction {
        public Healthcheck {
            Safe.word(interval);
            Safe.word(timeout);
            Safe.word(startPeriod);
            command = Safe.lines(command);
        }
    }

    record Entrypoint(List<String> command) implements Instruction {
        public Entrypoint {
            command = Safe.lines(command);
        }
    }

    record Cmd(List<String> command) implements Instruction {
        public Cmd {
            command = Safe.lines(command);
        }
    }
}
