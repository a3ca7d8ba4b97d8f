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
        assertEquals("24 @ package.json:3", fact(detect("package.json", "{\"engines\": {\n  \"npm\": \">=10\",\n  \"node\": \">=20\"\n}}",
                "index.js", "").languageVersion()), "the line inside engines that names node");
        assertEquals("20 @ package.json:1", fact(detect("package.json", "{\"engines\": {\"node\": \"^18 || ^20\"}}",
                "index.js", "").languageVersion()));
        assertNull(detect("package.json", "{}", ".nvmrc", "lts/*\n", "index.js", "").languageVersion(),
                "an alias means the default");
    }

    @Test
    void startCommandFromNodeScriptMainOrWellKnownFile() {
        assertEquals(List.of("node", "--enable-source-maps", "dist/main.js"), detect("package.json",
                "{\"scripts\": {\"start\": \"node --enable-source-maps dist/main.js\"}}").start());
        assertEquals(List.of("node", "lib/app.js"), detect("package.json", "{\"main\": \"./lib/app.js\"}", "lib/app.js", "")
                .start());
        assertEquals(List.of("node", "src/index.js"), detect("package.json", "{\"main\": \"index.js\"}", "src/index.js", "")
                .start(), "a main that is not there is not the entry");
        assertEquals(List.of("node", "bin/www", "--production"), detect("package.json", "{\"scripts\": {\"start\": "
                + "\"yarn serve\", \"serve\": \"NODE_ENV=production node ./bin/www --production\"}}", "bin/www", "").start(),
                "run X followed, env prefix off, extensionless entry and arguments kept");
        assertEquals(List.of("node", "dist/server.js"), detect("package.json", "{\"scripts\": {\"start\": "
                + "\"npm run build && cross-env PORT=8080 node dist/server.js\", \"build\": \"tsc\"}}").start(),
                "a compound script: the last command starts");
        assertEquals(List.of("node", "node_modules/fastify-cli/cli.js", "start", "-l", "info", "app.js"), detect("package.json",
                "{\"scripts\": {\"start\": \"fastify start -l info app.js\"}, \"dependencies\": {\"fastify\": \"5\", "
                + "\"fastify-cli\": \"7\"}}", "app.js", "").start());
        assertEquals(List.of("node", "web.js"), detect("package.json", "{\"scripts\": {\"start\": \"nodemon\"}}",
                "Procfile", "web: node web.js\n", "web.js", "").start(), "a Procfile web line");
        assertEquals(List.of("node", "server.js"), detect("package.json", "{\"scripts\": {\"start\": \"nodemon\"}}",
                "server.js", "").start());
        assertNull(detect("package.json", "{\"scripts\": {\"start\": \"nodemon\"}}").start());
        assertTrue(warnings.get(warnings.size() - 1).message().startsWith("the start script (nodemon) does not end in"),
                "never claims a start script that is there is missing");
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
        assertNull(detect("package.json", "{\"devDependencies\": {\"express\": \"4\"}}", "index.js", "").framework(),
                "a devDependency is not the framework");
        assertEquals("hapi", detect("package.json", "{\"dependencies\": {\"@hapi/hapi\": \"21\"}}", "index.js", "")
                .framework().value());
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
        assertEquals("4000 @ src/env.js:2", fact(detect("package.json", "{}", "index.js", "", "test/app.test.js",
                "app.listen(9999);\n", "e2e/setup.js", "app.listen(9998);\n", "healthcheck.js", "const port = 8081;\n",
                "src/env.js", "module.exports = Joi.object({\n  PORT: Joi.number().default(4000),\n});\n").port()),
                "tests, e2e suites and health-check clients are not the program");
        assertEquals("4100 @ src/env.js:1", fact(detect("package.json", "{}", "index.js", "",
                "src/env.js", "const env = cleanEnv(process.env, { PORT: port({ default: 4100 }) });\n").port()));
        assertEquals("3300 @ config/default.yml:3", fact(detect("package.json", "{}", "index.js", "",
                "config/default.yml", "server:\n  host: 0.0.0.0\n  port: 3300\n").port()));
        assertEquals("3001 @ server/config.js:1", fact(detect("package.json", "{}", "index.js", "",
                "config/playwright.config.js", "const port = 30001;\n",
                "server/config.js", "const port = [args.port, process.env.APP_PORT, process.env.PORT, 3001].find(p => !!p);\n")
                .port()), "a list of fallbacks ending in a number; a test runner's config is not the program");
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
                "{\"scripts\": {\"start\": \"node a.js x\\\"]\\nRUN id\"}}"));
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

    @Test
    void aWorkspaceRootWithItsOwnFrameworkAppIsTheApp() {
        ProjectFacts p = detect("package.json", "{\"scripts\": {\"build\": \"nuxt build\"},\n\"devDependencies\": {\"nuxt\": \"3.15.4\"}}",
                "pnpm-workspace.yaml", "packages:\n  - proxy\n", "pnpm-lock.yaml", "", "nuxt.config.ts", "export default {}\n",
                "proxy/package.json", "{\"devDependencies\": {\"nitropack\": \"2.10.4\"}}");
        assertEquals("nuxt", p.framework().value());
        assertEquals(List.of("node", ".output/server/index.mjs"), p.start());
        assertEquals(3000, p.port().value());
        assertEquals(".output", node(p).artefact());
    }

    @Test
    void aWorkspaceRootWithOnlyAHoistedToolIsNoApp() {
        Map<String, String> files = new TreeMap<>(Map.of("package.json",
                "{\"workspaces\": [\"apps/*\"], \"scripts\": {\"build\": \"turbo build\"}, \"devDependencies\": {\"vite\": \"6.1.0\"}}",
                "apps/web/package.json", "{\"scripts\": {\"build\": \"vite build\"}}"));
        assertTrue(new NodeDetector().detect(new MemoryProjectFiles("repo", files), DetectOptions.DEFAULT, warnings).isEmpty());
    }

    @Test
    void aBinaryBunLockfileIsTheLockfileAndIsNotReadAsText(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("package.json"), "{\"scripts\": {\"start\": \"node server.js\"}}");
        java.nio.file.Files.writeString(dir.resolve("server.js"), "require('http').createServer().listen(3000);\n");
        java.nio.file.Files.write(dir.resolve("bun.lockb"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
        ProjectFacts p = new NodeDetector().detect(new dev.dockergen.detect.DirectoryProjectFiles(dir, "repo"),
                DetectOptions.DEFAULT, warnings).orElseThrow();
        assertEquals("bun.lockb", node(p).lockfile());
        assertNull(node(p).nativeAddon());
    }

    @Test
    void anInstallScriptWithPrebuiltLinuxPackagesCompilesNothing() {
        String helper = "\"dependencies\": {\"node-gyp-build\": \"4.8.4\"}";
        String lock = "{\"lockfileVersion\": 3, \"packages\": {\"\": {},\n"
                + "\"node_modules/watcher\": {\"hasInstallScript\": true, " + helper + ",\n"
                + "\"optionalDependencies\": {\"watcher-linux-x64-glibc\": \"2.5.1\", \"watcher-darwin-arm64\": \"2.5.1\"}},\n"
                + "\"node_modules/sqlite\": {\"hasInstallScript\": true, " + helper + "}}}";
        ProjectFacts p = detect("package.json", "{\"scripts\": {\"start\": \"node server.js\"}}", "server.js", "",
                "package-lock.json", lock);
        assertEquals("sqlite @ package-lock.json:4", fact(node(p).nativeAddon()));
        p = detect("package.json", "{\"scripts\": {\"start\": \"node server.js\"}}", "server.js", "",
                "package-lock.json", lock.replaceFirst(",\n\"node_modules/sqlite.*}}}$", "}}"));
        assertNull(node(p).nativeAddon());
    }

    @Test
    void aStaticSiteBuiltBesideAnotherLanguagesAppIsThatAppsFrontend() {
        // a Vite build a Go program embeds: the Go app is the project; --project . still chooses the site
        Map<String, String> files = new TreeMap<>(Map.of("package.json",
                "{\"scripts\": {\"build\": \"vite build\"}, \"devDependencies\": {\"vite\": \"6.1.0\"}}",
                "index.html", "<div id=app></div>", "go.mod", "module example.com/paste\n\ngo 1.23\n"));
        assertTrue(new NodeDetector().detect(new MemoryProjectFiles("repo", files), DetectOptions.DEFAULT, warnings).isEmpty());
        assertEquals("vite", new NodeDetector().detect(new MemoryProjectFiles("repo", files), new DetectOptions(".", null),
                warnings).orElseThrow().framework().value());
        files.remove("go.mod");
        assertEquals("vite", detect(files.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new)).framework().value());
    }

    @Test
    void aPackageJsonThatOnlyBuildsAssetsBesideAnotherLanguagesAppIsNoApp() {
        Map<String, String> files = new TreeMap<>(Map.of("package.json",
                "{\"scripts\": {\"build\": \"rollup -c\"}, \"devDependencies\": {\"rollup\": \"4.34.6\"}}",
                "pyproject.toml", "[project]\nname = \"shelf\"\n", "manage.py", ""));
        assertTrue(new NodeDetector().detect(new MemoryProjectFiles("repo", files), DetectOptions.DEFAULT, warnings).isEmpty());
        assertTrue(warnings.isEmpty(), warnings.toString());
        // without the other manifest it stays a Node project, with the warning that says how to start it
        files.remove("pyproject.toml");
        files.remove("manage.py");
        assertTrue(new NodeDetector().detect(new MemoryProjectFiles("repo", files), DetectOptions.DEFAULT, warnings).isPresent());
    }

    @Test
    void remixServeRunsTheServerBuildThroughItsOwnCommand() {
        ProjectFacts p = detect("package.json", "{\"scripts\": {\"build\": \"remix vite:build\",\n"
                + "\"start\": \"remix-serve ./build/server/index.js\"},\n\"dependencies\": {\"@remix-run/serve\": \"2.15.3\"},\n"
                + "\"devDependencies\": {\"vite\": \"6.1.0\"}}");
        assertEquals("remix", p.framework().value());
        assertEquals(List.of("node", "node_modules/.bin/remix-serve", "build/server/index.js"), p.start());
        assertEquals(3000, p.port().value());
    }

    @Test
    void svelteKitOnAPlatformAdapterSaysWhichAdapterToUse() {
        ProjectFacts p = detect("package.json", "{\"scripts\": {\"build\": \"vite build\"},\n"
                + "\"devDependencies\": {\"@sveltejs/kit\": \"2.17.1\", \"@sveltejs/adapter-vercel\": \"5.6.0\"}}",
                "svelte.config.js", "import adapter from '@sveltejs/adapter-vercel';\n", "pnpm-lock.yaml", "");
        assertEquals("sveltekit", p.framework().value());
        assertNull(p.start());
        assertTrue(warnings.stream().anyMatch(w -> w.toString().startsWith("package.json: SvelteKit builds with "
                + "@sveltejs/adapter-vercel (svelte.config.js:1)")), warnings.toString());
    }

    @Test
    void aHostFromTheEnvironmentThatDefaultsToLoopbackIsSetToEveryInterface() {
        ProjectFacts p = detect("package.json", "{\"scripts\": {\"start\": \"node app.js\"}, \"dependencies\": {\"express\": \"4.21.2\"}}",
                "package-lock.json", "{}",
                "app.js", "const host = process.env.HOST || 'localhost';\napp.listen(3000, host);\n");
        assertEquals(Map.of("HOST", "0.0.0.0"), node(p).startEnv());
        assertTrue(warnings.stream().anyMatch(w -> w.message().contains("loopback (localhost) by default")), warnings.toString());
    }

    @Test
    void envFileLoadersAreTakenOffTheStartScript() {
        ProjectFacts p = detect("package.json", "{\"scripts\": {\"start\": \"env-cmd -f .env node server.js\"}}",
                "package-lock.json", "{}", "server.js", "");
        assertEquals(List.of("node", "server.js"), p.start());
    }
}
