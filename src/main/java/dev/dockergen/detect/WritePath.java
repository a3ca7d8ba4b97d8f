package dev.dockergen.detect;

import java.util.Objects;

/**
 * A file or folder the program writes at run time, found in its code or configuration.
 *
 * @param path where it writes: relative to the program's working directory ("data", "db.sqlite3"), absolute
 *             ("/var/lib/app") or in the runtime user's home ("~/.app"); '/'-separated, no trailing slash
 * @param file true when the path is a file (a SQLite database, a log file): its folder is what must be writable
 * @param state true when it holds state worth keeping (a database, uploads, a data folder), false for logs and caches
 * @param what what it is, for the comment ("SQLite database", "log file", "upload folder", "data folder")
 * @param source where the code names it
 * @param besideCode true when the folder it is in also holds project files (code, a schema): no volume there
 */
public record WritePath(String path, boolean file, boolean state, String what, Source source, boolean besideCode) {
    public WritePath {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(what, "what");
    }

    public WritePath(String path, boolean file, boolean state, String what, Source source) {
        this(path, file, state, what, source, false);
    }

    /** The same path, marked as written beside project files or not. */
    public WritePath besideCode(boolean beside) {
        return new WritePath(path, file, state, what, source, beside);
    }

    /** The folder that must be writable: the path itself, or for a file the folder holding it ("" for the working directory). */
    public String folder() {
        if (!file) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : path.substring(0, slash);
    }

    @Override
    public String toString() {
        return path + (file ? "" : "/") + " (" + what + (source == null ? "" : ", " + source) + ")";
    }
}
