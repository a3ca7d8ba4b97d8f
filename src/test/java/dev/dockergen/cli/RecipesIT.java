package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.Dockergen;
import dev.dockergen.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The pre-commit hooks (.pre-commit-hooks.yaml and the local form in docs/ide.md) and the CI workflow of docs/ide.md,
 * run as pre-commit and the CI runner run them, with the dockergen of the distribution archive. After package.
 */
class RecipesIT {
    private static final String BAD = "FROM node:latest\nCMD node server.js\n";

    @TempDir
    Path tmp;

    private record Run(int code, String out) {
    }

    private static Path archive() {
        return Path.of(System.getProperty("dockergen.dist", "target/dockergen-" + Dockergen.version() + ".tar.gz"))
                .toAbsolutePath();
    }

    private static String yamlBlock(String containing) throws IOException {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("docs", "ide.md")));
        while (m.find()) {
            if (m.group(1).contains(containing)) {
                return m.group(1);
            }
        }
        throw new AssertionError("docs/ide.md has no yaml block with " + containing);
    }

    private Run sh(Path dir, String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    /** dockergen installed from the archive as the README says; the environment that has it on PATH. */
    private Map<String, String> installed() throws IOException, InterruptedException {
        Path opt = Files.createDirectories(tmp.resolve("opt"));
        Run r = sh(opt, "tar -xzf '" + archive() + "' && mkdir -p ../bin && ln -s \"$PWD\"/dockergen-*/bin/dockergen ../bin/", Map.of());
        assertEquals(0, r.code(), r.out());
        return Map.of("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"), "JAVA_HOME", System.getProperty("java.home"));
    }

    private Path project() throws IOException {
        return Fixtures.copyTree(Path.of("examples", "go-hello"), tmp.resolve("repo"));
    }

    private static List<String> files(Path repo) throws IOException {
        try (Stream<Path> walk = Files.walk(repo)) {
            return walk.filter(Files::isRegularFile).map(p -> repo.relativize(p).toString()).sorted().toList();
        }
    }

    /** What pre-commit runs for a hook: its entry, then the files it selects unless pass_filenames is false. */
    private static String command(Map<String, Object> hook, List<String> files) {
        List<String> words = new ArrayList<>(List.of(hook.get("entry").toString()));
        if (!Boolean.FALSE.equals(hook.get("pass_filenames"))) {
            Pattern include = Pattern.compile(String.valueOf(hook.getOrDefault("files", "")));
            Pattern exclude = Pattern.compile(String.valueOf(hook.getOrDefault("exclude", "^$")));
            files.stream().filter(f -> include.matcher(f).find() && !exclude.matcher(f).find()).forEach(words::add);
        }
        return String.join(" ", words);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePreCommitHooksRunAsPreCommitRunsThem() throws IOException, InterruptedException {
        List<Map<String, Object>> hooks = new Yaml().load(Files.readString(Path.of(".pre-commit-hooks.yaml")));
        Map<String, Object> local = new Yaml().load(yamlBlock("repo: local"));
        List<Map<String, Object>> documented = (List<Map<String, Object>>) ((List<Map<String, Object>>) local.get("repos"))
                .get(0).get("hooks");
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        hooks.forEach(h -> byId.put(h.get("id").toString(), h));
        assertEquals(List.of("dockergen-check", "dockergen-audit"), List.copyOf(byId.keySet()));
        for (Map<String, Object> d : documented) {
            Map<String, Object> defined = new LinkedHashMap<>(byId.get(d.get("id").toString()));
            defined.remove("description");
            assertEquals(defined, d, "docs/ide.md declares the hook as .pre-commit-hooks.yaml does");
        }

        Map<String, String> env = installed();
        Path repo = project();
        Run init = sh(repo, "dockergen init --yes --no-save .", env);
        assertEquals(0, init.code(), init.out());
        Files.createDirectories(repo.resolve("deploy"));
        Files.writeString(repo.resolve("deploy/worker.Dockerfile"), BAD);
        Files.writeString(repo.resolve("deploy/worker.Dockerfile.dockerignore"), "*\n");

        String audit = command(byId.get("dockergen-audit"), files(repo));
        assertEquals("dockergen audit Dockerfile deploy/worker.Dockerfile", audit);
        Run bad = sh(repo, audit, env);
        assertEquals(6, bad.code(), bad.out());
        assertTrue(bad.out().contains("deploy/worker.Dockerfile:1:1: "), bad.out());
        Files.delete(repo.resolve("deploy/worker.Dockerfile"));
        Run clean = sh(repo, command(byId.get("dockergen-audit"), files(repo)), env);
        assertEquals(0, clean.code(), "what init wrote audits clean: " + clean.out());

        String check = command(byId.get("dockergen-check"), files(repo));
        assertEquals("dockergen check", check);
        Run same = sh(repo, check, env);
        assertEquals(0, same.code(), same.out());
        Files.writeString(repo.resolve("Dockerfile"), Files.readString(repo.resolve("Dockerfile")) + "EXPOSE 9999\n");
        Run drift = sh(repo, check, env);
        assertEquals(6, drift.code(), drift.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCiWorkflowChecksAuditsAndWritesSarifForCodeScanning() throws IOException, InterruptedException {
        Map<String, Object> workflow = new Yaml().load(yamlBlock("jobs:"));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) jobs.values().iterator().next())
                .get("steps");
        Path repo = project();
        Map<String, String> env = installed();
        assertEquals(0, sh(repo, "dockergen init --yes --no-save .", env).code());

        // the runner: no dockergen on PATH until the install step adds it through $GITHUB_PATH
        Path githubPath = Files.writeString(tmp.resolve("github_path"), "");
        Path runnerTemp = Files.createDirectories(tmp.resolve("runner"));
        List<String> ran = new ArrayList<>();
        for (Map<String, Object> step : steps) {
            if (!step.containsKey("run")) {
                continue;
            }
            Map<String, String> stepEnv = new LinkedHashMap<>();
            String added = String.join(":", Files.readAllLines(githubPath));
            stepEnv.put("PATH", (added.isEmpty() ? "" : added + ":") + System.getenv("PATH"));
            stepEnv.put("JAVA_HOME", System.getProperty("java.home"));
            stepEnv.put("RUNNER_TEMP", runnerTemp.toString());
            stepEnv.put("GITHUB_PATH", githubPath.toString());
            Map<String, Object> declared = (Map<String, Object>) step.getOrDefault("env", Map.of());
            declared.forEach((k, v) -> stepEnv.put(k, v.toString().equals("${{ vars.DOCKERGEN_ARCHIVE }}")
                    ? archive().toUri().toString() : v.toString()));
            Run r = sh(repo, step.get("run").toString(), stepEnv);
            assertEquals(0, r.code(), step.get("name") + ": " + r.out());
            ran.add(step.get("name").toString());
        }
        assertEquals(List.of("Install dockergen", "dockergen check", "dockergen audit"), ran);
        assertTrue(Files.readString(githubPath).startsWith(runnerTemp.resolve("dockergen/bin").toString()));

        Map<String, Object> upload = steps.get(steps.size() - 1);
        assertTrue(upload.get("uses").toString().startsWith("github/codeql-action/upload-sarif@"), upload.toString());
        String sarifFile = ((Map<String, Object>) upload.get("with")).get("sarif_file").toString();
        JsonNode sarif = new ObjectMapper().readTree(repo.resolve(sarifFile).toFile());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertEquals("dockergen", sarif.get("runs").get(0).get("tool").get("driver").get("name").asText());
        for (JsonNode result : sarif.get("runs").get(0).get("results")) {
            assertEquals("note", result.get("level").asText(), "what init wrote has no warnings: " + result);
        }
    }
}
