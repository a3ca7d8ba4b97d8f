package dev.dockergen.container;

import dev.dockergen.Fixtures;
import dev.dockergen.preset.FinalStage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * C programs on the finals the lab stands in for: scratch (static) and distroless (dynamic, libraries copied by ldd).
 * Alpine builds install build-base with apk, which the lab lacks, so they are not built here.
 */
@Tag("container")
class CImagesContainerTest {
    private static final Path WORK = Path.of("target", "container-work-c");
    private static final Path C = Fixtures.ROOT.resolve("c");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("make-server", FinalStage.SCRATCH, "/", "hello from make-server", "respond.c",
                        "\"hello from make-server", "\"hi from make-server", "hi from make-server", "apt-get install"),
                // a settings-field port beside PORT-named lengths; a Makefile that tests for other systems' libraries
                Arguments.of("make-portable-daemon", FinalStage.SCRATCH, "/", "tallyd ok", "tallyd.c", "\"tallyd ok\"",
                        "\"tallyd fine\"", "tallyd fine", "apt-get install"),
                // two programs in one Makefile: only the daemon's target is built
                Arguments.of("make-two-programs", FinalStage.DISTROLESS, "/", "relay ok", "relayd.c", "relay ok",
                        "relay fine", "relay fine", "apt-get install"),
                // a default goal that runs the program, and a usage text that asks for a folder to serve: CMD ["."]
                Arguments.of("make-docroot-server", FinalStage.SCRATCH, "/", "shelf serves /srv", "shelf.c", "shelf serves",
                        "shelf offers", "shelf offers /srv", "apt-get install"),
                // its own beacon.conf and the public/ folder it names, read from the working directory
                Arguments.of("workdir-config", FinalStage.DISTROLESS, "/", "beacon is lit", "public/index.html", "beacon is lit",
                        "beacon is bright", "beacon is bright", "apt-get install"),
                Arguments.of("make-server", FinalStage.DISTROLESS, "/", "hello from make-server", "respond.c",
                        "\"hello from make-server", "\"hi from make-server", "hi from make-server", "apt-get install"),
                Arguments.of("cmake-cli", FinalStage.DISTROLESS, null, null, "src/main.c", "zpack v1", "zpack v2", null,
                        "apt-get install -y --no-install-recommends cmake zlib1g-dev"),
                Arguments.of("cmake-cli", FinalStage.SCRATCH, null, null, "src/main.c", "zpack v1", "zpack v2", null,
                        "apt-get install -y --no-install-recommends cmake zlib1g-dev"),
                // tests that download their framework (an option on by default) and a stale benchmark: only the program is built
                Arguments.of("cmake-tests-off", FinalStage.DISTROLESS, null, null, "src/main.c", "tally 1.0", "tally 1.1", null,
                        "apt-get install -y --no-install-recommends cmake"),
                Arguments.of("cpp-cmake", FinalStage.DISTROLESS, null, null, "main.cpp", "' ' << n", "\": \" << n", null,
                        "apt-get install -y --no-install-recommends cmake"),
                Arguments.of("meson-tally", FinalStage.DISTROLESS, null, null, "tally.c", "%d words", "%d word(s)", null,
                        "apt-get install -y --no-install-recommends meson ninja-build pkg-config libsqlite3-dev"),
                Arguments.of("meson-tally", FinalStage.SCRATCH, null, null, "tally.c", "%d words", "%d word(s)", null,
                        "apt-get install -y --no-install-recommends meson ninja-build pkg-config libsqlite3-dev zlib1g-dev"),
                // C++ on a Debian final: meson gets -static-libstdc++ -static-libgcc as one shell-quoted option
                Arguments.of("meson-cxx", FinalStage.DISTROLESS, null, null, "src/tally.cpp", "\" words\\n\"",
                        "\" word(s)\\n\"", null, "apt-get install -y --no-install-recommends meson ninja-build"),
                // find_package(Libwebsockets) and pkg-config's json-c, installed from the library table
                Arguments.of("cmake-websockets", FinalStage.DISTROLESS, null, null, "src/wsver.c", "versions %s", "libraries %s",
                        null, "apt-get install -y --no-install-recommends cmake pkg-config libwebsockets-dev libjson-c-dev"),
                // find_library(... NAMES json-c) beside find_path(... PATH_SUFFIXES json-c): the package is installed
                Arguments.of("cmake-find-library", FinalStage.DISTROLESS, null, null, "src/jsonuv.c", "jsonuv %s", "versions %s",
                        null, "apt-get install -y --no-install-recommends cmake libjson-c-dev libuv1-dev"),
                Arguments.of("cmake-find-library", FinalStage.SCRATCH, null, null, "src/jsonuv.c", "jsonuv %s", "versions %s",
                        null, "apt-get install -y --no-install-recommends cmake libjson-c-dev libuv1-dev"),
                // meson dependency('fmt', fallback: ...) and libmpdclient from the system, not a wrap download
                Arguments.of("meson-fmt", FinalStage.DISTROLESS, null, null, "src/mpdver.cpp", "mpdver: libmpdclient",
                        "mpdver: mpdclient", null,
                        "apt-get install -y --no-install-recommends meson ninja-build pkg-config libfmt-dev libmpdclient-dev"),
                // a terminal program: the terminfo database comes along (it exits 1 without the xterm entry)
                // libwebsockets on libuv loads its event-loop plugin with dlopen: ldd does not name it, the copy step does
                Arguments.of("cmake-websockets-uv", FinalStage.DISTROLESS, null, null, "src/wsloop.c", "context on libuv",
                        "context runs on libuv", null, "apt-get install -y --no-install-recommends cmake pkg-config libwebsockets-dev libuv1-dev"),
                // a daemon that forks unless -F ("don't fork into background"): the entrypoint keeps it in the foreground
                Arguments.of("make-foreground-flag", FinalStage.DISTROLESS, "/", "chime rings", "chime.c", "chime rings",
                        "chime tolls", "chime tolls", "apt-get install"),
                // a configure default for a temporary folder under the prefix, and a daemon directive set off with -g
                Arguments.of("hand-configure-daemon", FinalStage.DISTROLESS, "/", "kiosk open", "src/kiosk.c", "kiosk open",
                        "kiosk shut", "kiosk shut", "apt-get install"),
                // a server that runs the command it is given: the shell-less finals get busybox as /bin/sh
                Arguments.of("make-runs-command", FinalStage.DISTROLESS, "/", "ran sh: exit 0", "relayterm.c", "relayterm ran",
                        "relayterm did", "did sh: exit 0", "apt-get install"),
                Arguments.of("make-runs-command", FinalStage.SCRATCH, "/", "ran sh: exit 0", "relayterm.c", "relayterm ran",
                        "relayterm did", "did sh: exit 0", "apt-get install"),
                Arguments.of("make-curses-tui", FinalStage.DISTROLESS, null, null, "peek.c", "\"peek 1.0\"", "\"peek 1.1\"", null,
                        "apt-get install -y --no-install-recommends libncurses-dev"),
                Arguments.of("make-curses-tui", FinalStage.SCRATCH, null, null, "peek.c", "\"peek 1.0\"", "\"peek 1.1\"", null,
                        "apt-get install -y --no-install-recommends libncurses-dev"),
                Arguments.of("systemd-notify", FinalStage.DISTROLESS, null, null, "notifier.c", "\"tick\"", "\"tock\"", null,
                        "apt-get install -y --no-install-recommends pkg-config libsystemd-dev"),
                // configure.ac includes the version.m4 its autogen.sh writes: the script runs, not a bare autoreconf
                Arguments.of("autotools-autogen", FinalStage.DISTROLESS, null, null, "stamp.c", "stamp %s", "stamp v%s", null,
                        "apt-get install -y --no-install-recommends autoconf automake libtool"),
                Arguments.of("autotools-server", FinalStage.SCRATCH, "/", "greetings, lab", "src/greeter.c",
                        "greetings, lab", "greetings, LAB", "greetings, LAB",
                        "apt-get install -y --no-install-recommends autoconf automake libtool"),
                Arguments.of("autotools-server", FinalStage.DISTROLESS, "/", "greetings, lab", "src/greeter.c",
                        "greetings, lab", "greetings, LAB", "greetings, LAB",
                        "apt-get install -y --no-install-recommends autoconf automake libtool"));
    }

    @AfterAll
    static void writeReport() throws IOException {
        ContainerReport.write(Path.of("target"));
    }

    /** A member folder whose sources are symbolic links to the library at the top: built from the top. */
    @org.junit.jupiter.api.Test
    void memberWithLinkedSourcesBuildsFromTheFolderAbove() throws IOException {
        ContainerScenario.run(WORK, "c-make-linked-source", C.resolve("make-linked-source"), "examples/bell",
                FinalStage.DISTROLESS, null, null, "chime.c", "\"ding\"", "\"dong\"", null, "apt-get install");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void imageBuildsRunsAnswersAndRebuildsFromCache(String app, FinalStage stage, String probe, String expect, String file,
                                                    String from, String to, String expectAfter, String install)
            throws IOException {
        ContainerScenario.run(WORK, "c-" + app, C.resolve(app), stage, probe, expect, file, from, to, expectAfter, install);
    }
}
