package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import dev.dockergen.ExitCode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Process entry point: builds the command line, runs it, exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int code = commandLine(memoize(Dockergen::builtIn), out, err, System.getenv(), in, System.console() != null, args)
                .execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The command line with no input and no terminal: nothing is ever asked. */
    public static CommandLine commandLine(Supplier<Dockergen> dockergen, PrintWriter out, PrintWriter err,
                                          Map<String, String> env) {
        return commandLine(dockergen, out, err, env, new BufferedReader(new java.io.StringReader("")), false);
    }

    /** The configured command line; tests call this with their own writers, environment and answers. */
    public static CommandLine commandLine(Supplier<Dockergen> dockergen, PrintWriter out, PrintWriter err,
                                          Map<String, String> env, BufferedReader in, boolean terminal) {
        return commandLine(dockergen, out, err, env, in, terminal, null);
    }

    /**
     * The command line for these arguments: with only the subcommand they name when they name one (the others are
     * never built), with every subcommand for help, completion, mistakes, or when {@code args} is null.
     */
    static CommandLine commandLine(Supplier<Dockergen> dockergen, PrintWriter out, PrintWriter err,
                                   Map<String, String> env, BufferedReader in, boolean terminal, String[] args) {
        CommandContext context = new CommandContext(dockergen, env, in, terminal);
        CommandLine cl = new CommandLine(new DockergenCommand(), new CommandFactory(context));
        String named = args == null ? null
                : java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        DockergenCommand.SUBCOMMANDS.forEach((name, command) -> {
            if (named == null || !DockergenCommand.SUBCOMMANDS.containsKey(named) || named.equals("help")
                    || named.equals("generate-completion") || name.equals(named)) {
                cl.addSubcommand(name, command);
            }
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            // the NO_COLOR convention: any non-empty value turns colour off, even on a terminal
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        cl.setExecutionExceptionHandler(new Errors.ExecutionHandler());
        cl.setParameterExceptionHandler(new Errors.ParameterHandler());
        cl.setExitCodeExceptionMapper(t -> ExitCode.INTERNAL.code());
        // the table is on the top-level help only: every command's --help repeating it was noise
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes());
        return cl;
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            codes.put(String.format("%3d", c.code()), c.meaning());
        }
        return codes;
    }

    static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
