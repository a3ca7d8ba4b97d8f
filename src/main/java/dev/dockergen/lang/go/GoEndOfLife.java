package dev.dockergen.lang.go;

import dev.dockergen.detect.EndOfLife;
import java.util.Map;

/**
 * Go releases' end-of-life dates: each release is supported until there are two newer major releases (go.dev/doc/devel/
 * release#policy), so 1.N ends when 1.(N+2) is out; dates as endoflife.date/go lists them (read 2026-12-03); 1.25 ended
 * when go1.27.0 was released on 2026-08-19 (go.dev/doc/devel/release). Releases before 1.15 all ended by 1.15's date.
 */
final class GoEndOfLife {
    /** The release the warning suggests: the go presets' default. */
    static final String CURRENT = "1.27";
    static final EndOfLife TABLE = new EndOfLife("Go", "2026-12-03", "Go release policy", Map.ofEntries(
            Map.entry("1.15", "2021-08-16"), Map.entry("1.16", "2022-03-15"), Map.entry("1.17", "2022-08-02"),
            Map.entry("1.18", "2023-02-01"), Map.entry("1.19", "2023-09-06"), Map.entry("1.20", "2024-02-06"),
            Map.entry("1.21", "2024-08-13"), Map.entry("1.22", "2025-02-11"), Map.entry("1.23", "2025-08-12"),
            Map.entry("1.24", "2026-02-11"), Map.entry("1.25", "2026-08-19")), true);

    private GoEndOfLife() {
    }
}
