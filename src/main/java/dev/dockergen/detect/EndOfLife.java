package dev.dockergen.detect;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When each version of one runtime stopped getting security fixes, for a one-line warning when the project picks a
 * version past its end. Each language keeps its own table (in lang/&lt;id&gt;/) with the published schedule it comes from.
 *
 * <p>The rule is deterministic: a version is past its end when the table gives it a date on or before {@code asOf},
 * the day the table was last checked against its schedule, never the clock of the machine that runs dockergen. A
 * later date in the table is kept, and warns from the release whose table's {@code asOf} reaches it. Updating a table
 * means re-reading the schedule, adding the new dates and moving {@code asOf}.
 *
 * @param runtime    the name in the message ("Node", "Python")
 * @param asOf       ISO date the table was last checked against {@code schedule}
 * @param schedule   who publishes the dates, named in the message
 * @param ends       version (as the language writes it: "16", "3.8", "1.19") to ISO end-of-life date
 * @param olderEnded whether a version older than every entry ended by the oldest entry's date (true when the table
 *                   starts where the schedule's unsupported history is all long over)
 */
public record EndOfLife(String runtime, String asOf, String schedule, Map<String, String> ends, boolean olderEnded) {

    public EndOfLife {
        TreeMap<String, String> sorted = new TreeMap<>(EndOfLife::compareVersions);
        sorted.putAll(ends);
        ends = java.util.Collections.unmodifiableMap(sorted);
    }

    /** The end-of-life date of {@code version} if it is on or before {@link #asOf}; empty otherwise. */
    public Optional<String> ended(String version) {
        if (version == null || !version.matches("[0-9]+(\\.[0-9]+)*")) {
            return Optional.empty();
        }
        String date = ends.get(version);
        if (date == null && olderEnded && !ends.isEmpty()
                && compareVersions(version, ends.keySet().iterator().next()) < 0) {
            return Optional.of("by " + ends.values().stream().sorted().findFirst().orElseThrow());
        }
        return date != null && date.compareTo(asOf) <= 0 ? Optional.of("on " + date) : Optional.empty();
    }

    /**
     * The warning for a version the project chose ({@code version} with its source), or empty when the project chose
     * none or the version is supported; {@code current} is the supported version to move to.
     */
    public Optional<Warning> warning(Fact<String> version, String key, String current) {
        if (version == null || version.source() == null) {
            return Optional.empty();
        }
        return ended(key).map(when -> new Warning(version.source(), runtime + " " + version.value()
                + " reached its end of life " + when + " (" + schedule + "): it gets no security fixes; move to a "
                + "supported " + runtime + " such as " + current));
    }

    /** Numeric comparison of dotted versions: 1.9 &lt; 1.19, 3.8 &lt; 3.10. */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
