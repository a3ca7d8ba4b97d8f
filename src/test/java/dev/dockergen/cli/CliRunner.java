package dev.dockergen.cli;

import dev.dockergen.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the real command line in-process and captures what it prints. */
public final class CliRunner {
    public record Result(int code, String out, String err) {
    }

    private CliRunner() {
    }

    /** As a person at a terminal would: {@code input} holds the answers typed, one per line. */
    static Result runAtTerminal(String input, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(Fixtures::dockergen, new PrintWriter(out, true), new PrintWriter(err, true), env,
                new java.io.BufferedReader(new java.io.StringReader(input)), true, args).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the command line built from these arguments, as Main.main builds it (only the command they name)
        int code = Main.commandLine(Fixtures::dockergen, new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                new java.io.BufferedReader(new java.io.StringReader("")), false, args).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
