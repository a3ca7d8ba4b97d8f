package dev.dockergen.preset;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Strict, position-aware access to YAML documents: every error names file:line:column and the key.
 * Parsing uses SafeConstructor limits (no duplicate keys, few aliases, bounded size and depth).
 * One tree may hold nodes of several files (a preset merged over the one it extends): each node
 * remembers the file it was read from.
 */
final class YamlTree {
    static final int MAX_CODE_POINTS = 1 << 20;
    private static final java.util.regex.Pattern LABEL_KEY = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final Map<Node, String> files = new IdentityHashMap<>();

    /** Parses a document and remembers that its nodes come from {@code file}. */
    Node read(String file, String text) {
        Node root = parse(file, text);
        register(root, file);
        return root;
    }

    private void register(Node node, String file) {
        if (files.putIfAbsent(node, file) != null) {
            return; // an alias: already seen
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                register(t.getKeyNode(), file);
                register(t.getValueNode(), file);
            }
        } else if (node instanceof SequenceNode s) {
            s.getValue().forEach(child -> register(child, file));
        }
    }

    /**
     * The child mapping laid over the parent: keys of both, the child's value winning; where both
     * values are mappings they are merged the same way. Lists and scalars are replaced whole.
     */
    Node overlay(Node parent, Node child) {
        if (!(parent instanceof MappingNode p) || !(child instanceof MappingNode c)) {
            return child;
        }
        Map<String, NodeTuple> merged = new LinkedHashMap<>();
        for (NodeTuple t : p.getValue()) {
            merged.put(keyOf(t), t);
        }
        for (NodeTuple t : c.getValue()) {
            NodeTuple earlier = merged.get(keyOf(t));
            merged.put(keyOf(t), earlier == null ? t
                    : new NodeTuple(t.getKeyNode(), overlay(earlier.getValueNode(), t.getValueNode())));
        }
        MappingNode out = new MappingNode(c.getTag(), true, new ArrayList<>(merged.values()), c.getStartMark(),
                c.getEndMark(), c.getFlowStyle());
        files.put(out, files.get(c));
        return out;
    }

    private static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(System.identityHashCode(t));
    }

    static Node parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_CODE_POINTS);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            Node node = yaml.compose(new StringReader(text));
            if (node == null) {
                throw new CatalogException(file + ": the file is empty; a catalogue starts with `apiVersion: dockergen/v1`");
            }
            return node;
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? file : file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            throw new CatalogException(where + ": invalid YAML: " + oneLine(e.getProblem()), e);
        } catch (YAMLException e) {
            throw new CatalogException(file + ": invalid YAML: " + oneLine(e.getMessage()), e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "syntax error" : s.replaceAll("\\s+", " ").strip();
    }

    String where(Node node) {
        String file = files.getOrDefault(node, "?");
        Mark m = node.getStartMark();
        return m == null ? file : file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }

    CatalogException error(Node node, String key, String message) {
        return new CatalogException(where(node) + ": " + (key == null ? "" : key + ": ") + message);
    }

    /** A mapping's entries by key, rejecting keys outside {@code allowed}. */
    Map<String, Node> mapping(Node node, String key, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, key, "expected a mapping (key: value lines), found " + describe(node));
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node k = tuple.getKeyNode();
            if (!(k instanceof ScalarNode scalar)) {
                throw error(k, key, "keys must be plain words");
            }
            String name = scalar.getValue();
            if (out.containsKey(name)) {
                throw error(k, qualify(key, name), "duplicate key (first at " + where(findKey(mapping, name)) + "); keep one");
            }
            if (!allowed.contains(name)) {
                throw error(k, qualify(key, name), "unknown key; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
            }
            out.put(name, tuple.getValueNode());
        }
        return out;
    }

    private static Node findKey(MappingNode mapping, String name) {
        return mapping.getValue().stream().map(NodeTuple::getKeyNode)
                .filter(k -> k instanceof ScalarNode s && s.getValue().equals(name)).findFirst().orElseThrow();
    }

    /** The plain string under {@code key} of a mapping, or null: for naming a node before checking it. */
    static String peek(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
                        && t.getValueNode() instanceof ScalarNode v && !v.getTag().equals(Tag.NULL)) {
                    return v.getValue();
                }
            }
        }
        return null;
    }

    /** A mapping's entries, each key a plain string matching {@code keys} ({@code rule} says what is allowed). */
    List<NodeTuple> entries(Node node, String at, java.util.regex.Pattern keys, String rule) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, at, "expected a mapping of " + rule);
        }
        for (NodeTuple t : mapping.getValue()) {
            String key = string(t.getKeyNode(), at);
            if (!keys.matcher(key).matches()) {
                throw error(t.getKeyNode(), at, "'" + key + "' is not allowed here; keys are " + rule);
            }
        }
        return mapping.getValue();
    }

    /** Image labels: label names (a-z, 0-9, '.', '_', '-') to string values; empty for a missing node. */
    Map<String, String> labels(Node node, String at) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node != null) {
            for (NodeTuple t : entries(node, at, LABEL_KEY, "label names (a-z, 0-9, '.', '_', '-') with values")) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                labels.put(key, string(t.getValueNode(), at + "." + key));
            }
        }
        return labels;
    }

    static String qualify(String parent, String key) {
        return parent == null ? key : parent + "." + key;
    }

    Node required(Map<String, Node> map, Node owner, String parent, String key) {
        Node n = map.get(key);
        if (n == null) {
            throw error(owner, qualify(parent, key), "required key is missing");
        }
        return n;
    }

    String string(Node node, String key) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            throw error(node, key, "expected a string, found " + describe(node));
        }
        String v = scalar.getValue();
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw error(node, key, "control characters (such as line breaks) are not allowed in this value");
            }
        }
        return v;
    }

    boolean bool(Node node, String key) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        throw error(node, key, "expected true or false, found " + describe(node));
    }

    int integer(Node node, String key, int min, int max) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                int v = Integer.parseInt(scalar.getValue());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error(node, key, "expected a whole number from " + min + " to " + max + ", found " + describe(node));
    }

    List<Node> sequence(Node node, String key) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, key, "expected a list, found " + describe(node));
        }
        return new ArrayList<>(seq.getValue());
    }

    List<String> strings(Node node, String key) {
        List<String> out = new ArrayList<>();
        for (Node item : sequence(node, key)) {
            out.add(string(item, key));
        }
        return out;
    }

    static String describe(Node node) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            return s.getTag().equals(Tag.NULL) ? "nothing" : "'" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }
}
