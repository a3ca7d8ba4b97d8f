package dev.dockergen.audit;

import dev.dockergen.audit.Finding.Severity;
import java.util.List;

/** One audit rule: an id, how bad breaking it is, what it asks for, and the check. */
public interface Rule {
    String id();

    Severity severity();

    /** One sentence: what the rule asks for (SARIF shortDescription, docs). */
    String description();

    /** Why, and what to do (SARIF help text); the description when a rule has nothing to add. */
    default String help() {
        return description();
    }

    /** A page that explains the rule (the hadolint or BuildKit page of the same rule), or null. */
    default String helpUri() {
        return null;
    }

    /** GitHub code scanning's security-severity (0.1-10) for rules about security, else null. */
    default String securitySeverity() {
        return null;
    }

    List<Finding> check(AuditInput input);

    /** What a rule sees: the parsed file, its name, and whether a .dockerignore sits beside it. */
    record AuditInput(String file, ParsedDockerfile dockerfile, boolean hasDockerignore) {
        Finding at(Rule rule, ParsedDockerfile.Instruction ins, String message) {
            return new Finding(file, ins == null ? 1 : ins.line(), 1, rule.severity(), rule.id(), message);
        }
    }
}
