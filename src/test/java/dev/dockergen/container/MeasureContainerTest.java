package dev.dockergen.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.Fixtures;
import dev.dockergen.cli.Main;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.measure.MeasureReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dockergen measure} with podman in the container lab on every bundled example: a naive single-stage
 * Dockerfile of our own per language (src/test/resources/dev/dockergen/measure/before) against what init writes.
 * The lab's {@code retag} runs as --pre-build, which is how the stand-in base images get the names the
 * Dockerfiles use. Writes target/measure-report.md with every example's table; times are reported, never asserted.
 */
@Tag("container")
class MeasureContainerTest {
    private static final Path BEFORE = Path.of("src", "test", "resources", "dev", "dockergen", "measure", "before");
    private static final Map<String, String> TABLES = new TreeMap<>();

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    /**
     * podman as the lab's build-run runs it: a build gets the lab's Debian sources mounted for its RUN apt-get lines
     * (the stand-in images carry none; init's tini stage installs Debian's package). Named podman, so measure treats
     * it as podman; every other command goes straight to podman.
     */
    private static Path labPodman() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "lab-engine"));
        Path wrapper = dir.resolve("podman");
        String lib = ContainerLab.LAB.resolve("lib.sh").toAbsolutePath().normalize().toString();
        Files.writeString(wrapper, """
                #!/usr/bin/env bash
                # podman for the container lab: builds get the lab's Debian sources for RUN apt-get, as build-run does
                set -euo pipefail
                if [[ "${1:-}" != build ]]; then
                  exec podman "$@"
                fi
                shift
                # shellcheck source=/dev/null
                source "%s"
                lab_apt_sources
                trap lab_apt_cleanup EXIT
                podman build -v "$LAB_APT_DIR:/etc/apt/sources.list.d:ro" "$@"
                """.formatted(lib));
        assertTrue(wrapper.toFile().setExecutable(true), "cannot make " + wrapper + " executable");
        return wrapper.toAbsolutePath();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theGeneratedImageBeatsANaiveOne(Path example) throws IOException {
        ContainerLab.requireReady();
        String language = Fixtures.dockergen().detect(new DirectoryProjectFiles(example, example.toString()),
                DetectOptions.DEFAULT).projects().get(0).language().id();
        Path before = BEFORE.resolve(language + ".Dockerfile");
        assertTrue(Files.isRegularFile(before), "write a naive single-stage Dockerfile for " + language + " at " + before);
        String retag = "bash " + ContainerLab.LAB.resolve("retag").toAbsolutePath().normalize() + " \"$@\"";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(Fixtures::dockergen, new PrintWriter(out, true), new PrintWriter(err, true),
                System.getenv()).execute("measure", "--engine", labPodman().toString(), "--before", before.toString(),
                "--pre-build", retag, "--format", "json", example.toString());
        System.err.print(err);
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode b = json.get("before");
        JsonNode a = json.get("after");
        TABLES.put(example.getFileName().toString(), markdown(json));

        assertEquals("root", b.get("user").asText());
        assertTrue(a.get("user").asText().matches("\\d+(:\\d+)?"), "numeric non-root user: " + a);
        assertFalse(a.get("user").asText().startsWith("0"), a.toString());
        assertTrue(a.get("sizeBytes").asLong() < b.get("sizeBytes").asLong() / 2, "after at most half the size: " + json);
        assertFalse(b.get("dependencyLayerReused").asBoolean(), "the naive file copies everything before installing: " + b);
        assertTrue(a.get("dependencyLayerReused").asBoolean(), "init's dependency layer survives a source change: " + a);
        assertEquals(0, a.get("auditFindings").asInt(), a.toString());
        assertTrue(b.get("auditFindings").asInt() > 0, b.toString());
        assertTrue(a.get("layers").asInt() < b.get("layers").asInt(), json.toString());
    }

    private static String markdown(JsonNode json) {
        return new MeasureReport(json.get("engine").asText(), json.get("changedFile").asText(), image(json.get("before")),
                image(json.get("after"))).markdown();
    }

    private static MeasureReport.Image image(JsonNode n) {
        return new MeasureReport.Image(n.get("dockerfile").asText(), n.get("sizeBytes").asLong(), n.get("layers").asInt(),
                n.get("baseImage").asText(), n.get("buildSeconds").asDouble(), n.get("rebuildSeconds").asDouble(),
                n.get("dependencyLayerReused").isNull() ? null : n.get("dependencyLayerReused").asBoolean(),
                n.get("user").asText(), n.get("auditFindings").asInt());
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (TABLES.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        TABLES.forEach((name, table) -> parts.add("## " + name + "\n\n" + table));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "measure-report.md"), String.join("\n", parts));
    }
}
