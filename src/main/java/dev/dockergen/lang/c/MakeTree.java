package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectInputException;
import java.util.ArrayList;
import java.util.List;

/** A Makefile and the Makefiles its default goal runs make in: the programs of a recursive build, bounded. */
final class MakeTree {
    private static final int MAX_SUB_MAKEFILES = 12;

    private MakeTree() {
    }

    /**
     * The Makefile at the root and the Makefiles its default goal runs make in ({@code $(MAKE) -C src}, a
     * {@code for dir in $(SUBDIRS)} loop, {@code cd src && $(MAKE)}): a top Makefile that only recurses builds
     * the programs of the folders it enters, at their paths from the root. Bounded in files and depth.
     */
    static BuildFacts parse(dev.dockergen.detect.ProjectFiles files, String makefile) {
        MakefileParser top = new MakefileParser(makefile);
        BuildFacts facts = top.run(files.read(makefile).orElseThrow());
        List<MakefileParser.SubMake> queue = new ArrayList<>(top.subMakes);
        List<String> seen = new ArrayList<>(List.of(makefile + "\0"));
        while (!queue.isEmpty() && seen.size() <= MAX_SUB_MAKEFILES) {
            MakefileParser.SubMake sub = queue.remove(0);
            String path = List.of("GNUmakefile", "makefile", "Makefile").stream()
                    .map(n -> dev.dockergen.detect.ProjectFiles.join(sub.dir(), n)).filter(files::isFile).findFirst().orElse(null);
            if (path == null || seen.contains(path + "\0" + sub.goal())) {
                continue;
            }
            seen.add(path + "\0" + sub.goal());
            MakefileParser p = new MakefileParser(path);
            p.goalOverride = sub.goal().isEmpty() ? null : sub.goal();
            BuildFacts f;
            try {
                f = p.run(files.read(path).orElse(""));
            } catch (ProjectInputException e) {
                continue;
            }
            for (Fact<String> prog : f.programs) {
                facts.programs.add(Fact.of(dev.dockergen.detect.ProjectFiles.join(sub.dir(), prog.value()), prog.source()));
            }
            facts.libraries.addAll(f.libraries);
            facts.files.addAll(f.files);
            facts.usesPkgConfig |= f.usesPkgConfig;
            if (facts.cxx == null) {
                facts.cxx = f.cxx;
            }
            if (facts.ldflags == null && !f.programs.isEmpty()) {
                facts.ldflags = f.ldflags;
            }
            for (MakefileParser.SubMake next : p.subMakes) {
                queue.add(new MakefileParser.SubMake(next.dir(), next.goal()));
            }
        }
        return facts;
    }

    /** A library the Makefile builds itself (a rule for lib/sh/libsh.a) is linked from the tree, not installed. */
    static void dropOwnLibraries(BuildFacts facts, List<String> targets) {
        java.util.Set<String> built = new java.util.HashSet<>();
        for (String t : targets) {
            java.util.regex.Matcher own = java.util.regex.Pattern.compile("(?:^|/)lib([A-Za-z0-9_+.-]+)\\.(?:a|so)$").matcher(t);
            if (own.find()) {
                built.add(own.group(1));
            }
        }
        facts.libraries.removeIf(r -> r.kind() == BuildFacts.RefKind.LINK && built.contains(r.name()));
    }

    static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
