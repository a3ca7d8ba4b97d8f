package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dockergen measure} end to end with a stub engine: a shell script named podman that logs its arguments and
 * answers with recorded outputs. The real engine runs in MeasureContainerTest.
 */
class MeasureCliTest {
    private static final Path RECORDED = Path.of("src", "test", "resources", "dev", "dockergen", "measure", "recorded");
    private static final Path NAIVE_NODE = Path.of("src", "test", "resources", "dev", "dockergen", "measure", "before",
            "node.Dockerfile");
    private static final String STUB = """
            #!/bin/sh
            echo "$*" >> "$STUB_LOG"
            last=""; for a in "$@"; do last="$a"; done
            case "$1" in
              build)
                tag=""; cold=""; prev=""
                for a in "$@"; do
                  [ "$prev" = "-t" ] && tag="$a"
                  [ "$a" = "--no-cache" ] && cold=1
                  prev="$a"
                done
                side="${tag##*:}"
                if [ "$STUB_FAIL" = "$side" ]; then cat "$STUB_DIR/podman-build-failed.txt"; exit 1; fi
                if [ "$side" = before ]; then name=podman-build-naive; else name=podman-build; fi
                if [ -n "$cold" ]; then cat "$STUB_DIR/$name-cold.txt"; else cat "$STUB_DIR/$name-warm.txt"; fi ;;
              image)
                case "$last" in
                  *:before) cat "$STUB_DIR/docker-inspect.json" ;;
                  *:after) cat "$STUB_DIR/podman-inspect.json" ;;
                  *) [ -n "$STUB_MISSING" ] && { echo "Error: $last: image not known" >&2; exit 125; }; echo "[]" ;;
                esac ;;
              pull) echo "Error: initializing source $last: pinging container registry: no such host" >&2; exit 125 ;;
              rmi) echo "Untagged: $last" ;;
              version) [ -n "$STUB_DOWN" ] && { echo "Cannot connect to the engine's service. Is it running?" >&2; exit 1; }
                echo "Version: 4.3.1" ;;
              *) echo "stub: unexpected $*" >&2; exit 2 ;;
            esac
            """;

    @TempDir
    Path tmp;
    private Path bin;
    private Path log;
    private Path project;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void stubEngineAndProject() throws IOException {
        bin = Files.createDirectories(tmp.resolve("bin"));
        Path podman = bin.resolve("podman");
        Files.writeString(podman, STUB);
        Files.setPosixFilePermissions(podman, PosixFilePermissions.fromString("rwxr-xr-x"));
        log = tmp.resolve("engine.log");
        project = Fixtures.copyTree(Path.of("examples", "node-hello"), tmp.resolve("node-hello"));
        Files.copy(NAIVE_NODE, project.resolve("Dockerfile"));
        // only the stub and cat: an engine installed on this machine must not be found
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        Path cat = tools.resolve("cat");
        Files.writeString(cat, "#!/bin/sh\nexec " + (Files.isExecutable(Path.of("/bin/cat")) ? "/bin/cat" : "/usr/bin/cat")
                + " \"$@\"\n");
        Files.setPosixFilePermissions(cat, PosixFilePermissions.fromString("rwxr-xr-x"));
        env.put("PATH", bin + ":" + tools);
        env.put("STUB_LOG", log.toString());
        env.put("STUB_DIR", RECORDED.toAbsolutePath().toString());
    }

    private CliRunner.Result measure(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("measure"), Stream.of(args)).toArray(String[]::new);
        int code = Main.commandLine(Fixtures::dockergen, new PrintWriter(out, true), new PrintWriter(err, true), env)
                .execute(all);
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    private String engineLog() throws IOException {
        return Files.isRegularFile(log) ? Files.readString(log) : "";
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void comparesTheExistingDockerfileWithInitsAndLeavesTheProjectAlone() throws IOException {
        Map<String, String> before = contents(project);
        CliRunner.Result r = measure("--engine", "podman", "--format", "json", project.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("podman", json.get("engine").asText());
        assertEquals("server.js", json.get("changedFile").asText());
        JsonNode b = json.get("before");
        assertEquals(1118496310L, b.get("sizeBytes").asLong());
        assertEquals(9, b.get("layers").asInt());
        assertEquals("node:22", b.get("baseImage").asText());
        assertEquals("root", b.get("user").asText());
        assertFalse(b.get("dependencyLayerReused").asBoolean());
        assertTrue(b.get("auditFindings").asInt() > 0, b.toString());
        JsonNode a = json.get("after");
        assertEquals(1702713L, a.get("sizeBytes").asLong());
        assertEquals("65532:65532", a.get("user").asText());
        assertTrue(a.get("dependencyLayerReused").asBoolean());
        assertEquals(0, a.get("auditFindings").asInt(), a.toString());
        assertTrue(a.get("baseImage").asText().startsWith("gcr.io/distroless/nodejs"), a.toString());
        assertTrue(a.get("dockerfile").asText().startsWith("init (preset node-"), a.toString());
        assertTrue(b.get("buildSeconds").isNumber() && a.get("rebuildSeconds").isNumber());

        assertEquals(before, contents(project), "measure changed the project's files");
        String calls = engineLog();
        assertTrue(calls.contains("build --pull=never --format docker --layers --no-cache -f "), calls);
        assertTrue(calls.contains("-t dockergen-measure/node-hello:before "), calls);
        List<String> afterBuilds = calls.lines().filter(l -> l.startsWith("build ") && l.contains(":after ")).toList();
        assertEquals(3, afterBuilds.size(), "cold, settling and warm builds: " + calls);
        assertTrue(afterBuilds.get(0).contains("--no-cache"), calls);
        assertFalse(afterBuilds.get(1).contains("--no-cache") || afterBuilds.get(2).contains("--no-cache"), calls);
        assertTrue(calls.contains("rmi dockergen-measure/node-hello:before"), calls);
        assertTrue(calls.contains("rmi dockergen-measure/node-hello:after"), calls);
        assertFalse(calls.contains(project.toString() + "\n"), "built in the project itself, not in a copy: " + calls);
        assertTrue(r.err().contains("before cold build: STEP 4/6: RUN npm install"), r.err());
    }

    @Test
    void keepLeavesTheImagesAndTextIsTheDefault() throws IOException {
        CliRunner.Result r = measure("--engine", "podman", "--keep", project.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dependency layer reused  no"), r.out());
        assertFalse(engineLog().contains("rmi "), engineLog());
        assertTrue(r.err().contains("kept dockergen-measure/node-hello:before and dockergen-measure/node-hello:after"), r.err());
    }

    @Test
    void markdownForAPullRequest() {
        CliRunner.Result r = measure("--engine", "podman", "--format", "markdown", project.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("| | before | after | change |\n|---|---|---|---|\n| image size | 1118.5 MB | 1.7 MB | -100 % |"),
                r.out());
    }

    @Test
    void preBuildGetsBothDockerfilesInTheirCopies() throws IOException {
        CliRunner.Result r = measure("--engine", "podman", "--pre-build", "echo pre-build \"$@\" >> \"$STUB_LOG\"",
                project.toString());
        assertEquals(0, r.code(), r.err());
        String pre = engineLog().lines().filter(l -> l.startsWith("pre-build ")).findFirst().orElse("");
        String[] files = pre.split(" ");
        assertEquals(3, files.length, pre);
        assertTrue(files[1].endsWith("/before/Dockerfile") && !files[1].startsWith(project.toString()), pre);
        assertTrue(files[2].endsWith("/after/Dockerfile"), pre);
        assertTrue(engineLog().indexOf("pre-build ") < engineLog().indexOf("build --pull"), engineLog());
    }

    @Test
    void aFailedBuildShowsTheEnginesLastLinesAndTheStage() throws IOException {
        env.put("STUB_FAIL", "after");
        CliRunner.Result r = measure("--engine", "podman", project.toString());
        assertEquals(8, r.code(), r.err());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertTrue(r.err().contains("  | npm ERR! code EUSAGE"), r.err());
        assertEquals("dockergen: after (init (preset node-distroless)): the cold build failed in stage deps at "
                + "`RUN --mount=type=cache,target=/root/.npm     npm ci --omit=dev` (podman exited 1; its last lines "
                + "are above)", lines.get(lines.size() - 1));
        assertTrue(engineLog().contains("rmi dockergen-measure/node-hello:before"), "the before image is still removed");
    }

    @Test
    void aMissingBaseImageThatCannotBePulledIsABuildFailure() {
        env.put("STUB_MISSING", "1");
        CliRunner.Result r = measure("--engine", "podman", project.toString());
        assertEquals(8, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("dockergen: node:22: podman cannot pull this base image (exit 125;"),
                r.err());
    }

    @Test
    void anEngineThatDoesNotAnswerIsAUsageError() throws IOException {
        env.put("STUB_DOWN", "1");
        CliRunner.Result r = measure("--engine", "podman", project.toString());
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals("  | Cannot connect to the engine's service. Is it running?", lines.get(0));
        assertEquals("dockergen: podman (" + bin.resolve("podman") + ") does not answer (`podman version` exited 1; its last "
                + "lines are above): start it, or choose another with --engine", lines.get(lines.size() - 1));
        assertEquals("version", engineLog().strip());
    }

    @Test
    void noEngineOnPathIsOneLineAndExit2() {
        env.put("PATH", tmp.resolve("empty").toString());
        CliRunner.Result r = measure(project.toString());
        assertEquals(2, r.code());
        assertEquals("dockergen: no container engine found: looked for docker, podman and buildah on PATH; install one "
                + "or name it with --engine\n", r.err());
    }

    @Test
    void theFirstEngineOnPathIsTaken() throws IOException {
        Path buildah = bin.resolve("buildah");
        Files.writeString(buildah, "#!/bin/sh\nexit 3\n");
        Files.setPosixFilePermissions(buildah, PosixFilePermissions.fromString("rwxr-xr-x"));
        CliRunner.Result r = measure("--format", "json", project.toString());
        assertEquals(0, r.code(), r.err()); // podman comes before buildah
        assertTrue(r.out().contains("\"engine\" : \"podman\""), r.out());
    }

    @Test
    void unknownOrMissingEnginesAreUsageErrors() {
        CliRunner.Result unknown = measure("--engine", "nerdctl", project.toString());
        assertEquals(2, unknown.code());
        assertEquals("dockergen: --engine nerdctl: unknown engine; use docker, podman or buildah (or a path to one of them)\n",
                unknown.err());
        CliRunner.Result missing = measure("--engine", "docker", project.toString());
        assertEquals(2, missing.code());
        assertEquals("dockergen: --engine docker: not found on PATH; install it or give its path\n", missing.err());
        CliRunner.Result path = measure("--engine", tmp.resolve("nowhere/podman").toString(), project.toString());
        assertEquals(2, path.code());
        assertTrue(path.err().endsWith("podman: does not exist\n"), path.err());
    }

    @Test
    void withoutAnOldDockerfileThereIsNothingToCompare() throws IOException {
        Files.delete(project.resolve("Dockerfile"));
        CliRunner.Result r = measure("--engine", "podman", project.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("dockergen: " + project.toAbsolutePath() + ": no Dockerfile or Containerfile to "
                + "measure against; name the old one with --before FILE\n"), r.err());
        assertEquals("", engineLog());
    }

    @Test
    void editMustNameASourceFileOfTheProject() {
        CliRunner.Result r = measure("--engine", "podman", "--edit", "package.json", project.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("dockergen: --edit package.json: measure knows no comment syntax"), r.err());
        CliRunner.Result outside = measure("--engine", "podman", "--edit", "../x.js", project.toString());
        assertEquals(2, outside.code());
    }
}
