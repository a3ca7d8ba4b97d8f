package dev.dockergen.lang.go;

import dev.dockergen.detect.EndOfLife;
import java.util.Map;

/**
 * Go releases' end-of-life dates: each release is supported until there are two newer major releases (go.dev/doc/devel/
 * release#policy), so 1.N ends when 1.(N+2) is out; dates as endoflife.date/go lists them (read 2026-12-03). 1.25 ends
 * with Go 1.27's release (August 2026), whose exact day this table has no source for yet: add it when it has one.
 * Releases before 1.15 all ended by 1.15's date.
 */
final class GoEndOfLife {
    /** The release the warning suggests: the go presets' default. */
    static final String CURRENT = "1.26";
    static final EndOfLife TABLE = new EndOfLife("Go", "2026-12-03", "Go release policy", Map.of(
            "1.15", "2021-08-16", "1.16", "2022-03-15", "1.17", "2022-08-02", "1.18", "2023-02-01",
            "1.19", "2023-09-06", "1.20", "2024-02-06", "1.21", "2024-08-13", "1.22", "2025-02-11",
            "1.23", "2025-08-12", "1.24", "2026-02-11"), true);

    private GoEndOfLife() {
    }
}
