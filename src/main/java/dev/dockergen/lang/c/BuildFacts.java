package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.List;

/** What one build system's files say, before the detector merges it with the sources. */
final class BuildFacts {
    /** How a library is named: -lNAME, find_package(NAME), or a pkg-config module. */
    enum RefKind { LINK, CMAKE, PKG_CONFIG }

    record LibraryRef(RefKind kind, String name, Source source) {
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
    boolean usesPkgConfig;
    boolean needsAutoreconf;
    final List<String> files = new ArrayList<>();

    void link(String name, Source source) {
        libraries.add(new LibraryRef(RefKind.LINK, name, source));
    }
}
