package dev.dockergen.preset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A project's own choices, from {@code .dockergen.yaml} ({@code kind: ProjectConfig}) in the project
 * directory or the nearest directory above it. Flags override every value.
 *
 * @param file the file read, or null when there is none
 * @param catalogs organisation catalogues the project uses, resolved against the file's directory
 * @param start the whole start command, as typed (shell-like words), or null
 */
public record ProjectConfig(Path file, String preset, FinalStage finalStage, Integer port, String main,
                            String languageVersion, List<String> args, Map<String, String> labels, List<Path> catalogs,
                            String start) {
    public static final String FILE_NAME = ".dockergen.yaml";
    public static final ProjectConfig NONE = new ProjectConfig(null, null, null, null, null, null, List.of(), Map.of(),
            List.of(), null);
    private static final Set<String> KEYS = Set.of("apiVersion", "kind", "preset", "final", "port", "main", "languageVersion",
            "args", "start", "labels", "catalogs");

    public ProjectConfig {
        args = List.copyOf(args);
        labels = Map.copyOf(labels);
        catalogs = List.copyOf(catalogs);
    }

    /** The nearest .dockergen.yaml at or above {@code dir}, or {@link #NONE}. */
    public static ProjectConfig find(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path candidate = d.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return read(candidate);
            }
        }
        return NONE;
    }

    static ProjectConfig read(Path file) {
        String label = file.toString();
        YamlTree tree = new YamlTree();
        Node root = tree.read(label, CatalogLoader.readText(file));
        Map<String, Node> m = tree.mapping(root, null, KEYS);
        String api = tree.string(tree.required(m, root, null, "apiVersion"), "apiVersion");
        if (!api.equals(CatalogLoader.API_VERSION)) {
            throw tree.error(m.get("apiVersion"), "apiVersion", "unsupported version '" + api + "'; use " + CatalogLoader.API_VERSION);
        }
        String kind = tree.string(tree.required(m, root, null, "kind"), "kind");
        if (!kind.equals("ProjectConfig")) {
            throw tree.error(m.get("kind"), "kind", "expected ProjectConfig in " + FILE_NAME + ", found '" + kind + "'");
        }
        String preset = m.containsKey("preset") ? tree.string(m.get("preset"), "preset") : null;
        FinalStage fin = null;
        if (m.containsKey("final")) {
            String f = tree.string(m.get("final"), "final");
            fin = FinalStage.fromId(f).orElseThrow(() -> tree.error(m.get("final"), "final",
                    "unknown final stage '" + f + "'; use scratch, alpine or distroless"));
        }
        Integer port = m.containsKey("port") ? tree.integer(m.get("port"), "port", 1, 65535) : null;
        String main = m.containsKey("main") ? tree.string(m.get("main"), "main") : null;
        String version = m.containsKey("languageVersion") ? tree.string(m.get("languageVersion"), "languageVersion") : null;
        List<String> args = m.containsKey("args") ? tree.strings(m.get("args"), "args") : List.of();
        String start = m.containsKey("start") ? tree.string(m.get("start"), "start") : null;
        if (start != null) {
            try {
                if (dev.dockergen.ShellWords.split(start).isEmpty()) {
                    throw tree.error(m.get("start"), "start", "empty; give the whole command, or drop the key");
                }
            } catch (IllegalArgumentException e) {
                throw tree.error(m.get("start"), "start", e.getMessage());
            }
            if (!args.isEmpty()) {
                throw tree.error(m.get("args"), "args", "start already holds the whole command; put the arguments there");
            }
        }
        Map<String, String> labels = tree.labels(m.get("labels"), "labels");
        List<Path> catalogs = new ArrayList<>();
        if (m.containsKey("catalogs")) {
            for (String c : tree.strings(m.get("catalogs"), "catalogs")) {
                catalogs.add(file.toAbsolutePath().getParent().resolve(c).normalize());
            }
        }
        return new ProjectConfig(file, preset, fin, port, main, version, args, labels, catalogs, start);
    }
}
