package dev.dockergen.lang.go;

import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Walk;
import dev.dockergen.detect.Warning;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folders of other projects a Go program is made of or serves: its own packages, what it {@code //go:embed}s,
 * the paths it reads at run time ("./web/build"), and the frontend that writes an embedded folder the repository
 * does not hold. A member project in one of them is part of the Go app, not an app of its own.
 */
final class GoFrontends {
    private static final int MANIFEST_DEPTH = 6;
    private static final Pattern SCRIPTS = Pattern.compile("\"scripts\"\\s*:\\s*\\{([^}]*)}", Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile("\"([\\w:.-]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SAFE_DIR = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private GoFrontends() {
    }

    /** A folder the program uses, and why (for the note on the member it makes part of the app). */
    record Use(String path, String reason) {
    }

    /**
     * A frontend the image builds: {@code dir} holds its package.json, {@code script} writes {@code output} (a folder
     * the program embeds, or reads at run time when {@code served}, absent from the repository), {@code lockfile} is
     * its lockfile or null, {@code embed} the line that embeds or reads it.
     */
    record Build(String dir, String script, String output, String lockfile, Source embed, boolean served) {
    }

    record Result(List<Use> uses, Build build) {
    }

    static Result find(ProjectFiles files, List<GoSourceScan> reached, List<Warning> warnings) {
        Map<String, Use> uses = new LinkedHashMap<>();
        Build build = null;
        List<String> manifests = reached.stream().anyMatch(s -> !s.embedPatterns.isEmpty() || !s.pathLiterals.isEmpty())
                ? files.walk("", MANIFEST_DEPTH, Walk::notMember).stream()
                        .filter(f -> ProjectFiles.fileName(f).equals("package.json")).toList()
                : List.of();
        for (GoSourceScan s : reached) {
            if (!s.dir().isEmpty()) {
                uses.putIfAbsent(s.dir(), new Use(s.dir(), "Go package " + s.dir() + " of the program"));
            }
            for (GoSourceScan.PathUse p : s.pathLiterals) {
                uses.putIfAbsent(p.path(), new Use(p.path(), "the program reads ./" + p.path() + " (" + p.source() + ")"));
            }
            for (GoSourceScan.PathUse p : s.pathLiterals) {
                // a folder the program serves ("./web/build") that the repository lacks and the build script of the
                // frontend around it writes: the image builds it (an embedded one below wins: go build needs it)
                if (build == null && SAFE_DIR.matcher(p.path()).matches() && !files.isFile(p.path())
                        && !files.isDirectory(p.path()) && !ProjectFiles.fileName(p.path()).contains(".")) {
                    Build serves = writer(files, manifests, p.path(), p.source(), true, true);
                    if (serves != null) {
                        build = serves;
                    }
                }
            }
            for (int i = 0; i < s.embedPatterns.size(); i++) {
                String target = folder(ProjectFiles.join(s.dir(), s.embedPatterns.get(i)));
                Source line = s.embedSources.get(i);
                if (target.isEmpty()) {
                    continue;
                }
                uses.putIfAbsent(target, new Use(target, "embedded by " + line));
                boolean empty = empty(files, target);
                // a script naming the folder from outside writes it (--outDir=../server/dist); a build inside it
                // is taken as the writer only when the repository lacks the files
                Build writes = writer(files, manifests, target, line, empty, false);
                if (writes != null) {
                    uses.putIfAbsent(writes.dir(), new Use(writes.dir(), "its script " + writes.script()
                            + " writes " + target + ", which " + line + " embeds"));
                    if (build == null || build.served()) {
                        build = writes;
                    }
                } else if (empty) {
                    warnings.add(new Warning(line, "//go:embed " + s.embedPatterns.get(i) + " matches nothing in the "
                            + "repository, so go build fails until it is made; build it before docker build"));
                }
            }
        }
        return new Result(List.copyOf(uses.values()), build);
    }

    /** Whether a folder holds no file an embed pattern matches (the go command skips names starting with . or _). */
    private static boolean empty(ProjectFiles files, String folder) {
        return !files.isFile(folder) && files.walk(folder, MANIFEST_DEPTH, d -> false).stream()
                .map(ProjectFiles::fileName).allMatch(n -> n.startsWith(".") || n.startsWith("_"));
    }

    /** The folder part of an embed pattern: everything before the first element with a wildcard. */
    static String folder(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("/")) {
            if (part.matches(".*[*?\\[].*")) {
                break;
            }
            parts.add(part);
        }
        if (parts.size() == pattern.split("/").length && parts.get(parts.size() - 1).contains(".")) {
            parts.remove(parts.size() - 1); // a single embedded file: its folder
        }
        return String.join("/", parts);
    }

    /** The package.json whose folder holds {@code target} or whose scripts name it ("--outDir=../x/dist"). */
    private static Build writer(ProjectFiles files, List<String> manifests, String target, Source embed, boolean empty,
                                boolean served) {
        for (String manifest : manifests) {
            String dir = ProjectFiles.parent(manifest);
            if (!SAFE_DIR.matcher(dir).matches()) {
                continue;
            }
            Map<String, String> scripts = scripts(files.read(manifest).orElse(""));
            String inside = target.startsWith(dir + "/") ? target.substring(dir.length() + 1) : null;
            String fromDir = relative(dir, target);
            String script = null;
            if (served && inside == null) {
                continue; // a folder served at run time: only the frontend around it builds it
            }
            for (Map.Entry<String, String> e : scripts.entrySet()) {
                if (script == null && e.getValue().contains(fromDir) && !e.getValue().contains("&&")) {
                    script = e.getKey();
                }
            }
            if (script == null && empty && inside != null && scripts.containsKey("build")) {
                script = "build";
            }
            if (script != null) {
                String lock = null;
                for (String l : List.of("pnpm-lock.yaml", "yarn.lock", "package-lock.json")) {
                    if (lock == null && files.isFile(ProjectFiles.join(dir, l))) {
                        lock = l;
                    }
                }
                return new Build(dir, script, target, lock, embed, served);
            }
        }
        return null;
    }

    /** The way from folder {@code from} to {@code to}, both repository-relative: ("web", "server/dist") is "../server/dist". */
    static String relative(String from, String to) {
        String[] a = from.isEmpty() ? new String[0] : from.split("/");
        String[] b = to.split("/");
        int common = 0;
        while (common < a.length && common < b.length && a[common].equals(b[common])) {
            common++;
        }
        List<String> parts = new ArrayList<>();
        for (int i = common; i < a.length; i++) {
            parts.add("..");
        }
        for (int i = common; i < b.length; i++) {
            parts.add(b[i]);
        }
        return String.join("/", parts);
    }

    static Map<String, String> scripts(String packageJson) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher block = SCRIPTS.matcher(packageJson);
        if (block.find()) {
            Matcher m = SCRIPT.matcher(block.group(1));
            while (m.find()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }

    /** Whether the member project at {@code dir} lies in, holds, or is one of the folders the program uses; its reason. */
    static String claim(List<Use> uses, String dir) {
        for (Use u : uses) {
            if (u.path().equals(dir) || u.path().startsWith(dir + "/") || dir.startsWith(u.path() + "/")) {
                return u.reason();
            }
        }
        return null;
    }

    /** Files pulled in by //go:embed, so that .dockerignore never hides them from the build. */
    static List<String> embeds(ProjectFiles files, List<GoSourceScan> scans, int maxDepth) {
        TreeSet<String> out = new TreeSet<>();
        for (GoSourceScan s : scans) {
            if (s.embedPatterns.isEmpty()) {
                continue;
            }
            List<String> below = files.walk(s.dir(), maxDepth, d -> false);
            for (String pattern : s.embedPatterns) {
                String full = ProjectFiles.join(s.dir(), pattern);
                PathMatcher matcher;
                try {
                    matcher = FileSystems.getDefault().getPathMatcher("glob:" + full);
                } catch (IllegalArgumentException e) {
                    continue; // the go command rejects such a pattern too
                }
                for (String candidate : below) {
                    if (candidate.equals(full) || candidate.startsWith(full + "/") || matchesOrParent(matcher, candidate)) {
                        out.add(candidate);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean matchesOrParent(PathMatcher matcher, String candidate) {
        for (String p = candidate; !p.isEmpty(); p = ProjectFiles.parent(p)) {
            if (matcher.matches(Path.of(p))) {
                return true;
            }
        }
        return false;
    }
}
