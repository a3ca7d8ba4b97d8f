package dev.dockergen.lang.java;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * Settings from a Spring Boot / Quarkus / Micronaut application.properties or application.yml.
 * YAML is composed to nodes only (SafeConstructor, bounded: aliases, size, depth), never to objects.
 */
final class AppConfig {
    static final List<String> FILES = List.of("application.properties", "application.yml", "application.yaml");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{[A-Za-z0-9_.-]+:([0-9]{1,5})}$");

    private AppConfig() {
    }

    /** The first of {@code keys} set in the module's configuration, as a port with its file:line. */
    static Fact<Integer> port(ProjectFiles files, String resourcesDir, List<String> keys) {
        for (String key : keys) {
            for (String name : FILES) {
                String path = resourcesDir + "/" + name;
                Optional<String> text = files.read(path);
                if (text.isEmpty()) {
                    continue;
                }
                Fact<String> raw = name.endsWith(".properties") ? property(text.get(), path, key) : yaml(text.get(), path, key);
                if (raw != null) {
                    Integer port = port(raw.value());
                    if (port != null) {
                        return Fact.of(port, raw.source());
                    }
                }
            }
        }
        return null;
    }

    /**
     * Spring Boot's server.port where the module's own files do not set it: the profile file of the active profile
     * ({@code spring.profiles.active} in application.*, first profile: application-PROFILE.*), else a Spring Cloud
     * Config server of the same build serving a native folder ({@code spring.cloud.config.server.native.search-locations:
     * classpath:/X} in a module's configuration): X/NAME.yml for the module's {@code spring.application.name}, then
     * X/application.yml.
     */
    static Fact<Integer> springPort(ProjectFiles files, String resourcesDir, List<String> modules, String key) {
        List<String> own = new java.util.ArrayList<>(FILES);
        own.addAll(List.of("bootstrap.properties", "bootstrap.yml", "bootstrap.yaml"));
        Fact<String> profile = first(files, resourcesDir, FILES, "spring.profiles.active");
        if (profile != null) {
            String p = profile.value().split(",")[0].strip();
            if (p.matches("[A-Za-z0-9_-]{1,40}")) {
                Fact<Integer> set = port(files, resourcesDir, key, List.of("application-" + p + ".properties",
                        "application-" + p + ".yml", "application-" + p + ".yaml"));
                if (set != null) {
                    return set;
                }
            }
        }
        Fact<String> name = first(files, resourcesDir, own, "spring.application.name");
        if (name == null || !name.value().matches("[A-Za-z0-9_.-]{1,80}")) {
            return null;
        }
        for (String module : modules) {
            String resources = (module.isEmpty() ? "" : module + "/") + "src/main/resources";
            Fact<String> locations;
            try {
                locations = first(files, resources, own, "spring.cloud.config.server.native.search-locations");
            } catch (dev.dockergen.detect.ProjectInputException e) {
                continue; // another module's broken file is that module's problem
            }
            if (locations == null) {
                continue;
            }
            for (String location : locations.value().split(",")) {
                String l = location.strip();
                if (!l.startsWith("classpath:")) {
                    continue;
                }
                String folder = l.substring("classpath:".length()).replaceAll("^/+|/+$", "");
                if (folder.contains("..") || folder.contains("{") || folder.contains("*")) {
                    continue;
                }
                String dir = folder.isEmpty() ? resources : resources + "/" + folder;
                Fact<Integer> set;
                try {
                    set = port(files, dir, key, List.of(name.value() + ".yml", name.value() + ".yaml",
                            name.value() + ".properties", "application.yml", "application.yaml", "application.properties"));
                } catch (dev.dockergen.detect.ProjectInputException e) {
                    continue;
                }
                if (set != null) {
                    return set;
                }
            }
        }
        return null;
    }

    private static Fact<String> first(ProjectFiles files, String dir, List<String> names, String key) {
        for (String name : names) {
            String path = dir + "/" + name;
            Optional<String> text = files.read(path);
            if (text.isPresent()) {
                Fact<String> f = name.endsWith(".properties") ? property(text.get(), path, key) : yaml(text.get(), path, key);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private static Fact<Integer> port(ProjectFiles files, String dir, String key, List<String> names) {
        Fact<String> raw = first(files, dir, names, key);
        Integer port = raw == null ? null : port(raw.value());
        return port == null ? null : Fact.of(port, raw.source());
    }

    private static Integer port(String raw) {
        String v = raw.strip();
        Matcher m = PLACEHOLDER.matcher(v);
        if (m.matches()) {
            v = m.group(1);
        }
        if (!v.matches("[0-9]{1,5}")) {
            return null;
        }
        int p = Integer.parseInt(v);
        return p >= 1 && p <= 65535 ? p : null;
    }

    static Fact<String> property(String text, String path, String key) {
        String[] lines = text.split("\n", -1);
        Fact<String> found = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = indexOfSeparator(line);
            if (eq > 0 && line.substring(0, eq).strip().equals(key)) {
                found = Fact.of(line.substring(eq + 1).strip(), path, i + 1); // the last one wins, as in java.util.Properties
            }
        }
        return found;
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    static Fact<String> yaml(String text, String path, String key) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1 << 20);
        options.setNestingDepthLimit(40);
        options.setAllowDuplicateKeys(true);
        Yaml yaml = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options);
        try {
            for (Node document : yaml.composeAll(new StringReader(text))) {
                Fact<String> f = find(document, key.split("\\."), 0, path);
                if (f != null) {
                    return f;
                }
            }
            return null;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new ProjectInputException(Source.of(path, mark == null ? 0 : mark.getLine() + 1),
                    "not valid YAML (" + (e.getProblem() == null ? "malformed" : e.getProblem().replaceAll("\\s+", " ")) + ")");
        } catch (YAMLException e) {
            throw new ProjectInputException(Source.of(path), "not valid YAML (" + e.getMessage().replaceAll("\\s+", " ") + ")");
        }
    }

    /** Nested keys (server: port:) and dotted keys (server.port:) both count. */
    private static Fact<String> find(Node node, String[] parts, int from, String path) {
        if (!(node instanceof MappingNode map)) {
            return null;
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                continue;
            }
            String[] keyParts = k.getValue().split("\\.");
            if (from + keyParts.length > parts.length) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < keyParts.length && match; i++) {
                match = keyParts[i].equals(parts[from + i]);
            }
            if (!match) {
                continue;
            }
            int next = from + keyParts.length;
            if (next == parts.length) {
                if (t.getValueNode() instanceof ScalarNode v) {
                    return Fact.of(v.getValue(), path, v.getStartMark().getLine() + 1);
                }
                return null;
            }
            Fact<String> f = find(t.getValueNode(), parts, next, path);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
