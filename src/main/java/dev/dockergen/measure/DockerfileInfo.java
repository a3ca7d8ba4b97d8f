package dev.dockergen.measure;

import dev.dockergen.audit.ParsedDockerfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What measure reads from a Dockerfile itself: its stages, the base image of the final stage, its dependency step. */
public final class DockerfileInfo {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::?[-+][^}]*)?}|\\$(\\w+)");
    /**
     * Commands that install a project's dependencies from its manifest or lockfile, whatever the language. A pinned
     * tool install ({@code pip install "poetry==…"}) is not one: the project's own install comes later.
     */
    private static final Pattern PROJECT_DEPENDENCIES = Pattern.compile(
            "\\bgo mod download\\b"
                    + "|\\b(?:npm|pnpm|bun) (?:ci|install|i)\\b|\\byarn(?: install\\b|\\s*$| --)|\\byarn workspaces focus\\b"
                    + "|\\bpip3? install (?:--\\S+ )*(?:-r|--requirement|\\.|-e)\\b|\\bpip3? install\\s*$"
                    + "|\\bpoetry install\\b|\\bpipenv (?:install|sync)\\b|\\bpdm (?:install|sync)\\b|\\buv (?:sync|pip sync|pip install -r)\\b"
                    + "|\\bmvnw? .*dependency(?:-plugin:[0-9.]+)?:|\\bgradlew? .*\\bdependencies\\b"
                    + "|\\bcargo (?:fetch|build)\\b|\\bbundle install\\b|\\bcomposer install\\b");
    /** System packages: the dependencies of projects whose libraries come from the distribution (C, C++). */
    private static final Pattern SYSTEM_PACKAGES = Pattern.compile("\\bapt-get (?:-\\S+ )*install\\b|\\bapk add\\b"
            + "|\\b(?:dnf|yum|microdnf) (?:-\\S+ )*install\\b");

    private final ParsedDockerfile parsed;

    public DockerfileInfo(String text) {
        this.parsed = ParsedDockerfile.parse(text);
    }

    /** The stages' {@code AS} names in order, null where a stage has none. */
    public List<String> stageNames() {
        List<String> names = new ArrayList<>();
        for (ParsedDockerfile.Instruction i : parsed.instructions()) {
            if (i.keyword().equals("FROM")) {
                String[] words = i.withoutFlags().split("\\s+");
                names.add(words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null);
            }
        }
        return names;
    }

    /** The ARG defaults declared before the first FROM, which FROM lines may use. */
    private Map<String, String> globalArgs() {
        Map<String, String> args = new HashMap<>();
        for (ParsedDockerfile.Instruction i : parsed.stage(-1)) {
            if (i.keyword().equals("ARG")) {
                for (String word : i.args().split("\\s+")) {
                    int eq = word.indexOf('=');
                    if (eq > 0) {
                        args.put(word.substring(0, eq), unquote(word.substring(eq + 1)));
                    } else if (!word.isEmpty()) {
                        args.putIfAbsent(word, null);
                    }
                }
            }
        }
        return args;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1) : s;
    }

    /** A reference with the global ARG defaults put in; variables without a default stay as written. */
    private static String substitute(String ref, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(ref);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = args.get(name);
            m.appendReplacement(b, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        return m.appendTail(b).toString();
    }

    /** The image each stage starts from, as written with ARG defaults put in (an earlier stage's name stays a name). */
    private List<String> fromReferences() {
        Map<String, String> args = globalArgs();
        List<String> refs = new ArrayList<>();
        for (ParsedDockerfile.Instruction i : parsed.instructions()) {
            if (i.keyword().equals("FROM")) {
                String[] words = i.withoutFlags().split("\\s+");
                refs.add(substitute(words[0], args));
            }
        }
        return refs;
    }

    /** The base image of the final stage, following stage names back to an image; null for a file with no FROM. */
    public String finalBaseImage() {
        List<String> refs = fromReferences();
        List<String> names = stageNames();
        if (refs.isEmpty()) {
            return null;
        }
        String ref = refs.get(refs.size() - 1);
        for (int guard = 0; guard < refs.size(); guard++) {
            int stage = indexOf(names, ref);
            if (stage < 0) {
                return ref;
            }
            ref = refs.get(stage);
        }
        return ref;
    }

    private static int indexOf(List<String> names, String ref) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null && names.get(i).equalsIgnoreCase(ref)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The images the build needs from the engine's store: every FROM and {@code COPY --from} image that is not an
     * earlier stage, not {@code scratch}, and has no variable left unresolved.
     */
    public Set<String> baseImages() {
        List<String> names = stageNames();
        Set<String> out = new LinkedHashSet<>();
        List<String> candidates = new ArrayList<>(fromReferences());
        Map<String, String> args = globalArgs();
        for (ParsedDockerfile.Instruction i : parsed.instructions()) {
            String from = i.keyword().equals("COPY") ? i.flag("from") : null;
            if (from != null) {
                candidates.add(substitute(from, args));
            }
        }
        for (String ref : candidates) {
            if (ref.equalsIgnoreCase("scratch") || indexOf(names, ref) >= 0 || ref.contains("$") || ref.matches("\\d+")) {
                continue;
            }
            out.add(ref);
        }
        return out;
    }

    /**
     * Whether a build step installs dependencies: the project's own (npm ci, go mod download, pip install -r, mvn
     * dependency:go-offline …), or with {@code systemPackages} the distribution's (apt-get install, apk add).
     */
    public static boolean installsDependencies(String instruction, boolean systemPackages) {
        String text = instruction.strip();
        if (!text.toUpperCase(Locale.ROOT).startsWith("RUN")) {
            return false;
        }
        return (systemPackages ? SYSTEM_PACKAGES : PROJECT_DEPENDENCIES).matcher(text).find();
    }
}
