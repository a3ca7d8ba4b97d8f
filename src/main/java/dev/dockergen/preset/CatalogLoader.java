package dev.dockergen.preset;

import dev.dockergen.detect.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Loads preset catalogues (YAML, {@code kind: PresetCatalog}) into validated {@link Preset}s. */
public final class CatalogLoader {
    public static final String API_VERSION = "dockergen/v1";
    /** Built-in catalogue files, packaged from the top-level presets/ folder. */
    public static final List<String> BUILT_IN_FILES = List.of("go.yaml");

    private static final Set<String> TOP_KEYS = Set.of("apiVersion", "kind", "presets");
    private static final Set<String> PRESET_KEYS = Set.of("name", "language", "final", "default", "description",
            "versionDefault", "build", "runtime", "cgo", "user", "labels");
    private static final Set<String> IMAGE_KEYS = Set.of("image", "packages", "packageTool", "provides", "shell");
    private static final Set<String> CGO_KEYS = Set.of("build", "runtime", "refusal");
    private static final Set<String> USER_KEYS = Set.of("name", "uid", "gid", "create");
    private static final Set<String> PROVIDES = Set.of(ImageSpec.CA_CERTIFICATES, ImageSpec.TZDATA, ImageSpec.PASSWD);
    private static final Set<String> PACKAGE_TOOLS = Set.of("apk", "apt");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** An image reference: registry/path:tag[@sha256:digest], with {version} as the only placeholder. */
    private static final Pattern IMAGE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._/:-]*(\\{version\\}[A-Za-z0-9._-]*)?(@sha256:[a-f0-9]{64})?");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9.+_-]*");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.+-]{0,30}");

    private CatalogLoader() {
    }

    /** The catalogue shipped with dockergen. */
    public static PresetCatalog builtIn() {
        List<Preset> presets = new ArrayList<>();
        for (String file : BUILT_IN_FILES) {
            String resource = "/dev/dockergen/presets/" + file;
            try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in preset file missing from the jar: " + resource);
                }
                presets.addAll(load("presets/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in presets " + resource, e);
            }
        }
        return validate(presets);
    }

    /** Parses one catalogue file; {@code origin} says which source it is ("built-in", a path...). */
    public static List<Preset> load(String file, String text, String origin) {
        YamlTree t = YamlTree.in(file);
        Node root = YamlTree.parse(file, text);
        Map<String, Node> top = t.mapping(root, null, TOP_KEYS);
        String api = t.string(t.required(top, root, null, "apiVersion"), "apiVersion");
        if (!api.equals(API_VERSION)) {
            throw t.error(top.get("apiVersion"), "apiVersion", "unsupported version '" + api + "'; use " + API_VERSION);
        }
        String kind = t.string(t.required(top, root, null, "kind"), "kind");
        if (!kind.equals("PresetCatalog")) {
            throw t.error(top.get("kind"), "kind", "expected PresetCatalog, found '" + kind + "'");
        }
        List<Preset> presets = new ArrayList<>();
        List<Node> items = t.sequence(t.required(top, root, null, "presets"), "presets");
        for (int i = 0; i < items.size(); i++) {
            presets.add(preset(t, items.get(i), "presets[" + i + "]", origin));
        }
        return presets;
    }

    private static Preset preset(YamlTree t, Node node, String at, String origin) {
        String peeked = YamlTree.peek(node, "name");
        Map<String, Node> m = t.mapping(node, peeked != null && NAME.matcher(peeked).matches() ? "preset " + peeked : at,
                PRESET_KEYS);
        String name = t.string(t.required(m, node, at, "name"), at + ".name");
        if (!NAME.matcher(name).matches()) {
            throw t.error(m.get("name"), at + ".name", "'" + name + "' is not a preset name; use lower-case letters, digits and '-'");
        }
        String p = "preset " + name;
        Node langNode = t.required(m, node, p, "language");
        String lang = t.string(langNode, p + ".language");
        Language language = Arrays.stream(Language.values()).filter(l -> l.id().equals(lang)).findFirst()
                .orElseThrow(() -> t.error(langNode, p + ".language", "unknown language '" + lang + "'; use one of "
                        + String.join(", ", Arrays.stream(Language.values()).map(Language::id).toList())));
        Node finalNode = t.required(m, node, p, "final");
        String fin = t.string(finalNode, p + ".final");
        FinalStage finalStage = FinalStage.fromId(fin).orElseThrow(() -> t.error(finalNode, p + ".final",
                "unknown final stage '" + fin + "'; use scratch, alpine or distroless"));
        boolean isDefault = m.containsKey("default") && t.bool(m.get("default"), p + ".default");
        String description = m.containsKey("description") ? t.string(m.get("description"), p + ".description") : "";
        Node versionNode = t.required(m, node, p, "versionDefault");
        String versionDefault = t.string(versionNode, p + ".versionDefault");
        if (!VERSION.matcher(versionDefault).matches()) {
            throw t.error(versionNode, p + ".versionDefault", "expected a version such as 1.25");
        }
        ImageSpec build = image(t, t.required(m, node, p, "build"), p + ".build");
        ImageSpec runtime = image(t, t.required(m, node, p, "runtime"), p + ".runtime");
        ImageSpec cgoBuild = null;
        ImageSpec cgoRuntime = null;
        String refusal = null;
        if (m.containsKey("cgo")) {
            Node cgoNode = m.get("cgo");
            Map<String, Node> cgo = t.mapping(cgoNode, p + ".cgo", CGO_KEYS);
            if (cgo.containsKey("refusal")) {
                refusal = t.string(cgo.get("refusal"), p + ".cgo.refusal");
            } else {
                cgoBuild = image(t, t.required(cgo, cgoNode, p + ".cgo", "build"), p + ".cgo.build");
                cgoRuntime = image(t, t.required(cgo, cgoNode, p + ".cgo", "runtime"), p + ".cgo.runtime");
            }
        }
        RunAs user = user(t, t.required(m, node, p, "user"), p + ".user");
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.containsKey("labels")) {
            Node labelsNode = m.get("labels");
            if (!(labelsNode instanceof org.yaml.snakeyaml.nodes.MappingNode mapping)) {
                throw t.error(labelsNode, p + ".labels", "expected a mapping of label names to values");
            }
            for (var tuple : mapping.getValue()) {
                String key = t.string(tuple.getKeyNode(), p + ".labels");
                if (!LABEL_KEY.matcher(key).matches()) {
                    throw t.error(tuple.getKeyNode(), p + ".labels", "'" + key + "' is not a label name; use a-z, 0-9, '.', '_', '-'");
                }
                labels.put(key, t.string(tuple.getValueNode(), p + ".labels." + key));
            }
        }
        String source = origin + " " + t.where(node);
        return new Preset(name, language, finalStage, isDefault, description, versionDefault, build, runtime,
                cgoBuild, cgoRuntime, refusal, user, labels, source);
    }

    private static ImageSpec image(YamlTree t, Node node, String at) {
        Map<String, Node> m = t.mapping(node, at, IMAGE_KEYS);
        Node imageNode = t.required(m, node, at, "image");
        String image = t.string(imageNode, at + ".image");
        if (!IMAGE.matcher(image).matches() || image.endsWith(":latest") || image.contains("{version}:")) {
            throw t.error(imageNode, at + ".image", "'" + image + "' is not a pinned image reference; write "
                    + "name:tag (tag not 'latest'), optionally @sha256:<digest>, with {version} for the language version");
        }
        if (!image.equals("scratch") && !image.contains(":") && !image.contains("@")) {
            throw t.error(imageNode, at + ".image", "'" + image + "' has no tag; pin one (e.g. alpine:3.22)");
        }
        List<String> packages = m.containsKey("packages") ? t.strings(m.get("packages"), at + ".packages") : List.of();
        for (String pkg : packages) {
            if (!PACKAGE.matcher(pkg).matches()) {
                throw t.error(m.get("packages"), at + ".packages", "'" + pkg + "' is not a package name");
            }
        }
        String tool = m.containsKey("packageTool") ? t.string(m.get("packageTool"), at + ".packageTool") : null;
        if (tool != null && !PACKAGE_TOOLS.contains(tool)) {
            throw t.error(m.get("packageTool"), at + ".packageTool", "use apk or apt");
        }
        if (!packages.isEmpty() && tool == null) {
            throw t.error(node, at + ".packageTool", "packages are listed, so say how to install them: apk or apt");
        }
        Set<String> provides = new HashSet<>();
        if (m.containsKey("provides")) {
            for (String what : t.strings(m.get("provides"), at + ".provides")) {
                if (!PROVIDES.contains(what.toLowerCase(Locale.ROOT))) {
                    throw t.error(m.get("provides"), at + ".provides", "'" + what + "' is unknown; use "
                            + String.join(", ", PROVIDES.stream().sorted().toList()));
                }
                provides.add(what);
            }
        }
        boolean shell = m.containsKey("shell") ? t.bool(m.get("shell"), at + ".shell") : !image.equals("scratch");
        return new ImageSpec(image, packages, tool, provides, shell);
    }

    private static RunAs user(YamlTree t, Node node, String at) {
        Map<String, Node> m = t.mapping(node, at, USER_KEYS);
        String name = t.string(t.required(m, node, at, "name"), at + ".name");
        if (!NAME.matcher(name).matches()) {
            throw t.error(m.get("name"), at + ".name", "'" + name + "' is not a user name; use lower-case letters, digits and '-'");
        }
        int uid = t.integer(t.required(m, node, at, "uid"), at + ".uid", 1, 2_147_483_646);
        int gid = t.integer(t.required(m, node, at, "gid"), at + ".gid", 1, 2_147_483_646);
        boolean create = m.containsKey("create") && t.bool(m.get("create"), at + ".create");
        return new RunAs(name, uid, gid, create);
    }

    /** Checks the merged catalogue as a whole: unique names, at most one default per language. */
    static PresetCatalog validate(List<Preset> presets) {
        Map<String, Preset> byName = new LinkedHashMap<>();
        Map<Language, Preset> defaults = new LinkedHashMap<>();
        for (Preset p : presets) {
            Preset earlier = byName.putIfAbsent(p.name(), p);
            if (earlier != null) {
                throw new CatalogException(p.source() + ": preset " + p.name() + " is defined twice (also at "
                        + earlier.source() + "); rename one");
            }
            if (p.isDefault()) {
                Preset other = defaults.putIfAbsent(p.language(), p);
                if (other != null) {
                    throw new CatalogException(p.source() + ": preset " + p.name() + " and " + other.name()
                            + " are both the default for " + p.language().id() + "; keep `default: true` on one");
                }
            }
        }
        return new PresetCatalog(presets);
    }
}
