package dev.dockergen.lang.python;

import dev.dockergen.detect.EndOfLife;
import java.util.Map;

/**
 * CPython minors' end-of-life dates, from the Python developer's guide ("Status of Python versions", the PEPs of each
 * release: 3.9 PEP 596, 3.10 PEP 619, ...), as endoflife.date/python lists them; read 2026-12-03. Versions before
 * 3.6 all ended by 3.6's date.
 */
final class PythonEndOfLife {
    static final EndOfLife TABLE = new EndOfLife("Python", "2026-12-03", "Python release schedule", Map.of(
            "3.6", "2021-12-23", "3.7", "2023-06-27", "3.8", "2024-10-07", "3.9", "2025-10-31",
            "3.10", "2026-10-31", "3.11", "2027-10-31", "3.12", "2028-10-31", "3.13", "2029-10-31",
            "3.14", "2030-10-31"), true);

    private PythonEndOfLife() {
    }
}
