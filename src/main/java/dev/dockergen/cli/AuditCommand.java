package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import dev.dockergen.ExitCode;
import dev.dockergen.audit.AuditReport;
import dev.dockergen.audit.Auditor;
import dev.dockergen.audit.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dockergen audit}: the Dockerfile contract applied to hand-written files. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check Dockerfiles against the rules every generated file meets.",
            "Prints file:line:col: severity rule message; exit code 6 when a finding reaches --fail-on."},
        sortOptions = false)
public final class AuditCommand extends BaseCommand implements Callable<Integer> {
    enum Format { text, json, sarif }

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Dockerfiles (default: ./Dockerfile).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output as ${COMPLETION-CANDIDATES} (sarif: SARIF 2.1.0 for code scanning).")
    Format format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "warning",
            description = "Lowest severity that makes the exit code 6: ${COMPLETION-CANDIDATES} (default: warning).")
    Finding.Severity failOn;

    AuditCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        List<Path> targets = files.isEmpty() ? List.of(Path.of("Dockerfile")) : files;
        Auditor auditor = Auditor.builtIn();
        List<Finding> findings = new ArrayList<>();
        for (Path file : targets) {
            String text;
            try {
                if (!Files.exists(file)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), file + ": does not exist");
                }
                if (!Files.isRegularFile(file)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), file + ": is a directory, not a "
                            + "Dockerfile; give the file (" + file.resolve("Dockerfile") + ")");
                }
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), file + ": cannot read (" + e.getMessage() + ")");
            }
            Path dir = file.toAbsolutePath().getParent();
            boolean ignore = Files.isRegularFile(dir.resolve(".dockerignore"))
                    || Files.isRegularFile(dir.resolve(file.getFileName() + ".dockerignore"));
            findings.addAll(auditor.audit(file.toString(), text, ignore));
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.print(AuditReport.json(findings));
            case sarif -> out.print(AuditReport.sarif(findings, auditor.rules(), Dockergen.version()));
            default -> {
                findings.forEach(out::println);
                if (findings.isEmpty()) {
                    spec.commandLine().getErr().println("no findings in " + targets.size() + " file" + (targets.size() == 1 ? "" : "s"));
                }
            }
        }
        boolean fail = findings.stream().anyMatch(f -> f.severity().ordinal() <= failOn.ordinal());
        return fail ? ExitCode.DRIFT.code() : ExitCode.OK.code();
    }
}
