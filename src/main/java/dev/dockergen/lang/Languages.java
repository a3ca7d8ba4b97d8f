package dev.dockergen.lang;

import dev.dockergen.detect.Detector;
import dev.dockergen.detect.Detectors;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.WritesScanner;
import dev.dockergen.lang.c.CDetector;
import dev.dockergen.lang.c.CPlanner;
import dev.dockergen.lang.c.CWrites;
import dev.dockergen.lang.go.GoDetector;
import dev.dockergen.lang.go.GoPlanner;
import dev.dockergen.lang.go.GoWrites;
import dev.dockergen.lang.java.JavaDetector;
import dev.dockergen.lang.java.JavaPlanner;
import dev.dockergen.lang.java.JavaWrites;
import dev.dockergen.lang.node.NodeDetector;
import dev.dockergen.lang.node.NodePlanner;
import dev.dockergen.lang.node.NodeWrites;
import dev.dockergen.lang.python.PythonDetector;
import dev.dockergen.lang.python.PythonPlanner;
import dev.dockergen.lang.python.PythonWrites;
import dev.dockergen.plan.LanguagePlanner;
import dev.dockergen.plan.Planner;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one list of the languages dockergen knows, in the order detection tries them: each one's detector and
 * planner, both in its folder {@code lang/<id>/}. Its presets are {@code presets/<id>.yaml}, its constant in
 * {@link Language} (in the same order).
 */
public final class Languages {
    /** One language's parts. */
    public record Entry(Language language, Supplier<Detector> detector, Supplier<LanguagePlanner> planner) {
    }

    private static final List<Entry> ALL = List.of(
            new Entry(Language.GO, GoDetector::new, GoPlanner::new),
            new Entry(Language.NODE, NodeDetector::new, NodePlanner::new),
            new Entry(Language.PYTHON, PythonDetector::new, PythonPlanner::new),
            new Entry(Language.JAVA, JavaDetector::new, JavaPlanner::new),
            new Entry(Language.C, CDetector::new, CPlanner::new));

    /** Each language's rules for what its programs write at run time. */
    private static final java.util.Map<Language, Supplier<WritesScanner>> WRITES = java.util.Map.of(
            Language.GO, GoWrites::new, Language.NODE, NodeWrites::new, Language.PYTHON, PythonWrites::new,
            Language.JAVA, JavaWrites::new, Language.C, CWrites::new);

    private Languages() {
    }

    public static List<Entry> all() {
        return ALL;
    }

    /** Every language's detector, in order. */
    public static Detectors detectors() {
        java.util.Map<Language, WritesScanner> writes = new java.util.EnumMap<>(Language.class);
        WRITES.forEach((language, scanner) -> writes.put(language, scanner.get()));
        return new Detectors(ALL.stream().map(e -> e.detector().get()).toList(), writes);
    }

    /** Every language's planner. */
    public static Planner planner() {
        return new Planner(ALL.stream().map(e -> e.planner().get()).toList());
    }
}
