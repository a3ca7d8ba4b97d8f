package dev.dockergen.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The end-of-life rule is the table's own date, never the clock. */
class EndOfLifeTest {
    private static final EndOfLife TABLE = new EndOfLife("Lang", "2026-06-01", "Lang schedule",
            Map.of("1.8", "2020-01-01", "1.10", "2026-06-01", "1.11", "2026-06-02"), true);

    @Test
    void aDateCountsOnlyUpToTheTablesAsOfDate() {
        assertEquals(Optional.of("on 2020-01-01"), TABLE.ended("1.8"));
        assertEquals(Optional.of("on 2026-06-01"), TABLE.ended("1.10"), "the as-of day itself is past");
        assertEquals(Optional.empty(), TABLE.ended("1.11"), "a day after as-of is not, whatever the clock says");
        assertEquals(Optional.empty(), TABLE.ended("1.12"), "newer than every entry: supported");
    }

    @Test
    void olderThanEveryEntryEndedByTheEarliestDateWhenTheTableSaysSo() {
        assertEquals(Optional.of("by 2020-01-01"), TABLE.ended("1.7"));
        assertEquals(Optional.of("by 2020-01-01"), TABLE.ended("0.9"));
        EndOfLife partial = new EndOfLife("Lang", "2026-06-01", "s", Map.of("9", "2018-03-20"), false);
        assertEquals(Optional.empty(), partial.ended("8"));
        assertEquals(Optional.empty(), TABLE.ended("lts"));
    }

    @Test
    void onlyAVersionTheProjectNamesIsWarnedAbout() {
        assertEquals(Optional.empty(), TABLE.warning(new Fact<>("1.8", null), "1.8", "1.11"), "a default has no source");
        assertEquals("go.mod:3: Lang 1.8 reached its end of life on 2020-01-01 (Lang schedule): it gets no security "
                + "fixes; move to a supported Lang such as 1.11",
                TABLE.warning(Fact.of("1.8", "go.mod", 3), "1.8", "1.11").orElseThrow().toString());
    }
}
