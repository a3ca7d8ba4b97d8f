package dev.dockergen.lang.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.Fixtures;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.MemoryProjectFiles;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Warning;
import dev.dockergen.lang.Languages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CDetectorTest {
    private final List<Warning> warnings = new ArrayList<>();

    private ProjectFacts detect(ProjectFiles files) {
        return detect(files, DetectOptions.DEFAULT);
    }

    private ProjectFacts detect(ProjectFiles files, DetectOptions options) {
        return new CDetector().detect(files, options, warnings).orElseThrow();
    }

    private ProjectFacts fixture(String name) {
        return detect(new DirectoryProjectFiles(Fixtures.ROOT.resolve("c").resolve(name), name));
    }

    private static CDetails c(ProjectFacts p) {
        return (CDetails) p.details();
    }

    private static String fact(Fact<?> f) {
        return f == null ? null : f.value() + " @ " + f.source();
    }

    private static List<String> libs(ProjectFacts p) {
        return c(p).libraries().stream().map(l -> l.value().key() + " @ " + l.source()).toList();
    }

    private static MemoryProjectFiles repo(String... pathThenText) {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < pathThenText.length; i += 2) {
            files.put(pathThenText[i], pathThenText[i + 1]);
        }
        return new MemoryProjectFiles("repo", files);
    }

    /**
     * A one-file library's amalgamation over 1 MiB beside the program (mongoose.c linked in from the repository's top):
     * the search for paths into the parent skips it instead of failing the whole detection.
     */
    @Test
    void aSourceTooLargeToReadDoesNotStopTheParentFolderSearch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path app = java.nio.file.Files.createDirectories(tmp.resolve("examples/server"));
        java.nio.file.Files.writeString(tmp.resolve("net.h"), "int net_listen(int port);\n");
        java.nio.file.Files.writeString(app.resolve("Makefile"), "server: main.c big.c\n\t$(CC) -o $@ main.c big.c\n");
        java.nio.file.Files.writeString(app.resolve("main.c"), "#include \"../../net.h\"\nint main(void) { return 0; }\n");
        java.nio.file.Files.writeString(app.resolve("big.c"), "/* generated */\n".repeat(80_000));
        java.util.Optional<ProjectFacts> facts = new CDetector().detectModule(new DirectoryProjectFiles(tmp, "repo"), "examples/server",
                warnings);
        assertTrue(facts.isPresent(), "the folder is still built from the top, through main.c's include");
    }

    @Test
    void aGoProgramWithoutGoModAndVendoredCIsNotACProject() {
        assertTrue(new CDetector().detect(repo("main.go", "package main\n\nfunc main() {}\n", "Makefile", "all:\n\tgo build .\n",
                "vendor/example.org/sasl/sasl.c", "int sasl(void) { return 0; }\n"), DetectOptions.DEFAULT, warnings).isEmpty());
        assertTrue(new CDetector().detect(repo("tools/gen.go", "package main\n", "Makefile", "all: app\napp: app.c\n\tcc -o app app.c\n",
                "app.c", "int main(void) { return 0; }\n"), DetectOptions.DEFAULT, warnings).isPresent(),
                "a Go helper below the root does not make a C program a Go one");
    }

    @Test
    void makeServerGivesItsProgramFromTheDefaultGoalAndItsPortFromADefineInAHeader() {
        ProjectFacts p = fixture("make-server");
        assertEquals("make", p.buildTool());
        assertEquals("hello-server @ Makefile:10", fact(c(p).artefact()));
        assertEquals("8080 @ server.h:4", fact(p.port()));
        assertEquals("/healthz @ respond.c:8", fact(c(p).healthPath()));
        assertEquals(List.of("hello-server"), p.start());
        assertEquals(List.of(), libs(p));
        assertNull(c(p).makeLdflags(), "an empty LDFLAGS is no value to keep");
        assertEquals(List.of(), warnings);
    }

    /**
     * Real daemons name their port in a settings field and keep PORT-named lengths and codes beside it; their
     * Makefiles test for other systems' socket libraries. Neither may leak into the image.
     */
    @Test
    void aPortableDaemonTakesItsPortFromASettingsFieldAndNoOtherSystemsLibraries() {
        ProjectFacts p = fixture("make-portable-daemon");
        assertEquals("tallyd @ Makefile:14", fact(c(p).artefact()));
        assertEquals("11311 @ tallyd.c:19", fact(p.port()), "MAX_PORTLEN 6 and MSG_UNSUPPORTED 26 are not ports");
        assertEquals(List.of(), libs(p));
        assertEquals(List.of(), c(p).unknownLibraries(), "-lsocket, -lnsl, -lws2_32, -liphlpapi, -lgcov are skipped quietly");
        assertEquals(List.of(), warnings);
    }

    @Test
    void aPortNamedConstantAloneIsAPortOnlyInAProgramThatListens() {
        assertEquals(List.of(true, true, true, false, false, false), List.of("PORT", "DEFAULT_PORT", "HTTP_PORTNO",
                "MAX_PORTLEN", "MSG_UNSUPPORTED", "CLUSTER_PORT_INCR").stream().map(CSourceScan::portName).toList());
        ProjectFacts cli = detect(repo("Makefile", "all: tool\ntool: tool.c\n\t$(CC) -o $@ tool.c\n",
                "tool.c", "#define DEFAULT_PORT 8080\nint main(void) { return DEFAULT_PORT > 0 ? 0 : 1; }\n"));
        assertNull(cli.port(), "no listen call: a constant is not a port");
        ProjectFacts env = detect(repo("Makefile", "all: srv\nsrv: srv.c\n\t$(CC) -o $@ srv.c\n",
                "srv.c", "#include <stdlib.h>\nint main(void) {\n  const char *p = getenv(\"PORT\") ? getenv(\"PORT\") : \"7070\";\n"
                        + "  return listen(3, 1) + (p != 0);\n}\n"));
        assertEquals("7070 @ srv.c:3", fact(env.port()));
    }

    @Test
    void cmakeEscapedQuotesAndLegacyQuotedArgumentsAreValid() {
        ProjectFacts p = fixture("cmake-escaped-defines");
        assertEquals("stamp @ CMakeLists.txt:8", fact(c(p).artefact()));
        assertNull(p.port());
    }

    @Test
    void cmakeCliGivesTargetMinimumVersionAndZlibFromFindPackage() {
        ProjectFacts p = fixture("cmake-cli");
        assertEquals("cmake", p.buildTool());
        assertEquals("zpack @ CMakeLists.txt:7", fact(c(p).artefact()));
        assertEquals("3.16 @ CMakeLists.txt:1", fact(c(p).cmakeMinimum()));
        assertEquals("zpack @ CMakeLists.txt:2", fact(c(p).projectName()));
        assertEquals(List.of("z @ CMakeLists.txt:5"), libs(p));
        assertEquals("zlib1g-dev", c(p).libraries().get(0).value().debDev());
        assertEquals("zlib-static", c(p).libraries().get(0).value().apkStatic());
        assertNull(p.port(), "a command-line program");
    }

    @Test
    void autotoolsServerTakesTheProgramFromMakefileAmAndThePortFromTheReadmeRunInstructions() {
        ProjectFacts p = fixture("autotools-server");
        assertEquals("autotools", p.buildTool());
        assertEquals("src/greeter @ src/Makefile.am:1", fact(c(p).artefact()));
        assertEquals("greeter @ configure.ac:2", fact(c(p).projectName()));
        assertEquals(List.of("pthread @ configure.ac:6"), libs(p));
        assertTrue(c(p).needsAutoreconf());
        assertEquals("9090 @ README.md:4", fact(p.port()), "the README passes --port 9090 over the code's default 7000");
        assertEquals("[--port, 9090] @ README.md:4", fact(c(p).runArgs()));
    }

    @Test
    void mesonAndCppAndPkgConfigLibraries() {
        ProjectFacts meson = fixture("meson-tally");
        assertEquals("tally @ meson.build:4", fact(c(meson).artefact()));
        assertEquals(List.of("sqlite3 @ meson.build:3"), libs(meson));
        assertTrue(c(meson).usesPkgConfig());
        ProjectFacts cpp = fixture("cpp-cmake");
        assertEquals("true @ CMakeLists.txt:2", fact(c(cpp).cxx()));
        assertEquals(List.of("pthread @ CMakeLists.txt:5"), libs(cpp));
        ProjectFacts systemd = fixture("systemd-notify");
        assertEquals(List.of("systemd @ Makefile:2"), libs(systemd));
        assertEquals("notifier @ Makefile:4", fact(c(systemd).artefact()), "make's built-in link rule");
    }

    @Test
    void makefileVariablesLinkFlagsAndTheOutputOfTheLinkCommand() {
        ProjectFacts p = detect(repo(
                "Makefile", """
                        BIN := bin/api
                        LDFLAGS = -L/opt/lib
                        LDLIBS = -lssl -lcrypto \\
                                 -lpthread -lm
                        all: $(BIN)
                        $(BIN): main.o
                        \tmkdir -p bin && ls -la
                        \t$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $(BIN)
                        """,
                "main.c", "#include <netinet/in.h>\nint main(void) { struct sockaddr_in a; a.sin_port = htons(9000);"
                        + " return a.sin_port == htons(1); }\n"));
        assertEquals("bin/api @ Makefile:6", fact(c(p).artefact()));
        assertEquals("-L/opt/lib @ Makefile:2", fact(c(p).makeLdflags()));
        assertEquals(List.of("ssl @ Makefile:3", "crypto @ Makefile:3", "pthread @ Makefile:3", "m @ Makefile:3"), libs(p),
                "`ls -la` names no library");
        assertEquals("9000 @ main.c:2", fact(p.port()), "a literal in htons is a port where a port is set");
        ProjectFacts length = detect(repo("Makefile", "app: main.o\n",
                "main.c", "#include <netinet/in.h>\nint main(void) { return htons(1) == htons(512); }\n"));
        assertNull(length.port(), "htons(1) on a length or an id is not a port");
    }

    @Test
    void cmakeVariablesOutputDirectoryAndPkgConfigModules() {
        ProjectFacts p = detect(repo("CMakeLists.txt", """
                cmake_minimum_required(VERSION 3.22...3.28)
                project(relay LANGUAGES C)
                set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
                find_package(PkgConfig REQUIRED)
                pkg_check_modules(DEPS REQUIRED IMPORTED_TARGET libcurl>=7.0 jansson)
                add_executable(${PROJECT_NAME} main.c) # the program
                target_link_libraries(${PROJECT_NAME} PRIVATE PkgConfig::DEPS m)
                """, "main.c", "int main(void) { return 0; }\n"));
        assertEquals("bin/relay @ CMakeLists.txt:6", fact(c(p).artefact()));
        assertEquals("3.22 @ CMakeLists.txt:1", fact(c(p).cmakeMinimum()));
        assertEquals(List.of("curl @ CMakeLists.txt:5", "jansson @ CMakeLists.txt:5", "m @ CMakeLists.txt:7"), libs(p));
        assertTrue(c(p).usesPkgConfig());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aReleaseTarballWithConfigureAndMakefileInNeedsNoAutoreconf() {
        ProjectFacts p = detect(repo("configure", "#!/bin/sh\n", "Makefile.in", "bin_PROGRAMS = tool$(EXEEXT)\nfoo = 1\n",
                "tool.c", "int main(void) { return 0; }\n"));
        assertEquals("autotools", p.buildTool());
        assertEquals(false, c(p).needsAutoreconf());
        assertEquals("tool @ Makefile.in:1", fact(c(p).artefact()));
    }

    @Test
    void anUnknownLibraryIsWarnedWithItsSource() {
        detect(repo("CMakeLists.txt", "project(x C)\nadd_executable(x x.c)\ntarget_link_libraries(x PRIVATE frobnicate)\n",
                "x.c", "int main(void) { return 0; }\n"));
        assertEquals(1, warnings.size());
        assertEquals("CMakeLists.txt:3", warnings.get(0).source().toString());
        assertTrue(warnings.get(0).message().startsWith("-lfrobnicate is not in dockergen's library table"), warnings.get(0).message());
    }

    @Test
    void severalProgramsTakeTheOneNamedLikeTheProjectAndMainChoosesAnother() {
        MemoryProjectFiles files = repo("CMakeLists.txt", "project(tool C)\nadd_executable(bench b.c)\nadd_executable(tool t.c)\n",
                "b.c", "int main(void) { return 0; }\n", "t.c", "int main(void) { return 0; }\n");
        assertEquals("tool @ CMakeLists.txt:3", fact(c(detect(files)).artefact()));
        assertEquals("bench @ CMakeLists.txt:2", fact(c(detect(files, new DetectOptions("bench"))).artefact()));
        DockergenException e = assertThrows(DockergenException.class, () -> detect(files, new DetectOptions("nope")));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void notCWithoutSourcesAndNotCInsideAGoOrNodeProject() {
        assertTrue(new CDetector().detect(repo("Makefile", "all:\n\tgo build ./...\n"), DetectOptions.DEFAULT, warnings).isEmpty());
        assertTrue(new CDetector().detect(repo("go.mod", "module x\n", "Makefile", "all: x\n", "x.c", "int main(void){}\n"),
                DetectOptions.DEFAULT, warnings).isEmpty());
    }

    @Test
    void aNestedCMakeListsWithoutProjectIsPartOfTheRootProjectNotAMember() {
        MemoryProjectFiles files = repo("CMakeLists.txt", "project(app C)\nadd_subdirectory(src)\n",
                "src/CMakeLists.txt", "add_executable(app main.c)\n", "src/main.c", "int main(void) { return 0; }\n");
        var result = Languages.detectors().detect(files, DetectOptions.DEFAULT);
        assertEquals(1, result.projects().size(), result.projects().toString());
        assertEquals("src/app @ src/CMakeLists.txt:1", fact(c(result.projects().get(0)).artefact()));
    }

    @Test
    void malformedCMakeIsAOneLineErrorWithFileAndLine() {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect(repo(
                "CMakeLists.txt", "project(x C)\n\nadd_executable(x\n  x.c\n", "x.c", "int main(void) { return 0; }\n")));
        assertEquals("CMakeLists.txt:3: add_executable( is never closed", e.getMessage());
    }

    @Test
    void anUnsafeProgramNameIsRefused() {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect(repo(
                "CMakeLists.txt", "project(x C)\nadd_executable(\"x;rm -rf\" x.c)\n", "x.c", "int main(void) { return 0; }\n")));
        assertTrue(e.getMessage().startsWith("CMakeLists.txt:2: the program name"), e.getMessage());
    }

    @Test
    void hostileMakefilesFinishQuickly() {
        StringBuilder self = new StringBuilder("A = $(B)\nB = $(A)\nall: $(A)\n");
        StringBuilder wide = new StringBuilder("X0 = x\n");
        for (int i = 1; i < 40; i++) {
            wide.append("X").append(i).append(" = $(X").append(i - 1).append(") $(X").append(i - 1).append(")\n");
        }
        wide.append("all: $(X39)\n");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            new CDetector().detect(repo("Makefile", self.toString(), "a.c", "int main(void){}\n"), DetectOptions.DEFAULT, warnings);
            new CDetector().detect(repo("Makefile", wide.toString(), "a.c", "int main(void){}\n"), DetectOptions.DEFAULT, warnings);
        });
    }
}
