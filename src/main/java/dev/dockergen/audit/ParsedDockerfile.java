package dev.dockergen.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read the way the builder reads it: comment lines and parser directives apart,
 * backslash-continued lines folded into one instruction that keeps the line it started on.
 */
public record ParsedDockerfile(List<String> directives, List<Instruction> instructions) {
    /** One instruction: upper-case keyword, the rest of the (folded) line, 1-based start line. */
    public record Instruction(String keyword, String args, int line, int stage) {
        /** A {@code --name=value} flag at the start of the arguments, or null. */
        public String flag(String name) {
            for (String word : args.split("\\s+")) {
                if (!word.startsWith("--")) {
                    break;
                }
                if (word.startsWith("--" + name + "=")) {
                    return word.substring(name.length() + 3);
                }
            }
            return null;
        }

        /** The arguments after any leading {@code --flags}. */
        public String withoutFlags() {
            return args.replaceFirst("^(--\\S+\\s+)*", "");
        }
    }

    public ParsedDockerfile {
        directives = List.copyOf(directives);
        instructions = List.copyOf(instructions);
    }

    public static ParsedDockerfile parse(String text) {
        List<String> directives = new ArrayList<>();
        List<Instruction> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean directivesAllowed = true;
        StringBuilder current = null;
        int start = 0;
        int stage = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (current == null) {
                if (trimmed.isEmpty()) {
                    directivesAllowed = false;
                    continue;
                }
                if (trimmed.startsWith("#")) {
                    if (directivesAllowed && trimmed.matches("#\\s*[a-zA-Z]+\\s*=.*")) {
                        directives.add(trimmed.substring(1).strip());
                    } else {
                        directivesAllowed = false;
                    }
                    continue;
                }
                directivesAllowed = false;
                current = new StringBuilder();
                start = i + 1;
            } else if (trimmed.startsWith("#")) {
                continue; // comments inside a continued instruction are dropped by the builder
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String folded = current.toString().replaceAll("\\s+", " ").strip();
            current = null;
            int space = folded.indexOf(' ');
            String keyword = (space < 0 ? folded : folded.substring(0, space)).toUpperCase(Locale.ROOT);
            String args = space < 0 ? "" : folded.substring(space + 1);
            if (keyword.equals("FROM")) {
                stage++;
            }
            out.add(new Instruction(keyword, args, start, stage));
        }
        return new ParsedDockerfile(directives, out);
    }

    public int stageCount() {
        return (int) instructions.stream().filter(i -> i.keyword().equals("FROM")).count();
    }

    /** Instructions of one stage (its FROM included); stage -1 holds global ARGs. */
    public List<Instruction> stage(int n) {
        return instructions.stream().filter(i -> i.stage() == n).toList();
    }
}
