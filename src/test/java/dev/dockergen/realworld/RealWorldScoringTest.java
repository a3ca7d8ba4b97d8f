package dev.dockergen.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.realworld.Scoring.FieldScore;
import dev.dockergen.realworld.Scoring.StartKey;
import dev.dockergen.realworld.Scoring.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real-world runner's case loading, normalisation and scoring, on made-up cases
 * (src/test/resources/realworld/sample.yaml) and made-up detect output: no repository, no process.
 */
class RealWorldScoringTest {
    private static final Path SAMPLE = Path.of("src", "test", "resources", "realworld", "sample.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RealWorldCase sample(String id) throws Exception {
        return RealWorldCase.load(SAMPLE).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, FieldScore> byField(List<FieldScore> scores) {
        Map<String, FieldScore> m = new LinkedHashMap<>();
        scores.forEach(s -> m.put(s.field(), s));
        return m;
    }

    @Test
    void casesKeepScalarsAsWrittenAndNullsAsNull() throws Exception {
        List<RealWorldCase> cases = RealWorldCase.load(SAMPLE);
        assertEquals(List.of("go/sample/api", "python/sample/site"), cases.stream().map(RealWorldCase::id).toList());
        RealWorldCase site = cases.get(1);
        assertEquals(">=3.10,<4", site.truthString("version"));
        assertEquals(null, site.truthString("port"));
        assertEquals(null, site.truthString("framework"));
        assertEquals("null", site.notes(), "a quoted 'null' is the string");
        assertEquals("web", site.project());
        assertEquals(List.of("python3.12", "-m", "gunicorn", "-b", "0.0.0.0:8000", "site.wsgi:application"), site.truthList("start"));
        assertEquals("example-owner+sample-site", site.snapshotName());
        assertEquals(SAMPLE + ":32", site.file());
        RealWorldCase api = cases.get(0);
        assertTrue(api.truthFlag("labBuildable"));
        assertEquals("Dockerfile", api.theirs().get("path"));
    }

    @Test
    void aBadCaseFileIsOneLineNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path noId = dir.resolve("x.yaml");
        Files.writeString(noId, "cases:\n  - repo: a/b\n    commit: abc\n    truth: {language: go}\n");
        assertEquals(noId + ":2: a case needs `id` (realworld/README.md)",
                assertThrows(RealWorldCase.BadCaseFile.class, () -> RealWorldCase.load(noId)).getMessage());
        Path twice = dir.resolve("y.yaml");
        Files.writeString(twice, "cases:\n  - id: a\n    id: b\n");
        assertEquals(twice + ":3: duplicate key id; keep one",
                assertThrows(RealWorldCase.BadCaseFile.class, () -> RealWorldCase.load(twice)).getMessage());
        Path broken = dir.resolve("b.yaml");
        Files.writeString(broken, "cases:\n  - id: [a\n");
        String message = assertThrows(RealWorldCase.BadCaseFile.class, () -> RealWorldCase.load(broken)).getMessage();
        assertTrue(message.matches(java.util.regex.Pattern.quote(broken.toString()) + ":\\d+: not valid YAML .*; fix the file"), message);
        Path escape = dir.resolve("z.yaml");
        Files.writeString(escape, "cases:\n  - id: go/x\n    repo: a/b\n    commit: abc\n    dir: ../..\n    truth: {language: go}\n");
        assertEquals(escape + ":2: case go/x: dir must be a folder inside the repository",
                assertThrows(RealWorldCase.BadCaseFile.class, () -> RealWorldCase.load(escape)).getMessage());
        Path dup = dir.resolve("d.yaml");
        Files.writeString(dup, "cases:\n  - {id: go/x, repo: a/b, commit: c, truth: {language: go}}\n"
                + "  - {id: go/x, repo: a/b, commit: c, truth: {language: go}}\n");
        assertEquals(dup + ":3: case id go/x is also at " + dup + ":2; ids must be unique",
                assertThrows(RealWorldCase.BadCaseFile.class,
                        () -> RealWorldRunner.loadCases(List.of(dup.toString()), List.of())).getMessage());
    }

    @Test
    void everyDetectionFieldIsScoredByItsRule() throws Exception {
        JsonNode detect = JSON.readTree("""
                {"projects": [{"path": ".", "language": "go", "buildTool": "go", "packageManager": "go-modules",
                  "languageVersion": {"value": "1.22.5", "source": "go.mod:3"}, "framework": "chi",
                  "port": {"value": 9090, "source": "main.go:9"}, "start": ["api"],
                  "facts": {"binary": "api"}}],
                 "warnings": ["main.go:9: the server listens on a loopback address, which a container cannot reach"]}""");
        Map<String, FieldScore> s = byField(Scoring.scoreDetection(sample("go/sample/api"), detect.get("projects").get(0),
                detect.get("warnings")));
        assertEquals(Scoring.DETECT_FIELDS, List.copyOf(s.keySet()));
        assertEquals(Verdict.RIGHT, s.get("language").verdict());
        assertEquals(Verdict.RIGHT, s.get("tool").verdict(), "go-modules is the go tool");
        assertEquals(Verdict.RIGHT, s.get("version").verdict(), "1.22 = 1.22.5");
        assertEquals(Verdict.RIGHT, s.get("framework").verdict());
        assertEquals(Verdict.RIGHT, s.get("kind").verdict(), "a port makes a server");
        assertEquals(new FieldScore("port", "8080", "9090", Verdict.WRONG), s.get("port"));
        assertEquals(new FieldScore("listen", "0.0.0.0", "127.0.0.1", Verdict.WRONG), s.get("listen"), "a false loopback warning");
        assertEquals(Verdict.WRONG, s.get("start").verdict(), "the subcommand serve is missing");
        assertEquals(Verdict.RIGHT, s.get("artefact").verdict());
    }

    @Test
    void aMissingProjectMakesEveryScoredFieldWrongAndNullTruthIsNotScored() throws Exception {
        Map<String, FieldScore> s = byField(Scoring.scoreDetection(sample("python/sample/site"), null, null));
        assertEquals(Verdict.WRONG, s.get("language").verdict());
        assertEquals(Verdict.WRONG, s.get("start").verdict());
        assertEquals(Verdict.UNSCORED, s.get("framework").verdict());
        assertEquals(Verdict.UNSCORED, s.get("port").verdict());
        assertEquals(Verdict.UNSCORED, s.get("listen").verdict());
    }

    @Test
    void aPythonWorkerStartedByItsAppServerThroughPythonDashM() throws Exception {
        JsonNode project = JSON.readTree("""
                {"path": "web", "language": "python", "buildTool": "poetry", "packageManager": "poetry",
                 "languageVersion": {"value": "3.12", "source": "pyproject.toml:9"}, "framework": null, "port": null,
                 "start": ["gunicorn", "--bind", "0.0.0.0:8000", "site.wsgi:application"],
                 "facts": {"kind": {"value": "script", "source": "x.py:1"}}}""");
        Map<String, FieldScore> s = byField(Scoring.scoreDetection(sample("python/sample/site"), project, null));
        assertEquals(Verdict.RIGHT, s.get("version").verdict(), "3.12 is in >=3.10,<4");
        assertEquals(Verdict.RIGHT, s.get("kind").verdict(), "a script is a worker or a CLI");
        assertEquals(Verdict.RIGHT, s.get("start").verdict(), "python -m gunicorn is gunicorn; options do not count");
        assertEquals(Verdict.RIGHT, s.get("artefact").verdict());
    }

    @Test
    void aNodeMajorAloneIsItsNewestReleaseAgainstALowerBound() {
        assertTrue(Scoring.versionMatches(">=24.18.0", "24", "node"), "node:24 is the newest 24.x");
        assertFalse(Scoring.versionMatches(">=24.18.0", "22", "node"));
        assertFalse(Scoring.versionMatches(">=3.10.2", "3", "python"), "only images tagged by major");
        assertTrue(Scoring.versionMatches("<=24", "24", "node"));
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "1.21; 1.21.0; true", "1.21.0; 1.21; true", "1.21; 1.22; false", "1.21; 1; false", "3.10; 3.1; false",
        "22; 22.3.0; true", "^18; 18.19.1; true", "^18; 20; false", ">=3.10,<4; 3.13; true", ">=3.10,<4; 3.9; false",
        "~=3.11; 3.12; true", "~=3.11.2; 3.12.0; false", "18.x; 18.2; true", ">=16 || ^14; 14.1; true",
        "1.8; 8; true", "17; 21; false", "go1.22; 1.22.1; true", "v20; 20; true", "22.21.0; 22; true", "3.11.4; 3; false"})
    void versions(String truth, String detected, boolean right) {
        String language = truth.equals("1.8") ? "java" : truth.startsWith("22") ? "node" : "go";
        assertEquals(right, Scoring.versionMatches(truth, detected, language));
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "Next.js; next; true", "NestJS; nest; true", "spring-boot; Spring Boot; true", "@hapi/hapi; hapi; true",
        "express; koa; false", "net/http; none; true"})
    void frameworks(String a, String b, boolean same) {
        assertEquals(same, Scoring.normFramework(a).equals(Scoring.normFramework(b)));
    }

    @Test
    void startCommandsAreComparedByProgramAndEntryNotByPath() {
        assertEquals(new StartKey("server", null), Scoring.startKey(List.of("/app/server", "-config", "/etc/x.yaml")));
        assertEquals(new StartKey("shiori", "server"), Scoring.startKey(List.of("shiori", "server", "--port", "8080")));
        assertEquals(new StartKey("node", "main"), Scoring.startKey(List.of("node", "--enable-source-maps", "dist/main.js")));
        assertEquals(new StartKey("node", "main"), Scoring.startKey(List.of("/nodejs/bin/node", "main")));
        assertEquals(new StartKey("uvicorn", "app.main:app"),
                Scoring.startKey(List.of("python", "-m", "uvicorn", "--host", "0.0.0.0", "app.main:app")));
        assertEquals(new StartKey("gunicorn", "app:create_app()"),
                Scoring.startKey(List.of("gunicorn", "-w", "4", "-b", "0.0.0.0:8000", "app:create_app()")));
        assertEquals(new StartKey("flask", "run"), Scoring.startKey(List.of("python3", "-m", "flask", "run", "--host=0.0.0.0")));
        assertEquals(new StartKey("java", "-jar"), Scoring.startKey(List.of("java", "-jar", "/app/app.jar")));
        assertEquals(new StartKey("java", "-jar"),
                Scoring.startKey(List.of("java", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher")));
        assertEquals(new StartKey("java", "Main"), Scoring.startKey(List.of("java", "-cp", "app.jar:lib/*", "com.example.Main")));
        assertTrue(Scoring.startMatches(List.of("catalina.sh", "run"), List.of("/usr/bin/java", "-Dcatalina.home=/app",
                "-cp", "/app/bin/bootstrap.jar:/app/bin/tomcat-juli.jar", "org.apache.catalina.startup.Bootstrap", "start")),
                "catalina.sh run execs Bootstrap start");
        assertFalse(Scoring.startMatches(List.of("catalina.sh", "run"),
                List.of("java", "-cp", "bootstrap.jar", "org.apache.catalina.startup.Bootstrap", "stop")));
        assertEquals(new StartKey("npm", "start"), Scoring.startKey(List.of("npm", "run", "start")));
        assertEquals(new StartKey("next", "start"), Scoring.startKey(List.of("node", "node_modules/next/dist/bin/next", "start")));
        assertEquals(Scoring.startKey(List.of("fastify", "start", "app.js")),
                Scoring.startKey(List.of("node", "node_modules/fastify-cli/cli.js", "start", "app.js")), "cli.js: the package's command");
        assertEquals(Scoring.startKey(List.of("tldr")), Scoring.startKey(List.of("node", "bin/tldr")), "the package's own bin script");
        assertEquals(Scoring.startKey(List.of("node", "./bin/www")), Scoring.startKey(List.of("node", "bin/www")));
        assertNotEquals(Scoring.startKey(List.of("tldr")), Scoring.startKey(List.of("node", "lib/tldr.js")), "not a bin/ script");
        assertEquals(new StartKey("flask", "run"), Scoring.startKey(List.of("flask", "--app", "flaskr", "run", "--debug")));
        assertEquals(new StartKey("celery", "worker"), Scoring.startKey(List.of("celery", "-A", "proj", "worker", "-l", "info")));
        assertEquals(new StartKey("python", "worker.py"), Scoring.startKey(List.of("tini", "--", "python3", "-u", "worker.py")));
        assertEquals(new StartKey("node", "server"), Scoring.startKey(List.of("sh", "-c", "exec node server.js")));
        assertFalse(Scoring.startMatches(List.of("npm", "start"), List.of("node", "server.js")), "indirection is not followed here");
        assertFalse(Scoring.startMatches(List.of("node", "server.js"), null));
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "server; server; true", "worker; program; true", "cli; program; true", "static-site; static-site; true",
        "server; program; false", "cli; server; false"})
    void kinds(String truth, String detected, boolean right) {
        assertEquals(right, Scoring.kindMatches(truth, detected));
    }

    @Test
    void kindListenAndArtefactAreDerivedFromWhatDetectSays() throws Exception {
        assertEquals("static-site", Scoring.detectedKind(JSON.readTree("{\"start\": null, \"facts\": {\"kind\": {\"value\": \"spa\"}}}")));
        assertEquals("program", Scoring.detectedKind(JSON.readTree("{\"start\": [\"node\", \"w.js\"], \"facts\": {\"kind\": {\"value\": \"server\"}}}")));
        assertEquals("server", Scoring.detectedKind(JSON.readTree("{\"start\": [\"x\"], \"port\": {\"value\": 1}, \"facts\": {}}")));
        assertEquals("none (no start command)", Scoring.detectedKind(JSON.readTree("{\"start\": null, \"facts\": {}}")));
        assertEquals("any", Scoring.normListen("[::]"));
        assertEquals("loopback", Scoring.normListen("localhost"));
        JsonNode member = JSON.readTree("{\"path\": \"apps/b\"}");
        assertEquals("0.0.0.0", Scoring.detectedListen(member, JSON.readTree("[\"apps/a/main.go:3: listens on a loopback address\"]")),
                "another member's warning");
        assertEquals("127.0.0.1", Scoring.detectedListen(member, JSON.readTree("[\"apps/b/main.go:3: listens on a loopback address\"]")));
        assertEquals("dist", Scoring.detectedArtefact(JSON.readTree("{\"facts\": {\"staticDir\": \"dist\"}}")));
        assertEquals("target/app-1.0.jar",
                Scoring.detectedArtefact(JSON.readTree("{\"facts\": {\"artifact\": {\"value\": \"target/app-1.0.jar\"}}}")));
        assertEquals("app", Scoring.normArtefact("src/app.py"));
        assertTrue(Scoring.artefactMatches("target/api-3.0.0-SNAPSHOT.jar", "target/*.jar"));
        assertFalse(Scoring.artefactMatches("MailHog", "mailhog"));
        assertEquals("flaskr:create_app()", Scoring.detectedArtefact(JSON.readTree(
                "{\"facts\": {}, \"start\": [\"python\", \"-m\", \"flask\", \"--app\", \"flaskr:create_app()\", \"run\"]}")));
        assertEquals("worker", Scoring.detectedArtefact(JSON.readTree("{\"facts\": {}, \"start\": [\"celery\", \"-A\", \"worker\", \"worker\"]}")));
        assertEquals("bin/tldr", Scoring.detectedArtefact(JSON.readTree("{\"facts\": {}, \"start\": [\"node\", \"bin/tldr\"]}")));
        assertEquals("flaskr", Scoring.normArtefact("flaskr:create_app()"));
        assertEquals("main", Scoring.normArtefact("app.main:app"));
    }

    @Test
    void runtimeFilesAndWritableFoldersAreLookedForInTheFinalStage() throws Exception {
        RealWorldCase api = sample("go/sample/api");
        String dockerfile = """
                # syntax=docker/dockerfile:1

                FROM golang:1.22-alpine AS build
                COPY templates ./templates
                FROM gcr.io/distroless/static-debian12:nonroot AS runtime
                COPY --from=build /out/api /usr/local/bin/api
                USER 65532:65532
                """;
        Map<String, FieldScore> s = byField(Scoring.scoreImage(api, dockerfile, ""));
        assertEquals(new FieldScore("runtimeFiles", "templates/", "missing templates/", Verdict.WRONG), s.get("runtimeFiles"),
                "copied into the build stage only");
        assertEquals(Verdict.WRONG, s.get("writes").verdict());
        String fixed = dockerfile.replace("USER 65532:65532", """
                COPY --from=build /src/templates /app/templates
                COPY --chown=65532:65532 --from=build /empty /app/data
                VOLUME ["/app/data"]
                USER 65532:65532""");
        s = byField(Scoring.scoreImage(api, fixed, ""));
        assertEquals(Verdict.RIGHT, s.get("runtimeFiles").verdict());
        assertEquals(Verdict.RIGHT, s.get("writes").verdict());
        String context = "# syntax=docker/dockerfile:1\nFROM node:22 AS build\nFROM node:22-alpine AS runtime\nCOPY . .\n";
        assertEquals(Verdict.RIGHT, byField(Scoring.scoreImage(api, context, "*.md\n")).get("runtimeFiles").verdict());
        assertEquals(Verdict.WRONG, byField(Scoring.scoreImage(api, context, "templates\n")).get("runtimeFiles").verdict(),
                ".dockerignore keeps it out");
        assertEquals(Verdict.UNSCORED, byField(Scoring.scoreImage(sample("python/sample/site"), null, null)).get("writes").verdict());
        String wholeBuild = "FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\n"
                + "FROM node:22-alpine AS runtime\nWORKDIR /app\nCOPY --from=build /app ./\n";
        assertEquals(Verdict.RIGHT, byField(Scoring.scoreImage(api, wholeBuild, "")).get("runtimeFiles").verdict(),
                "the build stage's whole working directory, which holds the context");
        assertEquals(Verdict.WRONG, byField(Scoring.scoreImage(api, wholeBuild, "templates\n")).get("runtimeFiles").verdict(),
                "the context it holds leaves templates out");
        assertEquals(Verdict.WRONG, byField(Scoring.scoreImage(api, wholeBuild.replace("COPY . .", "COPY go.mod ."), ""))
                .get("runtimeFiles").verdict(), "a build stage without the context");
    }

    @Test
    void aModuleBuiltFromItsEnclosingBuildHasItsRuntimeFilesNamedFromThatContext() {
        assertEquals("web", Scoring.memberFolder("# Build from .., the build this module belongs to: "
                + "docker build -f web/Dockerfile -t app .\nFROM x\n"));
        assertEquals(null, Scoring.memberFolder("# syntax=docker/dockerfile:1\nFROM x\n"));
        assertEquals("config.yml", Scoring.fromContext("web", "../config.yml"));
        assertEquals("web/templates/", Scoring.fromContext("web", "templates/"));
        assertEquals("../../outside.yml", Scoring.fromContext("web", "../../outside.yml"), "above the context: as it was");
        assertEquals("/etc/app.yml", Scoring.fromContext("web", "/etc/app.yml"));
        assertEquals("../config.yml", Scoring.fromContext(null, "../config.yml"));
        String dockerfile = """
                # Build from .., the build this module belongs to: docker build -f web/Dockerfile -t app .
                FROM maven:3.9-eclipse-temurin-21 AS build
                FROM gcr.io/distroless/java21-debian13:nonroot AS runtime
                WORKDIR /app
                COPY config.yml ./
                """;
        assertEquals(Verdict.RIGHT, Scoring.scoreImage(caseReading("../config.yml"), dockerfile, "").get(0).verdict());
        assertEquals(Verdict.WRONG, Scoring.scoreImage(caseReading("../config.yml"), dockerfile.replace("-f web/Dockerfile ", ""), "")
                .get(0).verdict(), "without the header the context is the case's folder, where ../config.yml is not");
    }

    private static RealWorldCase caseReading(String file) {
        return new RealWorldCase("java/sample/web", "example/sample", "0".repeat(40), "web", null,
                Map.of("runtimeFiles", List.of(file)), null, null, "sample.yaml:1");
    }

    @Test
    void aMembersRuntimeFilesAreReadAgainstTheMemberWhenTheContextIsTheWorkspace() throws Exception {
        RealWorldCase site = sample("python/sample/site"); // project: web
        Map<String, Object> truth = new java.util.HashMap<>(site.truth());
        truth.put("runtimeFiles", List.of("public/"));
        RealWorldCase member = new RealWorldCase(site.id(), site.repo(), site.commit(), site.dir(), "apps/web", truth,
                site.theirs(), site.notes(), site.file());
        String dockerfile = "FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\n"
                + "FROM node:22-alpine AS runtime\nWORKDIR /app\nCOPY --from=build /app/node_modules ./node_modules\n"
                + "COPY --from=build /app/apps/web ./apps/web\nWORKDIR /app/apps/web\n";
        assertEquals(Verdict.RIGHT, byField(Scoring.scoreImage(member, dockerfile, "")).get("runtimeFiles").verdict(),
                "the member folder copied from the stage holding the context holds public/");
        assertEquals(Verdict.WRONG, byField(Scoring.scoreImage(member, dockerfile.replace("/app/apps/web ./apps/web",
                "/app/apps/web/.next ./apps/web/.next"), "")).get("runtimeFiles").verdict(), "only the build output");
    }

    @Test
    void aSecretIsInTheImageWhenAFinalStageCommentSaysToMountIt() {
        List<String> stage = List.of("FROM gcr.io/distroless/java21-debian13:nonroot AS runtime", "WORKDIR /app",
                "# The program reads the secret /run/secrets/db-password (App.java:67): mount it when the container runs.",
                "USER 65532:65532");
        assertTrue(Scoring.inImage("/run/secrets/db-password", stage, null));
        assertFalse(Scoring.inImage("/run/secrets/api-key", stage, null), "another secret is not named");
        assertFalse(Scoring.inImage("/run/secrets/db-password", List.of("FROM x AS runtime", "COPY . ."), null),
                "a secret is never in the build context: copying everything does not bring it");
    }

    @Test
    void aWrittenFileIsWritableWhenItsFolderIs() {
        List<String> stage = List.of("FROM python:3.14-alpine AS runtime", "WORKDIR /app",
                "RUN mkdir -p /app/data && chown 10001:10001 /app/data", "VOLUME [\"/app/data\"]", "USER 10001:10001");
        assertTrue(Scoring.writable("data/dev.sqlite3", stage), "the folder holding the file is writable");
        assertTrue(Scoring.writable("data", stage));
        assertFalse(Scoring.writable("db.sqlite3", stage), "the working directory /app is not writable");
        assertFalse(Scoring.writable("logs/app.log", stage));
        assertFalse(Scoring.writable("data2/x.db", stage));
        List<String> workdir = List.of("FROM python:3.14-alpine AS runtime", "WORKDIR /app",
                "RUN chown root:10001 /app && chmod 1775 /app", "USER 10001:10001");
        assertTrue(Scoring.writable("db.sqlite3", workdir), "a file at the top of the WORKDIR: the WORKDIR is writable");
        assertFalse(Scoring.writable("cache", workdir), "a folder must be named itself");
        assertTrue(Scoring.writable("appdb", workdir, true), "a truth without a trailing '/' may be a file: its folder");
        assertFalse(Scoring.writable("appdb", workdir, false), "a truth ending in '/' is a folder: named itself");
        assertFalse(Scoring.writable("appdb", stage, true), "the folder holding the file must be writable");
        List<String> home = List.of("FROM node:24-alpine AS runtime", "ENV HOME=\"/home/app\"",
                "RUN mkdir -p /home/app/.tldr && chown 10001:10001 /home/app/.tldr");
        assertTrue(Scoring.writable("~/.tldr", home), "a home path matches in any home");
        assertFalse(Scoring.writable("~/.config/ranger", home));
        List<String> ownHome = List.of("FROM python:3.12-alpine AS runtime", "WORKDIR /app",
                "RUN mkdir -p /home/app && chown 10001:10001 /home/app", "ENV HOME=\"/home/app\"", "USER 10001:10001");
        assertTrue(Scoring.writable("~/.settings", ownHome, true), "a file directly in the home: its folder, the HOME, is writable");
        assertFalse(Scoring.writable("~/.settings", ownHome, false), "a truth ending in '/' is a folder: named itself");
        assertFalse(Scoring.writable("~/.settings", List.of("FROM python:3.12-alpine AS runtime", "ENV HOME=\"/home/app\""), true),
                "a HOME nobody made writable");
        assertFalse(Scoring.writable("~/.config/x", ownHome, true), "a deeper file: its own folder must be named");
        List<String> sticky = List.of("FROM python:3.12-slim", "WORKDIR /app", "RUN chown root:10001 /app && chmod 1775 /app",
                "RUN mkdir -p /datastore && chown 10001:10001 /datastore");
        assertTrue(Scoring.writable(".", sticky), "the working directory itself");
        assertTrue(Scoring.writable("../datastore", sticky), "a folder beside the working directory");
        assertFalse(Scoring.writable("../other", sticky));
        assertFalse(Scoring.writable(".", List.of("FROM python:3.12-slim", "WORKDIR /app")));
        assertTrue(Scoring.writable("/tmp/app.log", List.of("FROM eclipse-temurin:21-jre", "WORKDIR /app")));
        assertFalse(Scoring.writable("/tmp/app.log", List.of("FROM scratch", "WORKDIR /app")), "scratch has no /tmp");
    }

    @Test
    void aRefusalIsRightOnlyWhereTheFinalCannotServe() {
        assertFalse(Scoring.finalCanServe("node", "scratch"));
        assertFalse(Scoring.finalCanServe("Python", "scratch"));
        assertFalse(Scoring.finalCanServe("java", "scratch"));
        assertTrue(Scoring.finalCanServe("go", "scratch"));
        assertTrue(Scoring.finalCanServe("c", "scratch"));
        assertTrue(Scoring.finalCanServe("node", "alpine"));
    }

    @Test
    void aWorkspaceMemberBuildsFromTheRootItsDockerfileNames() {
        Path file = Path.of("/w/repo/apps/api/Dockerfile");
        assertEquals(Path.of("/w/repo"), RealWorldRunner.buildContext(file,
                "# syntax=docker/dockerfile:1\n# Build from the workspace root: docker build -f apps/api/Dockerfile -t api .\n"));
        assertEquals(Path.of("/w/repo/apps/api"), RealWorldRunner.buildContext(file, "# Build: docker build -t api .\n"));
    }

    @Test
    void aCliAnswersOnVersionHelpOrNoArgumentInThatOrderElseOnAUsageText() {
        Exec.Result ok = new Exec.Result(0, "x 1.0", "", false);
        Exec.Result fails = new Exec.Result(1, "", "open --help: no such file", false);
        Exec.Result usage = new Exec.Result(1, "", "Usage: kilo <filename>", false);
        assertEquals("--version", RealWorldRunner.cliProbe(args -> ok));
        assertEquals("--help", RealWorldRunner.cliProbe(args -> args.equals(List.of("--help")) ? ok : fails));
        // Go's flag.Usage that calls os.Exit(2): --help fails, the plain run prints and exits 0
        assertEquals("no arguments", RealWorldRunner.cliProbe(args -> args.isEmpty() ? ok : usage));
        // an editor that needs a file and a terminal: it ran and printed its usage
        assertEquals("no arguments (usage text, exit 1)", RealWorldRunner.cliProbe(args -> args.isEmpty() ? usage : fails));
        assertEquals(null, RealWorldRunner.cliProbe(args -> fails));
        assertEquals(null, RealWorldRunner.cliProbe(args -> new Exec.Result(-1, "usage", "", true)), "a timeout is no answer");
    }

    @Test
    void theProbeTimeoutIsAnOption() throws Exception {
        Path here = Path.of(".");
        assertEquals(180, RealWorldRunner.parse(new String[] {here.toString()}).probeTimeout());
        assertEquals(400, RealWorldRunner.parse(new String[] {here.toString(), "--lab-probe-timeout", "400"}).probeTimeout());
        assertEquals(1, RealWorldRunner.parse(new String[] {here.toString()}).labJobs());
        assertEquals(3, RealWorldRunner.parse(new String[] {here.toString(), "--lab-jobs", "3"}).labJobs());
    }

    @Test
    void aPodmanStorageOrNetworkErrorIsBuiltAgainAndADockerfileErrorIsNot() {
        assertEquals("a podman storage error", RealWorldRunner.transientFailure("[1/2] STEP 2/8: WORKDIR /src\n"
                + "Error: checking if cached image exists from a previous build: getting top layer info: layer not known\n"));
        assertEquals("a network error", RealWorldRunner.transientFailure("[ERROR] Failed to execute goal ... transfer failed: "
                + "Unknown host repo: Temporary failure in name resolution -> [Help 1]\nError: building at STEP \"RUN mvn\"\n"));
        assertEquals(null, RealWorldRunner.transientFailure("STEP 5/9: RUN make\nmake: *** [all] Error 2\n"
                + "Error: building at STEP \"RUN make\": while running runtime: exit status 2\n"));
        assertEquals(null, RealWorldRunner.transientFailure("main.c:1: error: layer not known\n"), "a compiler's words, not podman's");
        String retriedEarlier = "WARN GET x.tgz error (EAI_AGAIN). Will retry in 10 seconds.\n" + "ok\n".repeat(25)
                + "Error: Invalid environment variables\nError: building at STEP \"RUN pnpm run build\"\n";
        assertEquals(null, RealWorldRunner.transientFailure(retriedEarlier), "a retried download far above the error");
    }

    @Test
    void aLabRunWithNoLabStopsBeforeAnyCase(@TempDir Path empty) {
        // it used to score every case and then skip the lab in one line
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RealWorldRunner.parse(new String[] {".", "--lab", "--lab-dir", empty.toString()}));
        assertTrue(e.getMessage().contains("no container lab at " + empty.toAbsolutePath().normalize()), e.getMessage());
        assertTrue(e.getMessage().contains("--lab-dir DIR"), e.getMessage());
        RealWorldRunner.parse(new String[] {".", "--lab-dir", empty.toString()}); // without --lab the folder is not needed
    }

    @Test
    void aCaseProjectThatIsAGoMainPackageIsPassedAsMain() throws Exception {
        RealWorldCase site = sample("python/sample/site");
        CaseRun r = new CaseRun(site);
        JsonNode projects = JSON.readTree("[{\"path\": \".\", \"facts\": {\"mainCandidates\": [\"cmd/x\", \"web\"]}}]");
        assertEquals(List.of("--main", "web", "--project", "."), RealWorldRunner.selector(site, projects, r));
        assertEquals(List.of("--project", "web"), RealWorldRunner.selector(site, JSON.readTree("[{\"path\": \"web\"}]"), r));
    }

    @Test
    void ratiosCountOnlyScoredFieldsAndEveryFinal() throws Exception {
        CaseRun r = new CaseRun(sample("python/sample/site"));
        r.fields = List.of(new FieldScore("port", null, "80", Verdict.UNSCORED), new FieldScore("start", "a", "a", Verdict.RIGHT),
                new FieldScore("kind", "worker", "server", Verdict.WRONG));
        for (String stage : RealWorldRunner.FINALS) {
            CaseRun.FinalRun f = new CaseRun.FinalRun(stage);
            f.status = stage.equals("scratch") ? "refused-right" : stage.equals("alpine") ? "ok" : "violations";
            if (stage.equals("distroless")) {
                f.problems.add("ShellCheck: RUN 2: warning: Double quote to prevent globbing [SC2086]");
            }
            r.finals.put(stage, f);
        }
        CaseRun skipped = new CaseRun(sample("go/sample/api"));
        skipped.skipped = "no snapshot";
        RealWorldReport report = new RealWorldReport(List.of(r, skipped), List.of(), null, false);
        assertEquals(new RealWorldReport.Ratio(0, 0), report.fieldRatios(false).get("port"));
        assertEquals(new RealWorldReport.Ratio(1, 1), report.fieldRatios(false).get("start"));
        assertEquals(new RealWorldReport.Ratio(0, 1), report.fieldRatios(false).get("kind"));
        assertEquals(new RealWorldReport.Ratio(2, 3), report.contractRatios().get("all"));
        assertEquals(Map.of("ShellCheck SC2086", List.of("python/sample/site (distroless)")), report.contractClasses());
        assertEquals("several projects (…); choose one with --project PATH",
                RealWorldReport.errorClass("dockergen: CASE: several projects (. (go), web (node)); choose one with --project PATH"));
        assertEquals("FILE:N: a quoted argument is never closed",
                RealWorldReport.errorClass("dockergen: CMakeLists.txt:15: a quoted argument is never closed"));
        assertTrue(report.markdown().contains("| start | 1 | 1 | 100% |"), report.markdown());
        assertTrue(report.markdown().contains("- go/sample/api: no snapshot"));
    }
}
