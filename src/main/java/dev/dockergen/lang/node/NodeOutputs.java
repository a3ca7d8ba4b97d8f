package dev.dockergen.lang.node;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Node build produces, for `detect`'s artefact: the folder the image runs or serves. */
final class NodeOutputs {
    private static final Pattern OUT_DIR = Pattern.compile("\"outDir\"\\s*:\\s*\"\\.?/?([A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*)/?\"");

    private NodeOutputs() {
    }

    /**
     * The build's output: a full-stack framework's own (.output, build), Next.js's .next (or .next/standalone),
     * a static site's folder; for a server with a build script whose start file is inside a folder, tsconfig's
     * outDir when the file is under it, else the file's top folder (dist/server.js → dist). Null when the
     * program runs from its sources (the start file is the artefact).
     */
    static String artefact(String frameworkOutput, String kind, boolean standalone, String staticDir, Fact<List<String>> start,
                           String build, ProjectFiles files) {
        if (frameworkOutput != null) {
            return frameworkOutput;
        }
        if (kind.equals(NodeDetails.NEXT)) {
            return standalone ? ".next/standalone" : ".next";
        }
        if (kind.equals(NodeDetails.SPA)) {
            return staticDir;
        }
        if (build == null || start == null) {
            return null;
        }
        String entry = start.value().stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        // a start file that is in the repository is a source the image runs, not something the build writes
        if (!entry.contains("/") || entry.startsWith("node_modules/") || files.isFile(entry)) {
            return null;
        }
        Matcher out = OUT_DIR.matcher(files.read("tsconfig.json").orElse(""));
        if (out.find() && entry.startsWith(out.group(1) + "/")) {
            return out.group(1);
        }
        return entry.substring(0, entry.indexOf('/'));
    }
}
