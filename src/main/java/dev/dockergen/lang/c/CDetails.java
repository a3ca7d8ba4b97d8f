package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.LanguageDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * C (and C++) facts the planner needs beyond the common ones.
 *
 * @param buildSystem "make", "cmake", "autotools" or "meson", with the file that says so
 * @param artefact the program the build produces, as a path relative to where the build leaves it
 *                 (Make: the project root; CMake/Meson: the build directory; Autotools: the root)
 * @param artefactCandidates every program the build files name, sorted
 * @param libraries libraries the program links, each with where it is named
 * @param unknownLibraries linked libraries not in {@link CLibraries}: installed by nobody, warned
 * @param cxx the project is C++ (g++/CXX, .cpp sources, LANGUAGES CXX), with the first evidence
 * @param cmakeMinimum cmake_minimum_required VERSION, or null
 * @param makeLdflags the Makefile's own LDFLAGS value (static builds append -static to it), or null
 * @param needsAutoreconf configure.ac without a generated configure: the build runs autoreconf first
 * @param runArgs arguments the project's run instructions pass (README "./app --port 8080")
 * @param resolver the program resolves host names (getaddrinfo...), which a static glibc build cannot do alone
 * @param sourceDirs directories holding C/C++ sources ("" for the root)
 * @param usesPkgConfig the build asks pkg-config for flags, so the builder needs it
 * @param healthPath an HTTP path in a string literal that looks like a health route ("/healthz"), or null
 * @param optionalLibraries keys of {@code libraries} the default build goes on without (every place that names them
 *                          is a check with a fallback): installed where the final has them, left out where not
 * @param configureScript a hand-written configure script run before make (auto/configure), or null
 * @param installPrefix the prefix the build installs to and the program reads its files from, or null
 * @param runtimeFiles folders of the repository the program reads at run time, relative to {@code installPrefix}
 * @param makeTarget the Make target that links the program, where a bare make builds more (other programs, a run), or null
 * @param serveArgs default arguments of a server whose usage asks for a folder to serve (its working directory), or null
 * @param readsWorkdir {@code runtimeFiles} are read from the working directory, {@code installPrefix}
 * @param makeSetsCc the Makefile assigns CC itself
 * @param testOptions CMake options that build the project's tests or documentation, on by default: the image build turns them off
 * @param buildDir the project's folder when it is built from an enclosing folder its build reaches into ("example"),
 *                 else "": the context is the enclosing folder and the build runs in this one
 * @param libtool where configure.ac sets up libtool (LT_INIT), or null: configure gets --disable-shared
 * @param installedFrom a runtime file the build installs from another folder of the repository (html/ from docs/html/)
 * @param configFile the configuration file a server's usage text names an option for and the repository ships, or null
 * @param bootstrap how to run the project's own script that generates configure ("sh ./autogen.sh"), run instead of
 *                  autoreconf -fi, or null
 * @param launch how it must be started in a container: the arguments that keep it in the foreground, a command to run
 */
public record CDetails(
        Fact<String> buildSystem,
        Fact<String> artefact,
        List<String> artefactCandidates,
        List<Fact<CLibraries.Library>> libraries,
        List<Fact<String>> unknownLibraries,
        Fact<Boolean> cxx,
        Fact<String> cmakeMinimum,
        Fact<String> projectName,
        Fact<String> makeLdflags,
        boolean needsAutoreconf,
        Fact<List<String>> runArgs,
        Fact<Boolean> resolver,
        List<String> sourceDirs,
        boolean usesPkgConfig,
        Fact<String> healthPath,
        List<String> optionalLibraries,
        Fact<String> configureScript,
        Fact<String> installPrefix,
        List<Fact<String>> runtimeFiles,
        Fact<String> makeTarget,
        Fact<List<String>> serveArgs,
        boolean readsWorkdir,
        boolean makeSetsCc,
        List<Fact<String>> testOptions,
        Fact<String> buildDir,
        dev.dockergen.detect.Source libtool,
        Map<String, String> installedFrom,
        CConfigFile configFile,
        Fact<String> bootstrap,
        CLaunch launch) implements LanguageDetails {

    public CDetails {
        artefactCandidates = List.copyOf(artefactCandidates);
        libraries = List.copyOf(libraries);
        unknownLibraries = List.copyOf(unknownLibraries);
        sourceDirs = List.copyOf(sourceDirs);
        optionalLibraries = List.copyOf(optionalLibraries);
        runtimeFiles = List.copyOf(runtimeFiles);
        testOptions = List.copyOf(testOptions);
        installedFrom = Map.copyOf(installedFrom);
        launch = launch == null ? CLaunch.NONE : launch;
    }

    /** The same facts, built in {@code dir} of the enclosing folder the context is. */
    CDetails inFolder(Fact<String> dir) {
        return new CDetails(buildSystem, artefact, artefactCandidates, libraries, unknownLibraries, cxx, cmakeMinimum, projectName,
                makeLdflags, needsAutoreconf, runArgs, resolver, sourceDirs, usesPkgConfig, healthPath, optionalLibraries,
                configureScript, installPrefix, runtimeFiles, makeTarget, serveArgs, readsWorkdir, makeSetsCc, testOptions, dir, libtool,
                installedFrom, configFile, bootstrap, launch);
    }

    /** True when the default build goes on without this library. */
    public boolean optional(CLibraries.Library lib) {
        return optionalLibraries.contains(lib.key());
    }

    /** The file name of the program. */
    public String binaryName() {
        String a = artefact.value();
        return a.substring(a.lastIndexOf('/') + 1);
    }

    @Override
    public String title() {
        return artefact == null ? null : binaryName();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("buildSystem", buildSystem);
        facts.put("artefact", artefact);
        facts.put("artefactCandidates", artefactCandidates);
        facts.put("libraries", libraries.stream().map(l -> Fact.of(l.value().key(), l.source())).toList());
        facts.put("unknownLibraries", unknownLibraries);
        facts.put("cxx", cxx);
        facts.put("cmakeMinimum", cmakeMinimum);
        facts.put("projectName", projectName);
        facts.put("makeLdflags", makeLdflags);
        facts.put("autoreconf", needsAutoreconf);
        facts.put("runArgs", runArgs);
        facts.put("resolvesHostNames", resolver);
        facts.put("pkgConfig", usesPkgConfig);
        facts.put("healthPath", healthPath);
        if (launch.foreground() != null) {
            facts.put("foregroundArgs", launch.foreground());
        }
        if (launch.runsCommand() != null) {
            facts.put("runsCommand", Fact.of(Boolean.TRUE, launch.runsCommand()));
        }
        if (bootstrap != null) {
            facts.put("bootstrap", bootstrap);
        }
        if (makeTarget != null) {
            facts.put("makeTarget", makeTarget);
        }
        if (serveArgs != null) {
            facts.put("serveArgs", serveArgs);
        }
        if (configureScript != null || readsWorkdir) {
            facts.put("configureScript", configureScript);
            facts.put("installPrefix", installPrefix);
            facts.put("runtimeFiles", runtimeFiles);
            if (!installedFrom.isEmpty()) {
                facts.put("installedFrom", new java.util.TreeMap<>(installedFrom));
            }
        }
        if (configFile != null) {
            facts.put("configFile", Fact.of(configFile.path(), configFile.shipped()));
            facts.put("configArgs", Fact.of(configFile.args(), configFile.usage()));
        }
        if (buildDir != null) {
            facts.put("buildDir", buildDir);
        }
        if (!testOptions.isEmpty()) {
            facts.put("testOptions", testOptions);
        }
        if (!optionalLibraries.isEmpty()) {
            facts.put("optionalLibraries", optionalLibraries);
        }
        return facts;
    }

    /** Optional libraries this final builds without, each with why (a comment in the build stage). */
    public List<String> leftOut(boolean apk, boolean staticBuild) {
        List<String> out = new java.util.ArrayList<>();
        for (Fact<CLibraries.Library> lib : libraries) {
            CLibraries.Library l = lib.value();
            if (optional(l) && !CLibraries.available(l, apk, staticBuild)) {
                out.add("lib" + l.key() + " (" + lib.source() + ")");
            }
        }
        return out;
    }
}
