package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonDetector.depth;
import static dev.dockergen.lang.python.PythonDetector.isSafePath;
import static dev.dockergen.lang.python.PythonScan.MAIN_GUARD;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web app's own entry script: a file near the root, apart from the module that builds the app, whose
 * {@code __main__} block starts the server itself ({@code uvicorn.run("app:app", host=settings.HOST, ...)}, or
 * {@code socketio.run(app, host=...)}/{@code app.run(host=...)}), in its own code or in the {@code main()} of the
 * project's module it calls ({@code import pkg} ... {@code pkg.main()}). Its authors run that file, which reads their
 * settings, rather than the bare server on the app object.
 */
final class PythonOwnStart {
    /** A server started in code: uvicorn.run(, or NAME.run( with a host= that is not loopback. */
    private static final Pattern SERVER_CALL = Pattern.compile(
            "^\\s+(?:uvicorn\\.run\\(|\\w+\\.run\\([^#]*\\bhost\\s*=(?!\\s*['\"](?:127\\.|localhost|::1)))");
    private static final Pattern CALLS_MAIN = Pattern.compile("^\\s+(?:([A-Za-z_][\\w.]*)\\.)?main\\(\\s*\\)");
    private static final Pattern FROM_IMPORT_MAIN = Pattern.compile("^from\\s+([A-Za-z_][\\w.]*)\\s+import\\s+.*\\bmain\\b");

    private PythonOwnStart() {
    }

    /**
     * @param appFile the file that builds the app object (its own __main__ block is the framework's business), or null
     * @return the entry file, with the line of the server call, or null
     */
    static Fact<String> find(ProjectFiles files, PythonScan scan, String appFile) {
        for (String file : scan.sources()) {
            if (depth(file) > 1 || file.equals(appFile) || PythonPrograms.NOT_PROGRAMS.contains(ProjectFiles.fileName(file))
                    || ProjectFiles.fileName(file).equals("manage.py") || PythonPrograms.rank(file) == 2
                    || depth(file) == 1 && PythonPrograms.rank(file) != 0 || !isSafePath(file)) {
                continue;
            }
            String[] lines = scan.lines(file);
            int guard = -1;
            for (int i = 0; i < lines.length && guard < 0; i++) {
                if (MAIN_GUARD.matcher(lines[i]).find()) {
                    guard = i;
                }
            }
            if (guard < 0) {
                continue;
            }
            Fact<String> call = scan.first(List.of(file), SERVER_CALL);
            if (call != null) {
                return Fact.of(file, call.source());
            }
            for (int i = guard + 1; i < lines.length; i++) {
                Matcher m = CALLS_MAIN.matcher(lines[i]);
                if (!m.find()) {
                    continue;
                }
                String module = m.group(1) != null ? m.group(1) : imported(lines);
                String target = module == null ? null : PythonModules.moduleFile(files, module);
                Fact<String> inTarget = target == null || target.equals(appFile) ? null : scan.first(List.of(target), SERVER_CALL);
                if (inTarget != null) {
                    return Fact.of(file, inTarget.source());
                }
            }
        }
        return null;
    }

    /**
     * How to run the entry file: {@code FILE} at the top or when the project is installed as a package (its imports
     * resolve in the venv), else {@code -m pkg.module} for a file inside a package folder, since {@code python pkg/x.py}
     * would put pkg/, not the working directory, on the import path.
     */
    static List<String> command(ProjectFiles files, String file, boolean installed) {
        String dir = ProjectFiles.parent(file);
        String module = file.replaceFirst("\\.py$", "").replace('/', '.');
        if (!installed && !dir.isEmpty() && files.isFile(dir + "/__init__.py") && PythonModules.MODULE.matcher(module).matches()) {
            return List.of("-m", module);
        }
        return List.of(file);
    }

    private static String imported(String[] lines) {
        for (String line : lines) {
            Matcher m = FROM_IMPORT_MAIN.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
