package dev.dockergen.bench;

import dev.dockergen.Dockergen;
import dev.dockergen.GenerateRequest;
import dev.dockergen.GenerationResult;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DetectionResult;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.lang.Languages;
import dev.dockergen.preset.CatalogLoader;
import dev.dockergen.preset.PresetCatalog;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process parts of `init --dry-run`, warm: detection, the built-in catalogue, and the whole
 * generation (detect, choose, plan, render) on each bundled example. `.ci/bench-jmh` runs it; the
 * whole-process figures (JVM start included) come from `.ci/bench-startup` and `.ci/bench-peer`.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineBenchmark {
    @Param({"go-hello", "node-hello"})
    public String example;

    private DirectoryProjectFiles files;
    private Dockergen dockergen;

    @Setup
    public void setUp() {
        files = new DirectoryProjectFiles(Path.of("examples", example), example);
        dockergen = Dockergen.builtIn();
    }

    @Benchmark
    public DetectionResult detect() {
        return Languages.detectors().detect(files, DetectOptions.DEFAULT);
    }

    @Benchmark
    public PresetCatalog loadBuiltInCatalogue() {
        return CatalogLoader.builtIn();
    }

    @Benchmark
    public GenerationResult generate() {
        return dockergen.generate(new GenerateRequest(files, DetectOptions.DEFAULT, null, null, null));
    }
}
