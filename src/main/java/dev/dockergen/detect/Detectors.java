package dev.dockergen.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The ordered registry of detectors; runs each and collects what they find. */
public final class Detectors {
    /** How deep below the root monorepo members are looked for. */
    static final int MEMBER_DEPTH = 6;

    private final List<Detector> detectors;
    private final java.util.Map<Language, WritesScanner> writes;

    public Detectors(List<Detector> detectors) {
        this(detectors, java.util.Map.of());
    }

    /** With each language's rules for what its programs write ({@link ProjectFacts#writes()}). */
    public Detectors(List<Detector> detectors, java.util.Map<Language, WritesScanner> writes) {
        this.detectors = List.copyOf(detectors);
        this.writes = java.util.Map.copyOf(writes);
    }

    /** The facts with what the program writes, by its language's scanner (none for a library or without one). */
    private ProjectFacts withWrites(ProjectFacts p, ProjectFiles files) {
        WritesScanner scanner = writes.get(p.language());
        if (scanner == null || !p.isApp()) {
            return p;
        }
        // a relative folder that holds project files (a schema beside its SQLite file) must not become a volume; the
        // working directory itself ("." as a folder) is the plan's to judge, as for a file written straight into it
        List<WritePath> found = new ArrayList<>(scanner.scan(files, p));
        for (WritePath m : WriteSearch.deployedMounts(files)) {
            if (found.stream().noneMatch(w -> w.path().equals(m.path()))) {
                found.add(m); // the folder its own deployment keeps state in
            }
        }
        found.sort(java.util.Comparator.comparing(WritePath::path));
        return p.withWrites(found.stream().map(w -> w.besideCode(!w.path().startsWith("/")
                && !w.path().startsWith("~") && !w.folder().isEmpty() && !w.folder().equals(".")
                && !w.folder().startsWith("..") && holdsFiles(files, w.folder()))).toList());
    }

    private static boolean holdsFiles(ProjectFiles files, String folder) {
        try {
            return files.isDirectory(folder) && files.walk(folder, 0, d -> true).stream()
                    .anyMatch(f -> !ProjectFiles.fileName(f).startsWith("."));
        } catch (IllegalArgumentException | ProjectInputException e) {
            return false;
        }
    }

    /** The project at the root, if any, then every member project below it, by path. */
    public DetectionResult detect(ProjectFiles files, DetectOptions options) {
        List<Warning> warnings = new ArrayList<>();
        List<ProjectFacts> projects = new ArrayList<>();
        detectAt(files, ".", options, warnings, projects);
        // a build that builds its own web frontend owns the other manifests of its folder and of its sources
        boolean ownsFrontend = projects.stream().anyMatch(p -> p.details() != null && p.details().buildsFrontend());
        if (ownsFrontend) {
            projects.removeIf(p -> p.details() == null || !p.details().buildsFrontend());
        }
        // beside an app at the root, another language's root project that starts nothing is its tooling
        if (options.project() == null && projects.stream().anyMatch(ProjectFacts::isApp)) {
            projects.removeIf(p -> !p.isApp());
        }
        // below a root that is an app of its own, examples and docs demonstrate it and vendored folders (deps/,
        // third_party/) hold its dependencies; --project still reaches them
        boolean rootApp = !projects.isEmpty() && projects.stream().allMatch(ProjectFacts::isApp);
        Set<String> manifests = new TreeSet<>();
        detectors.forEach(d -> manifests.addAll(d.manifests()));
        TreeSet<String> members = new TreeSet<>();
        for (String file : files.walk("", MEMBER_DEPTH, Walk::notMember)) {
            if (file.contains("/") && manifests.contains(ProjectFiles.fileName(file))) {
                members.add(ProjectFiles.parent(file));
            }
        }
        for (String dir : members) {
            if (rootApp && (Walk.demonstration(dir) || ownsFrontend && (dir.equals("src") || dir.startsWith("src/")))) {
                continue;
            }
            String partOf = rootApp ? projects.stream().filter(p -> p.details() != null)
                    .map(p -> p.details().partOf(dir)).filter(r -> r != null).findFirst().orElse(null) : null;
            List<ProjectFacts> found = new ArrayList<>();
            List<Warning> memberWarnings = new ArrayList<>();
            detectAt(files.sub(dir), dir, options, memberWarnings, found);
            // a member that is only a library (a module a replace points at, say) is not an app of its own
            found.removeIf(p -> !p.isApp());
            if (!found.isEmpty() && partOf != null) {
                // a frontend the root app embeds or serves is built with it; --project still reaches it alone
                warnings.add(new Warning(Source.of(dir), "part of the app at the root (" + partOf
                        + "), not an app of its own; --project " + dir + " builds it alone"));
            } else if (!found.isEmpty()) {
                projects.addAll(found);
                warnings.addAll(memberWarnings);
            }
        }
        return new DetectionResult(files.displayName(), projects, warnings);
    }

    /**
     * Whether the build at the root of {@code files} builds the folder {@code path} as one of its modules (a Maven
     * parent's module, a Gradle settings include, a main package of the Go module above it): a folder run alone
     * would miss what that build gives it.
     */
    public boolean buildsModule(ProjectFiles files, String path, Language language) {
        for (Detector detector : detectors) {
            if (language != null && detector.language() != language) {
                continue;
            }
            try {
                if (detector.detectModule(files, path, new ArrayList<>()).isPresent()) {
                    return true;
                }
            } catch (ProjectInputException e) {
                // an enclosing build that cannot be read is not one to build from; the folder is detected alone
            }
        }
        return false;
    }

    /** Only the project at {@code path} ("." for the root): what generation for one member needs. */
    public DetectionResult detectProject(ProjectFiles files, String path, DetectOptions options) {
        List<Warning> warnings = new ArrayList<>();
        List<ProjectFacts> projects = new ArrayList<>();
        if (!path.equals(".")) {
            // a module of a build at the root (Maven, Gradle) is built from the root, with that module as the app
            for (Detector detector : detectors) {
                if (options.language() != null && detector.language() != options.language()) {
                    continue;
                }
                var module = detector.detectModule(files, path, warnings);
                if (module.isPresent()) {
                    detector.endOfLife(module.get()).ifPresent(warnings::add);
                    return new DetectionResult(files.displayName(), List.of(withWrites(module.get(), files.sub(path))),
                            warnings);
                }
            }
        }
        detectAt(path.equals(".") ? files : files.sub(path), path, options, warnings, projects);
        return new DetectionResult(files.displayName(), projects, warnings);
    }

    private void detectAt(ProjectFiles files, String path, DetectOptions options, List<Warning> warnings,
                          List<ProjectFacts> projects) {
        List<Warning> own = new ArrayList<>();
        // an existing Dockerfile is evidence too, ranked below the project's own files
        java.util.Optional<DockerfileEvidence> dockerfile = DockerfileEvidence.read(files);
        for (Detector detector : detectors) {
            if (options.language() != null && detector.language() != options.language()) {
                continue; // --language: another language's project is not wanted, here or in a member
            }
            try {
                detector.detect(files, options.forProject(path), own)
                        .map(p -> dockerfile.map(d -> d.reconcile(p, own)).orElse(p))
                        .ifPresent(p -> {
                            detector.endOfLife(p).ifPresent(own::add);
                            projects.add(withWrites(p, files).at(path));
                        });
            } catch (ProjectInputException e) {
                if (path.equals(".") || e.source() == null) {
                    throw e;
                }
                // a member's file is named from the root, so the user can find it (a source that already names
                // a file from the root, such as another workspace member's, stays as it is)
                String fromRoot = ProjectFiles.join(path, e.source().file());
                if (!memberFile(files, e.source().file())) {
                    throw e;
                }
                Source at = Source.of(fromRoot, e.source().line());
                throw new ProjectInputException(at, e.getMessage().substring(e.source().toString().length() + 2));
            }
        }
        for (Warning w : own) {
            // a member's warnings name the member, since their sources are relative to it
            warnings.add(path.equals(".") ? w : w.source() == null ? new Warning(null, path + ": " + w.message())
                    : new Warning(Source.of(ProjectFiles.join(path, w.source().file()), w.source().line()), w.message()));
        }
    }

    /** Whether {@code file} names a file inside the member (not one named from the root, nor one outside). */
    private static boolean memberFile(ProjectFiles member, String file) {
        try {
            return !file.startsWith("../") && member.isFile(file);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
