package dev.dockergen.preset;

import dev.dockergen.detect.Language;
import java.util.List;
import java.util.Map;

/**
 * One way to containerise one language: builder and runtime images, user, labels.
 *
 * @param staticRuntime where static sites (built single-page apps) are served from; null when the preset has none
 * @param staticBuild the build stage of a static site that {@code staticRuntime} serves, when not {@code build} (the
 *     site's build needs none of the runtime's libc); null: {@code build}
 * @param cgoBuild builder for code that needs a C toolchain; null when the preset cannot build it
 * @param cgoRuntime runtime for dynamically linked binaries; null when the preset refuses them
 * @param buildArgs build arguments (e.g. GOPROXY) declared in the build stage with these defaults
 * @param health how HEALTHCHECK is written
 * @param lineage this preset's name, then the presets it extends, nearest first
 * @param dockerfileTemplate an organisation's own Dockerfile template (a .jte file path), or null
 * @param source where the preset was defined ("built-in presets/go.yaml:3")
 */
public record Preset(
        String name,
        Language language,
        FinalStage finalStage,
        boolean isDefault,
        String description,
        String versionDefault,
        ImageSpec build,
        ImageSpec runtime,
        ImageSpec staticRuntime,
        ImageSpec staticBuild,
        ImageSpec cgoBuild,
        ImageSpec cgoRuntime,
        String cgoRefusal,
        RunAs user,
        Map<String, String> labels,
        Map<String, String> buildArgs,
        HealthPolicy health,
        List<String> lineage,
        String dockerfileTemplate,
        String source) {

    public Preset {
        labels = Map.copyOf(labels);
        buildArgs = Map.copyOf(buildArgs);
        lineage = List.copyOf(lineage);
    }

    /**
     * False where the project is best served by what the preset lacks: a static site by a web server image. Such a
     * preset is not chosen by default for it; chosen by name or final, its planner serves the site another way.
     */
    public boolean canServe(dev.dockergen.detect.ProjectFacts project) {
        return staticRuntime != null || project.details() == null || !project.details().staticSite();
    }

    /** The same preset with other images (the policy's mirror applied, say). */
    Preset withImages(ImageSpec build, ImageSpec runtime, ImageSpec staticRuntime, ImageSpec staticBuild,
                      ImageSpec cgoBuild, ImageSpec cgoRuntime) {
        return new Preset(name, language, finalStage, isDefault, description, versionDefault, build, runtime, staticRuntime,
                staticBuild, cgoBuild, cgoRuntime, cgoRefusal, user, labels, buildArgs, health, lineage, dockerfileTemplate, source);
    }

    /** The same preset, no longer its language's default (a later catalogue's default replaced it). */
    Preset notDefault() {
        return new Preset(name, language, finalStage, false, description, versionDefault, build, runtime, staticRuntime,
                staticBuild, cgoBuild, cgoRuntime, cgoRefusal, user, labels, buildArgs, health, lineage, dockerfileTemplate, source);
    }
}
