package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonDetector.isSafePath;
import static dev.dockergen.lang.python.PythonScan.MAIN_GUARD;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules a Python start command names (from the repository's own launch command, a settings line or the file an
 * app is built in) and the gunicorn and uvicorn command lines that serve them.
 */
final class PythonModules {
    static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern LOOPBACK_HOST = Pattern.compile("\\bhost\\s*=\\s*['\"](?:127\\.|localhost|::1)");
    private static final Pattern RUN_HOST = Pattern.compile("^\\s+\\w+\\.run\\([^#]*\\bhost\\s*=");

    private static final Pattern FLASK_APP_ENV = Pattern.compile("^\\s*(?:export\\s+)?FLASK_APP\\s*=\\s*['\"]?([^'\"\\s#]+)");

    private PythonModules() {
    }

    /** The app target of the repository's own start command, when that command runs {@code by}, a dependency, on a module of ours. */
    static Fact<String> launched(ProjectFiles files, PythonLaunch launch, String by, Source dependency) {
        if (launch == null || dependency == null || !launch.server().equals(by) || launch.target() == null) {
            return null;
        }
        String module = launch.target().replaceFirst(":.*$", "");
        return launchDir(files, module) == null ? null : Fact.of(launch.target(), launch.source());
    }

    /** Where a module named from the project root is: "" (the root), "src", or null when it is not there. */
    static String launchDir(ProjectFiles files, String target) {
        String path = target.replaceFirst(":.*$", "").replace('.', '/');
        for (String dir : List.of("", "src")) {
            String p = ProjectFiles.join(dir, path);
            if (files.isFile(p + ".py") || files.isFile(p + "/__init__.py")) {
                return dir;
            }
        }
        return null;
    }

    /** A module[:attr] named by a command or FLASK_APP, with the directory it is found in. */
    static Module launchModule(ProjectFiles files, Fact<String> target) {
        String t = target.value();
        String name = t.replaceFirst(":.*$", "");
        String var = t.contains(":") ? t.substring(t.indexOf(':') + 1) : "";
        String dir = launchDir(files, name);
        return new Module(dir == null ? "" : dir, name, var);
    }

    /** The line of a {@code .run(..., host=...)} call after the file's __main__ guard (a run on loopback is no use in a container), or null. */
    static Source ownRun(PythonScan scan, String file) {
        if (!isSafePath(file) || !file.endsWith(".py")) {
            return null;
        }
        String[] lines = scan.lines(file);
        boolean guarded = false;
        for (int i = 0; i < lines.length; i++) {
            if (MAIN_GUARD.matcher(lines[i]).find()) {
                guarded = true;
            } else if (guarded && RUN_HOST.matcher(lines[i]).find() && !LOOPBACK_HOST.matcher(lines[i]).find()) {
                return Source.of(file, i + 1);
            }
        }
        return null;
    }

    /**
     * FLASK_APP in .flaskenv (what {@code flask run} serves): a file (microblog.py) or module, with its :attr when given;
     * a module of ours only. Without an attr, the module's own {@code NAME = Flask(} or {@code NAME = create_app()} is it.
     */
    static Fact<String> flaskAppEnv(ProjectFiles files, PythonScan scan, Pattern factoryCall, Pattern flaskApp) {
        if (!files.isFile(".flaskenv")) {
            return null;
        }
        String[] lines = scan.lines(".flaskenv");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FLASK_APP_ENV.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            String v = m.group(1);
            String attr = v.contains(":") ? v.substring(v.indexOf(':')) : "";
            String module = v.replaceFirst(":.*$", "").replaceFirst("\\.py$", "").replace('/', '.');
            if (!MODULE.matcher(module).matches() || !attr.matches("(:[A-Za-z_]\\w*(\\(\\))?)?")) {
                return null;
            }
            String dir = launchDir(files, module);
            if (dir == null) {
                return null;
            }
            if (attr.isEmpty()) {
                String base = ProjectFiles.join(dir, module.replace('.', '/'));
                String file = files.isFile(base + ".py") ? base + ".py" : base + "/__init__.py";
                Fact<String> named = scan.first(List.of(file), factoryCall);
                named = named != null ? named : scan.first(List.of(file), flaskApp);
                attr = named != null ? ":" + named.value() : "";
            }
            return Fact.of(module + attr, ".flaskenv", i + 1);
        }
        return null;
    }

    /** The repository's own command binds no address: the server's default is loopback; the image binds 0.0.0.0. */
    static void loopback(PythonLaunch launch, List<Warning> warnings) {
        if (launch.host() == null && !launch.configured()) {
            warnings.add(new Warning(launch.source(), launch.server() + " listens on loopback (127.0.0.1) when given "
                    + "no bind (nor $PORT), as this command gives none; the image binds 0.0.0.0"));
        }
    }

    /** The file of a module named from the project root (or src/): mod.py or mod/__init__.py, or null. */
    static String moduleFile(ProjectFiles files, String module) {
        if (!MODULE.matcher(module).matches()) {
            return null;
        }
        for (String dir : List.of("", "src")) {
            String base = ProjectFiles.join(dir, module.replace('.', '/'));
            for (String f : List.of(base + ".py", base + "/__init__.py", base + "/__main__.py")) {
                if (files.isFile(f)) {
                    return f;
                }
            }
        }
        return null;
    }

    static Module module(Fact<String> app) {
        String path = app.source().file();
        String dir = "";
        String rel = path;
        if (rel.startsWith("src/")) {
            dir = "src";
            rel = rel.substring(4);
        }
        String name = rel.replaceFirst("\\.py$", "").replace('/', '.').replaceFirst("\\.__init__$", "");
        if (!MODULE.matcher(name).matches()) {
            throw new ProjectInputException(app.source(), "the app is in " + Shown.whole(path)
                    + ", which is not an importable module name; rename the file to letters, digits and '_'");
        }
        return new Module(dir, name, app.value());
    }

    static List<String> gunicorn(String chdir, String target, int port) {
        List<String> w = new ArrayList<>(List.of("-m", "gunicorn", "--bind", "0.0.0.0:" + port));
        if (!chdir.isEmpty()) {
            w.add("--chdir");
            w.add(chdir);
        }
        w.add(target);
        return w;
    }

    static List<String> uvicorn(String appDir, String target, int port) {
        List<String> w = new ArrayList<>(List.of("-m", "uvicorn", target, "--host", "0.0.0.0", "--port", String.valueOf(port)));
        if (!appDir.isEmpty()) {
            w.add("--app-dir");
            w.add(appDir);
        }
        return w;
    }

    /** fastapi run on every interface, with the file or package folder the repository's own command names, when it is ours. */
    static List<String> fastapiRun(ProjectFiles files, String target, int port) {
        List<String> w = new ArrayList<>(List.of("/venv/bin/fastapi", "run", "--host", "0.0.0.0", "--port", String.valueOf(port)));
        String path = target == null ? null : target.replaceFirst("^\\./", "").replaceFirst("/$", "");
        if (path != null && isSafePath(path) && (files.isFile(path) || files.isFile(path + "/__init__.py"))) {
            w.add(path);
        }
        return w;
    }

    /** A module:variable found in a file, with the directory to run from when the file is under src/. */
    record Module(String dir, String name, String var) {
    }
}
