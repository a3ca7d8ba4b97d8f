package dev.dockergen.detect;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one vocabulary of folders a walk over a repository skips. Hidden folders are tools' state; the
 * named groups below are what every language shares; a detector adds its own folders to them.
 */
public final class Walk {
    /** Dependencies installed into the tree. */
    public static final Set<String> INSTALLED = Set.of("node_modules", "vendor");
    /** What builds write. */
    public static final Set<String> BUILD_OUTPUT = Set.of("target", "build", "dist", "out");
    /** Test material: fixture folders hold other projects, never members of this one. */
    public static final Set<String> TEST_MATERIAL = Set.of("testdata", "fixtures", "__fixtures__", "__tests__");
    /**
     * Demonstrations and documentation: below a root that is itself an app, these folders show how to use it
     * (a library's examples, a tool's sample inputs) and hold no member of it.
     */
    public static final Set<String> DEMONSTRATIONS = Set.of("examples", "example", "samples", "sample", "demo", "demos",
            "docs", "doc");
    /**
     * Vendored dependencies: below a root that is itself an app, these folders hold the sources of libraries its
     * build compiles in (a C program's deps/, third_party/, 3rdparty/), never a member of their own.
     */
    public static final Set<String> VENDORED = Set.of("deps", "third_party", "third-party", "thirdparty", "3rdparty",
            "external", "extern", "subprojects");
    private static final Predicate<String> MEMBER_SKIPS = skipping(INSTALLED, BUILD_OUTPUT, TEST_MATERIAL);

    private Walk() {
    }

    /** A folder whose name starts with a dot (.git, .venv, .next). */
    public static boolean hidden(String dir) {
        return ProjectFiles.fileName(dir).startsWith(".");
    }

    /** Skips hidden folders and every folder named in one of {@code groups}. */
    @SafeVarargs
    public static Predicate<String> skipping(Set<String>... groups) {
        Set<String> names = new HashSet<>();
        for (Set<String> group : groups) {
            names.addAll(group);
        }
        return dir -> hidden(dir) || names.contains(ProjectFiles.fileName(dir));
    }

    /**
     * The member walk's rule: hidden and underscore folders, installed dependencies, build output and
     * test material ({@code src/test} too) hold no member project.
     */
    public static boolean notMember(String dir) {
        return MEMBER_SKIPS.test(dir) || ProjectFiles.fileName(dir).startsWith("_") || dir.equals("src/test")
                || dir.endsWith("/src/test");
    }

    /** Whether {@code dir} (a path from the root) lies in a folder of {@link #DEMONSTRATIONS} or {@link #VENDORED}. */
    public static boolean demonstration(String dir) {
        for (String segment : dir.split("/")) {
            if (DEMONSTRATIONS.contains(segment) || VENDORED.contains(segment)) {
                return true;
            }
        }
        return false;
    }
}
