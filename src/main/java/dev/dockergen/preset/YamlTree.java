package dev.dockergen.preset;

import java.io.StringReader;
import java.util.ArrayList;
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
 * Strict, position-aware access to a YAML document: every error names file:line:column and the key.
 * Parsing uses SafeConstructor limits (no duplicate keys, few aliases, bounded size and depth).
 */
final class YamlTree {
    static final int MAX_CODE_POINTS = 1 << 20;

    private final String file;

    private YamlTree(String file) {
        this.file = file;
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

    static YamlTree in(String file) {
        return new YamlTree(file);
    }

    String where(Node node) {
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
