package dev.dockergen.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockergen.lang.Languages;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A root that is an app of its own is not a monorepo of its examples and docs. */
class DemonstrationFoldersTest {
    private static final String GO_APP = "package main\n\nimport \"net/http\"\n\n"
            + "func main() { http.ListenAndServe(\":8080\", nil) }\n";
    private static final String NODE_APP = "{\"name\": \"demo\", \"scripts\": {\"start\": \"node server.js\"}}";

    private static List<String> projects(String... pathThenText) {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < pathThenText.length; i += 2) {
            files.put(pathThenText[i], pathThenText[i + 1]);
        }
        return Languages.detectors().detect(new MemoryProjectFiles("repo", files), DetectOptions.DEFAULT).projects()
                .stream().map(p -> p.path() + " (" + p.language().id() + ")").toList();
    }

    @Test
    void examplesAndDocsBelowARootAppAreItsDemonstrations() {
        assertEquals(List.of(". (go)"), projects("go.mod", "module example.com/tool\n\ngo 1.23\n", "main.go", GO_APP,
                "examples/web/package.json", NODE_APP, "examples/web/server.js", "",
                "docs/sample/go.mod", "module example.com/sample\n\ngo 1.23\n", "docs/sample/main.go", GO_APP));
    }

    @Test
    void withoutARootAppExamplesAreMembers() {
        assertEquals(List.of("examples/api (go)", "examples/web (node)"), projects("README.md", "examples\n",
                "examples/web/package.json", NODE_APP, "examples/web/server.js", "",
                "examples/api/go.mod", "module example.com/api\n\ngo 1.23\n", "examples/api/main.go", GO_APP));
    }

    @Test
    void otherFoldersBelowARootAppStayMembers() {
        assertEquals(List.of(". (go)", "web (node)"), projects("go.mod", "module example.com/tool\n\ngo 1.23\n",
                "main.go", GO_APP, "web/package.json", NODE_APP, "web/server.js", ""));
    }
}
