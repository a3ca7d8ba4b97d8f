package dev.dockergen.lang.java;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Main classes written in the sources (src/main/java): a build that names none still runs one, when the module's
 * sources hold exactly one (or one {@code @SpringBootApplication}).
 */
final class SourceMains {
    private static final Pattern MAIN = Pattern.compile("\\bpublic\\s+static\\s+void\\s+main\\s*\\(\\s*(?:final\\s+)?String");
    private static final Pattern MAIN_VARARGS = Pattern.compile("\\bstatic\\s+public\\s+void\\s+main\\s*\\(\\s*(?:final\\s+)?String");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([A-Za-z_][A-Za-z0-9_.]*)\\s*;");

    private SourceMains() {
    }

    /** Every class with a main method, as package.Class with the line of its main. */
    static List<Fact<String>> all(ProjectFiles files, String dir) {
        List<Fact<String>> out = new ArrayList<>();
        for (String path : JavaDetector.sources(files, dir)) {
            String text = files.read(path).orElse("");
            if (!text.contains("main")) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            String pkg = null;
            for (int i = 0; i < lines.length; i++) {
                Matcher p = PACKAGE.matcher(lines[i]);
                if (pkg == null && p.find()) {
                    pkg = p.group(1);
                }
                String line = lines[i].strip();
                if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                    continue;
                }
                if (MAIN.matcher(lines[i]).find() || MAIN_VARARGS.matcher(lines[i]).find()) {
                    String simple = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.java$", "");
                    out.add(Fact.of(pkg == null ? simple : pkg + "." + simple, path, i + 1));
                    break;
                }
            }
        }
        return out;
    }

    /** The one main class of the module, or the one annotated @SpringBootApplication among several; else null. */
    static Fact<String> single(ProjectFiles files, String dir) {
        List<Fact<String>> mains = all(files, dir);
        if (mains.size() == 1) {
            return mains.get(0);
        }
        List<Fact<String>> boot = mains.stream().filter(m -> files.read(m.source().file()).orElse("")
                .contains("@SpringBootApplication")).toList();
        return boot.size() == 1 ? boot.get(0) : null;
    }
}
