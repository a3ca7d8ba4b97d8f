package dev.dockergen.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies every rule to a Dockerfile; the same rules the tests apply to every generated file. */
public final class Auditor {
    /** A hadolint inline directive: {@code # hadolint ignore=DL3008,DL3018}. */
    private static final java.util.regex.Pattern IGNORE =
            java.util.regex.Pattern.compile("\\s*#\\s*hadolint\\s+ignore=([A-Z]+[0-9]+(?:\\s*,\\s*[A-Z]+[0-9]+)*)\\s*");
    private final List<Rule> rules;

    public Auditor(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Auditor builtIn() {
        return new Auditor(Rules.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Findings sorted by line, then rule order. A {@code # hadolint ignore=DL3008,DL3018} line silences those hadolint
     * rules (the rules whose page is that DL rule's) on the next instruction, as hadolint itself does: a file that
     * says why it leaves apt versions unpinned is not flagged for it.
     */
    public List<Finding> audit(String file, String text, boolean hasDockerignore) {
        Rule.AuditInput input = new Rule.AuditInput(file, ParsedDockerfile.parse(text), hasDockerignore);
        java.util.Map<Integer, java.util.Set<String>> ignored = ignored(text);
        List<Finding> out = new ArrayList<>();
        for (Rule rule : rules) {
            String uri = rule.helpUri();
            String dl = uri == null ? null : uri.replaceAll(".*/", "");
            for (Finding f : rule.check(input)) {
                if (dl == null || !ignored.getOrDefault(f.line(), java.util.Set.of()).contains(dl)) {
                    out.add(f);
                }
            }
        }
        out.sort(Comparator.comparingInt(Finding::line));
        return out;
    }

    /** The hadolint rule ids each instruction's line is exempt from, by the line it starts on. */
    private static java.util.Map<Integer, java.util.Set<String>> ignored(String text) {
        java.util.Map<Integer, java.util.Set<String>> out = new java.util.HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher m = IGNORE.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            int next = i + 1;
            while (next < lines.length && (lines[next].isBlank() || lines[next].trim().startsWith("#"))) {
                next++;
            }
            java.util.Set<String> ids = out.computeIfAbsent(next + 1, k -> new java.util.HashSet<>());
            for (String id : m.group(1).split(",")) {
                ids.add(id.trim());
            }
        }
        return out;
    }
}
