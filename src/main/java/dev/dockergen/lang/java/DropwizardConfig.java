package dev.dockergen.lang.java;

import static dev.dockergen.lang.java.JavaDetector.under;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dropwizard application's configuration file: Dropwizard runs as {@code server FILE}, and FILE's {@code server:}
 * block names the application port. Read line by line (such files are often templates that are not YAML yet).
 *
 * @param file the file, relative to the build root
 * @param lines its lines
 */
record DropwizardConfig(String file, String[] lines) {
    private static final Pattern TOP_SERVER = Pattern.compile("^server:\\s*(#.*)?$");
    private static final Pattern CONNECTORS = Pattern.compile("^(\\s+)(applicationConnectors|application_connectors|connector):");
    private static final Pattern PORT = Pattern.compile("^\\s*(?:-\\s+)?port:\\s*([0-9]{1,5})\\s*(#.*)?$");
    private static final Pattern BIND_HOST = Pattern.compile("^\\s*(?:-\\s+)?(?:bindHost|bind_host):\\s*\"?([A-Za-z0-9.:\\[\\]-]+)\"?\\s*(#.*)?$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*\\.ya?ml");

    /**
     * The module's configuration file: the first {@code *.yml}/{@code *.yaml} at the module's root, else in
     * src/main/resources, with a top-level {@code server:} block.
     */
    static Optional<DropwizardConfig> find(ProjectFiles files, String dir) {
        // the module's root, its resources, then the build root (a module in a subfolder started from the repository's root)
        for (String folder : dir.isEmpty() ? List.of(dir, "src/main/resources") : List.of(dir, under(dir, "src/main/resources"), "")) {
            List<String> candidates = new ArrayList<>(files.walk(folder, 0, d -> true));
            for (String path : candidates) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (!NAME.matcher(name).matches() || name.startsWith("docker-compose") || name.startsWith("compose")) {
                    continue;
                }
                Optional<String> text = files.read(path);
                if (text.isEmpty()) {
                    continue;
                }
                String[] lines = text.get().split("\r?\n", -1);
                for (String line : lines) {
                    if (TOP_SERVER.matcher(line).matches()) {
                        return Optional.of(new DropwizardConfig(path, lines));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first application connector's port in the server block, with its line; null when it sets none. */
    Fact<Integer> port() {
        Fact<String> v = connector(PORT);
        if (v == null) {
            return null;
        }
        int port = Integer.parseInt(v.value());
        return port >= 1 && port <= 65535 ? Fact.of(port, v.source()) : null;
    }

    /** The first application connector's bindHost (bind_host), with its line; null when it sets none. */
    Fact<String> bindHost() {
        return connector(BIND_HOST);
    }

    private Fact<String> connector(Pattern wanted) {
        boolean inServer = false;
        int connectorIndent = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                inServer = TOP_SERVER.matcher(line).matches();
                connectorIndent = -1;
                continue;
            }
            if (!inServer) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            Matcher c = CONNECTORS.matcher(line);
            if (c.find()) {
                connectorIndent = c.group(1).length();
                continue;
            }
            if (connectorIndent >= 0 && indent <= connectorIndent && !line.stripLeading().startsWith("-")) {
                connectorIndent = -1;
            }
            Matcher p = wanted.matcher(line);
            if (connectorIndent >= 0 && p.matches()) {
                return Fact.of(p.group(1), file, i + 1);
            }
        }
        return null;
    }

    /** The file's name, as the image holds it next to the jar. */
    String name() {
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
