package dev.dockergen.lang.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the usage text and configuration table say about starting a program in the foreground, or with a command. */
class CLaunchTest {
    private static CLaunch launch(String source) {
        return CLaunch.find(List.of(CSourceScan.scan("main.c", source, new HashMap<>())));
    }

    @Test
    void anOptionNotToGoToTheBackgroundIsPassed() {
        assertEquals(List.of("-D"), launch("static const char *h = \" -D         don't go to background (default: go to background)\\n\";")
                .foreground().value());
        assertEquals(List.of("-F"), launch("puts(\"-F\\t\\tDon't fork into background\\n\");").foreground().value());
        assertEquals(List.of("--foreground"), launch("puts(\"  --foreground   stay in the foreground\\n\");").foreground().value());
        // a long option table names it without a usage line
        assertEquals(List.of("--no-daemon"), launch("static const OptionDef defs[] = {\n\t{\"no-daemon\", \"don't detach from console\"},\n};")
                .foreground().value());
        assertEquals(List.of("--foreground"), launch("static struct option o[] = { { \"foreground\", no_argument, NULL, 'F' } };")
                .foreground().value());
    }

    @Test
    void anOptionThatDaemonisesIsNotPassed() {
        // the program stays in the foreground unless asked: nothing to add
        assertNull(launch("puts(\" -d, --daemon   run as a daemon\\n\");").foreground());
        assertNull(launch("puts(\" -d : put the broker into the background after starting.\\n\");").foreground());
    }

    @Test
    void aDaemonDirectiveNeedsTheDirectivesOption() {
        String table = "static cmd_t cmds[] = { { ngx_string(\"daemon\"), flag }, };\n";
        assertNull(launch(table).foreground());
        CLaunch both = launch(table + "puts(\"  -g directives : set global directives out of configuration file\\n\");");
        assertEquals(List.of("-g", "daemon off;"), both.foreground().value());
        // a syslog facility named daemon is no directive
        assertNull(launch("static const char *f[] = { \"kern\", \"user\", \"daemon\" };\n"
                + "puts(\"  -g directives : set global directives\\n\");").foreground());
    }

    @Test
    void aUsageLineThatTakesACommandIsSeen() {
        assertNotNull(launch("puts(\"    ttyd [options] <command> [<arguments...>]\\n\");").runsCommand());
        assertNull(launch("puts(\"usage: %s [options] <file>\\n\");").runsCommand());
    }
}
