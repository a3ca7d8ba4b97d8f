package dev.dockergen.lang.c;

import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.List;

/** CMake's find_library(): the library a project looks up by hand, with find_path, instead of a find_package module. */
final class CMakeFinds {
    private CMakeFinds() {
    }

    /**
     * {@code find_library(VAR name)} or {@code find_library(VAR NAMES a b ... [HINTS ...] [REQUIRED])}: the names are
     * alternatives, so the first the library table knows stands for all of them (a {@code lib} prefix is cut, as the
     * linker adds it). Without REQUIRED, configure goes on when it is missing: optional, as find_package is.
     */
    static void library(List<String> args, Source at, boolean undecided, BuildFacts facts) {
        if (args.size() < 2) {
            return;
        }
        List<String> names = new ArrayList<>();
        if (args.get(1).equals("NAMES")) {
            for (String a : args.subList(2, args.size())) {
                if (a.matches("[A-Z][A-Z_]+")) {
                    break; // NAMES_PER_DIR, HINTS, PATHS, PATH_SUFFIXES, DOC, REQUIRED...
                }
                names.add(a);
            }
        } else {
            names.add(args.get(1));
        }
        List<String> plain = names.stream()
                .map(n -> n.replaceFirst("\\.(a|so)$", ""))
                .filter(n -> n.matches("[A-Za-z0-9_+.-]+"))
                .map(n -> n.startsWith("lib") && CLibraries.byLinkName(n.substring(3)).isPresent() ? n.substring(3) : n)
                .toList();
        if (plain.isEmpty()) {
            return;
        }
        String name = plain.stream().filter(n -> CLibraries.byLinkName(n).isPresent()).findFirst().orElse(plain.get(0));
        facts.link(name, at, undecided || !args.contains("REQUIRED"));
    }
}
