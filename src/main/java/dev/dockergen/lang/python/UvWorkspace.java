package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonDetector.SKIPPED;
import static dev.dockergen.lang.python.PythonDetector.isSafePath;
import static dev.dockergen.lang.python.PythonDetector.lineOf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.ProjectFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A uv workspace a project is a member of.
 *
 * @param root the workspace root, relative to the repository
 * @param member the project's directory relative to the root
 * @param members every member's directory relative to the root
 * @param lockfile the workspace's uv.lock, or null
 * @param line the line of [tool.uv.workspace] in the root's pyproject.toml
 */
record UvWorkspace(String root, String member, List<String> members, String lockfile, int line) {
    /** The uv workspace the project in {@code files} is a member of (found from the repository), or null. */
    static UvWorkspace of(ProjectFiles files) {
        String base = files.location();
        if (base.isEmpty()) {
            return null;
        }
        ProjectFiles repo = files.repository();
        String dir = base;
        while (!dir.isEmpty()) {
            dir = ProjectFiles.parent(dir);
            String manifest = ProjectFiles.join(dir, "pyproject.toml");
            if (!repo.isFile(manifest)) {
                continue;
            }
            TomlFile root = TomlFile.read(repo, manifest, manifest);
            JsonNode ws = root.tree().path("tool").path("uv").path("workspace");
            if (ws.isMissingNode()) {
                continue;
            }
            String member = dir.isEmpty() ? base : base.substring(dir.length() + 1);
            List<Pattern> include = globs(ws.path("members"));
            List<Pattern> exclude = globs(ws.path("exclude"));
            if (include.stream().noneMatch(p -> p.matcher(member).matches())
                    || exclude.stream().anyMatch(p -> p.matcher(member).matches())) {
                return null;
            }
            ProjectFiles wsFiles = repo.sub(dir);
            List<String> members = new ArrayList<>();
            for (String f : wsFiles.walk("", 4, SKIPPED)) {
                if (f.endsWith("/pyproject.toml")) {
                    String m = ProjectFiles.parent(f);
                    if (include.stream().anyMatch(p -> p.matcher(m).matches())
                            && exclude.stream().noneMatch(p -> p.matcher(m).matches()) && isSafePath(m)) {
                        members.add(m);
                    }
                }
            }
            String lock = wsFiles.isFile("uv.lock") ? "uv.lock" : null;
            return new UvWorkspace(dir, member, members, lock, root.text().contains("[tool.uv.workspace]")
                    ? lineOf(root.text(), "[tool.uv.workspace]") : 0);
        }
        return null;
    }

    private static List<Pattern> globs(JsonNode list) {
        List<Pattern> out = new ArrayList<>();
        for (JsonNode g : list) {
            StringBuilder re = new StringBuilder();
            String glob = g.asText().replaceAll("/+$", "");
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else if (c == '*') {
                    re.append("[^/]*");
                } else if (c == '?') {
                    re.append("[^/]");
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            out.add(Pattern.compile(re.toString()));
        }
        return out;
    }
}
