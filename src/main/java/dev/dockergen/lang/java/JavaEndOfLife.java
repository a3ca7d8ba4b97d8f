package dev.dockergen.lang.java;

import dev.dockergen.detect.EndOfLife;
import java.util.Map;

/**
 * Java feature releases' end of life as the images dockergen uses ship them (Eclipse Temurin in eclipse-temurin and
 * maven, and distroless java): a non-LTS release gets no update after the next release is out (OpenJDK's six-month
 * cadence; release dates from openjdk.org/projects/jdk/N). The LTS releases 8, 11, 17, 21 and 25 are all still
 * supported by Eclipse Temurin (adoptium.net/support) on 2026-12-03, when this table was read, so they have no entry;
 * releases before 8 are not warned about here (javac of a published JDK refuses them first).
 */
final class JavaEndOfLife {
    static final EndOfLife TABLE = new EndOfLife("Java", "2026-12-03", "OpenJDK release cadence", Map.ofEntries(
            Map.entry("9", "2018-03-20"), Map.entry("10", "2018-09-25"), Map.entry("12", "2019-09-17"),
            Map.entry("13", "2020-03-17"), Map.entry("14", "2020-09-15"), Map.entry("15", "2021-03-16"),
            Map.entry("16", "2021-09-14"), Map.entry("18", "2022-09-20"), Map.entry("19", "2023-03-21"),
            Map.entry("20", "2023-09-19"), Map.entry("22", "2024-09-17"), Map.entry("23", "2025-03-18"),
            Map.entry("24", "2025-09-16")), false);

    private JavaEndOfLife() {
    }
}
