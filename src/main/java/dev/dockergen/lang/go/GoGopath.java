package dev.dockergen.lang.go;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GOPATH-era project: no go.mod, its dependencies committed under vendor/ (Godep, govendor, glide, dep, or by hand).
 * {@code go build} builds it only in GOPATH mode ({@code GO111MODULE=off}) with the source at
 * {@code $GOPATH/src/<import path>}, where vendor/ is the source of its dependencies; a throw-away module
 * ({@code go mod init && go mod tidy}) would download them instead and drop vendor/.
 *
 * @param importPath the path the project's own packages are imported by, where it was read (null source: inferred
 *                   from nothing, any path works since no package imports another)
 * @param goVersion the Go the dependency tool recorded (Godeps.json {@code GoVersion}), or null
 * @param manifest the dependency tool's file, or "vendor" when there is none
 */
record GoGopath(Fact<String> importPath, Fact<String> goVersion, String manifest) {
    /** The dependency tools' files, in the order they are read for the import path. */
    static final List<String> MANIFESTS = List.of("Godeps/Godeps.json", "vendor/vendor.json", "glide.yaml",
            "Gopkg.toml", "glide.lock", "Gopkg.lock");

    private static final Pattern GODEPS_IMPORT = Pattern.compile("\"ImportPath\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern GODEPS_GO = Pattern.compile("\"GoVersion\"\\s*:\\s*\"go(1\\.[0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern GOVENDOR_ROOT = Pattern.compile("\"rootPath\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern GLIDE_PACKAGE = Pattern.compile("^package:\\s*['\"]?([^'\"\\s#]+)");
    /** An import comment: {@code package store // import "example.com/x/store"}. */
    private static final Pattern IMPORT_COMMENT = Pattern.compile("^package\\s+\\w+\\s*//\\s*import\\s+\"([^\"]+)\"");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]*(/[A-Za-z0-9._~-]+)*");

    /** A GOPATH-era project when there is no go.mod and vendor/ holds Go packages; else empty. */
    static boolean applies(ProjectFiles files) {
        return !files.isFile("go.mod") && files.isDirectory("vendor") && !files.isFile("vendor/modules.txt")
                && files.walk("vendor", 4, dir -> false).stream().anyMatch(p -> p.endsWith(".go"));
    }

    /**
     * The import path from the tool's file (Godeps.json ImportPath, vendor.json rootPath, glide.yaml package), else
     * from an import comment, else from the project's own imports ({@code .../gotty/server} for its folder
     * {@code server}); with no self-import any path builds, and {@code fallback} (the folder's name) is used.
     */
    static GoGopath of(ProjectFiles files, List<GoSourceScan> scans, List<String> packageDirs, String fallback) {
        String manifest = MANIFESTS.stream().filter(files::isFile).findFirst().orElse("vendor");
        Fact<String> path = first(files, "Godeps/Godeps.json", GODEPS_IMPORT, false)
                .or(() -> first(files, "vendor/vendor.json", GOVENDOR_ROOT, false))
                .or(() -> first(files, "glide.yaml", GLIDE_PACKAGE, true))
                .or(() -> fromSources(files, scans))
                .filter(f -> SAFE_PATH.matcher(f.value()).matches())
                .orElse(null);
        if (path == null) {
            path = inferred(scans, packageDirs).orElse(new Fact<>(fallback, null));
        }
        Fact<String> go = first(files, "Godeps/Godeps.json", GODEPS_GO, false).orElse(null);
        return new GoGopath(path, go, manifest);
    }

    /** The last element of the import path: the name {@code go build} gives the binary in GOPATH mode. */
    String lastElement() {
        String p = importPath.value();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The folder the source is copied to in the builder. */
    String sourceDir(String gopath) {
        return gopath + "/src/" + importPath.value();
    }

    private static Optional<Fact<String>> first(ProjectFiles files, String file, Pattern pattern, boolean lineStart) {
        List<String> lines = files.read(file).map(t -> t.lines().toList()).orElse(List.of());
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = pattern.matcher(lineStart ? lines.get(i) : lines.get(i).strip());
            if (lineStart ? m.lookingAt() : m.find()) {
                return Optional.of(Fact.of(m.group(1), file, i + 1));
            }
        }
        return Optional.empty();
    }

    /** An import comment on a package clause, less the package's folder. */
    private static Optional<Fact<String>> fromSources(ProjectFiles files, List<GoSourceScan> scans) {
        for (GoSourceScan s : scans) {
            List<String> lines = files.read(s.path).map(t -> t.lines().limit(60).toList()).orElse(List.of());
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = IMPORT_COMMENT.matcher(lines.get(i).strip());
                String dir = s.dir();
                if (m.find() && (dir.isEmpty() || m.group(1).endsWith("/" + dir))) {
                    String p = dir.isEmpty() ? m.group(1) : m.group(1).substring(0, m.group(1).length() - dir.length() - 1);
                    return Optional.of(Fact.of(p, s.path, i + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** The prefix most of the project's own imports share: an import ending in one of its package folders. */
    private static Optional<Fact<String>> inferred(List<GoSourceScan> scans, List<String> packageDirs) {
        Map<String, Source> seen = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (GoSourceScan s : scans) {
            for (String imp : s.imports) {
                for (String dir : packageDirs) {
                    if (!dir.isEmpty() && imp.endsWith("/" + dir) && !imp.equals(dir)) {
                        String prefix = imp.substring(0, imp.length() - dir.length() - 1);
                        counts.merge(prefix, 1, Integer::sum);
                        seen.putIfAbsent(prefix, Source.of(s.path));
                    }
                }
            }
        }
        return counts.entrySet().stream().filter(e -> SAFE_PATH.matcher(e.getKey()).matches())
                .max(Map.Entry.comparingByValue())
                .map(e -> new Fact<>(e.getKey(), seen.get(e.getKey())));
    }
}
