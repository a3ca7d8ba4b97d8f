package dev.dockergen;

/** The process exit codes dockergen promises to scripts; named here and nowhere else. */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL(1, "internal error (a bug: please report it with --stacktrace output)"),
    USAGE(2, "usage error: unknown option, bad value, a preset that cannot serve this project, or a folder that cannot be written"),
    NOTHING_DETECTED(3, "no supported project (or no unambiguous one) was detected"),
    BAD_CATALOG(4, "a preset catalogue is invalid"),
    OUTPUT_EXISTS(5, "an output file exists and --force was not given"),
    DRIFT(6, "check found drift, or audit found problems"),
    BAD_PROJECT(7, "a project file is malformed, unreadable, or holds a value that cannot be used safely"),
    BUILD_FAILED(8, "measure: an image build failed (the engine's last lines and the stage are printed)"),
    INTERRUPTED(130, "interrupted (Ctrl-C, or Ctrl-D at a question): nothing was written");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
