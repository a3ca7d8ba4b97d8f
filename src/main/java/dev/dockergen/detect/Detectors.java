package dev.dockergen.detect;

import dev.dockergen.detect.go.GoDetector;
import java.util.ArrayList;
import java.util.List;

/** The ordered registry of detectors; runs each and collects what they find. */
public final class Detectors {
    private final List<Detector> detectors;

    public Detectors(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    public static Detectors builtIn() {
        return new Detectors(List.of(new GoDetector()));
    }

    public DetectionResult detect(ProjectFiles files, DetectOptions options) {
        List<Warning> warnings = new ArrayList<>();
        List<ProjectFacts> projects = new ArrayList<>();
        for (Detector detector : detectors) {
            detector.detect(files, options, warnings).ifPresent(projects::add);
        }
        return new DetectionResult(files.displayName(), projects, warnings);
    }
}
