package dev.dockergen.preset;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
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
    /** Every key .dockergen.yaml may hold: docs/presets.md §3 lists each (DocumentedKeysTest). */
    static final Set<String> KEYS = Set.of("apiVersion", "kind", "preset", "final", "port", "main", "languageVersion",
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

    /**
     * The .dockergen.yaml that makes a re-run without flags give the same files: the preset chosen, then every
     * value given on the command line.
     */
    /** @param dir the folder the file is written to: catalogue paths are stored relative to it */
    public static String text(String preset, Choices given, Path dir) {
        StringBuilder b = new StringBuilder("# Choices `dockergen init` made for this project: a re-run without flags reproduces\n"
                + "# them. Edit freely; flags still win. Keys: docs/presets.md.\n"
                + "apiVersion: " + CatalogLoader.API_VERSION + "\nkind: ProjectConfig\npreset: " + preset + "\n");
        if (given.port() != null) {
            b.append("port: ").append(given.port()).append('\n');
        }
        if (given.main() != null) {
            b.append("main: ").append(quote(given.main())).append('\n');
        }
        if (given.languageVersion() != null) {
            b.append("languageVersion: ").append(quote(given.languageVersion())).append('\n');
        }
        if (given.start() != null) {
            b.append("start: ").append(quote(given.start())).append('\n');
        }
        if (!given.args().isEmpty()) {
            b.append("args: [").append(String.join(", ", given.args().stream().map(ProjectConfig::quote).toList())).append("]\n");
        }
        if (!given.labels().isEmpty()) {
            b.append("labels:\n");
            given.labels().forEach((k, v) -> b.append("  ").append(quote(k)).append(": ").append(quote(v)).append('\n'));
        }
        for (Path c : given.catalogs()) {
            b.append(b.indexOf("catalogs:") < 0 ? "catalogs:\n" : "").append("  - ")
                    // relative to the file, so the committed file works in every clone and in CI
                    .append(quote(dir.toAbsolutePath().normalize().relativize(c.toAbsolutePath().normalize()).toString()))
                    .append('\n');
        }
        return b.toString();
    }

    /** A JSON string literal, which YAML reads as a double-quoted string. */
    private static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
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
