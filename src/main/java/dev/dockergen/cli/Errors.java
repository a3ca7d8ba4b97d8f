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
    /** A file and line in an error message ({@code go.mod:3: ...}, {@code (package.json:4:7)}), for JSON consumers. */
    private static final java.util.regex.Pattern WHERE = java.util.regex.Pattern.compile(
            "(?:^|[\\s(])(?<file>[^\\s():,;'\"=-][^\\s():,;'\"=]*?(?:\\.[A-Za-z0-9]+|/[^\\s():,;'\"=]+|Dockerfile|Makefile|Pipfile)):"
                    + "(?<line>[0-9]+)(?::(?<col>[0-9]+))?(?=[:\\s),;]|$)");

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

    /** Whether the command's report was asked for as JSON: then errors are a JSON object on stdout too. */
    static boolean jsonWanted(CommandLine cl, java.util.List<String> args) {
        if (cl.getCommandSpec().findOption("--format") == null) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equalsIgnoreCase("--format=json") || a.equals("--format") && i + 1 < args.size()
                    && args.get(i + 1).equalsIgnoreCase("json")) {
                return true;
            }
        }
        return false;
    }

    /** {"error": {"message", "exitCode", "file", "line", "column"}}: file, line and column null where unknown. */
    static com.fasterxml.jackson.databind.node.ObjectNode json(String message, int exitCode) {
        com.fasterxml.jackson.databind.node.ObjectNode root = Json.MAPPER.createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("exitCode", exitCode);
        java.util.regex.Matcher m = WHERE.matcher(message);
        boolean found = m.find();
        error.put("file", found ? m.group("file") : null);
        if (found) {
            error.put("line", Integer.parseInt(m.group("line")));
        } else {
            error.putNull("line");
        }
        if (found && m.group("col") != null) {
            error.put("column", Integer.parseInt(m.group("col")));
        } else {
            error.putNull("column");
        }
        return root;
    }

    private static void printJson(CommandLine cl, String message, int code) {
        cl.getOut().println(Json.pretty(json(message, code)));
        cl.getOut().flush();
    }

    private static java.util.List<String> originalArgs(CommandLine cl) {
        CommandLine root = cl;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getParseResult() == null ? java.util.List.of() : root.getParseResult().originalArgs();
    }

    /** Expected failures print their message; anything else is a bug and says so. */
    static final class ExecutionHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
            PrintWriter err = cl.getErr();
            boolean trace = stacktraceRequested(cl);
            boolean json = jsonWanted(cl, originalArgs(cl));
            if (ex instanceof DockergenException d) {
                if (json) {
                    printJson(cl, d.getMessage(), d.exitCode().code());
                }
                err.println("dockergen: " + d.getMessage());
                if (trace) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return d.exitCode().code();
            }
            if (json) {
                printJson(cl, "internal error: " + ex, ExitCode.INTERNAL.code());
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
            if (jsonWanted(cl, Arrays.asList(args))) {
                printJson(cl, ex.getMessage(), ExitCode.USAGE.code());
            }
            err.println("dockergen: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return ExitCode.USAGE.code();
        }
    }
}
