package dev.dockergen.audit;

import dev.dockergen.audit.Finding.Severity;
import dev.dockergen.audit.ParsedDockerfile.Instruction;
import dev.dockergen.audit.Rule.AuditInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the rules are made of: a rule's definition, where it fires, and the walks over a file's instructions. */
final class Checks {
    static final String HADOLINT = "https://github.com/hadolint/hadolint/wiki/";
    static final String BUILD_CHECKS = "https://docs.docker.com/reference/build-checks/";
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private Checks() {
    }

    /** A place a rule fires at (null: the file as a whole) and what to say. */
    record Hit(Instruction at, String message) {
    }

    /** A check of one FROM's image, ARGs resolved: what to say, or null. */
    interface FromCheck {
        String check(Instruction ins, String image);
    }

    /** One rule; its help, help page and security severity are added with the methods below. */
    record Def(String id, Severity severity, String description, String help, String helpUri,
                       String securitySeverity, Function<AuditInput, List<Hit>> checks) implements Rule {
        Def help(String text, String uri) {
            return new Def(id, severity, description, description + " " + text, uri, securitySeverity, checks);
        }

        Def security(String score) {
            return new Def(id, severity, description, help, helpUri, score, checks);
        }

        @Override
        public List<Finding> check(AuditInput input) {
            return checks.apply(input).stream().map(h -> input.at(this, h.at(), h.message())).toList();
        }
    }

    static Def rule(String id, Severity severity, String description, Function<AuditInput, List<Hit>> check) {
        return new Def(id, severity, description, description, null, null, check);
    }

    /** Applies a check to the shell text of every shell-form RUN (quoted text kept), flags left out. */
    static List<Hit> runs(AuditInput in, BiFunction<Instruction, String, String> check) {
        return each(in, ins -> ins.keyword().equals("RUN") && !ins.withoutFlags().startsWith("[")
                ? check.apply(ins, ins.withoutFlags()) : null);
    }

    /** A second (third...) instruction of one kind in a stage. */
    static List<Hit> repeated(AuditInput in, String keyword) {
        List<Hit> out = new ArrayList<>();
        Map<Integer, Instruction> first = new HashMap<>();
        for (Instruction ins : in.dockerfile().instructions()) {
            if (ins.keyword().equals(keyword)) {
                Instruction earlier = first.putIfAbsent(ins.stage(), ins);
                if (earlier != null) {
                    out.add(new Hit(ins, "a second " + keyword + " in this stage (the first is on line " + earlier.line()
                            + "); only the last one counts, so keep one"));
                }
            }
        }
        return out;
    }

    /** Applies a per-instruction check; null means the instruction is fine. */
    static List<Hit> each(AuditInput in, Function<Instruction, String> check) {
        List<Hit> out = new ArrayList<>();
        for (Instruction ins : in.dockerfile().instructions()) {
            String message = check.apply(ins);
            if (message != null) {
                out.add(new Hit(ins, message));
            }
        }
        return out;
    }

    /** Applies a check to every FROM that names an image (not scratch, not an earlier stage), ARGs resolved. */
    static List<Hit> froms(AuditInput in, FromCheck check) {
        Map<String, String> args = new HashMap<>();
        Set<String> stages = new HashSet<>();
        List<Hit> out = new ArrayList<>();
        for (Instruction ins : in.dockerfile().instructions()) {
            if (ins.keyword().equals("ARG") && ins.stage() < 0) {
                String[] kv = ins.args().split("=", 2);
                args.put(kv[0].strip(), kv.length > 1 ? kv[1].strip().replaceAll("^\"|\"$", "") : "");
            }
            if (!ins.keyword().equals("FROM")) {
                continue;
            }
            String[] words = ins.withoutFlags().split("\\s+");
            String image = resolve(words[0], args);
            if (words.length >= 3 && words[1].equalsIgnoreCase("AS")) {
                stages.add(words[2].toLowerCase(java.util.Locale.ROOT));
            }
            if (image.equalsIgnoreCase("scratch") || stages.contains(image.toLowerCase(java.util.Locale.ROOT))
                    && !(words.length >= 3 && words[2].equalsIgnoreCase(image))) {
                continue;
            }
            String message = check.check(ins, image);
            if (message != null) {
                out.add(new Hit(ins, message));
            }
        }
        return out;
    }

    static String resolve(String value, Map<String, String> args) {
        Matcher m = VAR.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String v = args.getOrDefault(name, m.group(3) != null ? m.group(3) : "");
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    static String lastPart(String image) {
        return image.substring(image.lastIndexOf('/') + 1);
    }
}
