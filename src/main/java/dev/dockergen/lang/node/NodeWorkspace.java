package dev.dockergen.lang.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.TextLines;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node workspace (npm, Yarn, pnpm or bun) seen from one of its members: where its root is, which file declares
 * the members, every member's manifest (the dependency layer copies them all), and the members this app needs.
 *
 * @param root the workspace root, relative to the repository ("." for the repository root)
 * @param member this member's directory relative to the workspace root ("apps/api")
 * @param declaredIn the file and line that lists the members (package.json "workspaces" or pnpm-workspace.yaml)
 * @param members every member's directory relative to the workspace root, sorted
 * @param needed the members this app depends on, dependencies before dependants, then the app itself
 * @param names package names by member directory (for filters such as pnpm --filter)
 * @param builds the members among {@code needed} that have a build script
 */
public record NodeWorkspace(String root, String member, Fact<String> declaredIn, List<String> members,
                            List<String> needed, Map<String, String> names, Set<String> builds) {
    private static final Pattern SAFE_NAME = Pattern.compile("(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*");
    private static final Pattern SAFE_DIR = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Pattern YAML_ITEM = Pattern.compile("^\\s*-\\s*['\"]?([^'\"#]+?)['\"]?\\s*(#.*)?$");
    /** How deep member globs are searched for package.json files. */
    private static final int DEPTH = 5;
    /** More members than this is not a workspace a Dockerfile should list one by one. */
    private static final int MAX_MEMBERS = 500;

    public NodeWorkspace {
        members = List.copyOf(members);
        needed = List.copyOf(needed);
        names = Map.copyOf(names);
        builds = Set.copyOf(builds);
    }

    /** Path of a member-relative file from the workspace root. */
    public String inRoot(String memberPath) {
        return ProjectFiles.join(member, memberPath);
    }

    /** The way up from the member to the workspace root ("../../"), for sources in the root. */
    public String up() {
        return ProjectFiles.up(member) + "/";
    }

    /**
     * The folders builds write that a program may read, relative to it: its own Vite output ({@code own}, or null),
     * then each other member's whose build script runs {@code vite build} ("../client/dist" from a server member
     * that serves the client's build).
     */
    static List<String> siblingSites(ProjectFiles top, NodeWorkspace ws, String own) {
        List<String> out = new ArrayList<>();
        if (own != null) {
            out.add(own);
        }
        if (ws != null) {
            for (String m : ws.members()) {
                ProjectFiles member = top.sub(m);
                String build = NodeDetector.parse(ProjectFiles.join(m, "package.json"), member.read("package.json").orElse("{}"))
                        .path("scripts").path("build").asText("");
                if (!m.equals(ws.member()) && NodeOutputs.runsViteBuild(member, build)) {
                    out.add(ProjectFiles.up(ws.member()) + "/" + ProjectFiles.join(m, NodeOutputs.viteOutDir(member)));
                }
            }
        }
        return out;
    }

    /**
     * The sibling members' build outputs a program reads ({@code runtimeFiles} that leave the member: "../client/dist"),
     * as {member, output folder from the workspace root, where it is read}: {"client", "client/dist", "src/index.js:33"}.
     */
    public List<String[]> servedSites(List<Fact<String>> runtimeFiles) {
        List<String[]> out = new ArrayList<>();
        for (Fact<String> f : runtimeFiles) {
            String path = NodeRuntimeFiles.normal(ProjectFiles.join(member, f.value()));
            if (f.value().startsWith("../") && path != null) {
                members.stream().filter(m -> path.startsWith(m + "/")).findFirst()
                        .ifPresent(m -> out.add(new String[] {m, path, f.source().toString()}));
            }
        }
        return out;
    }

    /** The member globs a directory declares, with their source; empty when it is no workspace root. */
    static Optional<Fact<List<String>>> declared(ProjectFiles repo, String dir, JsonNode pkg, String pkgText) {
        Optional<String> pnpm = repo.read(ProjectFiles.join(dir, "pnpm-workspace.yaml"));
        if (pnpm.isPresent()) {
            List<String> globs = new ArrayList<>();
            int line = 0;
            int at = 0;
            boolean inPackages = false;
            for (String l : pnpm.get().split("\n", -1)) {
                line++;
                if (!l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("-")) {
                    inPackages = l.startsWith("packages:");
                    if (inPackages) {
                        at = line;
                    }
                    continue;
                }
                Matcher m = YAML_ITEM.matcher(l);
                if (inPackages && m.matches()) {
                    globs.add(m.group(1).strip());
                }
            }
            if (!globs.isEmpty()) {
                return Optional.of(Fact.of(globs, Source.of(ProjectFiles.join(dir, "pnpm-workspace.yaml"), at)));
            }
        }
        if (pkg == null) {
            return Optional.empty();
        }
        JsonNode ws = pkg.path("workspaces");
        if (ws.isObject()) {
            ws = ws.path("packages");
        }
        if (!ws.isArray() || ws.isEmpty()) {
            return Optional.empty();
        }
        List<String> globs = new ArrayList<>();
        ws.forEach(g -> {
            if (g.isTextual()) {
                globs.add(g.asText());
            }
        });
        int line = lineOf(pkgText, "\"workspaces\"");
        return Optional.of(Fact.of(globs, Source.of(ProjectFiles.join(dir, "package.json"), line)));
    }

    static int lineOf(String text, String needle) {
        return TextLines.lineOf(text, needle);
    }

    /**
     * The workspace that {@code location} (a directory of the repository) belongs to as a member, looking at each
     * ancestor from the nearest; empty when none lists it.
     */
    static Optional<NodeWorkspace> of(ProjectFiles repo, String location, JsonNode memberPkg) {
        if (location.isEmpty()) {
            return Optional.empty();
        }
        String dir = location;
        while (!dir.isEmpty()) {
            dir = ProjectFiles.parent(dir);
            String pkgPath = ProjectFiles.join(dir, "package.json");
            Optional<String> text = repo.read(pkgPath);
            if (text.isEmpty()) {
                continue;
            }
            JsonNode pkg = NodeDetector.parse(pkgPath, text.get());
            Optional<Fact<List<String>>> globs = declared(repo, dir, pkg, text.get());
            if (globs.isEmpty()) {
                continue;
            }
            String member = dir.isEmpty() ? location : location.substring(dir.length() + 1);
            List<String> members = members(repo, dir, globs.get().value());
            if (!members.contains(member)) {
                continue; // a package.json inside a workspace that the workspace does not list
            }
            Map<String, String> names = new TreeMap<>();
            Map<String, JsonNode> pkgs = new TreeMap<>();
            for (String m : members) {
                String path = ProjectFiles.join(ProjectFiles.join(dir, m), "package.json");
                JsonNode p = m.equals(member) ? memberPkg : NodeDetector.parse(path, repo.read(path).orElse("{}"));
                pkgs.put(m, p);
                String name = p.path("name").asText("");
                if (!name.isEmpty()) {
                    if (!SAFE_NAME.matcher(name).matches()) {
                        throw new ProjectInputException(Source.of(path, lineOf(repo.read(path).orElse(""), "\"name\"")),
                                "the package name '" + Source.of(name) + "' is not a valid npm name; use lower-case letters, digits, "
                                        + "'.', '_', '-' and an optional @scope/");
                    }
                    names.put(m, name);
                }
            }
            List<String> needed = needed(member, names, pkgs);
            Set<String> builds = new LinkedHashSet<>();
            for (String m : needed) {
                if (pkgs.get(m).path("scripts").path("build").isTextual()) {
                    builds.add(m);
                }
            }
            Source declared = globs.get().source();
            String up = ProjectFiles.up(member) + "/";
            return Optional.of(new NodeWorkspace(dir.isEmpty() ? "." : dir, member,
                    Fact.of(String.join(", ", globs.get().value()),
                            Source.of(up + ProjectFiles.fileName(declared.file()), declared.line())),
                    members, needed, names, builds));
        }
        return Optional.empty();
    }

    /** True when an ancestor of {@code location} is a workspace root. */
    static boolean insideOne(ProjectFiles repo, String location) {
        String dir = location;
        while (!dir.isEmpty()) {
            dir = ProjectFiles.parent(dir);
            String pkgPath = ProjectFiles.join(dir, "package.json");
            Optional<String> text = repo.read(pkgPath);
            if (text.isPresent() && declared(repo, dir, NodeDetector.parse(pkgPath, text.get()), text.get()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Member directories (relative to the workspace root) whose package.json the globs select. */
    static List<String> members(ProjectFiles repo, String dir, List<String> globs) {
        List<PathMatcher> include = new ArrayList<>();
        List<PathMatcher> exclude = new ArrayList<>();
        for (String glob : globs) {
            boolean negated = glob.startsWith("!");
            String g = glob.replaceFirst("^!", "").replaceFirst("^\\./", "").replaceAll("/+$", "");
            if (g.isEmpty() || g.contains("..")) {
                continue;
            }
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
            (negated ? exclude : include).add(m);
        }
        String prefix = dir.isEmpty() ? "" : dir + "/";
        List<String> found = new ArrayList<>();
        for (String file : repo.walk(dir, DEPTH, NodeDetector.SKIPPED)) {
            if (!ProjectFiles.fileName(file).equals("package.json") || !file.startsWith(prefix)) {
                continue;
            }
            String memberDir = ProjectFiles.parent(file.substring(prefix.length()));
            if (memberDir.isEmpty() || !SAFE_DIR.matcher(memberDir).matches()) {
                continue;
            }
            Path p = Path.of(memberDir);
            if (include.stream().anyMatch(m -> m.matches(p)) && exclude.stream().noneMatch(m -> m.matches(p))) {
                found.add(memberDir);
            }
        }
        if (found.size() > MAX_MEMBERS) {
            throw new ProjectInputException(Source.of(ProjectFiles.join(dir, "package.json")), "the workspace has "
                    + found.size() + " members, more than " + MAX_MEMBERS + "; generate from a smaller workspace");
        }
        return found.stream().sorted().toList();
    }

    /** The members {@code member} depends on through the workspace, dependencies first, then the member. */
    private static List<String> needed(String member, Map<String, String> names, Map<String, JsonNode> pkgs) {
        Map<String, String> byName = new LinkedHashMap<>();
        names.forEach((dir, name) -> byName.put(name, dir));
        List<String> order = new ArrayList<>();
        visit(member, byName, pkgs, order, new LinkedHashSet<>());
        return order;
    }

    private static void visit(String dir, Map<String, String> byName, Map<String, JsonNode> pkgs, List<String> order,
                              Set<String> seen) {
        if (!seen.add(dir)) {
            return; // visited, or a cycle: each member is listed once
        }
        for (String field : List.of("dependencies", "optionalDependencies")) {
            Iterator<String> it = pkgs.get(dir).path(field).fieldNames();
            List<String> deps = new ArrayList<>();
            it.forEachRemaining(deps::add);
            deps.sort(null);
            for (String dep : deps) {
                String depDir = byName.get(dep);
                if (depDir != null) {
                    visit(depDir, byName, pkgs, order, seen);
                }
            }
        }
        order.add(dir);
    }
}
