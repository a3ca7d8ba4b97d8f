package dev.dockergen.preset;

import dev.dockergen.detect.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads preset catalogues (YAML, {@code kind: PresetCatalog}) in order, later ones winning, and
 * turns them into one validated {@link PresetCatalog}: load → lay presets over the ones they
 * extend → check every field → apply the organisation policy → freeze.
 */
public final class CatalogLoader {
    public static final String API_VERSION = "dockergen/v1";
    /** Built-in catalogue files, packaged from the top-level presets/ folder: one per language, named by its id. */
    public static final List<String> BUILT_IN_FILES = Arrays.stream(Language.values()).map(l -> l.id() + ".yaml").toList();
    static final long MAX_FILE_BYTES = 1 << 20;

    private static final Set<String> TOP_KEYS = Set.of("apiVersion", "kind", "metadata", "policy", "presets");
    private static final Set<String> METADATA_KEYS = Set.of("name", "description");
    private static final Set<String> POLICY_KEYS = Set.of("registryMirror", "allowedImages", "deniedImages",
            "requiredLabels", "requireDigests");
    private static final Pattern MIRROR = Pattern.compile("[a-z0-9][a-z0-9.-]*(:[0-9]{1,5})?(/[a-z0-9][a-z0-9._-]*)*");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** One parsed catalogue file: where it came from, its policy and its preset nodes. */
    private record CatalogFile(String file, Path dir, String origin, Policy policy, List<Node> presets) {
    }

    private final YamlTree tree = new YamlTree();
    private final PresetSchema schema = new PresetSchema(tree);
    private final List<CatalogFile> files = new ArrayList<>();

    /** A loader holding the catalogue shipped with dockergen; add organisation catalogues after it. */
    public static CatalogLoader withBuiltIns() {
        return of(builtInTexts());
    }

    /**
     * The built-in catalogue alone, read once per process (it is immutable): from the form prepared at build time
     * when it matches the YAML, else from the YAML ({@link PreparedCatalog}).
     */
    public static PresetCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /** The built-in catalogue files as packaged: "presets/go.yaml" → its text, in language order. */
    static Map<String, String> builtInTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : BUILT_IN_FILES) {
            String resource = "/dev/dockergen/presets/" + file;
            try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in preset file missing from the jar: " + resource);
                }
                texts.put("presets/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in presets " + resource, e);
            }
        }
        return texts;
    }

    /** A loader holding these built-in files ("presets/go.yaml" → text). */
    static CatalogLoader of(Map<String, String> builtInTexts) {
        CatalogLoader loader = new CatalogLoader();
        builtInTexts.forEach((file, text) -> loader.add(file, null, text, "built-in"));
        return loader;
    }

    /** Loaded on first use. */
    private static final class BuiltIn {
        static final PresetCatalog CATALOG = PreparedCatalog.load();
    }

    /** Adds a catalogue file, or every *.yaml/*.yml file of a directory in name order. */
    public CatalogLoader addPath(Path path, String origin) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> entries = Files.list(path)) {
                for (Path f : entries.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .filter(p -> Files.isRegularFile(p)).sorted().toList()) {
                    addPath(f, origin);
                }
            } catch (IOException e) {
                throw new CatalogException(path + ": cannot list the catalogue directory (" + e.getMessage() + ")");
            }
            return this;
        }
        return add(path.toString(), path.toAbsolutePath().getParent(), readText(path), origin);
    }

    /** Reads a YAML file dockergen depends on: at most 1 MiB, UTF-8, or a one-line error. */
    static String readText(Path path) {
        if (!Files.exists(path)) {
            throw new CatalogException(path + ": does not exist; give a catalogue file or a directory of them");
        }
        if (!Files.isRegularFile(path)) {
            throw new CatalogException(path + ": is not a file or a directory; give a catalogue file or a directory of them");
        }
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new CatalogException(path + ": file is larger than 1 MiB; a catalogue is a small YAML file");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new CatalogException(path + ": file is not valid UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new CatalogException(path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Adds one catalogue document; {@code dir} resolves relative template paths (null: none allowed). */
    public CatalogLoader add(String file, Path dir, String text, String origin) {
        Node root = tree.read(file, text);
        Map<String, Node> top = tree.mapping(root, null, TOP_KEYS);
        String api = tree.string(tree.required(top, root, null, "apiVersion"), "apiVersion");
        if (!api.equals(API_VERSION)) {
            throw tree.error(top.get("apiVersion"), "apiVersion", "unsupported version '" + api + "'; use " + API_VERSION);
        }
        String kind = tree.string(tree.required(top, root, null, "kind"), "kind");
        if (!kind.equals("PresetCatalog")) {
            throw tree.error(top.get("kind"), "kind", "expected PresetCatalog, found '" + kind + "'");
        }
        if (top.containsKey("metadata")) {
            tree.mapping(top.get("metadata"), "metadata", METADATA_KEYS);
        }
        Policy policy = top.containsKey("policy") ? policy(top.get("policy")) : Policy.NONE;
        List<Node> presets = top.containsKey("presets") ? tree.sequence(top.get("presets"), "presets") : List.of();
        files.add(new CatalogFile(file, dir, origin, policy, presets));
        return this;
    }

    private Policy policy(Node node) {
        Map<String, Node> m = tree.mapping(node, "policy", POLICY_KEYS);
        Map<String, String> sources = new LinkedHashMap<>();
        m.forEach((k, v) -> sources.put(k, tree.where(v)));
        String mirror = null;
        if (m.containsKey("registryMirror")) {
            mirror = tree.string(m.get("registryMirror"), "policy.registryMirror");
            while (mirror.endsWith("/")) {
                mirror = mirror.substring(0, mirror.length() - 1);
            }
            if (!MIRROR.matcher(mirror).matches()) {
                throw tree.error(m.get("registryMirror"), "policy.registryMirror", "'" + mirror
                        + "' is not a registry prefix; write host[:port]/path, e.g. registry.example.com/mirror");
            }
        }
        List<String> allowed = m.containsKey("allowedImages") ? tree.strings(m.get("allowedImages"), "policy.allowedImages") : List.of();
        List<String> denied = m.containsKey("deniedImages") ? tree.strings(m.get("deniedImages"), "policy.deniedImages") : List.of();
        List<String> labels = m.containsKey("requiredLabels") ? tree.strings(m.get("requiredLabels"), "policy.requiredLabels") : List.of();
        for (String label : labels) {
            if (!LABEL_KEY.matcher(label).matches()) {
                throw tree.error(m.get("requiredLabels"), "policy.requiredLabels", "'" + label
                        + "' is not a label name; use a-z, 0-9, '.', '_', '-'");
            }
        }
        boolean digests = m.containsKey("requireDigests") && tree.bool(m.get("requireDigests"), "policy.requireDigests");
        return new Policy(mirror, allowed, denied, labels, digests, sources);
    }

    /** Merges everything added so far, later files winning, and validates the result. */
    public PresetCatalog build() {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, CatalogFile> fileOf = new LinkedHashMap<>();
        Policy policy = Policy.NONE;
        for (CatalogFile f : files) {
            policy = policy.then(f.policy());
            Set<String> inThisFile = new HashSet<>();
            for (int i = 0; i < f.presets().size(); i++) {
                Node node = f.presets().get(i);
                String peeked = YamlTree.peek(node, "name");
                String at = peeked != null && PresetSchema.NAME.matcher(peeked).matches() ? "preset " + peeked : "presets[" + i + "]";
                Map<String, Node> keys = tree.mapping(node, at, PresetSchema.PRESET_KEYS);
                String name = tree.string(tree.required(keys, node, at, "name"), "presets[" + i + "].name");
                if (!PresetSchema.NAME.matcher(name).matches()) {
                    throw tree.error(keys.get("name"), "presets[" + i + "].name", "'" + name
                            + "' is not a preset name; use lower-case letters, digits and '-'");
                }
                if (!inThisFile.add(name)) {
                    throw tree.error(node, "preset " + name, "defined twice in " + f.file() + " (also at "
                            + tree.where(nodes.get(name)) + "); rename one");
                }
                nodes.put(name, node); // a later catalogue replaces a preset of the same name
                fileOf.put(name, f);
            }
        }
        List<Preset> presets = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (String name : nodes.keySet()) {
            List<String> lineage = new ArrayList<>();
            Node merged = resolve(name, nodes, lineage);
            CatalogFile f = fileOf.get(name);
            presets.add(applyPolicy(schema.preset(merged, lineage, nodes.get(name), f.origin(), n -> dirOf(n, f)), policy, refused));
        }
        return validate(presets, policy, refused);
    }

    /** The preset's node laid over the chain of presets it extends; cycles are an error. */
    private Node resolve(String name, Map<String, Node> nodes, List<String> lineage) {
        Node node = nodes.get(name);
        if (lineage.contains(name)) {
            lineage.add(name);
            throw tree.error(node, "preset " + name + ".extends", "extends itself through " + String.join(" -> ", lineage)
                    + "; break the cycle");
        }
        lineage.add(name);
        String parent = YamlTree.peek(node, "extends");
        if (parent == null) {
            return node;
        }
        if (!nodes.containsKey(parent)) {
            Node extendsNode = tree.mapping(node, "preset " + name, PresetSchema.PRESET_KEYS).get("extends");
            throw tree.error(extendsNode, "preset " + name + ".extends", "no preset named '" + parent
                    + "'; available: " + String.join(", ", nodes.keySet()));
        }
        return tree.overlay(resolve(parent, nodes, lineage), node);
    }

    /** The directory of the catalogue file a node was read from (templates are relative to it). */
    private Path dirOf(Node node, CatalogFile fallback) {
        String where = tree.where(node);
        for (CatalogFile f : files) {
            if (where.startsWith(f.file() + ":")) {
                return f.dir();
            }
        }
        return fallback.dir();
    }

    /**
     * Every image of the preset through the mirror, then checked against the allowed/denied rules: an organisation's
     * own preset that breaks them is an error in its catalogue; a built-in one is recorded in {@code refused}, an
     * error only for a project that would use it.
     */
    private static Preset applyPolicy(Preset p, Policy policy, Map<String, String> refused) {
        List<String> violations = new ArrayList<>();
        ImageSpec build = mirrored(p.build(), policy, violations);
        ImageSpec runtime = mirrored(p.runtime(), policy, violations);
        ImageSpec staticRuntime = p.staticRuntime() == null ? null : mirrored(p.staticRuntime(), policy, violations);
        ImageSpec staticBuild = p.staticBuild() == null ? null : mirrored(p.staticBuild(), policy, violations);
        ImageSpec cgoBuild = p.cgoBuild() == null ? null : mirrored(p.cgoBuild(), policy, violations);
        ImageSpec cgoRuntime = p.cgoRuntime() == null ? null : mirrored(p.cgoRuntime(), policy, violations);
        if (!violations.isEmpty()) {
            if (!p.source().startsWith("built-in")) {
                throw new CatalogException(p.source() + ": preset " + p.name() + ": " + violations.get(0));
            }
            refused.put(p.name(), violations.get(0));
        }
        return p.withImages(build, runtime, staticRuntime, staticBuild, cgoBuild, cgoRuntime);
    }

    private static ImageSpec mirrored(ImageSpec spec, Policy policy, List<String> violations) {
        String image = policy.rewrite(spec.image());
        String violation = policy.violation(image.replace("{version}", "0"));
        if (violation != null) {
            violations.add(violation.replace(":0", ":{version}"));
        }
        return spec.withImage(image);
    }

    /** Checks the merged catalogue as a whole: at most one default per language. */
    private static PresetCatalog validate(List<Preset> presets, Policy policy, Map<String, String> refused) {
        Map<Language, Preset> defaults = new LinkedHashMap<>();
        for (Preset p : presets) {
            if (p.isDefault()) {
                Preset other = defaults.put(p.language(), p);
                if (other != null && !other.source().startsWith("built-in")) {
                    throw new CatalogException(p.source() + ": preset " + p.name() + " and " + other.name()
                            + " are both the default for " + p.language().id() + "; keep `default: true` on one");
                }
            }
        }
        // an organisation default replaces the built-in one
        List<Preset> out = new ArrayList<>();
        for (Preset p : presets) {
            boolean replacedDefault = p.isDefault() && defaults.get(p.language()) != p;
            out.add(replacedDefault ? p.notDefault() : p);
        }
        return new PresetCatalog(out, policy, refused);
    }
}
