package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads CMakeLists.txt (and the directories add_subdirectory names, a bounded number of them): commands
 * and their arguments, with a small variable expansion. Nothing is evaluated beyond set().
 */
final class CMakeParser {
    private static final int MAX_FILES = 40;
    private static final int MAX_DEPTH = 4;
    private static final int MAX_COMMANDS = 50_000;
    private static final Set<String> KEYWORDS = Set.of("PRIVATE", "PUBLIC", "INTERFACE", "REQUIRED", "QUIET", "CONFIG",
            "MODULE", "NO_MODULE", "COMPONENTS", "OPTIONAL_COMPONENTS", "IMPORTED_TARGET", "GLOBAL", "GENERAL", "DEBUG",
            "OPTIMIZED", "WIN32", "MACOSX_BUNDLE", "EXCLUDE_FROM_ALL", "LINK_PRIVATE", "LINK_PUBLIC", "NO_CMAKE_PATH");

    private static final Set<String> OTHER_PLATFORMS = Set.of("WIN32", "APPLE", "MSVC", "MINGW", "CYGWIN", "ANDROID", "IOS",
            "EMSCRIPTEN", "ZEPHYR", "BORLAND", "WATCOM", "MSYS", "HAIKU");

    record Command(String name, List<String> args, int line) {
    }

    private final ProjectFiles files;
    private final BuildFacts facts = new BuildFacts();
    private final Map<String, String> vars = new HashMap<>();
    private final List<String> executables = new ArrayList<>();
    private String runtimeDir = "";
    private int parsed;
    /** if()/elseif()/else()/endif() around the current command, decided where option() defaults and the platform tell. */
    private final MakeConditionals conds = new MakeConditionals();
    private final Set<String> uncertainVars = new java.util.HashSet<>();

    private CMakeParser(ProjectFiles files) {
        this.files = files;
    }

    static BuildFacts parse(ProjectFiles files) {
        CMakeParser p = new CMakeParser(files);
        p.facts.system = "cmake";
        p.facts.systemSource = Source.of("CMakeLists.txt");
        p.file("", 0);
        return p.facts;
    }

    private void file(String dir, int depth) {
        String path = ProjectFiles.join(dir, "CMakeLists.txt");
        if (depth > MAX_DEPTH || parsed >= MAX_FILES) {
            return;
        }
        String text = files.read(path).orElse(null);
        if (text == null) {
            return;
        }
        parsed++;
        facts.files.add(path);
        for (Command c : commands(path, text)) {
            command(dir, path, c, depth);
        }
    }

    private void command(String dir, String path, Command c, int depth) {
        List<String> args = c.args().stream().map(this::expand).toList();
        Source at = Source.of(path, c.line());
        switch (c.name()) {
            case "if" -> {
                conds.open(conds.active() ? condition(args) : MakeConditionals.FALSE);
                return;
            }
            case "elseif" -> {
                conds.orElse(conds.activeOutside() ? condition(args) : MakeConditionals.FALSE);
                return;
            }
            case "else" -> {
                conds.orElse(MakeConditionals.TRUE);
                return;
            }
            case "endif" -> {
                conds.close();
                return;
            }
            default -> {
                if (!conds.active()) {
                    return; // a branch the default configuration on Linux does not take: an option that is off
                }
            }
        }
        boolean undecided = conds.uncertain();
        switch (c.name()) {
            case "option" -> {
                if (!args.isEmpty() && !vars.containsKey(args.get(0))) {
                    String value = args.size() > 2 ? args.get(2) : "OFF"; // option() is OFF unless it says otherwise
                    vars.put(args.get(0), testOption(args.get(0), value, at) ? "OFF" : value);
                }
            }
            case "include" -> {
                if (args.size() == 1 && args.get(0).equals("CTest") && !vars.containsKey("BUILD_TESTING")) {
                    vars.put("BUILD_TESTING", testOption("BUILD_TESTING", "ON", at) ? "OFF" : "ON");
                }
            }
            case "cmake_minimum_required" -> {
                int v = args.indexOf("VERSION");
                if (v >= 0 && v + 1 < args.size() && facts.cmakeMinimum == null) {
                    String version = args.get(v + 1).split("\\.\\.\\.")[0];
                    if (version.matches("[0-9]+(\\.[0-9]+){0,3}")) {
                        facts.cmakeMinimum = Fact.of(version, at);
                    }
                }
            }
            case "project" -> {
                if (!args.isEmpty()) {
                    vars.put("PROJECT_NAME", args.get(0));
                    if (facts.projectName == null) {
                        facts.projectName = Fact.of(args.get(0), at);
                        vars.put("CMAKE_PROJECT_NAME", args.get(0));
                    }
                    boolean languages = false;
                    for (String a : args.subList(1, args.size())) {
                        if (a.equals("LANGUAGES")) {
                            languages = true;
                        } else if (languages && a.equals("CXX") && facts.cxx == null) {
                            facts.cxx = at;
                        }
                    }
                }
            }
            case "set" -> {
                if (!args.isEmpty()) {
                    List<String> values = args.subList(1, args.size()).stream()
                            .takeWhile(a -> !a.equals("CACHE") && !a.equals("PARENT_SCOPE")).toList();
                    vars.put(args.get(0), String.join(";", values));
                    if (undecided) {
                        uncertainVars.add(args.get(0));
                    } else {
                        uncertainVars.remove(args.get(0));
                    }
                    if (args.get(0).equals("CMAKE_RUNTIME_OUTPUT_DIRECTORY") && dir.isEmpty()) {
                        runtimeDir = relativeBinaryDir(String.join("", values));
                    }
                }
            }
            case "add_executable" -> {
                if (!args.isEmpty() && !args.contains("IMPORTED") && !args.contains("ALIAS")) {
                    String name = args.get(0);
                    executables.add(name);
                    boolean cpp = args.stream().anyMatch(a -> a.matches(".*\\.(cpp|cc|cxx|C)$"));
                    if (cpp && facts.cxx == null) {
                        facts.cxx = at;
                    }
                    String where = runtimeDir.isEmpty() ? ProjectFiles.join(dir, name) : ProjectFiles.join(runtimeDir, name);
                    facts.programs.add(Fact.of(where, at));
                }
            }
            case "add_library" -> {
                if (!args.isEmpty()) {
                    executables.add(args.get(0)); // the project's own library: linked, never installed
                }
            }
            case "target_link_libraries", "link_libraries" -> {
                for (String a : args.subList(c.name().equals("link_libraries") ? 0 : Math.min(1, args.size()), args.size())) {
                    for (String item : a.split(";")) {
                        library(item, at, undecided);
                    }
                }
            }
            case "find_package" -> {
                // without REQUIRED, configure goes on when the package is missing: optional
                if (!args.isEmpty()) {
                    facts.libraries.add(new BuildFacts.LibraryRef(BuildFacts.RefKind.CMAKE, args.get(0), at,
                            undecided || !args.contains("REQUIRED")));
                }
            }
            case "pkg_check_modules", "pkg_search_module" -> {
                facts.usesPkgConfig = true;
                for (String a : args.subList(Math.min(1, args.size()), args.size())) {
                    if (!KEYWORDS.contains(a) && !a.matches("[<>=]+|[0-9][0-9.]*")) {
                        String module = a.split("[<>=]")[0];
                        if (!module.isEmpty() && !module.contains("$")) {
                            facts.libraries.add(new BuildFacts.LibraryRef(BuildFacts.RefKind.PKG_CONFIG, module, at,
                                    undecided || !args.contains("REQUIRED")));
                        }
                    }
                }
            }
            case "find_library" -> CMakeFinds.library(args, at, undecided, facts);
            case "add_subdirectory" -> {
                if (!args.isEmpty() && args.get(0).matches("[A-Za-z0-9._/-]+") && !args.get(0).contains("..")) {
                    file(ProjectFiles.join(dir, args.get(0)), depth + 1);
                }
            }
            default -> {
                // every other command says nothing dockergen uses
            }
        }
    }

    /**
     * An option that builds the project's tests or its documentation and is on by default (CIVETWEB_BUILD_TESTING,
     * JSON_BuildTests, BUILD_TESTING, DOCUMENTATION): the image build turns it off, since tests may download their
     * framework and documentation needs tools the image never uses, so it reads as off here.
     */
    private boolean testOption(String name, String value, Source at) {
        if (!CMakeOptions.offInImage(name)
                || !value.toUpperCase(Locale.ROOT).matches("ON|TRUE|YES|1")) {
            return false;
        }
        facts.testOptions.add(Fact.of(name, at));
        return true;
    }

    /** A target_link_libraries item: an imported target, a plain library name, a flag or a path. */
    private void library(String item, Source at, boolean optional) {
        if (item.isEmpty() || KEYWORDS.contains(item) || executables.contains(item) || item.startsWith("$<")) {
            return;
        }
        if (item.contains("::")) {
            String ns = item.substring(0, item.indexOf("::"));
            if (ns.equals("PkgConfig")) {
                return; // named by pkg_check_modules already
            }
            facts.libraries.add(new BuildFacts.LibraryRef(BuildFacts.RefKind.CMAKE, ns, at, optional));
        } else if (item.startsWith("-l")) {
            facts.link(item.substring(2), at, optional);
        } else if (item.startsWith("-")) {
            return; // a linker flag
        } else if (item.matches("[A-Za-z0-9_+.-]+") && !item.endsWith(".a") && !item.endsWith(".so")) {
            facts.link(item, at, optional);
        }
    }

    /**
     * An if() condition: TRUE or FALSE where option() defaults, set() values and the platform (Linux) decide it,
     * UNKNOWN for anything else (a find_package result, a comparison). NOT, AND and OR of such words are read.
     */
    private int condition(List<String> args) {
        if (args.isEmpty()) {
            return MakeConditionals.UNKNOWN;
        }
        int result = -1;
        String op = null;
        boolean not = false;
        for (String a : args) {
            if (a.equals("NOT")) {
                not = !not;
                continue;
            }
            if (a.equals("AND") || a.equals("OR")) {
                if (result < 0 || op != null) {
                    return MakeConditionals.UNKNOWN;
                }
                op = a;
                continue;
            }
            int v = truth(a);
            if (not && v != MakeConditionals.UNKNOWN) {
                v = v == MakeConditionals.TRUE ? MakeConditionals.FALSE : MakeConditionals.TRUE;
            }
            not = false;
            if (result < 0) {
                result = v;
            } else if (op == null) {
                return MakeConditionals.UNKNOWN; // a comparison (STREQUAL, VERSION_LESS...) or a test (DEFINED, TARGET)
            } else if (op.equals("AND")) {
                result = result == MakeConditionals.FALSE || v == MakeConditionals.FALSE ? MakeConditionals.FALSE
                        : result == MakeConditionals.TRUE && v == MakeConditionals.TRUE ? MakeConditionals.TRUE : MakeConditionals.UNKNOWN;
            } else {
                result = result == MakeConditionals.TRUE || v == MakeConditionals.TRUE ? MakeConditionals.TRUE
                        : result == MakeConditionals.FALSE && v == MakeConditionals.FALSE ? MakeConditionals.FALSE : MakeConditionals.UNKNOWN;
            }
            op = null;
        }
        return result < 0 || op != null || not ? MakeConditionals.UNKNOWN : result;
    }

    /** A constant or a variable's truth, as CMake's if() reads a single word. */
    private int truth(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        if (w.matches("ON|YES|TRUE|Y|[1-9][0-9]*")) {
            return MakeConditionals.TRUE;
        }
        if (w.matches("OFF|NO|FALSE|N|0|IGNORE|NOTFOUND|.*-NOTFOUND") || word.isEmpty()) {
            return MakeConditionals.FALSE;
        }
        if (OTHER_PLATFORMS.contains(word)) {
            return MakeConditionals.FALSE;
        }
        if (word.equals("UNIX") || word.equals("LINUX") || word.equals("CMAKE_SYSTEM_NAME")) {
            return MakeConditionals.TRUE;
        }
        if (vars.containsKey(word) && word.matches("[A-Za-z_][A-Za-z0-9_]*") && !uncertainVars.contains(word)) {
            String v = vars.get(word).toUpperCase(Locale.ROOT);
            if (v.matches("ON|YES|TRUE|Y|[1-9][0-9]*")) {
                return MakeConditionals.TRUE;
            }
            if (v.matches("OFF|NO|FALSE|N|0|IGNORE|NOTFOUND|.*-NOTFOUND") || v.isEmpty()) {
                return MakeConditionals.FALSE;
            }
        }
        return MakeConditionals.UNKNOWN;
    }

    /** ${CMAKE_BINARY_DIR}/bin → bin; anything outside the build directory → "" (not followed). */
    private String relativeBinaryDir(String value) {
        String v = value.replace("${CMAKE_BINARY_DIR}", "").replace("${PROJECT_BINARY_DIR}", "")
                .replace("${CMAKE_CURRENT_BINARY_DIR}", "");
        while (v.startsWith("/")) {
            v = v.substring(1);
        }
        return v.matches("[A-Za-z0-9._/-]+") && !v.contains("..") ? v : "";
    }

    private String expand(String s) {
        String out = s;
        for (int i = 0; i < 10 && out.contains("${"); i++) {
            StringBuilder b = new StringBuilder();
            int pos = 0;
            boolean changed = false;
            while (true) {
                int start = out.indexOf("${", pos);
                int end = start < 0 ? -1 : out.indexOf('}', start);
                if (start < 0 || end < 0) {
                    b.append(out.substring(pos));
                    break;
                }
                String name = out.substring(start + 2, end);
                b.append(out, pos, start);
                if (vars.containsKey(name)) {
                    b.append(vars.get(name));
                    changed = true;
                } else {
                    b.append(out, start, end + 1);
                }
                pos = end + 1;
            }
            out = b.toString();
            if (!changed || out.length() > 8192) {
                break;
            }
        }
        return out;
    }

    /** Commands of a CMake file: name(args) with quoted, bracket and unquoted arguments; comments skipped. */
    static List<Command> commands(String path, String text) {
        List<Command> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                int[] r = skipComment(text, i, line);
                i = r[0];
                line = r[1];
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                int cmdLine = line;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                String name = text.substring(start, i).toLowerCase(Locale.ROOT);
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                if (i >= n || text.charAt(i) != '(') {
                    throw new ProjectInputException(Source.of(path, cmdLine), "expected '(' after " + name);
                }
                i++;
                List<String> args = new ArrayList<>();
                int depth = 1;
                StringBuilder arg = null;
                while (true) {
                    if (i >= n) {
                        throw new ProjectInputException(Source.of(path, cmdLine), name + "( is never closed");
                    }
                    char d = text.charAt(i);
                    if (d == '\n') {
                        line++;
                    }
                    if (d == '\\' && i + 1 < n && text.charAt(i + 1) != '\n') {
                        // an escape sequence inside an unquoted argument (-DVERSION=\"${VERSION}\"): the next
                        // character is literal, never the start of a quoted argument
                        if (arg == null) {
                            arg = new StringBuilder();
                        }
                        arg.append(text.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == '"' && arg != null) {
                        // CMake's legacy unquoted form (-DNAME="a b"): the quotes and what they enclose belong to the argument
                        int close = text.indexOf('"', i + 1);
                        if (close < 0) {
                            throw new ProjectInputException(Source.of(path, cmdLine), "a quoted argument of " + name + " is never closed");
                        }
                        String quoted = text.substring(i, close + 1);
                        line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                        arg.append(quoted);
                        i = close + 1;
                        continue;
                    }
                    if (d == '"') {
                        StringBuilder q = new StringBuilder();
                        i++;
                        while (i < n && text.charAt(i) != '"') {
                            char e = text.charAt(i);
                            if (e == '\\' && i + 1 < n) {
                                q.append(text.charAt(i + 1));
                                i += 2;
                                continue;
                            }
                            if (e == '\n') {
                                line++;
                            }
                            q.append(e);
                            i++;
                        }
                        if (i >= n) {
                            throw new ProjectInputException(Source.of(path, cmdLine), "a quoted argument of " + name + " is never closed");
                        }
                        i++;
                        args.add(q.toString());
                        continue;
                    }
                    if (d == '#') {
                        if (arg != null) {
                            args.add(arg.toString());
                            arg = null;
                        }
                        int[] r = skipComment(text, i, line);
                        i = r[0];
                        line = r[1];
                        continue;
                    }
                    if (d == '(') {
                        depth++;
                    } else if (d == ')' && --depth == 0) {
                        if (arg != null) {
                            args.add(arg.toString());
                        }
                        i++;
                        break;
                    }
                    if (Character.isWhitespace(d) || d == '(' || d == ')') {
                        if (arg != null) {
                            args.add(arg.toString());
                            arg = null;
                        }
                    } else {
                        if (arg == null) {
                            arg = new StringBuilder();
                        }
                        arg.append(d);
                    }
                    i++;
                }
                out.add(new Command(name, args, cmdLine));
                if (out.size() > MAX_COMMANDS) {
                    throw new ProjectInputException(Source.of(path), "more than " + MAX_COMMANDS + " commands; not read");
                }
            } else {
                throw new ProjectInputException(Source.of(path, line), "unexpected '" + (Character.isISOControl(c) ? "?" : c)
                        + "' where a command should start");
            }
        }
        return out;
    }

    /** Skips a line comment or a #[[bracket comment]]; returns the new position and line. */
    private static int[] skipComment(String text, int i, int line) {
        if (text.startsWith("#[[", i) || text.startsWith("#[=", i)) {
            int close = text.indexOf("]]", i);
            int end = close < 0 ? text.length() : close + 2;
            for (int k = i; k < end; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                }
            }
            return new int[] {end, line};
        }
        int nl = text.indexOf('\n', i);
        return new int[] {nl < 0 ? text.length() : nl, line};
    }
}
