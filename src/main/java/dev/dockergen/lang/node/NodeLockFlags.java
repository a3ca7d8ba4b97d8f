package dev.dockergen.lang.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A package-lock.json whose "dev" flags are wrong: a production package (or package.json's dependencies) needs a
 * package the lockfile marks {@code "dev": true}. npm before 11 trusts those flags, so {@code npm ci --omit=dev}
 * leaves the package out and the program fails with "Cannot find module"; an install of everything followed by
 * {@code npm prune --omit=dev} keeps it (the prune works out what production needs from the installed tree).
 */
final class NodeLockFlags {
    /** The install lifecycle scripts npm, pnpm, Yarn and bun run for the project itself on a plain install. */
    private static final List<String> LIFECYCLE = List.of("preinstall", "install", "postinstall",
            "prepare");

    private NodeLockFlags() {
    }

    /** The first package marked dev that a production package needs, with its lockfile line; null when none. */
    static Fact<String> devNeededByProduction(ProjectFiles top, String lockfile) {
        if (!"package-lock.json".equals(lockfile)) {
            return null;
        }
        String text;
        JsonNode packages;
        try {
            text = top.read(lockfile).orElse("");
            packages = new ObjectMapper().readTree(text).path("packages");
        } catch (IOException | ProjectInputException e) {
            return null; // too large or unreadable: the detector reports what it must where it reads it
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("dev").asBoolean(false) || e.getValue().path("link").asBoolean(false)) {
                continue;
            }
            for (Iterator<String> deps = e.getValue().path("dependencies").fieldNames(); deps.hasNext(); ) {
                String dep = deps.next();
                String at = resolve(packages, e.getKey(), dep);
                if (at != null && packages.path(at).path("dev").asBoolean(false)) {
                    int index = text.indexOf("\"" + at + "\"");
                    return Fact.of(dep + " (needed by " + (e.getKey().isEmpty() ? "package.json" : name(e.getKey())) + ")",
                            Source.of(lockfile, index < 0 ? 1 : new Lines(text).of("\"" + at + "\"")));
                }
            }
        }
        return null;
    }

    /**
     * The first install lifecycle script of package.json whose command runs a tool only devDependencies provide
     * ({@code "prepare": "husky"}), as "prepare: husky" with its line; null when none. A production-only install
     * leaves the tool out and then fails running the script ("sh: husky: not found"), so it must skip scripts.
     */
    static Fact<String> devToolOnInstall(JsonNode pkg, Lines lines) {
        JsonNode dev = pkg.path("devDependencies");
        JsonNode prod = pkg.path("dependencies");
        for (String script : LIFECYCLE) {
            String command = pkg.path("scripts").path(script).asText("");
            for (String part : command.split("&&|\\|\\||;")) {
                String tool = Arrays.stream(part.strip().split("\\s+"))
                        .filter(w -> !w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")).findFirst().orElse("");
                if (!tool.isEmpty() && dev.has(tool) && !prod.has(tool)) {
                    return Fact.of(script + ": " + tool, Source.of("package.json", lines.of("\"" + script + "\"")));
                }
            }
        }
        return null;
    }

    /** Where node finds {@code dep} from the package at {@code from}: its own node_modules, then each one above. */
    private static String resolve(JsonNode packages, String from, String dep) {
        String dir = from;
        while (true) {
            String candidate = (dir.isEmpty() ? "" : dir + "/") + "node_modules/" + dep;
            if (packages.has(candidate)) {
                return candidate;
            }
            if (dir.isEmpty()) {
                return null;
            }
            int up = dir.lastIndexOf("node_modules/");
            dir = up <= 0 ? "" : dir.substring(0, up - 1);
        }
    }

    private static String name(String key) {
        return key.substring(key.lastIndexOf("node_modules/") + "node_modules/".length());
    }
}
