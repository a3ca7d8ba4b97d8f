package dev.dockergen.lang.node;

import dev.dockergen.detect.EndOfLife;
import java.util.Map;

/**
 * Node.js majors' end-of-life dates, from the Node.js Release Working Group's schedule (nodejs/Release, schedule.json,
 * "end"; read 2026-12-03 from its copy of 2026-07-02). Majors before 4 all ended by 4's date.
 */
final class NodeEndOfLife {
    static final EndOfLife TABLE = new EndOfLife("Node", "2026-12-03", "Node.js release schedule", Map.ofEntries(
            Map.entry("4", "2018-04-30"), Map.entry("5", "2016-06-30"), Map.entry("6", "2019-04-30"),
            Map.entry("7", "2017-06-30"), Map.entry("8", "2019-12-31"), Map.entry("9", "2018-06-30"),
            Map.entry("10", "2021-04-30"), Map.entry("11", "2019-06-01"), Map.entry("12", "2022-04-30"),
            Map.entry("13", "2020-06-01"), Map.entry("14", "2023-04-30"), Map.entry("15", "2021-06-01"),
            Map.entry("16", "2023-09-11"), Map.entry("17", "2022-06-01"), Map.entry("18", "2025-04-30"),
            Map.entry("19", "2023-06-01"), Map.entry("20", "2026-04-30"), Map.entry("21", "2024-06-01"),
            Map.entry("22", "2027-04-30"), Map.entry("23", "2025-06-01"), Map.entry("24", "2028-04-30"),
            Map.entry("25", "2026-06-01"), Map.entry("26", "2029-04-30"), Map.entry("27", "2030-04-30")), true);

    private NodeEndOfLife() {
    }
}
