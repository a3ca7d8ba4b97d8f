package dev.dockergen.lang.go;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether go build compiles a file for the image: Linux, any architecture, cgo off (the build dockergen prefers).
 * A file name suffix {@code _GOOS.go} or {@code _GOOS_GOARCH.go} for another system, or a {@code //go:build}
 * expression (or {@code // +build} lines) that is false for linux leaves the file out; its imports, cgo included,
 * then say nothing about the program.
 */
final class GoBuildConstraints {
    private static final Set<String> GOOS = Set.of("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos",
            "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos");
    private static final Set<String> GOARCH = Set.of("386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be",
            "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le",
            "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm");
    /** Tags true on Linux. Architectures count as true: the image may be built for any of them. */
    private static final Set<String> TRUE = Set.of("linux", "unix", "gc");
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\|\\||&&|!|\\(|\\)|[\\w.]+)");

    private GoBuildConstraints() {
    }

    /** Whether the file name alone (x_windows.go, x_openbsd_amd64.go) keeps it out of a Linux build. */
    static boolean otherSystemByName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.go$", "").replaceFirst("_test$", "");
        String[] parts = name.split("_");
        if (parts.length < 2) {
            return false;
        }
        String last = parts[parts.length - 1];
        String before = parts.length >= 3 ? parts[parts.length - 2] : null;
        if (GOARCH.contains(last) && before != null && GOOS.contains(before)) {
            return !before.equals("linux");
        }
        return GOOS.contains(last) && !last.equals("linux");
    }

    /** Evaluates a //go:build expression for Linux; an expression it cannot read counts as true. */
    static boolean goBuild(String expr) {
        try {
            List<String> tokens = TOKEN.matcher(expr).results().map(m -> m.group(1)).toList();
            int[] at = {0};
            boolean v = or(tokens, at);
            return at[0] != tokens.size() || v;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Evaluates one // +build line: space-separated options are ORed, comma-separated terms ANDed. */
    static boolean plusBuild(String line) {
        for (String option : line.trim().split("\\s+")) {
            boolean all = true;
            for (String term : option.split(",")) {
                all &= term.startsWith("!") ? !tag(term.substring(1)) : tag(term);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean or(List<String> t, int[] at) {
        boolean v = and(t, at);
        while (at[0] < t.size() && t.get(at[0]).equals("||")) {
            at[0]++;
            v |= and(t, at);
        }
        return v;
    }

    private static boolean and(List<String> t, int[] at) {
        boolean v = not(t, at);
        while (at[0] < t.size() && t.get(at[0]).equals("&&")) {
            at[0]++;
            v &= not(t, at);
        }
        return v;
    }

    private static boolean not(List<String> t, int[] at) {
        String tok = t.get(at[0]++);
        if (tok.equals("!")) {
            return !not(t, at);
        }
        if (tok.equals("(")) {
            boolean v = or(t, at);
            at[0]++; // ")"
            return v;
        }
        return tag(tok);
    }

    private static boolean tag(String tag) {
        if (TRUE.contains(tag) || GOARCH.contains(tag)) {
            return true;
        }
        Matcher release = Pattern.compile("go1\\.[0-9]+").matcher(tag);
        return release.matches(); // go1.N release tags hold on a current Go; cgo, other systems and custom tags do not
    }
}
