package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * Runs the commands people run most, on the bundled examples, in one JVM, so that the launcher's
 * class-data archive holds every class they load. Writes nothing.
 */
public final class Train {
    private Train() {
    }

    public static void main(String[] dirs) {
        for (String dir : dirs) {
            for (String[] args : new String[][] {{"init", "--dry-run", dir}, {"detect", "--format", "json", dir}}) {
                Main.commandLine(Dockergen::builtIn, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                        Map.of()).execute(args);
            }
        }
    }
}
