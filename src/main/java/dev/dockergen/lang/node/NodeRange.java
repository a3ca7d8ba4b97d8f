package dev.dockergen.lang.node;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** npm's semver ranges (engines.node), asked only one thing: does some release of a Node major satisfy it. */
final class NodeRange {
    private static final Pattern COMPARATOR = Pattern.compile("^(>=|<=|>|<|=|\\^|~)?v?([0-9]+|[xX*])(?:\\.([0-9]+|[xX*]))?"
            + "(?:\\.([0-9]+|[xX*]))?(?:[-+][0-9A-Za-z.-]*)?$");
    private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");

    private NodeRange() {
    }

    /**
     * Whether a release of {@code major} satisfies the range (tried from x.0.0 to x.60.30); true when the range is
     * not one this reads, so nothing is warned about what was not understood.
     */
    static boolean allowsMajor(String range, int major) {
        for (String alternative : range.split("\\|\\|")) {
            List<String> comparators = comparators(alternative);
            if (comparators == null) {
                return true;
            }
            for (int minor = 0; minor <= 60; minor++) {
                for (int patch = 0; patch <= 30; patch++) {
                    int[] v = {major, minor, patch};
                    if (comparators.stream().allMatch(c -> satisfies(c, v))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The comparators of one alternative (hyphen ranges as >= and <=), or null when one is not understood. */
    private static List<String> comparators(String alternative) {
        String a = HYPHEN.matcher(alternative.strip()).replaceAll(">=$1 <=$2");
        List<String> out = new ArrayList<>();
        for (String c : a.replaceAll("(>=|<=|>|<|=|\\^|~)\\s+", "$1").split("\\s+")) {
            if (c.isEmpty()) {
                continue;
            }
            if (!COMPARATOR.matcher(c).matches()) {
                return null;
            }
            out.add(c);
        }
        return out;
    }

    private static boolean satisfies(String comparator, int[] v) {
        Matcher m = COMPARATOR.matcher(comparator);
        if (!m.matches()) {
            return true;
        }
        String op = m.group(1) == null ? "" : m.group(1);
        int given = 0;
        int[] w = new int[3];
        for (int i = 0; i < 3; i++) {
            String part = m.group(i + 2);
            if (part == null || part.equalsIgnoreCase("x") || part.equals("*")) {
                break;
            }
            w[i] = Integer.parseInt(part);
            given++;
        }
        if (given == 0) {
            return true; // *, x: any version
        }
        int cmp = compare(v, w);
        return switch (op) {
            case ">=" -> cmp >= 0;
            case "<=" -> given == 3 ? cmp <= 0 : prefix(v, w, given) || cmp < 0;
            case ">" -> given == 3 ? cmp > 0 : !prefix(v, w, given) && cmp > 0;
            case "<" -> cmp < 0;
            case "^" -> cmp >= 0 && prefix(v, w, w[0] != 0 ? 1 : 2);
            case "~" -> cmp >= 0 && prefix(v, w, given >= 2 ? 2 : 1);
            default -> prefix(v, w, given); // 20, 20.x, =20.1.2
        };
    }

    private static boolean prefix(int[] v, int[] w, int n) {
        for (int i = 0; i < n; i++) {
            if (v[i] != w[i]) {
                return false;
            }
        }
        return true;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
