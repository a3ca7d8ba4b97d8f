package dev.dockergen.lang.node;

import dev.dockergen.detect.ProjectFiles;
import java.util.List;
import java.util.Set;

/**
 * A package.json that only builds assets for an application in another language (a Django or Go app whose CSS and
 * JS rollup/postcss build): no start command, no server framework, no site of its own, and another language's
 * manifest in the same folder; or a static site built there (a Vite build a Go app embeds, a frontend a Java app
 * serves). It is not a Node app; the other language's app is the project. `--project` with the folder still
 * chooses it.
 */
final class NodeAssetsOnly {
    /** Manifests of the other languages' applications, beside package.json. */
    private static final List<String> OTHER_APPS = List.of("pyproject.toml", "requirements.txt", "setup.py", "Pipfile",
            "manage.py", "go.mod", "pom.xml", "build.gradle", "build.gradle.kts", "Gemfile", "composer.json",
            "Cargo.toml", "mix.exs", "CMakeLists.txt");
    /** Words of an entry-less start script that still runs a program (next start, nuxt start): not assets. */
    private static final Set<String> RUNNERS = Set.of("next", "nuxt", "remix-serve", "react-router-serve", "serve",
            "ts-node", "tsx", "nodemon", "pm2", "pm2-runtime", "fastify", "nest");

    private NodeAssetsOnly() {
    }

    /** True when package.json (with no start command found) only builds assets for another language's app here. */
    static boolean besideAnotherApp(ProjectFiles files, String startScript) {
        if (startScript != null && !startScript.isBlank()
                && RUNNERS.contains(startScript.strip().split("\\s+")[0])) {
            return false;
        }
        return OTHER_APPS.stream().anyMatch(files::isFile);
    }
}
