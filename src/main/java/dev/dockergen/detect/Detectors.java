package dev.dockergen.detect;

import dev.dockergen.detect.go.GoDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The ordered registry of detectors; runs each and collects what they find. */
public final class Detectors {
    private final List<Detector> detectors;

    public Detectors(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    public static Detectors builtIn() {
        return new Detectors(List.of(new GoDetector(), new dev.dockergen.detect.node.NodeDetector(),
                new dev.dockergen.detect.python.PythonDetector(), new dev.dockergen.detect.java.JavaDetector(),
                new dev.dockergen.detect.c.CDetector()));
    }

    /** How deep below the root monorepo members are looked for. */
    static final int MEMBER_DEPTH = 6;

    /** The project at the root, if any, then every member project below it, by path. */
    public DetectionResult detect(ProjectFiles files, DetectOptions options) {
        List<Warning> warnings = new ArrayList<>();
        List<ProjectFacts> projects = new ArrayList<>();
        detectAt(files, ".", options, warnings, projects);
        Set<String> manifests = new TreeSet<>();
        detectors.forEach(d -> manifests.addAll(d.manifests()));
        TreeSet<String> members = new TreeSet<>();
        for (String file : files.walk("", MEMBER_DEPTH, Detectors::notMembers)) {
            if (file.contains("/") && manifests.contains(ProjectFiles.fileName(file))) {
                members.add(ProjectFiles.parent(file));
            }
        }
        for (String dir : members) {
            List<ProjectFacts> found = new ArrayList<>();
            List<Warning> memberWarnings = new ArrayList<>();
            detectAt(files.sub(dir), dir, options, memberWarnings, found);
            // a member that is only a library (a module a replace points at, say) is not an app of its own
            found.removeIf(p -> !p.isApp());
            if (!found.isEmpty()) {
                projects.addAll(found);
                warnings.addAll(memberWarnings);
            }
        }
        return new DetectionResult(files.displayName(), projects, warnings);
    }

    /** Folders that hold build output or test material, never a member project: the member walk skips them. */
    private static final Set<String> NOT_MEMBERS = Set.of("target", "build", "dist", "fixtures", "__fixtures__", "__tests__");

    static boolean notMembers(String dir) {
        return GoDetector.pruned(dir) || NOT_MEMBERS.contains(ProjectFiles.fileName(dir)) || dir.equals("src/test")
                || dir.endsWith("/src/test");
    }

    /** Only the project at {@code path} ("." for the root): what generation for one member needs. */
    public DetectionResult detectProject(ProjectFiles files, String path, DetectOptions options) {
        List<Warning> warnings = new ArrayList<>();
        List<ProjectFacts> projects = new ArrayList<>();
        if (!path.equals(".")) {
            // a module of a build at the root (Maven, Gradle) is built from the root, with that module as the app
            for (Detector detector : detectors) {
                var module = detector.detectModule(files, path, warnings);
                if (module.isPresent()) {
                    return new DetectionResult(files.displayName(), List.of(module.get()), warnings);
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
            detector.detect(files, options.forProject(path), own)
                    .map(p -> dockerfile.map(d -> d.reconcile(p, own)).orElse(p))
                    .ifPresent(p -> projects.add(p.at(path)));
        }
        for (Warning w : own) {
            // a member's warnings name the member, since their sources are relative to it
            warnings.add(path.equals(".") ? w : w.source() == null ? new Warning(null, path + ": " + w.message())
                    : new Warning(Source.of(ProjectFiles.join(path, w.source().file()), w.source().line()), w.message()));
        }
    }
}
