package dev.dockergen.lang.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.ExitCode;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.MemoryProjectFiles;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NodeDetectorTest {
    private final List<Warning> warnings = new ArrayList<>();

    private ProjectFacts detect(String... pathThenText) {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < pathThenText.length; i += 2) {
            files.put(pathThenText[i], pathThenText[i + 1]);
        }
        return new NodeDetector().detect(new MemoryProjectFiles("repo", files), DetectOptions.DEFAULT, warnings).orElseThrow();
    }

    private static NodeDetails node(ProjectFacts p) {
        return (NodeDetails) p.details();
    }

    private static String fact(Fact<?> f) {
        return f == null ? null : f.value() + " @ " + f.source();
    }

    @Test
    void packageManagerComesFromPackageManagerFieldThenLockfile() {
        assertEquals("pnpm @ package.json:2", fact(node(detect("package.json", "{\"name\": \"a\",\n\"packageManager\": \"pnpm@9.15.9\"}",
                "index.js", "")).packageManager()));
        assertEquals("yarn @ yarn.lock", fact(node(detect("package.json", "{}", "yarn.lock", "# yarn lockfile v1\n",
                "index.js", "")).packageManager()));
        assertEquals("yarn-berry", node(detect("package.json", "{}", "yarn.lock", "__metadata:\n  version: 8\n",
                "index.js", "")).packageManager().value());
        assertEquals("npm", node(detect("package.json", "{}", "index.js", "")).packageManager().value());
        assertTrue(warnings.stream().anyMatch(w -> w.message().startsWith("no lockfile, so installs are not reproducible")));
    }

    @Test
    void twoLockfilesAreAWarningThatNamesBothAndTheChoice() {
        ProjectFacts p = detect("package.json", "{}", "package-lock.json", "{}", "yarn.lock", "", "index.js", "");
        assertEquals("yarn", node(p).packageManager().value());
        assertEquals("yarn.lock: lockfiles of several package managers (yarn.lock, package-lock.json); using yarn; "
                + "delete the others", warnings.get(0).toString());
    }

    @Test
    void versionFromNvmrcNodeVersionVoltaOrEngines() {
        assertEquals("20 @ .nvmrc:1", fact(detect("package.json", "{}", ".nvmrc", "v20.11.1\n", "index.js", "").languageVersion()));
        assertEquals("18 @ .node-version:1", fact(detect("package.json", "{}", ".node-version", "18\n", "index.js", "").languageVersion()));
        assertEquals("22 @ package.json:1", fact(detect("package.json", "{\"volta\": {\"node\": \"22.3.0\"}}", "index.js", "")
                .languageVersion()));
        assertEquals("24 @ package.json:1", fact(detect("package.json", "{\"engines\": {\"node\": \">=20\"}}", "index.js", "")
                .languageVersion()), "an open range gets the current LTS");
        assertEquals("20 @ package.json:1", fact(detect("package.json", "{\"engines\": {\"node\": \"^18 || ^20\"}}",
                "index.js", "").languageVersion()));
        assertNull(detect("package.json", "{}", ".nvmrc", "lts/*\n", "index.js", "").languageVersion(),
                "an alias means the default");
    }

    @Test
    void startCommandFromNodeScriptMainOrWellKnownFile() {
        assertEquals(List.of("node", "--enable-source-maps", "dist/main.js"), detect("package.json",
                "{\"scripts\": {\"start\": \"node --enable-source-maps dist/main.js\"}}").start());
        assertEquals(List.of("node", "lib/app.js"), detect("package.json", "{\"main\": \"./lib/app.js\"}").start());
        assertEquals(List.of("node", "server.js"), detect("package.json", "{\"scripts\": {\"start\": \"nodemon\"}}",
                "server.js", "").start());
        assertNull(detect("package.json", "{\"scripts\": {\"start\": \"nodemon\"}}").start());
        assertTrue(warnings.get(warnings.size() - 1).message().startsWith("no way to start the program found"));
    }

    @Test
    void frameworksAndKinds() {
        assertEquals("next", node(detect("package.json", "{\"dependencies\": {\"next\": \"15\"}}", "next.config.mjs",
                "export default { output: 'standalone' };\n")).kind().value());
        assertTrue(node(detect("package.json", "{\"dependencies\": {\"next\": \"15\"}}", "next.config.mjs",
                "export default { output: 'standalone' };\n")).nextStandalone());
        ProjectFacts spa = detect("package.json", "{\"scripts\": {\"build\": \"react-scripts build\"}, "
                + "\"dependencies\": {\"react-scripts\": \"5\"}}");
        assertEquals("spa", node(spa).kind().value());
        assertEquals("build", node(spa).staticDir());
        assertEquals("create-react-app", spa.framework().value());
        assertNull(spa.start());
        ProjectFacts nest = detect("package.json", "{\"dependencies\": {\"@nestjs/core\": \"10\"}}", "tsconfig.json", "{}");
        assertEquals(List.of("node", "dist/main.js"), nest.start());
        assertEquals("3000 @ package.json:1", fact(nest.port()), "Nest's default port");
    }

    @Test
    void portsFromListenCallsAndEnvironmentDefaults() {
        assertEquals("8081 @ app.js:2", fact(detect("package.json", "{}", "app.js", "const app = x();\napp.listen(8081);\n").port()));
        assertEquals("5173 @ src/main.ts:1", fact(detect("package.json", "{}", "index.js", "",
                "src/main.ts", "const port = process.env.PORT ?? 5173;\n").port()));
        assertEquals("7000 @ s.js:1", fact(detect("package.json", "{}", "index.js", "",
                "s.js", "server.listen({ port: 7000, host: '0.0.0.0' })\n").port()));
    }

    @Test
    void healthRoutesAreFoundButNotInComments() {
        assertEquals("/readyz @ src/app.js:3", fact(node(detect("package.json", "{}", "index.js", "",
                "src/app.js", "// app.get('/healthz', ok)\nconst r = x();\nr.get(\"/readyz\", ok);\n")).healthPath()));
        assertNull(node(detect("package.json", "{}", "index.js", "app.get('/users', ok);\n")).healthPath());
    }

    @Test
    void malformedPackageJsonIsExitSevenWithTheLine() {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect("package.json",
                "{\n  \"name\": \"a\",\n  \"scripts\": {\n}\n"));
        assertEquals(ExitCode.BAD_PROJECT, e.exitCode());
        assertTrue(e.getMessage().startsWith("package.json:5: not valid JSON"), e.getMessage());
    }

    @Test
    void aHostileStartScriptCannotReachTheDockerfile() {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect("package.json",
                "{\"main\": \"a.js\\\"]\\nRUN id\"}"));
        assertTrue(e.getMessage().contains("which a Dockerfile cannot carry safely"), e.getMessage());
    }

    @Test
    void angularStaticFilesComeFromAngularJsonAndSsrStartsItsServer() {
        String pkg = "{\"scripts\": {\"build\": \"ng build\"},\n\"dependencies\": {\"@angular/core\": \"20.3.9\"}}";
        String app = "{\"projects\": {\"shop\": {\"projectType\": \"application\", \"architect\": {\"build\": {\n"
                + "\"builder\": \"@angular/build:application\",\n\"options\": {\n\"outputPath\": \"./dist/shop/\"}}}}}}";
        ProjectFacts spa = detect("package.json", pkg, "angular.json", app);
        assertEquals("angular", spa.framework().value());
        assertEquals("dist/shop/browser", node(spa).staticDir());
        assertEquals("dist/shop/site", node(detect("package.json", pkg, "angular.json",
                app.replace("\"./dist/shop/\"", "{\"base\": \"dist/shop\", \"browser\": \"site\"}"))).staticDir());
        assertEquals("dist/shop", node(detect("package.json", pkg, "angular.json",
                app.replace("@angular/build:application", "@angular-devkit/build-angular:browser"))).staticDir(),
                "the older browser builder writes straight into outputPath");
        assertEquals("dist/shop/browser", node(detect("package.json", pkg, "angular.json",
                app.replace(",\n\"options\": {\n\"outputPath\": \"./dist/shop/\"}", ""))).staticDir(), "default: dist/<project>");
        ProjectFacts ssr = detect("package.json", pkg.replace("}}", ", \"@angular/ssr\": \"20.3.8\"}}"), "angular.json", app,
                "src/server.ts", "const port = process.env['PORT'] || 4000;\n");
        assertEquals("[node, dist/shop/server/server.mjs] @ angular.json:4",
                ssr.start() + " @ " + node(ssr).startCommand().source());
        assertEquals("4000 @ src/server.ts:1", fact(ssr.port()));
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect("package.json", pkg,
                "angular.json", app.replace("./dist/shop/", "dist/$(id)")));
        assertEquals("angular.json:4", e.source().toString());
    }

    @Test
    void bunIsTheManagerFromItsLockfileAndABunStartScriptIsWarnedAbout() {
        ProjectFacts p = detect("package.json", "{\"scripts\": {\"start\": \"bun run server.js\"}}", "bun.lock", "{}",
                "server.js", "");
        assertEquals("bun @ bun.lock", fact(node(p).packageManager()));
        assertTrue(warnings.stream().anyMatch(w -> w.message().startsWith("the start script runs bun; the image runs the "
                + "program with node (server.js)")), warnings.toString());
    }
}
