package dev.dockergen.detect;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A subdirectory of a repository as a project of its own (a member of a monorepo). */
final class SubProjectFiles implements ProjectFiles {
    private final ProjectFiles parent;
    private final String dir;

    SubProjectFiles(ProjectFiles parent, String dir) {
        this.parent = parent;
        this.dir = dir;
    }

    private String full(String path) {
        return path.isEmpty() ? dir : ProjectFiles.join(dir, path);
    }

    @Override
    public ProjectFiles repository() {
        return parent.repository();
    }

    @Override
    public String location() {
        return ProjectFiles.join(parent.location(), dir);
    }

    @Override
    public String displayName() {
        return ProjectFiles.join(parent.displayName(), dir);
    }

    @Override
    public boolean isFile(String path) {
        return parent.isFile(full(path));
    }

    @Override
    public boolean isDirectory(String path) {
        return parent.isDirectory(full(path));
    }

    @Override
    public Optional<String> read(String path) {
        return parent.read(full(path)); // errors name the file from the repository root
    }

    @Override
    public Optional<String> linkTarget(String path) {
        return parent.linkTarget(full(path));
    }

    @Override
    public List<String> walk(String sub, int maxDepth, Predicate<String> prune) {
        String prefix = dir + "/";
        return parent.walk(full(sub), maxDepth, rel -> prune.test(rel.substring(prefix.length()))).stream()
                .map(p -> p.substring(prefix.length())).toList();
    }
}
