package dev.dockergen.cli;

import dev.dockergen.detect.DirectoryProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The DIR argument every project command takes, opened as a read-only project or a usage error. */
public final class ProjectDirectory {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
            description = "Project root directory (default: the current directory).")
    Path dir;

    Path path() {
        return dir;
    }

    DirectoryProjectFiles open() {
        if (!Files.exists(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    dir + ": does not exist; give the project's root directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    dir + ": not a directory; give the project's root directory");
        }
        if (!Files.isReadable(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), dir + ": directory is not readable");
        }
        return new DirectoryProjectFiles(dir, dir.toString());
    }
}
