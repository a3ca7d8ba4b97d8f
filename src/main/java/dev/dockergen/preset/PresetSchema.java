package dev.dockergen.preset;

import dev.dockergen.detect.Language;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The schema of one preset: its keys, what each value may be, and the {@link Preset} a checked node becomes. */
final class PresetSchema {
    static final Set<String> PRESET_KEYS = Set.of("name", "extends", "language", "final", "default",
            "description", "versionDefault", "build", "runtime", "static", "cgo", "user", "labels", "templates", "buildArgs",
            "healthcheck");
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> HEALTH_KEYS = Set.of("enabled", "interval", "timeout", "startPeriod", "retries");
    private static final Pattern DURATION = Pattern.compile("[0-9]{1,6}(ms|s|m|h)");
    private static final Pattern ARG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern ARG_VALUE = Pattern.compile("[A-Za-z0-9._:/@%+,=*-]{0,500}");
    /** Names that say "secret": such values never go into ARG (they would stay in the image history). */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_KEY|AUTH).*");
    private static final Set<String> IMAGE_KEYS = Set.of("image", "packages", "packageTool", "provides", "shell");
    /** A static-site server image may name its own user (the web server image's, not the preset's). */
    private static final Set<String> STATIC_IMAGE_KEYS = Set.of("image", "packages", "packageTool", "provides", "shell",
            "user", "build");
    private static final Set<String> CGO_KEYS = Set.of("build", "runtime", "refusal");
    private static final Set<String> USER_KEYS = Set.of("name", "uid", "gid", "create");
    private static final Set<String> TEMPLATE_KEYS = Set.of("dockerfile");
    private static final Set<String> PROVIDES = Set.of(ImageSpec.CA_CERTIFICATES, ImageSpec.TZDATA, ImageSpec.PASSWD);
    private static final Set<String> PACKAGE_TOOLS = Set.of("apk", "apt");
    /** An image reference: registry/path:tag[@sha256:digest], with {version} as the only placeholder. */
    private static final Pattern IMAGE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._/:-]*(\\{version\\}[A-Za-z0-9._:-]*)?(@sha256:[a-f0-9]{64})?");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9.+_-]*");
    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.+-]{0,30}");

    private final YamlTree tree;

    PresetSchema(YamlTree tree) {
        this.tree = tree;
    }

    /**
     * One preset from its merged node: {@code own} is the preset's own node (what it does not inherit),
     * {@code origin} names its catalogue, {@code dirOf} the folder a template path is relative to (null: none).
     */
    Preset preset(Node node, List<String> lineage, Node own, String origin, Function<Node, Path> dirOf) {
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
        ImageSpec staticRuntime = m.containsKey("static") ? image(m.get("static"), p + ".static", STATIC_IMAGE_KEYS) : null;
        // the build stage of a static site, when it is not the preset's build image (static.build)
        Node staticBuildNode = staticRuntime == null ? null : tree.mapping(m.get("static"), p + ".static", STATIC_IMAGE_KEYS).get("build");
        ImageSpec staticBuild = staticBuildNode == null ? null : image(staticBuildNode, p + ".static.build");
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
                Path dir = dirOf.apply(tn);
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
                staticRuntime, staticBuild, cgoBuild, cgoRuntime, refusal, user, labels, buildArgs, health, lineage, template,
                origin + " " + tree.where(own));
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
        return image(node, at, IMAGE_KEYS);
    }

    private ImageSpec image(Node node, String at, Set<String> keys) {
        Map<String, Node> m = tree.mapping(node, at, keys);
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
            throw tree.error(imageNode, at + ".image", "'" + image + "' has no tag; pin one (e.g. alpine:3.24)");
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
        RunAs user = m.containsKey("user") ? user(m.get("user"), at + ".user") : null;
        return new ImageSpec(image, packages, tool, provides, shell, user);
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
}
