package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.TextLines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads configure.ac (AC_INIT, PKG_CHECK_MODULES, AC_CHECK_LIB, AC_SEARCH_LIBS, AC_PROG_CXX) and Makefile.am files. */
final class AutotoolsParser {
    private static final int MAX_AM_FILES = 40;
    private static final Pattern INIT = Pattern.compile("AC_INIT\\(\\s*\\[?([^\\],)]+?)\\]?\\s*[,)]");
    private static final Pattern PKG = Pattern.compile("PKG_CHECK_MODULES\\(\\s*\\[?\\w+\\]?\\s*,\\s*\\[?([^\\]),]+)\\]?");
    private static final Pattern CHECK_LIB = Pattern.compile("AC_CHECK_LIB\\(\\s*\\[?([A-Za-z0-9_+.-]+)\\]?");
    private static final Pattern SEARCH_LIBS = Pattern.compile("AC_SEARCH_LIBS\\(\\s*\\[?\\w+\\]?\\s*,\\s*\\[?([^\\]),]+)\\]?");
    private static final Pattern LIBTOOL = Pattern.compile("\\b(?:LT_INIT|AC_PROG_LIBTOOL|AM_PROG_LIBTOOL)\\b");
    private static final Pattern CXX = Pattern.compile("AC_PROG_CXX\\b");
    /** A library configure adds to every link outside any test: {@code LIBS="-levent $LIBS"} in the first column. */
    private static final Pattern LIBS_PREPEND = Pattern.compile("(?m)^LIBS=\"((?:-l[A-Za-z0-9_+.-]+\\s+)+)\\$\\{?LIBS\\}?\"");
    private static final Pattern PKG_NAMES = Pattern.compile("(?m)^[ \\t]*[A-Za-z_]*pkg_?(?:names|modules|list)[A-Za-z_]*=\"([A-Za-z0-9_.+ -]+)");
    private static final Pattern PROGRAMS = Pattern.compile("(?m)^\\s*s?bin_PROGRAMS\\s*\\+?=\\s*(.*)$");
    private static final Pattern LIB = Pattern.compile("(?<![A-Za-z0-9_-])-l([A-Za-z0-9_+.-]+)");
    private static final Pattern LIBS_VAR = Pattern.compile("(?m)^\\s*([A-Za-z0-9_]*(?:LDADD|LIBS|LDFLAGS))\\s*\\+?=\\s*(.*)$");
    /** AC_ARG_WITH / AC_ARG_ENABLE: the option's name, for its ACTION-IF-NOT-GIVEN. */
    private static final Pattern ARG_OPTION = Pattern.compile("AC_ARG_(?:WITH|ENABLE)\\(");
    /** A shell test that a feature variable is on: {@code if test "$WITH_X" != no}, {@code if test "x$enable_x" = xyes}. */
    private static final Pattern FEATURE_ON = Pattern.compile("(?m)^[ \\t]*if[ \\t]+test[ \\t]+\"?x?\\$\\{?(\\w+)\\}?\"?"
            + "[ \\t]*(?:!=[ \\t]*\"?x?no\"?|=[ \\t]*\"?x?yes\"?)");
    private static final Pattern SHELL_IF = Pattern.compile("(?m)^[ \\t]*(if|fi)\\b");

    private AutotoolsParser() {
    }

    /**
     * The project's own script that generates configure (autogen.sh, bootstrap): it may make what configure.ac
     * includes first (a version.m4), which a bare autoreconf lacks. The value is how to run it: "sh autogen.sh", or
     * "bash autogen.sh" when its first line names bash.
     */
    static Fact<String> bootstrap(ProjectFiles files) {
        for (String name : List.of("autogen.sh", "bootstrap", "bootstrap.sh")) {
            if (files.isFile(name)) {
                String first = files.read(name).orElse("").lines().findFirst().orElse("");
                return Fact.of((first.startsWith("#!") && first.contains("bash") ? "bash " : "sh ") + "./" + name,
                        Source.of(name, 1));
            }
        }
        return null;
    }

    static BuildFacts parse(ProjectFiles files, List<String> makefileAms) {
        BuildFacts facts = new BuildFacts();
        facts.system = "autotools";
        String ac = files.isFile("configure.ac") ? "configure.ac" : files.isFile("configure.in") ? "configure.in" : null;
        facts.systemSource = Source.of(ac != null ? ac : "configure");
        facts.needsAutoreconf = ac != null && !files.isFile("configure");
        if (facts.needsAutoreconf) {
            facts.bootstrap = bootstrap(files);
        }
        if (ac != null) {
            facts.files.add(ac);
            String text = stripDnl(files.read(ac).orElse(""));
            Matcher init = INIT.matcher(text);
            if (init.find()) {
                String name = init.group(1).strip();
                facts.projectName = Fact.of(name, ac, lineOf(text, init.start()));
            }
            List<int[]> offByDefault = offByDefault(text);
            Matcher pkg = PKG.matcher(text);
            while (pkg.find()) {
                facts.usesPkgConfig = true;
                // PKG_CHECK_MODULES stops configure unless it is given an ACTION-IF-NOT-FOUND without an error, or
                // stands in a feature's block that is off unless asked for (--with-X)
                List<String> args = m4Args(text, text.indexOf('(', pkg.start()));
                boolean optional = args.size() >= 4 && !fails(args.get(3)) || inside(offByDefault, pkg.start());
                for (String module : pkg.group(1).strip().split("\\s+")) {
                    if (!module.isEmpty() && !module.matches("[<>=!]+|[0-9][0-9.]*") && !module.contains("$")) {
                        facts.libraries.add(new BuildFacts.LibraryRef(BuildFacts.RefKind.PKG_CONFIG, module,
                                Source.of(ac, lineOf(text, pkg.start())), optional));
                    }
                }
            }
            // AC_CHECK_LIB and AC_SEARCH_LIBS stop configure only when their ACTION-IF-NOT-FOUND says so (AC_MSG_ERROR)
            Matcher lib = CHECK_LIB.matcher(text);
            while (lib.find()) {
                List<String> args = m4Args(text, text.indexOf('(', lib.start()));
                facts.link(lib.group(1), Source.of(ac, lineOf(text, lib.start())), args.size() < 4 || !fails(args.get(3))
                        || inside(offByDefault, lib.start()));
            }
            Matcher search = SEARCH_LIBS.matcher(text);
            while (search.find()) {
                // the first library that has the function is enough; the others are alternatives
                String first = search.group(1).strip().split("\\s+")[0];
                List<String> args = m4Args(text, text.indexOf('(', search.start()));
                if (!first.isEmpty()) {
                    facts.link(first, Source.of(ac, lineOf(text, search.start())), args.size() < 4 || !fails(args.get(3))
                            || inside(offByDefault, search.start()));
                }
            }
            Matcher prepend = LIBS_PREPEND.matcher(text);
            while (prepend.find()) {
                for (String flag : prepend.group(1).strip().split("\\s+")) {
                    facts.link(flag.substring(2), Source.of(ac, lineOf(text, prepend.start())), inside(offByDefault, prepend.start()));
                }
            }
            // a shell list of pkg-config names tried in turn (curses_pkg_names="ncursesw6 ncursesw ..."): the first
            // name dockergen's table knows stands for the list
            Matcher names = PKG_NAMES.matcher(text);
            while (names.find()) {
                for (String module : names.group(1).strip().split("\\s+")) {
                    if (CLibraries.byPkgConfig(module).isPresent()) {
                        facts.usesPkgConfig = true;
                        facts.libraries.add(new BuildFacts.LibraryRef(BuildFacts.RefKind.PKG_CONFIG, module,
                                Source.of(ac, lineOf(text, names.start()))));
                        break;
                    }
                }
            }
            Matcher libtool = LIBTOOL.matcher(text);
            if (libtool.find()) {
                facts.libtool = Source.of(ac, lineOf(text, libtool.start()));
            }
            Matcher cxx = CXX.matcher(text);
            if (cxx.find()) {
                facts.cxx = Source.of(ac, lineOf(text, cxx.start()));
            }
        }
        for (String am : makefileAms.subList(0, Math.min(makefileAms.size(), MAX_AM_FILES))) {
            String text = join(files.read(am).orElse(""));
            facts.files.add(am);
            String dir = ProjectFiles.parent(am);
            Matcher p = PROGRAMS.matcher(text);
            while (p.find()) {
                for (String listed : p.group(1).strip().split("\\s+")) {
                    String prog = listed.replace("$(EXEEXT)", ""); // Makefile.in spells programs tool$(EXEEXT)
                    if (!prog.isEmpty() && !prog.contains("$")) {
                        facts.programs.add(Fact.of(ProjectFiles.join(dir, prog), am, lineOf(text, p.start())));
                    }
                }
            }
            Matcher v = LIBS_VAR.matcher(text);
            while (v.find()) {
                Matcher l = LIB.matcher(v.group(2));
                while (l.find()) {
                    facts.link(l.group(1), Source.of(am, lineOf(text, v.start())));
                }
            }
        }
        if (facts.programs.isEmpty() && files.isFile("Makefile.in") && !files.isFile("Makefile.am")) {
            // autoconf without automake: the Makefile.in is a hand-written Makefile whose @VARS@ configure fills in
            BuildFacts make = MakefileParser.parse("Makefile.in",
                    files.read("Makefile.in").orElse("").replaceAll("@[A-Za-z_][A-Za-z0-9_]*@", ""));
            facts.programs.addAll(make.programs);
            facts.libraries.addAll(make.libraries);
            if (facts.cxx == null) {
                facts.cxx = make.cxx;
            }
        }
        return facts;
    }

    /** m4 comments (dnl ... and # ...) become blanks, so offsets still give the right line. */
    static String stripDnl(String text) {
        return text.replaceAll("(?m)(^|[ \\t])dnl\\b[^\\n]*", "$1").replaceAll("(?m)^[ \\t]*#[^\\n]*", "");
    }

    /**
     * The spans of {@code if test "$VAR" != no; then ... fi} blocks whose VAR an AC_ARG_WITH/AC_ARG_ENABLE sets to
     * {@code no} when the option is not given: what they check is only needed with --with-X / --enable-X.
     */
    static List<int[]> offByDefault(String text) {
        java.util.Set<String> off = new java.util.HashSet<>();
        Matcher arg = ARG_OPTION.matcher(text);
        while (arg.find()) {
            List<String> args = m4Args(text, arg.end() - 1);
            if (args.size() >= 4) {
                Matcher assign = Pattern.compile("(\\w+)=[\"']?no[\"']?[\\s\\]]*$").matcher(args.get(3).strip());
                if (assign.find()) {
                    off.add(assign.group(1));
                }
            }
        }
        List<int[]> spans = new ArrayList<>();
        Matcher on = FEATURE_ON.matcher(text);
        while (on.find()) {
            if (!off.contains(on.group(1))) {
                continue;
            }
            int depth = 0;
            Matcher shell = SHELL_IF.matcher(text);
            shell.region(on.start(), text.length());
            while (shell.find()) {
                depth += shell.group(1).equals("if") ? 1 : -1;
                if (depth == 0) {
                    spans.add(new int[] {on.start(), shell.start()});
                    break;
                }
            }
        }
        return spans;
    }

    private static boolean inside(List<int[]> spans, int offset) {
        return spans.stream().anyMatch(s -> offset > s[0] && offset < s[1]);
    }

    /** An m4 action that stops configure. */
    private static boolean fails(String action) {
        return action.contains("AC_MSG_ERROR") || action.contains("AC_MSG_FAILURE");
    }

    /** The arguments of an m4 macro call whose '(' is at {@code open}: commas split only outside [quotes] and (parens). */
    static List<String> m4Args(String text, int open) {
        List<String> out = new ArrayList<>();
        if (open < 0) {
            return out;
        }
        int paren = 0;
        int quote = 0;
        StringBuilder arg = new StringBuilder();
        for (int i = open; i < text.length() && i < open + 20_000; i++) {
            char c = text.charAt(i);
            if (c == '[') {
                quote++;
            } else if (c == ']') {
                quote = Math.max(0, quote - 1);
            } else if (quote == 0 && c == '(') {
                if (++paren == 1) {
                    continue;
                }
            } else if (quote == 0 && c == ')') {
                if (--paren == 0) {
                    out.add(arg.toString().strip());
                    return out;
                }
            } else if (quote == 0 && paren == 1 && c == ',') {
                out.add(arg.toString().strip());
                arg.setLength(0);
                continue;
            }
            arg.append(c);
        }
        return out;
    }

    /** Continuation lines joined with a space, keeping one newline per removed line at the end of the logical line. */
    private static String join(String text) {
        StringBuilder out = new StringBuilder();
        int pending = 0;
        for (String line : text.split("\n", -1)) {
            if (line.endsWith("\\")) {
                out.append(line, 0, line.length() - 1).append(' ');
                pending++;
            } else {
                out.append(line).append("\n".repeat(pending + 1));
                pending = 0;
            }
        }
        return out.toString();
    }

    static int lineOf(String text, int offset) {
        return TextLines.lineAt(text, offset);
    }

    /** Every Makefile.am; a Makefile.in stands in where a directory has no Makefile.am (a release tarball). */
    static List<String> ams(ProjectFiles files, List<String> all) {
        List<String> out = new ArrayList<>();
        for (String f : all) {
            String name = ProjectFiles.fileName(f);
            if (name.equals("Makefile.am")
                    || name.equals("Makefile.in") && !files.isFile(ProjectFiles.join(ProjectFiles.parent(f), "Makefile.am"))) {
                out.add(f);
            }
        }
        return out;
    }
}
