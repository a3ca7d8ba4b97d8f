package dev.dockergen.detect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** {@link ProjectFiles} held in memory: for tests and for callers that have no directory. */
public final class MemoryProjectFiles implements ProjectFiles {
    private final String displayName;
    private final TreeMap<String, byte[]> files = new TreeMap<>();

    public MemoryProjectFiles(String displayName, Map<String, String> textFiles) {
        this.displayName = displayName;
        textFiles.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
    }

    public MemoryProjectFiles withBytes(String path, byte[] content) {
        files.put(path, content.clone());
        return this;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean isFile(String path) {
        return files.containsKey(path);
    }

    @Override
    public boolean isDirectory(String path) {
        String prefix = path.isEmpty() ? "" : path + "/";
        String next = files.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    @Override
    public Optional<String> read(String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length > MAX_READ_BYTES) {
            throw new ProjectInputException(Source.of(path),
                    "file is larger than " + (MAX_READ_BYTES >> 20) + " MiB; dockergen reads only small manifests and sources");
        }
        return Optional.of(DirectoryProjectFiles.decode(path, bytes));
    }

    @Override
    public List<String> walk(String dir, int maxDepth, Predicate<String> prune) {
        String prefix = dir.isEmpty() ? "" : dir + "/";
        List<String> out = new ArrayList<>();
        for (String path : files.tailMap(prefix).keySet()) {
            if (!path.startsWith(prefix)) {
                break;
            }
            String[] dirs = path.substring(prefix.length()).split("/");
            boolean keep = dirs.length - 1 <= maxDepth;
            String rel = dir;
            for (int i = 0; keep && i < dirs.length - 1; i++) {
                rel = ProjectFiles.join(rel, dirs[i]);
                keep = !prune.test(rel);
            }
            if (keep) {
                out.add(path);
            }
        }
        return out;
    }
}
