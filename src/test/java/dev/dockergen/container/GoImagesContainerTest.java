package dev.dockergen.container;


import dev.dockergen.Fixtures;
import dev.dockergen.preset.FinalStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds, runs and probes the image of every Go app that builds offline on every final stage the
 * lab can stand in for; then changes one source file, rebuilds, and checks that the module layer
 * came from cache and that the new code is served. Writes target/container-report.{md,json}.
 */
@Tag("container")
class GoImagesContainerTest {
    private static final Path WORK = Path.of("target", "container-work");

    /** An app, how to probe it, and a one-line source change with the text it then serves. */
    record App(String name, Path source, String probe, String expect, String file, String from, String to,
               String expectAfter, String project) {
        App(String name, Path source, String probe, String expect, String file, String from, String to, String expectAfter) {
            this(name, source, probe, expect, file, from, to, expectAfter, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<App> APPS = List.of(
            new App("go-hello", Path.of("examples", "go-hello"), "/?name=lab", "hello, lab",
                    "main.go", "\"hello, %s\\n\"", "\"hi, %s\\n\"", "hi, lab"),
            new App("nethttp-root", Fixtures.go("nethttp-root"), "/", "hello",
                    "main.go", "\"hello\"", "\"hello again\"", "hello again"),
            new App("cmd-server", Fixtures.go("cmd-server"), "/items", "nut",
                    "internal/api/api.go", "\"nut\"", "\"washer\"", "washer"),
            new App("worker", Fixtures.go("worker"), null, null,
                    "main.go", "report at", "report for", null),
            new App("toolchain", Fixtures.go("toolchain"), "/", "T",
                    "main.go", "_, _ = w.Write(", "_, _ = w.Write([]byte(\"time: \")); _, _ = w.Write(", "time: "),
            new App("embed-replace", Fixtures.go("embed-replace"), "/web/", "portal",
                    "web/index.html", "<p>portal", "<p>portal v2", "portal v2"),
            new App("no-gomod", Fixtures.go("no-gomod"), "/", "no module",
                    "main.go", "\"no module\"", "\"still no module\"", "still no module"),
            new App("loopback-bind", Fixtures.go("loopback-bind"), "/", "ledger",
                    "main.go", "\"ledger\\n\"", "\"ledger v2\\n\"", "ledger v2"),
            new App("cgo-inline", Fixtures.go("cgo-inline"), "/", "2+3=5",
                    "main.go", "\"2+3=%d\\n\"", "\"sum=%d\\n\"", "sum=5"),
            // go-sqlite3 only as a left-over indirect requirement: no cgo, so scratch builds it (vendored, offline)
            new App("sqlite-indirect", Fixtures.go("sqlite-indirect"), "/", "1 notes",
                    "main.go", "\"%d notes\\n\"", "\"notes: %d\\n\"", "notes: 1"),
            // the listen flag defaults to localhost: the image passes --addr=:8080 so the published port answers
            new App("loopback-flag", Fixtures.go("loopback-flag"), "/", "greetings from the greeter",
                    "main.go", "\"greetings from the greeter\"", "\"greetings again\"", "greetings again"),
            // //go:embed web/dist, which web/'s npm build writes: a frontend stage builds it before go build
            new App("embedded-frontend", Fixtures.go("embedded-frontend"), "/", "notes (built by the frontend stage)",
                    "web/src/index.html", "<p>notes", "<p>notes v2", "notes v2"),
            // no go.mod, dependencies in vendor/ (Godeps): built in GOPATH mode at its import path, offline
            new App("gopath-godeps", Fixtures.go("gopath-godeps"), "/", "tally: ",
                    "main.go", "\"tally: %s\\n\"", "\"count: %s\\n\"", "count: "),
            // requires PORT and names no default: the image sets PORT to the exposed port
            new App("port-env-required", Fixtures.go("port-env-required"), "/", "board is up",
                    "main.go", "\"board is up\\n\"", "\"board is still up\\n\"", "board is still up"),
            // the port is a field of the settings' defaults (HTTP: HTTP{Port: 7070}), not the TLS or store section's
            new App("config-struct-port", Fixtures.go("config-struct-port"), "/", "pinboard: no pins yet",
                    "main.go", "\"%s: no pins yet\\n\"", "\"%s: still no pins\\n\"", "pinboard: still no pins"),
            // a main in _examples/ without a go.mod of its own: built from the module root (--project _examples/hello)
            new App("underscore-example", Fixtures.go("underscore-example"), "/?name=lab", "hello, lab",
                    "greet.go", "\"hello, %s\\n\"", "\"hi, %s\\n\"", "hi, lab", "_examples/hello"));

    static Stream<Arguments> cases() {
        return APPS.stream().flatMap(app -> Stream.of(FinalStage.values())
                // lab: no apk; scratch links cgo statically on the Debian builder
                .filter(stage -> !app.name().startsWith("cgo-") || stage != FinalStage.ALPINE)
                .map(stage -> Arguments.of(app, stage)));
    }

    @BeforeAll
    static void cleanWork() throws IOException {
        if (Files.isDirectory(WORK)) {
            try (Stream<Path> paths = Files.walk(WORK)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        ContainerReport.write(Path.of("target"));
        ContainerLab.run(List.of("podman", "image", "prune", "-f"), 300);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void imageBuildsRunsAnswersAndRebuildsFromCache(App app, FinalStage stage) throws IOException {
        ContainerScenario.run(WORK, app.name(), app.source(), app.project(), stage, app.probe(), app.expect(), app.file(),
                app.from(), app.to(), app.expectAfter(), "go mod download");
    }
}
