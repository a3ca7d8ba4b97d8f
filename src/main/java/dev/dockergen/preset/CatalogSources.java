package dev.dockergen.preset;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Where catalogues come from, in the order they are laid over each other (later wins): built-in,
 * the user's config file under the XDG config directory, DOCKERGEN_CATALOG, the project's
 * .dockergen.yaml, then --catalog flags.
 */
public final class CatalogSources {
    public static final String ENV = "DOCKERGEN_CATALOG";
    private static final Set<String> USER_KEYS = Set.of("apiVersion", "kind", "catalogs");

    private CatalogSources() {
    }

    /** The user config file: $XDG_CONFIG_HOME/dockergen/config.yaml, else ~/.config/dockergen/config.yaml. */
    public static Path userConfigFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return base.resolve("dockergen").resolve("config.yaml");
    }

    /** Every source, merged and validated. */
    public static PresetCatalog load(Map<String, String> env, ProjectConfig project, List<Path> flagCatalogs) {
        Path user = userConfigFile(env);
        String fromEnv = env.get(ENV);
        if (!Files.isRegularFile(user) && (fromEnv == null || fromEnv.isBlank()) && project.catalogs().isEmpty()
                && flagCatalogs.isEmpty()) {
            return CatalogLoader.builtIn(); // nothing laid over the built-in catalogue: the one prepared at build time
        }
        CatalogLoader loader = CatalogLoader.withBuiltIns();
        if (Files.isRegularFile(user)) {
            for (Path p : userCatalogs(user)) {
                loader.addPath(p, "user config");
            }
        }
        if (fromEnv != null) {
            for (String p : fromEnv.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    loader.addPath(Path.of(p), ENV);
                }
            }
        }
        for (Path p : project.catalogs()) {
            loader.addPath(p, ProjectConfig.FILE_NAME);
        }
        for (Path p : flagCatalogs) {
            loader.addPath(p, "--catalog");
        }
        return loader.build();
    }

    private static List<Path> userCatalogs(Path file) {
        YamlTree tree = new YamlTree();
        Node root = tree.read(file.toString(), CatalogLoader.readText(file));
        Map<String, Node> m = tree.mapping(root, null, USER_KEYS);
        String kind = tree.string(tree.required(m, root, null, "kind"), "kind");
        if (!kind.equals("UserConfig")) {
            throw tree.error(m.get("kind"), "kind", "expected UserConfig, found '" + kind + "'");
        }
        List<Path> out = new ArrayList<>();
        if (m.containsKey("catalogs")) {
            for (String c : tree.strings(m.get("catalogs"), "catalogs")) {
                out.add(file.toAbsolutePath().getParent().resolve(c).normalize());
            }
        }
        return out;
    }
}
