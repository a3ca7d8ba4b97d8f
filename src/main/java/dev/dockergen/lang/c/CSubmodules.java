package dev.dockergen.lang.c;

import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Git submodules the build names that are not checked out (an empty folder in a plain clone or an archive): a build
 * that falls back to its vendored copy fails there, so the user is told the command that fetches them.
 */
final class CSubmodules {
    private static final Pattern PATH = Pattern.compile("(?m)^[ \\t]*path[ \\t]*=[ \\t]*(\\S+)[ \\t]*$");

    private CSubmodules() {
    }

    /** One warning per empty submodule folder that a build file names. */
    static List<Warning> missing(ProjectFiles files, List<String> buildFiles) {
        List<Warning> out = new ArrayList<>();
        String modules = files.read(".gitmodules").orElse("");
        Matcher m = PATH.matcher(modules);
        while (m.find()) {
            String path = m.group(1).replaceAll("/+$", "");
            if (files.isDirectory(path) && !files.walk(path, 1, d -> true).isEmpty()) {
                continue; // checked out
            }
            for (String file : buildFiles) {
                String text = files.read(file).orElse("");
                int at = text.indexOf(path);
                if (at >= 0) {
                    out.add(new Warning(Source.of(file, CSourceScan.line(text, at)), path + " is a git submodule (.gitmodules:"
                            + CSourceScan.line(modules, m.start())
                            + ") that is not checked out; where the build falls back to it, run 'git submodule update --init "
                            + path + "' before docker build"));
                    break;
                }
            }
        }
        return out;
    }
}
