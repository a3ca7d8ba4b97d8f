package dev.dockergen;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says in the build output why tests were skipped (the container lab or the linters missing, ...), one line per
 * reason with the number of tests and their tags, after the run; the XML reports alone hide it. Registered through
 * META-INF/services, so every JUnit run (Maven, an IDE) prints it.
 */
public final class SkipReasons implements TestExecutionListener {
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, TreeSet<String>> tags = new TreeMap<>();
    private final PrintStream out;

    public SkipReasons() {
        this(System.out);
    }

    SkipReasons(PrintStream out) {
        this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED && test.isTest()) {
            record(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private void record(TestIdentifier test, String reason) {
        String why = Optional.ofNullable(reason).orElse("no reason given").replaceFirst("^Assumption failed: ", "").strip();
        counts.merge(why, 1, Integer::sum);
        tags.computeIfAbsent(why, k -> new TreeSet<>()).addAll(test.getTags().stream().map(TestTag::getName).toList());
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        counts.forEach((why, n) -> out.println("[SKIPPED] " + n + " test" + (n == 1 ? "" : "s")
                + (tags.get(why).isEmpty() ? "" : " (" + tags.get(why).stream().collect(Collectors.joining(", ")) + ")")
                + ": " + why));
        out.flush();
        counts.clear();
        tags.clear();
    }
}
