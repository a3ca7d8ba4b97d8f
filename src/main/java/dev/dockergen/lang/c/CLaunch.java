package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Source;
import java.util.List;

/**
 * How the program must be started to serve from a container, read from its usage text and configuration table.
 *
 * <ul>
 * <li>A program that goes to the background by default would leave the container at once: its usage text's option to
 * stay in the foreground ({@code -D  don't go to background}) is passed; where its configuration has an on/off
 * {@code daemon} directive and the command line takes directives ({@code -g directives}), {@code daemon off;} is.</li>
 * <li>A program whose usage line takes a command to run ({@code [options] <command> [<arguments...>]}) serves that
 * command: the image gives it a shell.</li>
 * </ul>
 *
 * @param foreground the arguments that keep it in the foreground, with the usage line that names them, or null
 * @param runsCommand where the usage line takes a command to run, or null
 */
record CLaunch(Fact<List<String>> foreground, Source runsCommand) {
    static final CLaunch NONE = new CLaunch(null, null);

    static CLaunch find(List<CSourceScan> scans) {
        Fact<List<String>> foreground = null;
        CSourceScan flag = scans.stream().filter(s -> s.foregroundFlag != null).findFirst().orElse(null);
        CSourceScan directives = scans.stream().filter(s -> s.directivesFlag != null).findFirst().orElse(null);
        boolean daemonDirective = scans.stream().anyMatch(s -> s.daemonDirective != null);
        if (flag != null) {
            foreground = Fact.of(List.of(flag.foregroundFlag), flag.foregroundSource);
        } else if (directives != null && daemonDirective) {
            foreground = Fact.of(List.of(directives.directivesFlag, "daemon off;"), directives.directivesSource);
        }
        Source command = scans.stream().filter(s -> s.runsCommand != null).map(s -> s.runsCommand).findFirst().orElse(null);
        return new CLaunch(foreground, command);
    }

    /** The arguments the program is always started with: the foreground ones, or none. */
    List<String> fixedArgs() {
        return foreground == null ? List.of() : foreground.value();
    }
}
