package dev.dockergen.audit;

import dev.dockergen.audit.Finding.Severity;
import java.util.List;

/** One audit rule: an id, how bad breaking it is, what it asks for, and the check. */
public interface Rule {
    String id();

    Severity severity();

    /** One sentence: what the rule asks for (SARIF shortDescription, docs). */
    String description();

    List<Finding> check(AuditInput input);

    /** What a rule sees: the parsed file, its name, and whether a .dockerignore sits beside it. */
    record AuditInput(String file, ParsedDockerfile dockerfile, boolean hasDockerignore) {
        Finding at(Rule rule, ParsedDockerfile.Instruction ins, String message) {
            return new Finding(file, ins == null ? 1 : ins.line(), 1, rule.severity(), rule.id(), message);
        }
    }
}
