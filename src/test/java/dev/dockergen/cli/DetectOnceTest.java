package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockergen.Dockergen;
import dev.dockergen.Fixtures;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.Detector;
import dev.dockergen.detect.Detectors;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Warning;
import dev.dockergen.lang.Languages;
import dev.dockergen.preset.CatalogLoader;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * An interactive init detects each project once per set of choices, and generation starts from the detection the
 * questions were asked from; the catalogue is loaded once per request.
 */
class DetectOnceTest {
    /** "directory" → how often the Go detector looked at it (every detector looks at the same directories). */
    private final Map<String, Integer> looks = new TreeMap<>();

    /** The built-in detectors, the Go one counting what it is asked to detect, by directory. */
    private Dockergen counting() {
        List<Detector> detectors = Languages.all().stream().map(e -> e.detector().get())
                .map(d -> d.language() == Language.GO ? counted(d) : d).toList();
        return new Dockergen(new Detectors(detectors), Languages.planner(), CatalogLoader.builtIn(), "test");
    }

    private Detector counted(Detector inner) {
        return new Detector() {
            @Override
            public Language language() {
                return inner.language();
            }

            @Override
            public Set<String> manifests() {
                return inner.manifests();
            }

            @Override
            public Optional<ProjectFacts> detect(ProjectFiles files, DetectOptions options, List<Warning> warnings) {
                looks.merge(files.location().isEmpty() ? "." : files.location(), 1, Integer::sum);
                return inner.detect(files, options, warnings);
            }

            @Override
            public Optional<ProjectFacts> detectModule(ProjectFiles files, String module, List<Warning> warnings) {
                return inner.detectModule(files, module, warnings);
            }
        };
    }

    /** Runs init at a terminal with these answers; returns how often the catalogue sources were loaded. */
    private int init(String answers, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Dockergen dockergen = counting();
        CommandLine cl = Main.commandLine(() -> dockergen, new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                new BufferedReader(new StringReader(answers)), true, args);
        assertEquals(0, cl.execute(args), err.toString());
        return ((InitCommand) cl.getSubcommands().get("init").getCommand()).options.catalogOptions.loads;
    }

    @Test
    void aProjectWithNothingToChooseIsDetectedOnce() {
        int loads = init("\n\n\n\n\n", "init", "--dry-run", Fixtures.go("nethttp-root").toString());
        assertEquals(Map.of(".", 1), looks, "the questions' detection is the one generation uses");
        assertEquals(1, loads);
    }

    @Test
    void aChosenProgramIsDetectedOnceMore() {
        // the program's port and start come from its own package, so choosing it is one more look at the module
        int loads = init("cmd/api\n\n\n\n\n", "init", "--dry-run", Fixtures.go("several-mains").toString());
        assertEquals(Map.of(".", 2), looks);
        assertEquals(1, loads);
    }

    @Test
    void aChosenMemberIsDetectedAloneAndTheTreeOnce() {
        int loads = init("services/worker\n\n\n\n\n", "init", "--dry-run", Fixtures.go("monorepo").toString());
        // the walk looks at every member once; the chosen one is then detected alone, as generation detects it
        assertEquals(Map.of(".", 1, "libs/shared", 1, "services/api", 1, "services/worker", 2), looks);
        assertEquals(1, loads);
    }
}
