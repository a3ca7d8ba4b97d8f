package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import java.io.BufferedReader;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every command may use: the façade (built on first use), the process environment, the input
 * answers are read from, and whether that input is a person at a terminal.
 */
record CommandContext(Supplier<Dockergen> dockergen, Map<String, String> env, BufferedReader in, boolean terminal) {
}
