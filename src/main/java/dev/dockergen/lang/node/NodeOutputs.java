package dev.dockergen.lang.node;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Node build produces, for `detect`'s artefact: the folder the image runs or serves. */
final class NodeOutputs {
    private static final Pattern OUT_DIR = Pattern.compile("\"outDir\"\\s*:\\s*\"\\.?/?([A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*)/?\"");

    /** Vite's build.outDir in its config: a plain relative path in quotes. */
    private static final Pattern VITE_OUT_DIR = Pattern.compile("\\boutDir\\s*:\\s*[\"'`]\\.?/?([A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*)/?[\"'`]");
    private static final List<String> VITE_CONFIGS = List.of("vite.config.ts", "vite.config.mts", "vite.config.js",
            "vite.config.mjs", "vite.config.cjs", "vite.config.cts");
    private static final Pattern VITE_BUILD = Pattern.compile("(?:^|[\\s;&|])vite\\s+build\\b");

    private NodeOutputs() {
    }

    /** The folder `vite build` writes: build.outDir from vite.config.*, else dist. */
    static String viteOutDir(ProjectFiles files) {
        for (String config : VITE_CONFIGS) {
            java.util.Optional<String> text = files.read(config);
            if (text.isPresent()) {
                Matcher m = VITE_OUT_DIR.matcher(text.get());
                return m.find() && !m.group(1).equals("..") ? m.group(1) : "dist";
            }
        }
        return "dist";
    }

    /** Whether a build script runs `vite build` in a folder that holds Vite's config or its index.html. */
    static boolean runsViteBuild(ProjectFiles files, String build) {
        return VITE_BUILD.matcher(build).find() && viteSite(files);
    }

    /** Whether one of the scripts runs `vite build` in a folder that holds Vite's config or its index.html. */
    static boolean runsViteBuild(ProjectFiles files, com.fasterxml.jackson.databind.JsonNode scripts) {
        boolean builds = false;
        for (var e : scripts.properties()) {
            builds |= e.getValue().isTextual() && VITE_BUILD.matcher(e.getValue().asText()).find();
        }
        return builds && viteSite(files);
    }

    /** The folder holds Vite's config or its index.html. */
    private static boolean viteSite(ProjectFiles files) {
        return files.isFile("index.html") || VITE_CONFIGS.stream().anyMatch(files::isFile);
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
        String nx = NodeNx.outputPath(files);
        if (nx != null && entry.startsWith(nx + "/")) {
            return nx; // Nx's build target writes the whole program there
        }
        Matcher out = OUT_DIR.matcher(files.read("tsconfig.json").orElse(""));
        if (out.find() && entry.startsWith(out.group(1) + "/")) {
            return out.group(1);
        }
        return entry.substring(0, entry.indexOf('/'));
    }

    /**
     * The artefact of a server that runs its sources: the frontend its build writes when the server reads that folder
     * (a Vite build's outDir among the files read at run time: the server serves what the build made), else the
     * plugin file fastify-cli loads (`fastify start index.js`: the program is that file); null otherwise.
     */
    static String servedOrLoaded(Fact<List<String>> start, String viteOut, List<Fact<String>> runtimeFiles) {
        if (viteOut != null && runtimeFiles.stream().anyMatch(f -> f.value().equals(viteOut))) {
            return viteOut;
        }
        if (start != null && start.value().size() > 2 && start.value().get(0).equals("node_modules/fastify-cli/cli.js")) {
            return start.value().get(start.value().size() - 1);
        }
        return null;
    }
}
