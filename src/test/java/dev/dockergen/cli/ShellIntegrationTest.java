package dev.dockergen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.Fixtures;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/** Completion script, man pages and colour: what the shell and the terminal see. */
class ShellIntegrationTest {
    @Test
    void completionScriptCoversEveryCommand() {
        CliRunner.Result r = CliRunner.run("generate-completion");
        assertEquals(0, r.code(), r.err());
        for (String command : new String[] {"init", "detect", "check", "audit", "presets"}) {
            assertTrue(r.out().contains(command), command);
        }
        assertTrue(r.out().contains("complete -F"), "a bash completion function is registered");
        assertTrue(r.out().contains("--final"), "options complete too");
    }

    /** Man pages (AsciiDoc, doctype manpage) for every command, written to target/man by picocli-codegen. */
    @Test
    void manPagesAreGeneratedForEveryCommand() throws IOException {
        CommandLine cl = Main.commandLine(Fixtures::dockergen, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of());
        File out = Path.of("target", "man").toFile();
        int rc = ManPageGenerator.generateManPage(out, null, new boolean[0], true, cl.getCommandSpec());
        assertEquals(0, rc);
        String init = Files.readString(out.toPath().resolve("dockergen-init.adoc"));
        assertTrue(init.contains(":doctype: manpage"), init);
        assertTrue(init.contains("--dry-run"), init);
        assertTrue(Files.readString(out.toPath().resolve("dockergen-audit.adoc")).contains("--fail-on"));
    }

    @Test
    void theExitCodeTableIsOnTheTopLevelHelpOnly() {
        CliRunner.Result top = CliRunner.run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("Exit codes:") && top.out().contains("130"), top.out());
        for (String command : new String[] {"init", "detect", "check", "audit", "presets"}) {
            CliRunner.Result sub = CliRunner.run(command, "--help");
            assertEquals(0, sub.code(), command);
            assertTrue(!sub.out().contains("Exit codes:"), command + ": " + sub.out());
        }
    }

    @Test
    void noColorTurnsColourOffEvenWhereItWouldBeOn() {
        CommandLine plain = Main.commandLine(Fixtures::dockergen, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of("NO_COLOR", "1"));
        assertEquals(CommandLine.Help.Ansi.OFF, plain.getColorScheme().ansi());
        CommandLine auto = Main.commandLine(Fixtures::dockergen, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of("NO_COLOR", ""));
        assertEquals(CommandLine.Help.Ansi.AUTO, auto.getColorScheme().ansi(), "an empty NO_COLOR does not count");
    }
}
