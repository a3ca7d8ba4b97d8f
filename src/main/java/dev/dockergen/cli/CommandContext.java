package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import java.util.Map;
import java.util.function.Supplier;

/** What every command may use: the façade (built on first use) and the process environment. */
record CommandContext(Supplier<Dockergen> dockergen, Map<String, String> env) {
}
