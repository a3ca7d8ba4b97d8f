package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonDetector.depth;
import static dev.dockergen.lang.python.PythonDetector.isSafePath;
import static dev.dockergen.lang.python.PythonScan.MAIN_GUARD;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which file is a Python project's program: the lone program of a folder without manifests, the order files with a
 * __main__ guard are tried in, and a setup.py's console script.
 */
final class PythonPrograms {
    /** Build and tooling files that have a __main__ guard but are never the program. */
    static final Set<String> NOT_PROGRAMS = Set.of("setup.py", "noxfile.py", "fabfile.py", "tasks.py", "conf.py");
    private static final Pattern HELPER_NAME = Pattern.compile("client|bootstrap|botstrap|setup|install|migrat|seed|"
            + "genproto|example|demo|bench", Pattern.CASE_INSENSITIVE);
    private static final Pattern HELPER_DIR = Pattern.compile("(^|/)(docs?|tools|scripts|examples|contrib|devscripts|bench\\w*)/");
    private static final Pattern SERVER_NAME = Pattern.compile("server|daemon|service", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONSOLE_SCRIPT = Pattern.compile(
            "['\"]\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*=\\s*([A-Za-z_][\\w.]*)\\s*(?::\\s*[\\w.]+)?\\s*['\"]");

    /** Build files of the other languages: a folder with one of them is not a lone Python program. */
    private static final List<String> OTHER_MANIFESTS = List.of("go.mod", "package.json", "pom.xml", "build.gradle",
            "build.gradle.kts", "CMakeLists.txt", "Makefile", "makefile", "GNUmakefile", "meson.build", "configure.ac",
            "configure", "Cargo.toml", "Gemfile", "composer.json");
    /** {@code scripts=[...]}, or the list built by a helper of the project's own ({@code scripts=fix_scripts(...)}). */
    private static final Pattern SETUP_SCRIPTS = Pattern.compile("^\\s*['\"]?scripts['\"]?\\s*[=:]\\s*(?:\\[|[A-Za-z_][\\w.]*\\()");
    /** A (file, name) pair right after a script file: the file is installed under that name. */
    private static final Pattern RENAMED = Pattern.compile("^\\s*,\\s*['\"]([A-Za-z0-9][A-Za-z0-9._-]*)['\"]\\s*\\)");
    private static final Pattern QUOTED = Pattern.compile("['\"]([A-Za-z0-9_./-]+)['\"]");
    private static final Pattern IMPORT = Pattern.compile("^(?:from|import)\\s+([A-Za-z_]\\w*)");
    private static final Pattern PY_SHEBANG = Pattern.compile("^#!.*\\bpython[0-9.]*\\b");
    private static final Pattern CURSES = Pattern.compile("(?m)^\\s*(?:import\\s+curses\\b|from\\s+curses\\b)");

    private PythonPrograms() {
    }

    /**
     * A folder with no manifest at all (no requirements, pyproject or setup.py, and no other language's build file)
     * whose top-level Python file is a program: a {@code __main__} guard, or a server it starts at module level
     * (HTTPServer(("", 8080))). Executable scripts without the .py suffix count when their shebang names python. The
     * preferred names first (main.py, app.py, server.py...), then by name. Null when there is none.
     */
    static Source loneProgram(ProjectFiles files) {
        for (String other : OTHER_MANIFESTS) {
            if (files.isFile(other)) {
                return null;
            }
        }
        List<String> top = files.walk("", 0, d -> true).stream().filter(p -> !p.contains("/"))
                .filter(p -> !NOT_PROGRAMS.contains(p) && !p.startsWith("test_") && !p.startsWith("."))
                .sorted(Comparator.comparingInt(PythonPrograms::priority).thenComparing(Comparator.naturalOrder()))
                .limit(200).toList();
        PythonScan scan = new PythonScan(files, List.of());
        for (String p : top) {
            boolean python = p.endsWith(".py") || (!p.contains(".") && scan.lines(p).length > 0
                    && PY_SHEBANG.matcher(scan.lines(p)[0]).find());
            if (!python || !isSafePath(p)) {
                continue;
            }
            Fact<String> guard = scan.first(List.of(p), MAIN_GUARD);
            if (guard != null) {
                return guard.source();
            }
            if (scan.serves(p)) {
                return scan.port(p).source();
            }
        }
        return null;
    }

    /**
     * Which file with a __main__ guard is the program: the preferred names, a package's __main__.py and a *server*
     * file (near the root) first, then the others, and last a file named as a helper beside the program (a client,
     * a bootstrap or set-up script); the stable sort keeps the shallowest first within each rank.
     */
    static int rank(String path) {
        String name = ProjectFiles.fileName(path).replaceFirst("\\.py$", "");
        if (HELPER_NAME.matcher(name).find() || HELPER_DIR.matcher(path).find()) {
            return 2;
        }
        boolean near = depth(path) <= (path.startsWith("src/") ? 2 : 1);
        return near && (priority(path) < 9 || SERVER_NAME.matcher(name).find()) ? 0 : 1;
    }

    /** The first console_scripts entry of a setup.py's entry_points. */
    static Fact<String> consoleScript(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].contains("console_scripts")) {
                continue;
            }
            for (int j = i; j < Math.min(lines.length, i + 10); j++) {
                Matcher m = CONSOLE_SCRIPT.matcher(lines[j]);
                if (m.find()) {
                    return Fact.of(m.group(1) + "=" + m.group(2), "setup.py", j + 1);
                }
            }
        }
        return null;
    }

    /** A setup.py script: the project's file, and the name it is installed under in the environment's bin. */
    record SetupScript(String path, String name, Source source) {
    }

    /**
     * The first file of a setup.py's {@code scripts=[...]} (distutils scripts, installed into the environment's bin
     * under their own names; a {@code ('file.py', 'name')} pair installs the file under the name) that is a file of
     * the project, skipping test runners; null when there is none.
     */
    static SetupScript setupScript(String[] lines, java.util.function.Predicate<String> isFile) {
        for (int i = 0; i < lines.length; i++) {
            Matcher start = SETUP_SCRIPTS.matcher(lines[i]);
            if (!start.find()) {
                continue;
            }
            for (int j = i; j < Math.min(lines.length, i + 10); j++) {
                String code = lines[j].replaceFirst("#.*$", "");
                String part = j == i ? code.substring(start.end() - 1) : code;
                Matcher m = QUOTED.matcher(part);
                while (m.find()) {
                    if (!ProjectFiles.fileName(m.group(1)).contains("test") && isSafePath(m.group(1))
                            && isFile.test(m.group(1))) {
                        Matcher renamed = RENAMED.matcher(part.substring(m.end()));
                        String name = renamed.find() ? renamed.group(1) : ProjectFiles.fileName(m.group(1));
                        return new SetupScript(m.group(1), name, Source.of("setup.py", j + 1));
                    }
                }
                if (code.contains("]") || j > i && code.strip().equals(")")) {
                    break;
                }
            }
        }
        return null;
    }

    /** The first package of the project a script imports ({@code from tool.cli import main}): its __init__.py, or null. */
    static String importedPackage(ProjectFiles files, String[] lines) {
        for (int i = 0; i < lines.length && i < 400; i++) {
            Matcher m = IMPORT.matcher(lines[i]);
            if (m.find() && files.isFile(m.group(1) + "/__init__.py")) {
                return m.group(1) + "/__init__.py";
            }
        }
        return null;
    }

    static int priority(String path) {
        List<String> preferred = List.of("main.py", "app.py", "__main__.py", "wsgi.py", "asgi.py", "server.py", "run.py",
                "worker.py", "manage.py");
        int i = preferred.indexOf(ProjectFiles.fileName(path));
        return i < 0 ? preferred.size() : i;
    }

    /**
     * The first of the program's own files (not docs/, tools/, scripts/...) that imports curses (a terminal UI: it
     * needs a terminfo database), or null.
     */
    static String curses(ProjectFiles files) {
        return PythonEntrypoint.sources(files).stream().filter(path -> !HELPER_DIR.matcher(path).find())
                .filter(path -> CURSES.matcher(dev.dockergen.detect.SourceSearch.textOf(files, path)).find())
                .findFirst().orElse(null);
    }
}
