package dev.dockergen.preset;

import dev.dockergen.detect.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads preset catalogues (YAML, {@code kind: PresetCatalog}) in order, later ones winning, and
 * turns them into one validated {@link PresetCatalog}: load → lay presets over the ones they
 * extend → check every field → apply the organisation policy → freeze.
 */
public final class CatalogLoader {
    public static final String API_VERSION = "dockergen/v1";
    /** Built-in catalogue files, packaged from the top-level presets/ folder. */
    public static final List<String> BUILT_IN_FILES = List.of("go.yaml", "node.yaml", "python.yaml", "java.yaml", "c.yaml");
    static final long MAX_FILE_BYTES = 1 << 20;

    private static final Set<String> TOP_KEYS = Set.of("apiVersion", "kind", "metadata", "policy", "presets");
    private static final Set<String> METADATA_KEYS = Set.of("name", "description");
    private static final Set<String> POLICY_KEYS = Set.of("registryMirror", "allowedImages", "deniedImages",
            "requiredLabels", "requireDigests");
    private static final Set<String> PRESET_KEYS = Set.of("name", "extends", "language", "final", "default",
            "description", "versionDefault", "build", "runtime", "static", "cgo", "user", "labels", "templates", "buildArgs",
            "healthcheck");
    private static final Set<String> HEALTH_KEYS = Set.of("enabled", "interval", "timeout", "startPeriod", "retries");
    private static final Pattern DURATION = Pattern.compile("[0-9]{1,6}(ms|s|m|h)");
    private static final Pattern ARG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern ARG_VALUE = Pattern.compile("[A-Za-z0-9._:/@%+,=*-]{0,500}");
    /** Names that say "secret": such values never go into ARG (they would stay in the image history). */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_KEY|AUTH).*");
    private static final Set<String> IMAGE_KEYS = Set.of("image", "packages", "packageTool", "provides", "shell");
    private static final Set<String> CGO_KEYS = Set.of("build", "runtime", "refusal");
    private static final Set<String> USER_KEYS = Set.of("name", "uid", "gid", "create");
    private static final Set<String> TEMPLATE_KEYS = Set.of("dockerfile");
    private static final Set<String> PROVIDES = Set.of(ImageSpec.CA_CERTIFICATES, ImageSpec.TZDATA, ImageSpec.PASSWD);
    private static final Set<String> PACKAGE_TOOLS = Set.of("apk", "apt");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** An image reference: registry/path:tag[@sha256:digest], with {version} as the only placeholder. */
    private static final Pattern IMAGE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._/:-]*(\\{version\\}[A-Za-z0-9._:-]*)?(@sha256:[a-f0-9]{64})?");
    private static final Pattern MIRROR = Pattern.compile("[a-z0-9][a-z0-9.-]*(:[0-9]{1,5})?(/[a-z0-9][a-z0-9._-]*)*");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9.+_-]*");
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.+-]{0,30}");

    /** One parsed catalogue file: where it came from, its policy and its preset nodes. */
    private record CatalogFile(String file, Path dir, String origin, Policy policy, List<Node> presets) {
    }

    private final YamlTree tree = new YamlTree();
    private final List<CatalogFile> files = new ArrayList<>();

    /** A loader holding the catalogue shipped with dockergen; add organisation catalogues after it. */
    public static CatalogLoader withBuiltIns() {
        CatalogLoader loader = new CatalogLoader();
        for (String file : BUILT_IN_FILES) {
            String resource = "/dev/dockergen/presets/" + file;
            try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in preset file missing from the jar: " + resource);
                }
                loader.add("presets/" + file, null, new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in presets " + resource, e);
            }
        }
        return loader;
    }

    /** The built-in catalogue alone. */
    public static PresetCatalog builtIn() {
        return withBuiltIns().build();
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
        if (!Files.isRegularFile(path)) {
            throw new CatalogException(path + ": no such catalogue file or directory");
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
                String at = peeked != null && NAME.matcher(peeked).matches() ? "preset " + peeked : "presets[" + i + "]";
                Map<String, Node> keys = tree.mapping(node, at, PRESET_KEYS);
                String name = tree.string(tree.required(keys, node, at, "name"), "presets[" + i + "].name");
                if (!NAME.matcher(name).matches()) {
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
            presets.add(applyPolicy(preset(merged, lineage, f, nodes.get(name)), policy, refused));
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
            Node extendsNode = tree.mapping(node, "preset " + name, PRESET_KEYS).get("extends");
            throw tree.error(extendsNode, "preset " + name + ".extends", "no preset named '" + parent
                    + "'; available: " + String.join(", ", nodes.keySet()));
        }
        return tree.overlay(resolve(parent, nodes, lineage), node);
    }

    private Preset preset(Node node, List<String> lineage, CatalogFile file, Node own) {
        String name = lineage.get(0);
        String p = "preset " + name;
        Map<String, Node> m = tree.mapping(node, p, PRESET_KEYS);
        if (!NAME.matcher(name).matches()) {
            throw tree.error(m.get("name"), p + ".name", "'" + name + "' is not a preset name; use lower-case letters, digits and '-'");
        }
        Node langNode = tree.required(m, node, p, "language");
        String lang = tree.string(langNode, p + ".language");
        Language language = Arrays.stream(Language.values()).filter(l -> l.id().equals(lang)).findFirst()
                .orElseThrow(() -> tree.error(langNode, p + ".language", "unknown language '" + lang + "'; use one of "
                        + String.join(", ", Arrays.stream(Language.values()).map(Language::id).toList())));
        Node finalNode = tree.required(m, node, p, "final");
        String fin = tree.string(finalNode, p + ".final");
        FinalStage finalStage = FinalStage.fromId(fin).orElseThrow(() -> tree.error(finalNode, p + ".final",
                "unknown final stage '" + fin + "'; use scratch, alpine or distroless"));
        // `default` is not inherited: a preset that extends the default is not a second default
        Map<String, Node> ownKeys = tree.mapping(own, p, PRESET_KEYS);
        boolean isDefault = ownKeys.containsKey("default") && tree.bool(ownKeys.get("default"), p + ".default");
        String description = m.containsKey("description") ? tree.string(m.get("description"), p + ".description") : "";
        Node versionNode = tree.required(m, node, p, "versionDefault");
        String versionDefault = tree.string(versionNode, p + ".versionDefault");
        if (!VERSION.matcher(versionDefault).matches()) {
            throw tree.error(versionNode, p + ".versionDefault", "expected a version such as 1.25");
        }
        ImageSpec build = image(tree.required(m, node, p, "build"), p + ".build");
        ImageSpec runtime = image(tree.required(m, node, p, "runtime"), p + ".runtime");
        ImageSpec staticRuntime = m.containsKey("static") ? image(m.get("static"), p + ".static") : null;
        ImageSpec cgoBuild = null;
        ImageSpec cgoRuntime = null;
        String refusal = null;
        if (m.containsKey("cgo")) {
            Node cgoNode = m.get("cgo");
            Map<String, Node> cgo = tree.mapping(cgoNode, p + ".cgo", CGO_KEYS);
            if (cgo.containsKey("refusal")) {
                refusal = tree.string(cgo.get("refusal"), p + ".cgo.refusal");
            } else {
                cgoBuild = image(tree.required(cgo, cgoNode, p + ".cgo", "build"), p + ".cgo.build");
                cgoRuntime = image(tree.required(cgo, cgoNode, p + ".cgo", "runtime"), p + ".cgo.runtime");
            }
        }
        RunAs user = user(tree.required(m, node, p, "user"), p + ".user");
        Map<String, String> labels = tree.labels(m.get("labels"), p + ".labels");
        Map<String, String> buildArgs = buildArgs(m.get("buildArgs"), p + ".buildArgs");
        HealthPolicy health = m.containsKey("healthcheck") ? health(m.get("healthcheck"), p + ".healthcheck")
                : HealthPolicy.DEFAULT;
        String template = null;
        if (m.containsKey("templates")) {
            Map<String, Node> t = tree.mapping(m.get("templates"), p + ".templates", TEMPLATE_KEYS);
            if (t.containsKey("dockerfile")) {
                Node tn = t.get("dockerfile");
                String rel = tree.string(tn, p + ".templates.dockerfile");
                if (!rel.endsWith(".jte")) {
                    throw tree.error(tn, p + ".templates.dockerfile", "'" + rel + "' is not a jte template; name a .jte file");
                }
                Path dir = dirOf(tn, file);
                if (dir == null) {
                    throw tree.error(tn, p + ".templates.dockerfile", "templates can only be given in a catalogue file on disk");
                }
                Path resolved = dir.resolve(rel).normalize();
                if (!Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
                    throw tree.error(tn, p + ".templates.dockerfile", "no template file at " + resolved);
                }
                template = resolved.toString();
            }
        }
        return new Preset(name, language, finalStage, isDefault, description, versionDefault, build, runtime,
                staticRuntime, cgoBuild, cgoRuntime, refusal, user, labels, buildArgs, health, lineage, template,
                file.origin() + " " + tree.where(own));
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

    private Map<String, String> buildArgs(Node node, String at) {
        Map<String, String> args = new LinkedHashMap<>();
        if (node == null) {
            return args;
        }
        for (NodeTuple t : tree.entries(node, at, ARG_NAME, "build argument names (letters, digits, _) with default values")) {
            String name = ((ScalarNode) t.getKeyNode()).getValue();
            if (SECRET_NAME.matcher(name).matches()) {
                throw tree.error(t.getKeyNode(), at + "." + name, "looks like a secret, and build arguments stay in "
                        + "the image history; give secrets with RUN --mount=type=secret instead");
            }
            String value = tree.string(t.getValueNode(), at + "." + name);
            if (!ARG_VALUE.matcher(value).matches()) {
                throw tree.error(t.getValueNode(), at + "." + name, "the value may hold letters, digits and . _ : / @ % + , = * - only");
            }
            args.put(name, value);
        }
        return args;
    }

    private HealthPolicy health(Node node, String at) {
        Map<String, Node> m = tree.mapping(node, at, HEALTH_KEYS);
        HealthPolicy d = HealthPolicy.DEFAULT;
        boolean enabled = !m.containsKey("enabled") || tree.bool(m.get("enabled"), at + ".enabled");
        return new HealthPolicy(enabled, duration(m, "interval", d.interval(), at), duration(m, "timeout", d.timeout(), at),
                duration(m, "startPeriod", d.startPeriod(), at),
                m.containsKey("retries") ? tree.integer(m.get("retries"), at + ".retries", 1, 100) : d.retries());
    }

    private String duration(Map<String, Node> m, String key, String fallback, String at) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        String v = tree.string(m.get(key), at + "." + key);
        if (!DURATION.matcher(v).matches()) {
            throw tree.error(m.get(key), at + "." + key, "'" + v + "' is not a duration; write e.g. 30s, 500ms or 2m");
        }
        return v;
    }

    private ImageSpec image(Node node, String at) {
        Map<String, Node> m = tree.mapping(node, at, IMAGE_KEYS);
        Node imageNode = tree.required(m, node, at, "image");
        String image = tree.string(imageNode, at + ".image");
        if (!IMAGE.matcher(image).matches() || image.endsWith(":latest") || image.contains("{version}:")) {
            throw tree.error(imageNode, at + ".image", "'" + image + "' is not a pinned image reference; write "
                    + "name:tag (tag not 'latest'), optionally @sha256:<digest>, with {version} for the language version");
        }
        if (image.contains("{version}") && image.contains("@sha256:")) {
            throw tree.error(imageNode, at + ".image", "a digest pins one version, so {version} cannot vary it; "
                    + "write the tag out (e.g. golang:1.23-alpine@sha256:...)");
        }
        if (!image.equals("scratch") && !image.contains(":") && !image.contains("@")) {
            throw tree.error(imageNode, at + ".image", "'" + image + "' has no tag; pin one (e.g. alpine:3.22)");
        }
        List<String> packages = m.containsKey("packages") ? tree.strings(m.get("packages"), at + ".packages") : List.of();
        for (String pkg : packages) {
            if (!PACKAGE.matcher(pkg).matches()) {
                throw tree.error(m.get("packages"), at + ".packages", "'" + pkg + "' is not a package name");
            }
        }
        String tool = m.containsKey("packageTool") ? tree.string(m.get("packageTool"), at + ".packageTool") : null;
        if (tool != null && !PACKAGE_TOOLS.contains(tool)) {
            throw tree.error(m.get("packageTool"), at + ".packageTool", "use apk or apt");
        }
        if (!packages.isEmpty() && tool == null) {
            throw tree.error(node, at + ".packageTool", "packages are listed, so say how to install them: apk or apt");
        }
        Set<String> provides = new HashSet<>();
        if (m.containsKey("provides")) {
            for (String what : tree.strings(m.get("provides"), at + ".provides")) {
                if (!PROVIDES.contains(what.toLowerCase(Locale.ROOT))) {
                    throw tree.error(m.get("provides"), at + ".provides", "'" + what + "' is unknown; use "
                            + String.join(", ", PROVIDES.stream().sorted().toList()));
                }
                provides.add(what);
            }
        }
        boolean shell = m.containsKey("shell") ? tree.bool(m.get("shell"), at + ".shell") : !image.equals("scratch");
        return new ImageSpec(image, packages, tool, provides, shell);
    }

    private RunAs user(Node node, String at) {
        Map<String, Node> m = tree.mapping(node, at, USER_KEYS);
        String name = tree.string(tree.required(m, node, at, "name"), at + ".name");
        if (!NAME.matcher(name).matches()) {
            throw tree.error(m.get("name"), at + ".name", "'" + name + "' is not a user name; use lower-case letters, digits and '-'");
        }
        int uid = tree.integer(tree.required(m, node, at, "uid"), at + ".uid", 1, 2_147_483_646);
        int gid = tree.integer(tree.required(m, node, at, "gid"), at + ".gid", 1, 2_147_483_646);
        boolean create = m.containsKey("create") && tree.bool(m.get("create"), at + ".create");
        return new RunAs(name, uid, gid, create);
    }

    /**
     * Every image of the preset through the mirror, then checked against the allowed/denied rules: an organisation's
     * own preset that breaks them is an error in its catalogue; a built-in one is recorded in {@code refused}, an
     * error only for a project that would use it.
     */
    private static Preset applyPolicy(Preset p, Policy policy, Map<String, String> refused) {
        List<String> violations = new ArrayList<>();
        ImageSpec build = mirrored(p.build(), policy, p, violations);
        ImageSpec runtime = mirrored(p.runtime(), policy, p, violations);
        ImageSpec staticRuntime = p.staticRuntime() == null ? null : mirrored(p.staticRuntime(), policy, p, violations);
        ImageSpec cgoBuild = p.cgoBuild() == null ? null : mirrored(p.cgoBuild(), policy, p, violations);
        ImageSpec cgoRuntime = p.cgoRuntime() == null ? null : mirrored(p.cgoRuntime(), policy, p, violations);
        if (!violations.isEmpty()) {
            if (!p.source().startsWith("built-in")) {
                throw new CatalogException(p.source() + ": preset " + p.name() + ": " + violations.get(0));
            }
            refused.put(p.name(), violations.get(0));
        }
        return p.withImages(build, runtime, staticRuntime, cgoBuild, cgoRuntime);
    }

    private static ImageSpec mirrored(ImageSpec spec, Policy policy, Preset p, List<String> violations) {
        String image = policy.rewrite(spec.image());
        String violation = policy.violation(image.replace("{version}", "0"));
        if (violation != null) {
            violations.add(violation.replace(":0", ":{version}"));
        }
        return new ImageSpec(image, spec.packages(), spec.packageTool(), spec.provides(), spec.shell());
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
