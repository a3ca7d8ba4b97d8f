package dev.dockergen.cli;

import dev.dockergen.detect.DirectoryProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Resolves the DIR argument into a readable project, or a usage error that names it. */
final class ProjectDirectory {
    private ProjectDirectory() {
    }

    static DirectoryProjectFiles open(CommandSpec spec, Path dir) {
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
