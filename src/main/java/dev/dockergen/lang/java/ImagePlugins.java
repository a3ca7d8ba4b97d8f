package dev.dockergen.lang.java;

import dev.dockergen.detect.Fact;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Container-image plugins a Maven build runs in its own package phase (an execution with goals, in the plugin or in a
 * pluginManagement entry of the build): inside a Docker build there is no Docker daemon to talk to (the plugin fails
 * or waits on its {@code dockerHost}) and no registry login, so the package command turns each off with the property
 * that plugin reads.
 */
final class ImagePlugins {
    /** A plugin by groupId and artifactId, the goal that builds the image (null: any goal) and its skip property. */
    private record Known(String group, String artifact, String goal, String skip) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known("io.fabric8", "docker-maven-plugin", null, "docker.skip"),
            new Known("com.spotify", "docker-maven-plugin", null, "skipDocker"),
            new Known("com.spotify", "dockerfile-maven-plugin", null, "dockerfile.skip"),
            new Known("com.google.cloud.tools", "jib-maven-plugin", null, "jib.skip"),
            new Known("org.springframework.boot", "spring-boot-maven-plugin", "build-image", "spring-boot.build-image.skip"));
    /** Phases after package, which {@code mvn package} never reaches (and none, which unbinds). */
    private static final Set<String> AFTER_PACKAGE = Set.of("pre-integration-test", "integration-test",
            "post-integration-test", "verify", "install", "deploy", "none");

    private ImagePlugins() {
    }

    /**
     * The {@code -DPROPERTY=true} flags for the image plugins the package of {@code module} runs (the module, the
     * build's modules it depends on, which {@code -am} builds too), space-separated, with the first plugin's line; or
     * null when there are none.
     */
    static Fact<String> skips(Map<String, Pom> modules, String module) {
        Map<String, Fact<String>> found = new LinkedHashMap<>();
        for (String dir : built(modules, module)) {
            Pom pom = modules.get(dir);
            for (Pom.Element plugin : pom.plugins()) {
                for (Known k : KNOWN) {
                    if (k.artifact().equals(plugin.childText("artifactId")) && group(pom, plugin, k)
                            && bound(plugin, k, modules) && !found.containsKey(k.skip())) {
                        found.put(k.skip(), Fact.of(k.artifact(), pom.file, plugin.line()));
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        Fact<String> first = found.values().iterator().next();
        List<String> flags = found.keySet().stream().map(p -> "-D" + p + "=true").toList();
        return Fact.of(String.join(" ", flags), first.source());
    }

    private static boolean group(Pom pom, Pom.Element plugin, Known k) {
        String g = pom.resolveOr(plugin.childText("groupId"));
        // Spotify's and fabric8's plugins share an artifactId; without a groupId Maven means org.apache.maven.plugins
        return k.group().equals(g);
    }

    /** An execution with goals (that goal, when the entry names one) bound to a phase package reaches. */
    private static boolean bound(Pom.Element plugin, Known k, Map<String, Pom> modules) {
        List<Pom.Element> executions = new ArrayList<>(plugin.all("executions", "execution"));
        for (Pom pom : modules.values()) {
            pom.root.all("build", "pluginManagement", "plugins", "plugin").stream()
                    .filter(p -> k.artifact().equals(p.childText("artifactId")))
                    .forEach(p -> executions.addAll(p.all("executions", "execution")));
        }
        for (Pom.Element e : executions) {
            List<String> goals = e.all("goals", "goal").stream().map(Pom.Element::text).toList();
            String phase = e.childText("phase");
            if (!goals.isEmpty() && (k.goal() == null || goals.contains(k.goal()))
                    && (phase == null || !AFTER_PACKAGE.contains(phase))) {
                return true;
            }
        }
        return false;
    }

    /** The module and, transitively, the build's modules it depends on (by artifactId), in build order. */
    private static List<String> built(Map<String, Pom> modules, String module) {
        Map<String, String> byArtifact = new LinkedHashMap<>();
        modules.forEach((dir, pom) -> byArtifact.putIfAbsent(pom.resolveOr(pom.artifactId()), dir));
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(module));
        while (!todo.isEmpty()) {
            String dir = todo.pop();
            Pom pom = modules.get(dir);
            if (pom == null || !seen.add(dir)) {
                continue;
            }
            for (Pom.Element d : pom.dependencies()) {
                String sibling = byArtifact.get(pom.resolveOr(d.childText("artifactId")));
                if (sibling != null) {
                    todo.add(sibling);
                }
            }
        }
        return modules.keySet().stream().filter(seen::contains).toList();
    }
}
