package dev.dockergen.detect;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Read-only view of a repository; detectors see the project only through this.
 * Paths are relative, '/'-separated, without "./" ("go.mod", "cmd/server/main.go").
 */
public interface ProjectFiles {
    /** Largest file a detector may read; larger ones are an error when read. */
    long MAX_READ_BYTES = 1 << 20;

    /** Name for messages and the JSON "root" field, as the user gave it. */
    String displayName();

    boolean isFile(String path);

    boolean isDirectory(String path);

    /** The UTF-8 text of a file, or empty when it does not exist. Too large or not UTF-8: {@link ProjectInputException}. */
    Optional<String> read(String path);

    /**
     * Regular files below {@code dir} ("" for the root), sorted, descending at most {@code maxDepth}
     * directory levels, never into a directory whose relative path {@code prune} accepts, never
     * through a symbolic link to a directory.
     */
    List<String> walk(String dir, int maxDepth, Predicate<String> prune);

    /**
     * What the symbolic link at {@code path} points to, as written ('/'-separated, e.g. "../../lib.c"), or empty when
     * {@code path} is no link (or this view has none).
     */
    default Optional<String> linkTarget(String path) {
        return Optional.empty();
    }

    /** The whole repository this view belongs to (itself, unless it is a member's view). */
    default ProjectFiles repository() {
        return this;
    }

    /** Where this view sits in {@link #repository()}: "" for the root, else e.g. "apps/api". */
    default String location() {
        return "";
    }

    /** The same repository seen from a subdirectory: paths are relative to {@code dir}. */
    default ProjectFiles sub(String dir) {
        return dir.isEmpty() || dir.equals(".") ? this : new SubProjectFiles(this, dir);
    }

    static String join(String dir, String name) {
        return dir.isEmpty() || dir.equals(".") ? name : dir + "/" + name;
    }

    /** The relative way from a directory back up to where it is relative to: "a/b" gives "../..". */
    static String up(String dir) {
        return String.join("/", java.util.Collections.nCopies(dir.split("/").length, ".."));
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
