package dev.dockergen.lang.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.TextLines;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Native addons: packages compiled with node-gyp when they are installed (when no prebuilt binary fits the platform,
 * e.g. on musl or a newer Node), which need python3, make and a C++ compiler in the install stage. Recognised by the
 * project's own binding.gyp; in a package-lock.json, by a package with an install script that depends on one of the
 * helpers every native addon uses, unless it ships per-platform prebuilt packages for Linux as optional
 * dependencies; in other lockfiles, by a helper among the locked packages.
 */
final class NodeNativeAddons {
    /** Packages that exist only to build or load compiled addons. */
    private static final Set<String> HELPERS = Set.of("node-gyp", "node-gyp-build", "prebuild-install",
            "@mapbox/node-pre-gyp", "node-pre-gyp", "node-addon-api", "nan");
    /** A helper as a locked package (yarn.lock, pnpm-lock.yaml): at a line start or after a quote or slash, not a scope's. */
    private static final Pattern HELPER = Pattern.compile(
            "(?<![\\w.@-]|@[\\w.-]{1,80}/)(node-gyp|node-gyp-build|prebuild-install|@mapbox/node-pre-gyp|node-pre-gyp"
                    + "|node-addon-api|nan)(?=@[\\^~0-9]|@npm:|@[0-9]|\"?@)", Pattern.MULTILINE);

    /** A per-platform binary package for Linux on x64 or arm64 (its name says so). */
    private static final Pattern PLATFORM_PACKAGE = Pattern.compile("[-/]linux[-_](x64|arm64)");

    private NodeNativeAddons() {
    }

    /**
     * The first sign of a native addon (binding.gyp, the package that compiles, or the helper locked), or null.
     *
     * @param top the workspace root (or the project itself), where the lockfile is
     */
    static Fact<String> find(ProjectFiles files, ProjectFiles top, String lockfile) {
        if (files.isFile("binding.gyp")) {
            return Fact.of("binding.gyp", Source.of("binding.gyp"));
        }
        if (lockfile == null || lockfile.endsWith(".lockb")) {
            return null; // bun.lockb is binary: nothing to read in it
        }
        String text = top.read(lockfile).orElse("");
        if (lockfile.equals("package-lock.json")) {
            return fromPackageLock(lockfile, text);
        }
        Matcher m = HELPER.matcher(text);
        return m.find() ? Fact.of(m.group(1), Source.of(lockfile, TextLines.lineAt(text, m.start()))) : null;
    }

    private static Fact<String> fromPackageLock(String lockfile, String text) {
        JsonNode packages;
        try {
            packages = new ObjectMapper().readTree(text).path("packages");
        } catch (IOException e) {
            return null; // the detector reports an unreadable lockfile where it reads it
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!p.path("hasInstallScript").asBoolean(false) || prebuilt(p)) {
                continue;
            }
            for (Iterator<String> deps = p.path("dependencies").fieldNames(); deps.hasNext(); ) {
                if (HELPERS.contains(deps.next())) {
                    String name = e.getKey().substring(e.getKey().lastIndexOf("node_modules/") + "node_modules/".length());
                    int at = text.indexOf("\"" + e.getKey() + "\"");
                    return Fact.of(name, Source.of(lockfile, at < 0 ? 1 : TextLines.lineAt(text, at)));
                }
            }
        }
        return null;
    }

    /**
     * A package that ships its binaries as per-platform optional packages (@parcel/watcher-linux-x64-glibc,
     * @lmdb/lmdb-linux-x64): npm installs the one for Linux and nothing compiles.
     */
    private static boolean prebuilt(JsonNode p) {
        for (Iterator<String> it = p.path("optionalDependencies").fieldNames(); it.hasNext(); ) {
            if (PLATFORM_PACKAGE.matcher(it.next()).find()) {
                return true;
            }
        }
        return false;
    }

}
