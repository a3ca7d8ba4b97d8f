package dev.dockergen.cli;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.render.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only code that writes files. All or nothing: every target is checked before any is written,
 * each file is written to a temporary sibling and renamed into place.
 */
final class OutputWriter {
    /** What happened: identical files were left untouched, differing ones kept when skipping. */
    record Outcome(List<String> written, List<String> unchanged, List<String> kept) {
        String status(String path) {
            return unchanged.contains(path) ? "unchanged" : kept.contains(path) ? "kept" : "written";
        }
    }

    private OutputWriter() {
    }

    static Outcome write(Path dir, List<GeneratedFile> files, boolean force) {
        return write(dir, files, force, false);
    }

    /** A usage error when the output folder is an existing file: checked before warnings are printed, and again on write. */
    static void checkDir(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DockergenException(ExitCode.USAGE, dir + ": is a file, not a directory; give a folder to write into");
        }
    }

    /** Writes all files; an existing file with other content is replaced (force), kept (skip), or an error. */
    static Outcome write(Path dir, List<GeneratedFile> files, boolean force, boolean skip) {
        checkDir(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DockergenException(ExitCode.USAGE, dir + ": cannot create the output directory (" + e.getMessage() + ")");
        }
        List<String> unchanged = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        Map<GeneratedFile, Path> pending = new LinkedHashMap<>();
        for (GeneratedFile f : files) {
            Path target = dir.resolve(f.path());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (sameContent(target, f.content())) {
                    unchanged.add(f.path());
                    continue;
                }
                if (skip) {
                    kept.add(f.path());
                    continue;
                }
                if (!force) {
                    blocked.add(f.path());
                    continue;
                }
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new DockergenException(ExitCode.OUTPUT_EXISTS, target + " is a directory; move it away first");
                }
            }
            pending.put(f, target);
        }
        if (!blocked.isEmpty()) {
            throw new DockergenException(ExitCode.OUTPUT_EXISTS, String.join(" and ", blocked) + " already "
                    + (blocked.size() == 1 ? "exists" : "exist") + " in " + (dir.toString().isEmpty() ? "." : dir) + " with other content; "
                    + "nothing was written. Replace with --force, keep with --skip, or see it all with --dry-run");
        }
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<GeneratedFile, Path> e : pending.entrySet()) {
                Path temp = Files.createTempFile(dir, ".dockergen-", ".tmp");
                temps.put(temp, e.getValue());
                Files.writeString(temp, e.getKey().content(), StandardCharsets.UTF_8);
                setPermissions(temp, e.getValue());
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                move(e.getKey(), e.getValue());
            }
        } catch (java.nio.file.AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            throw new DockergenException(ExitCode.USAGE, dir + ": cannot write here (permission denied); nothing was "
                    + "written. Choose a writable folder with --output DIR, or print the files with --dry-run", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Read-only file system")) {
                throw new DockergenException(ExitCode.USAGE, dir + ": cannot write here (read-only file system); nothing "
                        + "was written. Choose a writable folder with --output DIR, or print the files with --dry-run", e);
            }
            throw new DockergenException(ExitCode.INTERNAL, dir + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            for (Path temp : temps.keySet()) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a left-over temp file is named .dockergen-*.tmp
                }
            }
        }
        return new Outcome(pending.keySet().stream().map(GeneratedFile::path).toList(), unchanged, kept);
    }

    /** Temp files are private (0600); the result keeps the replaced file's mode, or gets 0644. */
    private static void setPermissions(Path temp, Path target) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> mode = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, mode);
    }

    private static boolean sameContent(Path target, String content) {
        try {
            return Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(target) < (1 << 20)
                    && Files.readString(target, StandardCharsets.UTF_8).equals(content);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
