package dev.dockergen.realworld;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One case of the real-world corpus (realworld/README.md): a repository, a pinned commit, the app's folder and
 * the truth read from the repository. Scalars stay the strings they were written as ({@code version: 3.10} is
 * "3.10", not 3.1); a null or absent truth field is not scored.
 *
 * @param file the YAML file and line the case starts on, for messages ("realworld/go.yaml:12")
 * @param truth the truth fields by name: String, List of String, or null
 * @param theirs the maintainers' Dockerfile (path, expose, cmd, optional context), or null
 */
public record RealWorldCase(
        String id,
        String repo,
        String commit,
        String dir,
        String project,
        Map<String, Object> truth,
        Map<String, Object> theirs,
        String notes,
        String file) {

    /** A corpus file that cannot be used: the message names file:line and what to do. */
    public static final class BadCaseFile extends Exception {
        public BadCaseFile(String message) {
            super(message);
        }
    }

    public String truthString(String field) {
        Object v = truth.get(field);
        return v instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    public List<String> truthList(String field) {
        Object v = truth.get(field);
        if (v instanceof List<?> l) {
            return (List<String>) l;
        }
        return v instanceof String s ? List.of(s) : null;
    }

    public boolean truthFlag(String field) {
        return "true".equalsIgnoreCase(truthString(field));
    }

    public String language() {
        String l = truthString("language");
        return l == null ? "" : l.toLowerCase(java.util.Locale.ROOT);
    }

    /** "owner+name", the folder a snapshot of the repository has under DIR-OF-GIT-SNAPSHOTS. */
    public String snapshotName() {
        return repo.replace('/', '+');
    }

    /** Reads every case of one corpus file; a malformed file or case is one message naming file:line. */
    public static List<RealWorldCase> load(Path file) throws IOException, BadCaseFile {
        Node root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            root = new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new BadCaseFile(file + ":" + (m == null ? 1 : m.getLine() + 1) + ": not valid YAML ("
                    + e.getProblem() + "); fix the file");
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof MappingNode top) || !(value(top, "cases") instanceof SequenceNode cases)) {
            throw new BadCaseFile(at(file, root) + ": the file must hold a top-level `cases:` list (realworld/README.md)");
        }
        List<RealWorldCase> out = new ArrayList<>();
        for (Node n : cases.getValue()) {
            if (!(n instanceof MappingNode m)) {
                throw new BadCaseFile(at(file, n) + ": each case must be a mapping with id, repo, commit, dir, truth");
            }
            Map<String, Object> c;
            try {
                c = toMap(m);
            } catch (DuplicateKey e) {
                throw new BadCaseFile(at(file, e.key) + ": duplicate key " + ((ScalarNode) e.key).getValue() + "; keep one");
            }
            String id = required(file, m, c, "id");
            String repo = required(file, m, c, "repo");
            String commit = required(file, m, c, "commit");
            String dir = c.get("dir") instanceof String d ? d : ".";
            if (!repo.matches("[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                throw new BadCaseFile(at(file, m) + ": case " + id + ": repo must be owner/name, not " + repo);
            }
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.+/-]*") || id.contains("..")) {
                throw new BadCaseFile(at(file, m) + ": case id " + id + " may hold only letters, digits and . _ + - /");
            }
            if (dir.startsWith("/") || List.of(dir.split("/")).contains("..")) {
                throw new BadCaseFile(at(file, m) + ": case " + id + ": dir must be a folder inside the repository");
            }
            if (!(c.get("truth") instanceof Map<?, ?> truth) || !(truth.get("language") instanceof String)) {
                throw new BadCaseFile(at(file, m) + ": case " + id + " needs truth.language");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) truth;
            @SuppressWarnings("unchecked")
            Map<String, Object> theirs = c.get("theirs") instanceof Map<?, ?> th ? (Map<String, Object>) th : null;
            String project = c.get("project") instanceof String p ? p : null;
            String notes = c.get("notes") instanceof String s ? s : null;
            out.add(new RealWorldCase(id, repo, commit, dir, project, t, theirs, notes, at(file, m)));
        }
        return out;
    }

    private static String required(Path file, MappingNode m, Map<String, Object> c, String key) throws BadCaseFile {
        if (c.get(key) instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        throw new BadCaseFile(at(file, m) + ": a case needs `" + key + "` (realworld/README.md)");
    }

    private static String at(Path file, Node n) {
        return file + ":" + (n.getStartMark().getLine() + 1);
    }

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static final class DuplicateKey extends RuntimeException {
        final transient Node key;

        DuplicateKey(Node key) {
            super(null, null, false, false);
            this.key = key;
        }
    }

    private static Map<String, Object> toMap(MappingNode m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                if (out.containsKey(k.getValue())) {
                    throw new DuplicateKey(k);
                }
                out.put(k.getValue(), plain(t.getValueNode()));
            }
        }
        return out;
    }

    /** Scalars as written (null for null, ~ and an empty plain scalar), sequences as lists, mappings as maps. */
    private static Object plain(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            boolean quoted = s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
            return !quoted && (v.isEmpty() || v.equals("~") || v.equalsIgnoreCase("null")) ? null : v;
        }
        if (n instanceof SequenceNode seq) {
            List<Object> l = new ArrayList<>();
            seq.getValue().forEach(x -> l.add(plain(x)));
            return l;
        }
        return toMap((MappingNode) n);
    }
}
