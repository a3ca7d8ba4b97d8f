package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.List;

/** What one build system's files say, before the detector merges it with the sources. */
final class BuildFacts {
    /** How a library is named: -lNAME, find_package(NAME), or a pkg-config module. */
    enum RefKind { LINK, CMAKE, PKG_CONFIG }

    /**
     * A library the build names; {@code optional} when the default build goes on without it (a Make branch on a
     * {@code pkg-config --exists} test, autoconf's AC_CHECK_LIB without an error, CMake's find_package without
     * REQUIRED or inside an if() dockergen cannot decide).
     */
    record LibraryRef(RefKind kind, String name, Source source, boolean optional) {
        LibraryRef(RefKind kind, String name, Source source) {
            this(kind, name, source, false);
        }
    }

    String system;
    Source systemSource;
    /** Programs the build produces, paths relative to where the build leaves them. */
    final List<Fact<String>> programs = new ArrayList<>();
    final List<LibraryRef> libraries = new ArrayList<>();
    Source cxx;
    Fact<String> cmakeMinimum;
    Fact<String> projectName;
    Fact<String> ldflags;
    /** The Makefile assigns CC itself (a static build then cannot pass -static through CC). */
    boolean setsCc;
    boolean usesPkgConfig;
    boolean needsAutoreconf;
    /** Autotools without configure: the project's own bootstrap script (autogen.sh) and its shell, or null. */
    Fact<String> bootstrap;
    /** Autotools: where configure.ac sets up libtool (LT_INIT), or null. */
    Source libtool;
    /** A hand-written configure script the README runs before make (auto/configure), or null. */
    Fact<String> configureScript;
    /** The install prefix the build's configure script defaults to (/usr/local/nginx), or null. */
    Fact<String> installPrefix;
    /** Folders of the repository the program reads under the install prefix (conf/, html/). */
    final List<Fact<String>> runtimeFiles = new ArrayList<>();
    /** A runtime file installed from another folder of the repository: html/ from docs/html/ (its install script's). */
    final java.util.Map<String, String> installedFrom = new java.util.LinkedHashMap<>();
    final List<String> files = new ArrayList<>();
    /** Make: the rule target that links each program (by program path), and the sources that rule names. */
    final java.util.Map<String, String> makeTargets = new java.util.HashMap<>();
    final java.util.Map<String, List<String>> programSources = new java.util.HashMap<>();
    /** Make: the goal a bare make builds, or null; whether a rule on its way (not a link) has a recipe of its own. */
    String defaultGoal;
    boolean goalRuns;
    /** CMake: the project's options that build its tests and are on by default (BUILD_TESTING from include(CTest)). */
    final List<Fact<String>> testOptions = new ArrayList<>();

    void link(String name, Source source) {
        libraries.add(new LibraryRef(RefKind.LINK, name, source));
    }

    void link(String name, Source source, boolean optional) {
        libraries.add(new LibraryRef(RefKind.LINK, name, source, optional));
    }
}
