package dev.dockergen.lang.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.ProjectFiles;
import java.util.List;
import java.util.Map;

/**
 * A workspace root that is itself an application: pnpm-workspace.yaml (or "workspaces") lists members, yet the
 * root's own package.json depends on an application framework whose configuration or pages sit at the root
 * (`packages: ['**']` with next and next.config.ts at the root; nuxt with nuxt.config.ts beside a proxy member).
 * A framework only hoisted to the root for its members (vite in the root's devDependencies) has no such files
 * at the root, so the root stays a plain workspace root.
 */
final class NodeRootApp {
    /** An application framework and the root files that show the root is one of its apps. */
    private record Marker(String dependency, List<String> files) {
    }

    private static final List<Marker> MARKERS = List.of(
            new Marker("next", List.of("next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs",
                    "pages", "app", "src/pages", "src/app")),
            new Marker("nuxt", List.of("nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs", "app.vue")),
            new Marker("astro", List.of("astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts")),
            new Marker("@sveltejs/kit", List.of("svelte.config.js", "svelte.config.mjs", "svelte.config.ts")),
            new Marker("@remix-run/react", List.of("remix.config.js", "remix.config.mjs", "app/root.tsx", "app/root.jsx")),
            new Marker("@react-router/dev", List.of("react-router.config.ts", "react-router.config.js")),
            new Marker("@angular/core", List.of("angular.json")),
            new Marker("react-scripts", List.of("src/index.js", "src/index.tsx", "public/index.html")),
            new Marker("vite", List.of("index.html")));

    private NodeRootApp() {
    }

    /** True when the workspace root {@code files} is an application of its own (dependencies and devDependencies). */
    static boolean isApp(ProjectFiles files, JsonNode pkg, Map<String, String> deps) {
        String build = pkg.path("scripts").path("build").asText("");
        for (Marker m : MARKERS) {
            if (!deps.containsKey(m.dependency()) || m.files().stream().noneMatch(f -> files.isFile(f) || files.isDirectory(f))) {
                continue;
            }
            // a bare vite (a hoisted dev tool) counts only when the root builds with it
            if (!m.dependency().equals("vite") || build.matches(".*\\bvite\\s+build\\b.*")) {
                return true;
            }
        }
        return false;
    }
}
