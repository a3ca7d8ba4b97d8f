package dev.dockergen.lang.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Which package manager installs a Node project, from packageManager and the lockfiles, and the files it reads. */
final class NodePackageManager {
    /** Lockfile → the package manager that writes it, in the order they are preferred. */
    private static final Map<String, String> LOCKFILES = new LinkedHashMap<>();
    private static final Pattern DECLARED = Pattern.compile("^(npm|yarn|pnpm|bun)@");
    private static final Pattern DECLARED_VERSION = Pattern.compile("^(npm|yarn|pnpm|bun)@([0-9][0-9A-Za-z.-]*)");
    private static final Pattern YARN_PATH = Pattern.compile("^yarnPath:\\s*['\"]?([^'\"#\\s]+)['\"]?\\s*(#.*)?$",
            Pattern.MULTILINE);

    static {
        LOCKFILES.put("pnpm-lock.yaml", "pnpm");
        LOCKFILES.put("yarn.lock", "yarn");
        LOCKFILES.put("package-lock.json", "npm");
        LOCKFILES.put("npm-shrinkwrap.json", "npm");
        LOCKFILES.put("bun.lock", "bun");
        LOCKFILES.put("bun.lockb", "bun");
    }

    private NodePackageManager() {
    }

    /**
     * npm, yarn, yarn-berry, pnpm or bun: packageManager in package.json, else the lockfile present, else npm;
     * lockfiles of several managers are a warning.
     */
    static Fact<String> of(ProjectFiles files, JsonNode pkg, Lines lines, List<Warning> warnings) {
        List<String> present = LOCKFILES.keySet().stream().filter(files::isFile).toList();
        String declared = null;
        if (pkg.path("packageManager").isTextual()) {
            Matcher m = DECLARED.matcher(pkg.get("packageManager").asText());
            if (m.find()) {
                declared = m.group(1);
            }
        }
        String chosen;
        Source source;
        if (declared != null) {
            chosen = declared;
            source = Source.of("package.json", lines.of("\"packageManager\""));
        } else if (!present.isEmpty()) {
            chosen = LOCKFILES.get(present.get(0));
            source = Source.of(present.get(0));
        } else {
            chosen = "npm";
            source = Source.of("package.json");
        }
        if (present.stream().map(LOCKFILES::get).distinct().count() > 1) {
            warnings.add(new Warning(source, "lockfiles of several package managers (" + String.join(", ", present)
                    + "); using " + chosen + (declared != null ? " as packageManager says" : "") + "; delete the others"));
        }
        if (chosen.equals("yarn") && (files.isFile(".yarnrc.yml")
                || files.read("yarn.lock").map(t -> t.contains("__metadata:")).orElse(false))) {
            chosen = "yarn-berry";
        }
        return Fact.of(chosen, source);
    }

    /** The version packageManager pins ("pnpm@9.1.0" → "9.1.0"), or null. */
    static String version(JsonNode pkg) {
        if (pkg.path("packageManager").isTextual()) {
            Matcher m = DECLARED_VERSION.matcher(pkg.get("packageManager").asText());
            if (m.find()) {
                return m.group(2);
            }
        }
        return null;
    }

    /** The lockfile of that package manager present beside package.json, or null. */
    static String lockfile(ProjectFiles files, String pm) {
        String base = pm.startsWith("yarn") ? "yarn" : pm;
        return LOCKFILES.entrySet().stream().filter(e -> e.getValue().equals(base) && files.isFile(e.getKey()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The command that writes the lockfile. */
    static String installHint(String pm) {
        return switch (pm) {
            case "pnpm" -> "pnpm install";
            case "yarn", "yarn-berry" -> "yarn install";
            case "bun" -> "bun install";
            default -> "npm install";
        };
    }

    /** Files beside package.json (at the workspace root) that the package manager reads when it installs. */
    static List<String> installFiles(ProjectFiles top, String pm) {
        List<String> out = new ArrayList<>();
        switch (pm) {
            case "yarn-berry" -> {
                Optional<String> rc = top.read(".yarnrc.yml");
                if (rc.isPresent()) {
                    out.add(".yarnrc.yml");
                    Matcher m = YARN_PATH.matcher(rc.get());
                    if (m.find()) {
                        String release = m.group(1).replaceFirst("^\\./", "");
                        if (!NodeDetector.SAFE_PATH.matcher(release).matches() || ("/" + release + "/").contains("/../")
                                || !top.isFile(release)) {
                            throw new ProjectInputException(Source.of(".yarnrc.yml", new Lines(rc.get()).of("yarnPath")),
                                    "yarnPath names '" + Source.of(release) + "', which is not a file of the project; commit the "
                                            + "Yarn release (yarn set version) or remove yarnPath");
                        }
                        out.add(release);
                    }
                }
            }
            case "pnpm" -> out.addAll(Stream.of("pnpm-workspace.yaml", ".pnpmfile.cjs").filter(top::isFile).toList());
            case "bun" -> out.addAll(Stream.of("bunfig.toml").filter(top::isFile).toList());
            default -> { }
        }
        return out;
    }
}
