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
                            String start, dev.dockergen.detect.Language language) {
    public static final String FILE_NAME = ".dockergen.yaml";
    public static final ProjectConfig NONE = new ProjectConfig(null, null, null, null, null, null, List.of(), Map.of(),
            List.of(), null, null);
    /** Every key .dockergen.yaml may hold: docs/presets.md §3 lists each (DocumentedKeysTest). */
    static final Set<String> KEYS = Set.of("apiVersion", "kind", "preset", "final", "port", "main", "languageVersion",
            "args", "start", "labels", "catalogs", "language");

    public ProjectConfig {
        args = List.copyOf(args);
        labels = Map.copyOf(labels);
        catalogs = List.copyOf(catalogs);
    }

    /**
     * The nearest .dockergen.yaml at or above {@code dir}, or {@link #NONE}; the files in the folders above that
     * one lend it their catalogues and labels (see {@link #inheriting}).
     */
    public static ProjectConfig find(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path candidate = d.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                ProjectConfig own = read(candidate);
                return d.getParent() == null ? own : own.inheriting(find(d.getParent()));
            }
        }
        return NONE;
    }

    /**
     * The choices of the monorepo member in {@code memberDir}: its own .dockergen.yaml (in its folder), with the
     * catalogues and labels of {@code repository}, the file of the folder the command was given. The repository's
     * other keys (preset, port, start…) are its root project's and never apply to a member.
     */
    public static ProjectConfig member(ProjectConfig repository, Path memberDir) {
        Path own = memberDir.resolve(FILE_NAME);
        ProjectConfig config = Files.isRegularFile(own) ? read(own)
                : new ProjectConfig(null, null, null, null, null, null, List.of(), Map.of(), List.of(), null, null);
        return config.inheriting(repository);
    }

    /**
     * Only what this file lends every project (catalogues and labels): its other keys choose for a project of
     * another language in the same folder, not for the one being generated.
     */
    public ProjectConfig onlyShared() {
        return new ProjectConfig(file, null, null, null, null, null, List.of(), labels, catalogs, null, language);
    }

    /**
     * This file's choices with the catalogues and labels of a file further up: its catalogues load first (so this
     * file's replace its presets), and a label set here wins over one set there.
     */
    ProjectConfig inheriting(ProjectConfig above) {
        if (above.catalogs().isEmpty() && above.labels().isEmpty()) {
            return this;
        }
        Map<String, String> allLabels = new java.util.LinkedHashMap<>(above.labels());
        allLabels.putAll(labels);
        List<Path> allCatalogs = new ArrayList<>(above.catalogs());
        catalogs.stream().filter(c -> !allCatalogs.contains(c)).forEach(allCatalogs::add);
        return new ProjectConfig(file, preset, finalStage, port, main, languageVersion, args, allLabels, allCatalogs, start,
                language);
    }

    /**
     * The text of {@code file} with the choices of a re-run written in: each value given on the command line (or
     * answered at a prompt) that the file does not hold yet replaces the file's, so {@code check} agrees with the
     * files written. Other keys, comments and the order stay as they are. Null when the file already says it all.
     *
     * @param preset the preset used, written when a preset or final stage was given
     * @param changed receives the keys written or removed
     */
    public static String updated(Path file, String preset, Choices given, List<String> changed) {
        String text = CatalogLoader.readText(file);
        ProjectConfig own = read(file);
        Map<String, String> set = new java.util.LinkedHashMap<>(); // key -> "key: value\n", or "" to remove it
        boolean presetGiven = given.preset() != null || given.finalStage() != null;
        if (presetGiven && (!preset.equals(own.preset()) || own.finalStage() != null)) {
            set.put("preset", "preset: " + preset + "\n");
            set.put("final", "");
        }
        if (given.language() != null && given.language() != own.language()) {
            set.put("language", "language: " + given.language().id() + "\n");
        }
        if (given.port() != null && !given.port().equals(own.port())) {
            set.put("port", "port: " + given.port() + "\n");
        }
        if (given.main() != null && !given.main().equals(own.main())) {
            set.put("main", "main: " + quote(given.main()) + "\n");
        }
        if (given.languageVersion() != null && !given.languageVersion().equals(own.languageVersion())) {
            set.put("languageVersion", "languageVersion: " + quote(given.languageVersion()) + "\n");
        }
        if (given.start() != null && !given.start().equals(own.start())) {
            set.put("start", "start: " + quote(given.start()) + "\n");
            set.put("args", "");
        } else if (given.start() == null && !given.args().isEmpty() && !given.args().equals(own.args())) {
            set.put("args", "args: [" + String.join(", ", given.args().stream().map(ProjectConfig::quote).toList()) + "]\n");
            set.put("start", "");
        }
        Map<String, String> labels = new java.util.LinkedHashMap<>(own.labels());
        labels.putAll(given.labels());
        if (!labels.equals(own.labels())) {
            StringBuilder b = new StringBuilder("labels:\n");
            labels.forEach((k, v) -> b.append("  ").append(quote(k)).append(": ").append(quote(v)).append('\n'));
            set.put("labels", b.toString());
        }
        List<Path> catalogs = new ArrayList<>(own.catalogs());
        given.catalogs().stream().map(c -> c.toAbsolutePath().normalize()).filter(c -> !catalogs.contains(c))
                .forEach(catalogs::add);
        if (!catalogs.equals(own.catalogs())) {
            StringBuilder b = new StringBuilder("catalogs:\n");
            Path dir = file.toAbsolutePath().getParent();
            catalogs.forEach(c -> b.append("  - ").append(quote(dir.relativize(c).toString())).append('\n'));
            set.put("catalogs", b.toString());
        }
        return edit(file.toString(), text, set, changed);
    }

    /** {@code text} with each top-level key of {@code set} replaced by its text (removed when empty, added when new). */
    private static String edit(String label, String text, Map<String, String> set, List<String> changed) {
        Node root = YamlTree.parse(label, text);
        if (!(root instanceof org.yaml.snakeyaml.nodes.MappingNode mapping)
                || mapping.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
            throw new CatalogException(label + ": not a block mapping; write one key per line to let init update it");
        }
        // each key's text runs from the start of its line to the end of its value's last line
        record Span(String key, int start, int end) {
        }
        List<Span> spans = new ArrayList<>();
        for (org.yaml.snakeyaml.nodes.NodeTuple t : mapping.getValue()) {
            String key = ((org.yaml.snakeyaml.nodes.ScalarNode) t.getKeyNode()).getValue();
            int start = t.getKeyNode().getStartMark().getIndex();
            int lineStart = text.lastIndexOf('\n', start - 1) + 1;
            int end = t.getValueNode().getEndMark().getIndex();
            if (end > 0 && text.charAt(end - 1) != '\n') {
                int nl = text.indexOf('\n', end);
                end = nl < 0 ? text.length() : nl + 1;
            }
            spans.add(new Span(key, lineStart, end));
        }
        StringBuilder out = new StringBuilder(text);
        Map<String, String> toAdd = new java.util.LinkedHashMap<>(set);
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span s = spans.get(i);
            if (set.containsKey(s.key())) {
                String now = set.get(s.key());
                if (!out.substring(s.start(), s.end()).equals(now)) {
                    out.replace(s.start(), s.end(), now);
                    changed.add(0, s.key());
                }
                toAdd.remove(s.key());
            }
        }
        toAdd.forEach((k, v) -> {
            if (!v.isEmpty()) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                out.append(v);
                changed.add(k);
            }
        });
        return changed.isEmpty() ? null : out.toString();
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
        if (given.language() != null) {
            b.append("language: ").append(given.language().id()).append('\n');
        }
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
        dev.dockergen.detect.Language language = null;
        if (m.containsKey("language")) {
            String l = tree.string(m.get("language"), "language");
            language = dev.dockergen.detect.Language.fromId(l).orElseThrow(() -> tree.error(m.get("language"), "language",
                    "unknown language '" + l + "'; use one of " + dev.dockergen.detect.Language.ids()));
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
        return new ProjectConfig(file, preset, fin, port, main, version, args, labels, catalogs, start, language);
    }
}
