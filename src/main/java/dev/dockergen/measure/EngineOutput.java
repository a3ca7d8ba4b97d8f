package dev.dockergen.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the engines print: image metadata from {@code inspect}, and the steps of a build log. */
public final class EngineOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** podman and buildah: {@code [2/3] STEP 4/6: RUN npm ci}; single-stage builds have no {@code [k/n]}. */
    private static final Pattern BUILDAH_STEP = Pattern.compile("^(?:\\[(\\d+)/\\d+\\] )?STEP \\d+/\\d+: (.*)$");
    private static final Pattern BUILDAH_CACHE = Pattern.compile("^--> Using cache ([0-9a-f]{12,64})\\s*$");
    private static final Pattern BUILDAH_ID = Pattern.compile("^--> ([0-9a-f]{6,64})\\s*$");
    /** BuildKit's plain progress: {@code #7 [deps 3/4] RUN npm ci} (no stage name in single-stage builds). */
    private static final Pattern BUILDKIT_STEP = Pattern.compile("^#(\\d+) \\[(?:(\\S+) )?\\d+/\\d+\\] (.*)$");
    private static final Pattern BUILDKIT_STATE = Pattern.compile("^#(\\d+) (CACHED|DONE|ERROR)\\b.*$");
    /** The legacy builder: {@code Step 3/9 : RUN npm ci}, then {@code ---> Using cache} and {@code ---> 1a2b3c4d5e6f}. */
    private static final Pattern LEGACY_STEP = Pattern.compile("^Step \\d+/\\d+ : (.*)$");
    private static final Pattern LEGACY_ID = Pattern.compile("^ ---> ([0-9a-f]{12,64})\\s*$");

    private EngineOutput() {
    }

    /** What measure reads from an image: its ID, size in bytes, layer digests, and configured user ("" = root). */
    public record ImageFacts(String id, long sizeBytes, List<String> layers, String user) {
        public ImageFacts {
            layers = List.copyOf(layers);
        }
    }

    /**
     * One build step as the engine reported it: its stage (the Dockerfile's stage name, or its 1-based number when
     * the log gives no name), the instruction text, whether it came from the cache, and the ID the engine gave its
     * result (podman, buildah and the legacy builder; null for BuildKit, which prints none).
     */
    public record BuildStep(String stage, String instruction, boolean cached, String id, boolean failed) {
    }

    /** Parses {@code image inspect} output (docker, podman: an array; buildah: {@code inspect --type image}). */
    public static ImageFacts inspect(Engine.Kind kind, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the engine's inspect output is not JSON: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IllegalArgumentException("the engine's inspect output is empty");
        }
        if (root.isArray()) {
            if (root.isEmpty()) {
                throw new IllegalArgumentException("the engine's inspect output lists no image");
            }
            root = root.get(0);
        }
        if (kind == Engine.Kind.BUILDAH || root.has("OCIv1")) {
            JsonNode oci = root.path("OCIv1");
            List<String> layers = texts(oci.path("rootfs").path("diff_ids"));
            String user = oci.path("config").path("User").asText(root.path("Docker").path("config").path("User").asText(""));
            long size = 0;
            String manifest = root.path("Manifest").asText("");
            if (!manifest.isEmpty()) {
                try {
                    for (JsonNode layer : MAPPER.readTree(manifest).path("layers")) {
                        size += layer.path("size").asLong();
                    }
                } catch (IOException e) {
                    throw new IllegalArgumentException("the image manifest in buildah's inspect output is not JSON", e);
                }
            }
            return new ImageFacts(root.path("FromImageID").asText(""), size, layers, user);
        }
        if (!root.has("Size")) {
            throw new IllegalArgumentException("the engine's inspect output has no Size");
        }
        return new ImageFacts(root.path("Id").asText(""), root.path("Size").asLong(),
                texts(root.path("RootFS").path("Layers")), root.path("Config").path("User").asText(""));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * The steps of a build log, in the order they started. {@code stageNames} are the Dockerfile's stages in order
     * (their {@code AS} names, or null), used where the engine gives numbers; may be empty.
     */
    public static List<BuildStep> steps(Engine.Kind kind, String log, List<String> stageNames) {
        return switch (kind) {
            case PODMAN, BUILDAH -> buildahSteps(log, stageNames);
            case DOCKER -> log.lines().anyMatch(l -> LEGACY_STEP.matcher(l).matches())
                    ? legacySteps(log, stageNames) : buildkitSteps(log);
        };
    }

    private static String stageName(int number, List<String> stageNames) {
        String name = number >= 1 && number <= stageNames.size() ? stageNames.get(number - 1) : null;
        return name != null ? name : String.valueOf(number);
    }

    private static List<BuildStep> buildahSteps(String log, List<String> stageNames) {
        List<BuildStep> steps = new ArrayList<>();
        String stage = null;
        String instruction = null;
        boolean cached = false;
        String id = null;
        for (String line : log.split("\r?\n")) {
            Matcher m = BUILDAH_STEP.matcher(line);
            if (m.matches()) {
                if (instruction != null) {
                    steps.add(new BuildStep(stage, instruction, cached, id, false));
                }
                stage = stageName(m.group(1) == null ? 1 : Integer.parseInt(m.group(1)), stageNames);
                instruction = m.group(2);
                cached = false;
                id = null;
                continue;
            }
            if (instruction == null) {
                continue;
            }
            Matcher c = BUILDAH_CACHE.matcher(line);
            if (c.matches()) {
                cached = true;
                id = c.group(1);
                continue;
            }
            Matcher i = BUILDAH_ID.matcher(line);
            if (i.matches() && id == null) {
                id = i.group(1);
            }
        }
        if (instruction != null) {
            // the last step started: failed when the build did, which the caller knows from the exit code
            steps.add(new BuildStep(stage, instruction, cached, id, false));
        }
        return steps;
    }

    private static List<BuildStep> buildkitSteps(String log) {
        Map<String, BuildStep> byNumber = new LinkedHashMap<>();
        for (String line : log.split("\r?\n")) {
            Matcher m = BUILDKIT_STEP.matcher(line);
            if (m.matches()) {
                byNumber.putIfAbsent(m.group(1), new BuildStep(m.group(2) == null ? "1" : m.group(2), m.group(3),
                        false, null, false));
                continue;
            }
            Matcher s = BUILDKIT_STATE.matcher(line);
            if (s.matches() && byNumber.containsKey(s.group(1))) {
                BuildStep b = byNumber.get(s.group(1));
                byNumber.put(s.group(1), new BuildStep(b.stage(), b.instruction(),
                        b.cached() || s.group(2).equals("CACHED"), null, b.failed() || s.group(2).equals("ERROR")));
            }
        }
        return List.copyOf(byNumber.values());
    }

    private static List<BuildStep> legacySteps(String log, List<String> stageNames) {
        List<BuildStep> steps = new ArrayList<>();
        int stage = 0;
        String instruction = null;
        boolean cached = false;
        String id = null;
        for (String line : log.split("\r?\n")) {
            Matcher m = LEGACY_STEP.matcher(line);
            if (m.matches()) {
                if (instruction != null) {
                    steps.add(new BuildStep(stageName(stage, stageNames), instruction, cached, id, false));
                }
                instruction = m.group(1);
                if (instruction.regionMatches(true, 0, "FROM ", 0, 5)) {
                    stage++;
                }
                cached = false;
                id = null;
                continue;
            }
            if (instruction == null) {
                continue;
            }
            if (line.strip().equals("---> Using cache")) {
                cached = true;
                continue;
            }
            Matcher i = LEGACY_ID.matcher(line);
            if (i.matches() && id == null) {
                id = i.group(1);
            }
        }
        if (instruction != null) {
            steps.add(new BuildStep(stageName(stage, stageNames), instruction, cached, id, false));
        }
        return steps;
    }

    /** True for the line that starts a step, in any engine's log: what measure shows as progress. */
    public static boolean isStepHeader(String line) {
        return BUILDAH_STEP.matcher(line).matches() || BUILDKIT_STEP.matcher(line).matches()
                || LEGACY_STEP.matcher(line).matches();
    }

    /** The step a failed build stopped at: BuildKit's step marked ERROR, else the last step started; null if none. */
    public static BuildStep failedStep(List<BuildStep> steps) {
        return steps.stream().filter(BuildStep::failed).findFirst()
                .orElse(steps.isEmpty() ? null : steps.get(steps.size() - 1));
    }

    /**
     * Whether the rebuild reused a stored result for the step instead of running it again: the engine's own mark
     * ({@code --> Using cache <ID>} from podman and buildah, {@code ---> Using cache} from the legacy builder,
     * {@code CACHED} from BuildKit), or the same result ID as the cold build's. The reused ID need not be the cold
     * build's: podman takes the oldest layer stored for the same parent, instruction and content.
     */
    public static boolean reused(BuildStep cold, BuildStep warm) {
        if (warm.cached()) {
            return true;
        }
        if (cold.id() != null && warm.id() != null) {
            int n = Math.min(cold.id().length(), warm.id().length());
            return cold.id().regionMatches(0, warm.id(), 0, n);
        }
        return false;
    }
}
