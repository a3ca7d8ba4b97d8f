package dev.dockergen.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import dev.dockergen.GenerateRequest;
import dev.dockergen.GenerationResult;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.render.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A non-root image can write where its program writes (ADR 0018): the Go app creates data/ and a file in it at
 * start, then serves the file; the Python app keeps a SQLite database under data/ and counts visits in it; the keeper
 * keeps its database and its logs/ in its own folder, /app. Each answers only if the write worked, on every final the
 * lab stands in for (scratch and distroless have no shell: the folder comes from the writable stage).
 */
@Tag("container")
class WritableFoldersContainerTest {
    private static final Path WORK = Path.of("target", "container-work-writable");
    private static final String DATA_VOLUME = "VOLUME [\"/app/data\"]";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("go", "data-dir", FinalStage.SCRATCH, "wrote data/started.txt: started at", DATA_VOLUME),
                Arguments.of("go", "data-dir", FinalStage.DISTROLESS, "wrote data/started.txt: started at", DATA_VOLUME),
                Arguments.of("go", "data-dir", FinalStage.ALPINE, "wrote data/started.txt: started at", DATA_VOLUME),
                Arguments.of("python", "sqlite-stdlib", FinalStage.DISTROLESS, "visits stored in sqlite:", DATA_VOLUME),
                Arguments.of("python", "sqlite-stdlib", FinalStage.ALPINE, "visits stored in sqlite:", DATA_VOLUME),
                // the data folder is the program's own: its database in /app, its log folder below it
                Arguments.of("python", "data-own-folder", FinalStage.DISTROLESS, "bookmarks kept: 0", "/app/logs"),
                Arguments.of("python", "data-own-folder", FinalStage.ALPINE, "bookmarks kept: 0", "/app/logs"));
    }

    @ParameterizedTest(name = "{0}/{1} on {2}")
    @MethodSource("cases")
    void theRuntimeUserWritesItsDataFolder(String language, String fixture, FinalStage stage, String expect,
                                           String made) throws IOException {
        ContainerLab.requireReady();
        Path dir = WORK.resolve(fixture + "-" + stage.id());
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Fixtures.copyTree(Fixtures.ROOT.resolve(language).resolve(fixture), dir);
        GenerationResult generated = Fixtures.dockergen().generate(new GenerateRequest(
                new DirectoryProjectFiles(dir, fixture), new DetectOptions(null, null), null, stage, null));
        for (GeneratedFile f : generated.files()) {
            Files.writeString(dir.resolve(f.path()), stage == FinalStage.ALPINE
                    ? ContainerScenario.labAlpine(f.content()) : f.content());
        }
        assertTrue(generated.files().get(0).content().contains(made), () -> "the Dockerfile names " + made);
        String tag = "localhost/dockergen-it/writable-" + fixture + "-" + stage.id() + ":1";
        ContainerLab.BuildRun run = ContainerLab.buildRun(dir, tag, "--probe", "/", "--expect", expect, "--rmi");
        assertTrue(run.ok("build"), () -> "build failed:\n" + run.stderr());
        assertTrue(run.ok("run"), () -> "container did not run:\n" + run.stderr());
        assertEquals("ok", run.result().get("probe"), run::stderr);
    }
}
