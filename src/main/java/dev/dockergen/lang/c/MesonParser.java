package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads meson.build files: project(), executable(), dependency(), find_library(), subdir(). */
final class MesonParser {
    private static final int MAX_FILES = 40;
    private static final Pattern PROJECT = Pattern.compile("\\bproject\\(\\s*'([^']+)'([^)]*)\\)");
    private static final Pattern EXECUTABLE = Pattern.compile("\\bexecutable\\(\\s*'([^']+)'");
    private static final Pattern DEPENDENCY = Pattern.compile("\\bdependency\\(\\s*'([^']+)'");
    private static final Pattern FIND_LIBRARY = Pattern.compile("\\bfind_library\\(\\s*'([^']+)'");
    private static final Pattern SUBDIR = Pattern.compile("\\bsubdir\\(\\s*'([A-Za-z0-9._/-]+)'\\s*\\)");

    private MesonParser() {
    }

    static BuildFacts parse(ProjectFiles files) {
        BuildFacts facts = new BuildFacts();
        facts.system = "meson";
        facts.systemSource = Source.of("meson.build");
        read(files, "", facts, 0);
        return facts;
    }

    private static void read(ProjectFiles files, String dir, BuildFacts facts, int depth) {
        String path = ProjectFiles.join(dir, "meson.build");
        if (depth > 4 || facts.files.size() >= MAX_FILES) {
            return;
        }
        String raw = files.read(path).orElse(null);
        if (raw == null) {
            return;
        }
        facts.files.add(path);
        // comments blanked to the end of the line (a '#' inside a string is rare in these calls)
        String text = raw.replaceAll("(?m)#[^'\\n]*$", "");
        Matcher p = PROJECT.matcher(text);
        if (p.find() && facts.projectName == null) {
            facts.projectName = Fact.of(p.group(1), path, AutotoolsParser.lineOf(text, p.start()));
            if (p.group(2).contains("'cpp'") && facts.cxx == null) {
                facts.cxx = Source.of(path, AutotoolsParser.lineOf(text, p.start()));
            }
        }
        Matcher e = EXECUTABLE.matcher(text);
        while (e.find()) {
            facts.programs.add(Fact.of(ProjectFiles.join(dir, e.group(1)), path, AutotoolsParser.lineOf(text, e.start())));
        }
        Matcher d = DEPENDENCY.matcher(text);
        while (d.find()) {
            facts.usesPkgConfig = true;
            facts.libraries.add(new BuildFacts.LibraryRef(BuildFacts.RefKind.PKG_CONFIG, d.group(1),
                    Source.of(path, AutotoolsParser.lineOf(text, d.start()))));
        }
        Matcher f = FIND_LIBRARY.matcher(text);
        while (f.find()) {
            facts.link(f.group(1), Source.of(path, AutotoolsParser.lineOf(text, f.start())));
        }
        Matcher s = SUBDIR.matcher(text);
        while (s.find()) {
            if (!s.group(1).contains("..")) {
                read(files, ProjectFiles.join(dir, s.group(1)), facts, depth + 1);
            }
        }
    }
}
