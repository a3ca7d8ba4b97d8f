package dev.dockergen.lang.go;

import dev.dockergen.detect.Source;
import java.util.List;

/** The start command of a Go server: the binary, or its server subcommand where the port belongs to one. */
final class GoServerStart {
    private GoServerStart() {
    }

    /**
     * The command that starts the server: the binary, followed by its server subcommand ({@code app server}) when the
     * port is a flag of a package other than main and the program declares a subcommand named server, serve or web
     * (server first). A port that binds loopback by default belongs to a local preview (a CLI's own dev server).
     */
    static List<String> of(String binary, GoSourceScan.PortHint port, List<GoSourceScan> ordered,
                          List<GoSourceScan> scans) {
        if (port == null || port.loopback() || inMain(port.source(), scans)) {
            return List.of(binary);
        }
        boolean loopbackThere = ordered.stream().filter(s -> s.path.equals(port.source().file()))
                .anyMatch(s -> !s.loopbackFlags.isEmpty());
        if (loopbackThere) {
            return List.of(binary);
        }
        for (String name : List.of("server", "serve", "web")) {
            boolean declared = ordered.stream().flatMap(s -> s.serverSubcommands.stream()).anyMatch(u -> u.path().equals(name));
            if (declared) {
                return List.of(binary, name);
            }
        }
        return List.of(binary);
    }

    /** Whether a source line is in a file of package main: the program's own command line, not a subcommand's. */
    static boolean inMain(Source source, List<GoSourceScan> scans) {
        return scans.stream().anyMatch(s -> s.path.equals(source.file()) && "main".equals(s.packageName));
    }
}
