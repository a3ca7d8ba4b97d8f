package dev.dockergen.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies every rule to a Dockerfile; the same rules the tests apply to every generated file. */
public final class Auditor {
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

    /** Findings sorted by line, then rule order. */
    public List<Finding> audit(String file, String text, boolean hasDockerignore) {
        Rule.AuditInput input = new Rule.AuditInput(file, ParsedDockerfile.parse(text), hasDockerignore);
        List<Finding> out = new ArrayList<>();
        for (Rule rule : rules) {
            out.addAll(rule.check(input));
        }
        out.sort(Comparator.comparingInt(Finding::line));
        return out;
    }
}
