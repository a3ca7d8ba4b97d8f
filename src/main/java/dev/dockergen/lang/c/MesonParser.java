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
    private static final Pattern EXECUTABLE = Pattern.compile("\\bexecutable\\(\\s*(?:'([^']+)'|([A-Za-z_][A-Za-z0-9_]*)\\s*,)");
    private static final Pattern BUILD_TARGET = Pattern.compile("\\bbuild_target\\(\\s*(?:'([^']+)'|([A-Za-z_][A-Za-z0-9_]*)\\s*,)");
    private static final Pattern TARGET_TYPE = Pattern.compile("\\btarget_type\\s*:\\s*(?:'([a-z_]+)'|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern STRING_VAR = Pattern.compile("(?m)^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*'([^']*)'\\s*$");
    private static final Pattern DEPENDENCY = Pattern.compile("\\bdependency\\(\\s*'([^']+)'");
    private static final Pattern FIND_LIBRARY = Pattern.compile("\\bfind_library\\(\\s*'([^']+)'");
    private static final Pattern REQUIRED = Pattern.compile("\\brequired\\s*:\\s*([A-Za-z_][A-Za-z0-9_]*)");
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

    /** A target's name: the literal, or the one literal its variable is given (null when none or several). */
    private static String name(String literal, String variable, java.util.Map<String, java.util.List<String>> strings) {
        if (literal != null) {
            return literal;
        }
        java.util.List<String> values = strings.getOrDefault(variable, java.util.List.of()).stream().distinct().toList();
        return values.size() == 1 ? values.get(0) : null;
    }

    /**
     * Whether the call whose arguments go on at {@code from} lets setup go on without the library: {@code required:}
     * anything but {@code true} (false, a feature option from get_option(), a variable set elsewhere).
     */
    static boolean optional(String text, int from) {
        int depth = 1;
        int end = from;
        while (end < text.length() && depth > 0) {
            char ch = text.charAt(end++);
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
        }
        Matcher r = REQUIRED.matcher(text.substring(from, end));
        return r.find() && !r.group(1).equals("true");
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
        // string variables (target_name = 'mpd'), each with every literal it is given
        java.util.Map<String, java.util.List<String>> strings = new java.util.HashMap<>();
        Matcher a = STRING_VAR.matcher(text);
        while (a.find()) {
            strings.computeIfAbsent(a.group(1), k -> new java.util.ArrayList<>()).add(a.group(2));
        }
        Matcher e = EXECUTABLE.matcher(text);
        while (e.find()) {
            String name = name(e.group(1), e.group(2), strings);
            if (name != null) {
                facts.programs.add(Fact.of(ProjectFiles.join(dir, name), path, AutotoolsParser.lineOf(text, e.start())));
            }
        }
        // build_target(name, ..., target_type: 'executable' or a variable one branch sets to it)
        Matcher b = BUILD_TARGET.matcher(text);
        while (b.find()) {
            String name = name(b.group(1), b.group(2), strings);
            int end = text.indexOf("\n)", b.end());
            Matcher type = TARGET_TYPE.matcher(text.substring(b.end(), end < 0 ? Math.min(text.length(), b.end() + 4000) : end));
            if (name != null && type.find() && ("executable".equals(type.group(1))
                    || type.group(2) != null && strings.getOrDefault(type.group(2), java.util.List.of()).contains("executable"))) {
                facts.programs.add(Fact.of(ProjectFiles.join(dir, name), path, AutotoolsParser.lineOf(text, b.start())));
            }
        }
        Matcher d = DEPENDENCY.matcher(text);
        while (d.find()) {
            facts.usesPkgConfig = true;
            facts.libraries.add(new BuildFacts.LibraryRef(BuildFacts.RefKind.PKG_CONFIG, d.group(1),
                    Source.of(path, AutotoolsParser.lineOf(text, d.start())), optional(text, d.end())));
        }
        Matcher f = FIND_LIBRARY.matcher(text);
        while (f.find()) {
            facts.link(f.group(1), Source.of(path, AutotoolsParser.lineOf(text, f.start())), optional(text, f.end()));
        }
        Matcher s = SUBDIR.matcher(text);
        while (s.find()) {
            if (!s.group(1).contains("..")) {
                read(files, ProjectFiles.join(dir, s.group(1)), facts, depth + 1);
            }
        }
    }
}
