package dev.dockergen.preset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** A merged preset written back as catalogue YAML, for {@code presets show}. */
public final class PresetYaml {
    private PresetYaml() {
    }

    public static String dump(Preset p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        if (p.lineage().size() > 1) {
            m.put("extends", p.lineage().get(1));
        }
        m.put("language", p.language().id());
        m.put("final", p.finalStage().id());
        m.put("default", p.isDefault());
        m.put("description", p.description());
        m.put("versionDefault", p.versionDefault());
        m.put("build", image(p.build()));
        m.put("runtime", image(p.runtime()));
        if (p.staticRuntime() != null) {
            Map<String, Object> site = image(p.staticRuntime());
            if (p.staticBuild() != null) {
                site.put("build", image(p.staticBuild()));
            }
            m.put("static", site);
        }
        if (p.cgoBuild() != null) {
            m.put("cgo", Map.of("build", image(p.cgoBuild()), "runtime", image(p.cgoRuntime())));
        } else if (p.cgoRefusal() != null) {
            m.put("cgo", Map.of("refusal", p.cgoRefusal()));
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", p.user().name());
        user.put("uid", p.user().uid());
        user.put("gid", p.user().gid());
        user.put("create", p.user().create());
        m.put("user", user);
        if (!p.labels().isEmpty()) {
            m.put("labels", new java.util.TreeMap<>(p.labels()));
        }
        if (!p.buildArgs().isEmpty()) {
            m.put("buildArgs", new java.util.TreeMap<>(p.buildArgs()));
        }
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("enabled", p.health().enabled());
        health.put("interval", p.health().interval());
        health.put("timeout", p.health().timeout());
        health.put("startPeriod", p.health().startPeriod());
        health.put("retries", p.health().retries());
        m.put("healthcheck", health);
        if (p.dockerfileTemplate() != null) {
            m.put("templates", Map.of("dockerfile", p.dockerfileTemplate()));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        return "# preset " + p.name() + (p.lineage().size() > 1 ? " (extends " + String.join(" -> ", p.lineage().subList(1, p.lineage().size())) + ")" : "")
                + ", defined at " + p.source() + "; images as the policy rewrites them\n" + new Yaml(options).dump(m);
    }

    private static Map<String, Object> image(ImageSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", spec.image());
        if (!spec.packages().isEmpty()) {
            m.put("packages", spec.packages());
            m.put("packageTool", spec.packageTool());
        }
        if (!spec.provides().isEmpty()) {
            m.put("provides", List.copyOf(new java.util.TreeSet<>(spec.provides())));
        }
        m.put("shell", spec.shell());
        if (spec.user() != null) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("name", spec.user().name());
            user.put("uid", spec.user().uid());
            user.put("gid", spec.user().gid());
            m.put("user", user);
        }
        return m;
    }
}
