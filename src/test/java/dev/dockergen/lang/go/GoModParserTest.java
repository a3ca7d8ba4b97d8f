package dev.dockergen.lang.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.ExitCode;
import dev.dockergen.detect.ProjectInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoModParserTest {

    @Test
    void readsModuleGoToolchainRequiresAndReplacesWithTheirLines() {
        GoMod mod = GoModParser.parse("go.mod", """
                // Service module
                module github.com/acme/api

                go 1.22.1

                toolchain go1.23.4

                require (
                \tgithub.com/go-chi/chi/v5 v5.2.1
                \tgolang.org/x/sys v0.20.0 // indirect
                )

                require github.com/mattn/go-sqlite3 v1.14.22

                replace example.com/lib => ./lib
                exclude golang.org/x/net v0.1.0
                """);
        assertEquals("github.com/acme/api", mod.modulePath());
        assertEquals(2, mod.moduleLine());
        assertEquals("1.22.1", mod.goVersion());
        assertEquals(4, mod.goLine());
        assertEquals("go1.23.4", mod.toolchain());
        assertEquals(6, mod.toolchainLine());
        assertEquals(3, mod.requires().size());
        assertEquals(new GoMod.Require("github.com/go-chi/chi/v5", "v5.2.1", false, 9), mod.requires().get(0));
        assertTrue(mod.requires().get(1).indirect());
        assertEquals(13, mod.requires().get(2).line());
        assertEquals(new GoMod.Replace("example.com/lib", "./lib", true, 15), mod.replaces().get(0));
    }

    @Test
    void acceptsQuotedModulePathAndNoGoDirective() {
        GoMod mod = GoModParser.parse("go.mod", "module \"example.com/quoted\"\n");
        assertEquals("example.com/quoted", mod.modulePath());
        assertNull(mod.goVersion());
        assertNull(mod.toolchain());
    }

    @Test
    void replaceWithAModuleTargetIsNotLocal() {
        GoMod mod = GoModParser.parse("go.mod", "module a.b/c\nreplace x.y/z v1.0.0 => x.y/fork v1.0.1\n");
        assertFalse(mod.replaces().get(0).local());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("module a.b/c\nrequre x.y/z v1\n", "go.mod:2: unknown directive 'requre'; go.mod allows "
                        + "exclude, go, godebug, ignore, module, replace, require, retract, tool, toolchain "
                        + "(run `go mod tidy` to repair the file)"),
                Arguments.of("module a.b/c\ngo one.two\n",
                        "go.mod:2: invalid go version 'one.two'; write it as `go 1.22` or `go 1.22.3`"),
                Arguments.of("go 1.22\n",
                        "go.mod: no module directive; start the file with `module example.com/app` (or run `go mod init`)"),
                Arguments.of("module a.b/c\nrequire (\n\tx.y/z v1.0.0\n",
                        "go.mod:2: the require block opened here is never closed with ')'"),
                Arguments.of("module a.b/c\nmodule d.e/f\n",
                        "go.mod:2: second module directive (the first is on line 1); keep one"),
                Arguments.of("module a.b/c\nrequire x.y/z\n",
                        "go.mod:2: a require line takes a module path and a version, e.g. `github.com/x/y v1.2.3`"),
                Arguments.of("module \"a.b/c\n", "go.mod:1: unterminated quoted string"),
                Arguments.of("module \"a.b/c; RUN curl evil\"\n", "go.mod:1: invalid module path 'a.b/c; RUN curl evil'; "
                        + "use letters, digits and - . _ ~ / only, e.g. example.com/app"),
                Arguments.of("module a.b/c\ntoolchain 1.23\n",
                        "go.mod:2: invalid toolchain '1.23'; write it as `toolchain go1.22.3`"),
                Arguments.of("module a.b/c\u0007\n", "go.mod:1: control character in go.mod; remove it"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedFilesWithFileLineAndFix(String text, String message) {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> GoModParser.parse("go.mod", text));
        assertEquals(message, e.getMessage());
        assertEquals(ExitCode.BAD_PROJECT, e.exitCode());
    }
}
