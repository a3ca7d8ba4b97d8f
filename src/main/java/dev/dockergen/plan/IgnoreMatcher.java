package dev.dockergen.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a path is left out of the build context by .dockerignore patterns, with the
 * builder's rules: '*' and '?' within a path element, '**' across elements, '!' re-includes, the
 * last matching pattern wins, and a pattern that matches a directory leaves out all below it.
 */
public final class IgnoreMatcher {
    private record Rule(Pattern regex, boolean exclude) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public IgnoreMatcher(List<String> patterns) {
        for (String raw : patterns) {
            String p = raw.strip();
            if (p.isEmpty() || p.startsWith("#")) {
                continue;
            }
            boolean exclude = !p.startsWith("!");
            if (!exclude) {
                p = p.substring(1).strip();
            }
            while (p.startsWith("/")) {
                p = p.substring(1);
            }
            while (p.startsWith("./")) {
                p = p.substring(2);
            }
            if (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            rules.add(new Rule(toRegex(p), exclude));
        }
    }

    private static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder("^");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        re.append("(?:.*/)?"); // "**/" matches zero or more directories
                    } else {
                        re.append(".*");
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\' && i + 1 < glob.length()) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.append("$").toString());
    }

    /** True when the path (relative to the context, '/'-separated) is not sent to the builder. */
    public boolean ignores(String path) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (matchesOrParent(rule.regex, path)) {
                ignored = rule.exclude;
            }
        }
        return ignored;
    }

    /** True when this single pattern, alone, would leave the path out. */
    public static boolean patternIgnores(String pattern, String path) {
        return new IgnoreMatcher(List.of(pattern)).ignores(path);
    }

    private static boolean matchesOrParent(Pattern regex, String path) {
        for (String p = path; !p.isEmpty(); p = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "") {
            if (regex.matcher(p).matches()) {
                return true;
            }
        }
        return false;
    }
}
