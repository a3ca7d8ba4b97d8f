package dev.dockergen.cli;

import dev.dockergen.ExitCode;
import dev.dockergen.render.GeneratedFile;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dockergen check}: for CI, fail when the committed files drifted from what dockergen would write now. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Regenerate in memory and compare with the files in DIR (or --output).",
            "Prints a unified diff and exits 6 when they differ; writes nothing."},
        sortOptions = false)
public final class CheckCommand extends BaseCommand implements Callable<Integer> {
    @Mixin
    GenerationOptions options;

    CheckCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        GenerationOptions.Generation g = options.generate(context);
        PrintWriter out = spec.commandLine().getOut();
        int drifted = 0;
        for (GeneratedFile f : g.result().files()) {
            String diff = Diffs.unified(g.outputDir().resolve(f.path()), f.content());
            if (!diff.isEmpty()) {
                drifted++;
                out.print(diff);
            }
        }
        if (drifted > 0) {
            spec.commandLine().getErr().println("dockergen: " + drifted + " file" + (drifted == 1 ? "" : "s")
                    + " differ from what preset " + g.result().preset().name() + " generates now; "
                    + "run `dockergen init --force " + g.dir() + "` to update them");
            return ExitCode.DRIFT.code();
        }
        spec.commandLine().getErr().println("up to date: " + g.result().files().size() + " files match preset "
                + g.result().preset().name());
        return ExitCode.OK.code();
    }
}
