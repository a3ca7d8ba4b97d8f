package dev.dockergen.cli;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns failures into one line on stderr and a documented exit code. */
final class Errors {
    private Errors() {
    }

    static boolean stacktraceRequested(CommandLine cl) {
        CommandLine root = cl;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        ParseResult pr = root.getParseResult();
        String[] args = pr == null ? new String[0] : pr.originalArgs().toArray(new String[0]);
        return Arrays.asList(args).contains("--stacktrace");
    }

    /** Expected failures print their message; anything else is a bug and says so. */
    static final class ExecutionHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
            PrintWriter err = cl.getErr();
            boolean trace = stacktraceRequested(cl);
            if (ex instanceof DockergenException d) {
                err.println("dockergen: " + d.getMessage());
                if (trace) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return d.exitCode().code();
            }
            err.println("dockergen: internal error: " + ex
                    + (trace ? "" : " (run again with --stacktrace and report it)"));
            if (trace) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCode.INTERNAL.code();
        }
    }

    /** Usage errors: the message and where to look, not the whole help text. */
    static final class ParameterHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            err.println("dockergen: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return ExitCode.USAGE.code();
        }
    }
}
