package dev.dockergen.detect;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** {@link ProjectFiles} over a real directory; never leaves it, never follows directory links. */
public final class DirectoryProjectFiles implements ProjectFiles {
    private final Path root;
    private final Path realRoot;
    private final String displayName;

    public DirectoryProjectFiles(Path root, String displayName) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable directory: " + root, e);
        }
        this.displayName = displayName;
    }

    public Path root() {
        return root;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    private Path resolve(String path) {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("path escapes the project: " + path);
        }
        return p;
    }

    /** A path is usable when it exists and, after links are followed, still lies inside the root. */
    private boolean inside(Path p) {
        try {
            return p.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean isFile(String path) {
        Path p = resolve(path);
        return Files.isRegularFile(p) && inside(p);
    }

    @Override
    public boolean isDirectory(String path) {
        Path p = resolve(path);
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Optional<String> read(String path) {
        Path p = resolve(path);
        if (!isFile(path)) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes((int) MAX_READ_BYTES + 1);
        } catch (java.nio.file.AccessDeniedException e) {
            // not a file to skip: docker build would fail on it too, when it sends the context
            throw new DockergenException(ExitCode.BAD_PROJECT, displayName + "/" + path + ": permission denied; make it "
                    + "readable to the user running dockergen and docker build (chmod a+r " + path + ")");
        } catch (IOException e) {
            throw new ProjectInputException(Source.of(path), "cannot read the file (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_READ_BYTES) {
            throw new ProjectInputException(Source.of(path),
                    "file is larger than " + (MAX_READ_BYTES >> 20) + " MiB; dockergen reads only small manifests and sources");
        }
        return Optional.of(decode(path, bytes));
    }

    @Override
    public Optional<String> linkTarget(String path) {
        Path p = resolve(path);
        if (!Files.isSymbolicLink(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readSymbolicLink(p).toString().replace(java.io.File.separatorChar, '/'));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    static String decode(String path, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ProjectInputException(Source.of(path), "file is not valid UTF-8 text; save it as UTF-8");
        }
    }

    @Override
    public List<String> walk(String dir, int maxDepth, Predicate<String> prune) {
        List<String> out = new ArrayList<>();
        Path start = dir.isEmpty() ? root : resolve(dir);
        if (Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            walk(start, dir, maxDepth, prune, out);
        }
        Collections.sort(out);
        return out;
    }

    private void walk(Path directory, String rel, int depthLeft, Predicate<String> prune, List<String> out) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entries::add);
        } catch (IOException | SecurityException e) {
            return; // unreadable directories are skipped, as git would
        }
        Collections.sort(entries);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String childRel = ProjectFiles.join(rel, name);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue;
            }
            if (attrs.isDirectory()) {
                if (depthLeft > 0 && !prune.test(childRel)) {
                    walk(entry, childRel, depthLeft - 1, prune, out);
                }
            } else if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(entry) && inside(entry))) {
                out.add(childRel);
            }
        }
    }
}
