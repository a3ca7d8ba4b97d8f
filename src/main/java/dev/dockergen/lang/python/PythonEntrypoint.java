package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonDetector.SKIPPED;
import static dev.dockergen.lang.python.PythonDetector.depth;
import static dev.dockergen.lang.python.PythonDetector.isSafePath;
import static dev.dockergen.lang.python.PythonDetector.lineOfKey;
import static dev.dockergen.lang.python.PythonModules.MODULE;
import static dev.dockergen.lang.python.PythonModules.gunicorn;
import static dev.dockergen.lang.python.PythonModules.launchDir;
import static dev.dockergen.lang.python.PythonModules.launchModule;
import static dev.dockergen.lang.python.PythonModules.launched;
import static dev.dockergen.lang.python.PythonModules.loopback;
import static dev.dockergen.lang.python.PythonModules.module;
import static dev.dockergen.lang.python.PythonModules.moduleFile;
import static dev.dockergen.lang.python.PythonModules.ownRun;
import static dev.dockergen.lang.python.PythonModules.uvicorn;
import static dev.dockergen.lang.python.PythonPrograms.NOT_PROGRAMS;
import static dev.dockergen.lang.python.PythonPrograms.consoleScript;
import static dev.dockergen.lang.python.PythonPrograms.priority;
import static dev.dockergen.lang.python.PythonPrograms.rank;
import static dev.dockergen.lang.python.PythonScan.MAIN_GUARD;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import dev.dockergen.lang.python.PythonModules.Module;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Python project starts: its framework (Django, FastAPI, Flask) and server, else a script; the port it
 * listens on and a health route, each with the file and line it came from.
 */
final class PythonEntrypoint {
    static final String WEB = "web";
    static final String WORKER = "worker";
    private static final Pattern FLASK_APP = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:flask\\.)?Flask\\(");
    private static final Pattern FASTAPI_APP = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:fastapi\\.)?FastAPI\\(");
    private static final Pattern FACTORY = Pattern.compile("^def\\s+(create_app|make_app)\\s*\\(");
    /** A module-level call of the factory: the WSGI module its authors serve ({@code app = create_app()} in wsgi.py). */
    private static final Pattern FACTORY_CALL = Pattern.compile(
            "^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:[A-Za-z_][\\w.]*\\.)?(?:create_app|make_app)\\(");
    private static final Pattern WSGI_SETTING = Pattern.compile("^(WSGI|ASGI)_APPLICATION\\s*=\\s*['\"]([\\w.]+)\\.(\\w+)['\"]");
    private static final Pattern HEALTH = Pattern.compile(
            "(?:\\.(?:get|route|head)\\(|\\bpath\\()\\s*['\"]/?((?:healthz|health|livez|readyz|ping)/?)['\"]|"
                    + "\\bpath\\s*==\\s*['\"]/(healthz|health|livez|readyz|ping)['\"]");
    /** The program's own health mode: an argparse flag, or a subcommand as its first argument. */
    private static final Pattern HEALTH_MODE = Pattern.compile(
            "\\badd_argument\\(\\s*['\"](--health-?check|--health)['\"]|\\bsys\\.argv\\[1(?::2)?\\]\\s*==\\s*\\[?['\"](health-?check)['\"]");
    /** A file that runs another module's main: {@code from Tautulli import main}. */
    private static final Pattern SHIM = Pattern.compile("^from\\s+([A-Za-z_]\\w*)\\s+import\\s+main\\s*$");
    private static final Pattern SCRIPT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    Fact<String> framework;
    Fact<List<String>> start;
    Fact<String> server;
    String fallback;
    Fact<Integer> port;
    String kind = PythonDetails.SCRIPT;
    Fact<String> health;
    /** The arguments that run the program's own health check, found in the file the image starts, or null. */
    Fact<List<String>> healthCommand;
    /** The line of the server's configuration that reads the port from $PORT (the image sets it), or null. */
    Source portEnv;
    /** Whose default the port is (Flask, gunicorn...), or null when the project's own files give it. */
    String portDefault;

    /** The programs of a folder that holds both a web app and a worker ({@code --main web|worker}), else empty. */
    List<String> programs = List.of();

    /** The module file a console script runs (its port is looked for there), or null. */
    private String scriptModule;
    /** The program file of a folder without manifests, or null. */
    private Source lone;

    private PythonEntrypoint() {
    }

    /** The module file a console script runs, or the package a setup.py script imports; null otherwise. */
    String scriptModule() {
        return scriptModule;
    }

    /** What the start command runs of the project (see {@link PythonArtefact}), or null. */
    String artefact(ProjectFiles files) {
        if (PythonDetails.STATIC.equals(kind)) {
            return PythonFrameworks.siteDir(files);
        }
        return start == null ? null : PythonArtefact.of(files, start.value(), scriptModule);
    }

    static PythonEntrypoint find(ProjectFiles files, TomlFile pyproject, PythonManifests manifests, List<Warning> warnings) {
        return find(files, pyproject, manifests, null, null, warnings);
    }

    /** {@code lone}: the program file of a folder without any manifest (see {@link PythonPrograms#loneProgram}), else null. */
    static PythonEntrypoint find(ProjectFiles files, TomlFile pyproject, PythonManifests manifests, Source lone,
                                 String main, List<Warning> warnings) {
        PythonEntrypoint e = new PythonEntrypoint();
        e.lone = lone;
        e.findIn(files, pyproject, manifests, main, warnings);
        return e;
    }

    private void findIn(ProjectFiles files, TomlFile pyproject, PythonManifests manifests, String main, List<Warning> warnings) {
        JsonNode py = pyproject == null ? null : pyproject.tree();
        Map<String, Source> deps = new LinkedHashMap<>(manifests.deps);
        deps.keySet().removeAll(manifests.pulledIn); // Flask pulled in by locust is not the project's framework
        Set<String> extras = manifests.extras;
        boolean isPackage = manifests.isPackage;
        List<String> sources = sources(files);
        PythonScan scan = new PythonScan(files, sources);
        PythonLaunch launch = PythonLaunch.find(files);
        Source gunicorn = deps.get("gunicorn");
        Source uvicorn = deps.get("uvicorn");
        if (uvicorn == null && extras.contains("fastapi[standard]")) {
            uvicorn = deps.get("fastapi");
        }
        if (deps.containsKey("django")) {
            framework = Fact.of("django", deps.get("django"));
            kind = PythonDetails.WEB;
            Fact<String[]> wsgi = django(files, scan, "WSGI", "wsgi.py", "get_wsgi_application");
            Fact<String[]> asgi = django(files, scan, "ASGI", "asgi.py", "get_asgi_application");
            String manage = sources.stream().filter(p -> ProjectFiles.fileName(p).equals("manage.py"))
                    .min(Comparator.comparingInt(PythonDetector::depth)).orElse(null);
            String chdir = manage == null ? "" : ProjectFiles.parent(manage);
            Fact<String> launched = launched(files, launch, "gunicorn", gunicorn);
            if (launched != null) {
                server = Fact.of("gunicorn", gunicorn);
                port = port(scan, launch, "gunicorn", 8000, gunicorn);
                start = Fact.of(gunicorn(launchDir(files, launched.value()), launched.value(), port.value()), launched.source());
                loopback(launch, warnings);
            } else if (wsgi != null && gunicorn != null) {
                server = Fact.of("gunicorn", gunicorn);
                port = port(scan, launch, "gunicorn", 8000, gunicorn);
                start = Fact.of(gunicorn(chdir, wsgi.value()[0] + ":" + wsgi.value()[1], port.value()), wsgi.source());
            } else if (asgi != null && uvicorn != null) {
                server = Fact.of("uvicorn", uvicorn);
                port = port(scan, launch, "uvicorn", 8000, uvicorn);
                start = Fact.of(uvicorn(chdir, asgi.value()[0] + ":" + asgi.value()[1], port.value()), asgi.source());
            } else if (deps.containsKey("uwsgi") && PythonServers.uwsgi(files) != null) {
                // the project's own uWSGI ini (its Procfile's, or one naming the app): the server its authors configured
                PythonServers.Uwsgi ini = PythonServers.uwsgi(files);
                server = Fact.of("uwsgi", deps.get("uwsgi"));
                port = ini.port() != null ? ini.port() : port(scan, null, "Django", 8000, framework.source());
                portEnv = ini.portEnv();
                start = Fact.of(List.of("/venv/bin/uwsgi", ini.file()), ini.source());
            } else if (wsgi != null && deps.containsKey("waitress")) {
                server = Fact.of("waitress", deps.get("waitress"));
                port = port(scan, null, "waitress", 8080, deps.get("waitress"));
                start = Fact.of(List.of("/venv/bin/waitress-serve", "--listen", "0.0.0.0:" + port.value(),
                        wsgi.value()[0] + ":" + wsgi.value()[1]), wsgi.source());
            } else if (manage != null) {
                port = port(scan, null, "Django", 8000, framework.source());
                fallback = "neither gunicorn" + (asgi != null ? " nor uvicorn" : "") + " is a dependency, so the image runs "
                        + "Django's development server (manage.py runserver); add gunicorn to the dependencies for production";
                start = Fact.of(List.of(manage, "runserver", "0.0.0.0:" + port.value(), "--noreload"), Source.of(manage));
            } else {
                port = port(scan, null, "Django", 8000, framework.source());
            }
        } else if (deps.containsKey("fastapi")) {
            framework = Fact.of("fastapi", deps.get("fastapi"));
            kind = PythonDetails.WEB;
            boolean cli = launch != null && launch.server().equals("fastapi") && (extras.contains("fastapi[standard]")
                    || deps.containsKey("fastapi-cli"));
            port = port(scan, launch, cli ? "fastapi" : "uvicorn", 8000, uvicorn != null ? uvicorn : framework.source());
            Fact<String> launched = launched(files, launch, "uvicorn", uvicorn);
            Fact<String> app = launched != null ? launched : scan.app(FASTAPI_APP);
            Fact<String> own = launched == null && !cli ? PythonOwnStart.find(files, scan, app == null ? null : app.source().file()) : null;
            if (cli) {
                // the repository's own fastapi run|dev (fastapi-cli, of fastapi[standard]): run, on every interface
                server = Fact.of("fastapi", deps.getOrDefault("fastapi-cli", deps.get("fastapi")));
                scriptModule = app == null ? null : app.source().file();
                start = Fact.of(PythonModules.fastapiRun(files, launch.target(), port.value()), launch.source());
            } else if (own != null) {
                // the authors' entry script runs uvicorn itself, with their settings
                start = Fact.of(PythonOwnStart.command(files, own.value(), isPackage), own.source());
            } else if (app != null) {
                Module mod = app == launched ? launchModule(files, app) : module(app);
                if (uvicorn == null) {
                    fallback = "uvicorn is not a dependency (nor fastapi[standard]), so the image cannot serve the app "
                            + "until it is added; the command names uvicorn as FastAPI's documentation does";
                } else {
                    server = Fact.of("uvicorn", uvicorn);
                }
                start = Fact.of(uvicorn(mod.dir(), mod.name() + ":" + mod.var(), port.value()), app.source());
                if (launched == null || launch.host() == null) {
                    warnings.add(new Warning(launched != null ? launched.source() : app.source(), "uvicorn listens on "
                            + "loopback (127.0.0.1) unless given --host, where a container cannot be reached; the image "
                            + "passes --host 0.0.0.0"));
                }
            }
        } else if (deps.containsKey("flask")) {
            framework = Fact.of("flask", deps.get("flask"));
            kind = PythonDetails.WEB;
            port = gunicorn != null ? port(scan, launch, "gunicorn", 8000, gunicorn)
                    : port(scan, null, "Flask", 5000, framework.source());
            Fact<String> launched = launched(files, launch, "gunicorn", gunicorn);
            String target = null;
            Fact<String> app = null;
            Module mod = null;
            if (launched != null) {
                app = launched;
                loopback(launch, warnings);
                mod = launchModule(files, launched);
                target = mod.name() + (mod.var().isEmpty() ? "" : ":" + mod.var());
            } else {
                Fact<String> flaskApp = PythonModules.flaskAppEnv(files, scan, FACTORY_CALL, FLASK_APP);
                Fact<String> call = flaskApp == null ? scan.app(FACTORY_CALL, PythonEntrypoint::entryFile) : null;
                Fact<String> object = flaskApp == null && call == null ? scan.app(FLASK_APP) : null;
                Fact<String> factory = flaskApp == null && call == null && object == null ? scan.app(FACTORY) : null;
                app = flaskApp != null ? flaskApp : call != null ? call : object != null ? object : factory;
                if (app != null) {
                    mod = app == flaskApp ? launchModule(files, app) : module(app);
                    target = mod.name() + (mod.var().isEmpty() ? "" : ":" + mod.var() + (app == factory ? "()" : ""));
                }
            }
            if (app != null) {
                if (gunicorn != null) {
                    server = Fact.of("gunicorn", gunicorn);
                    if (mod.var().isEmpty() && app != launched) {
                        target = target + ":app"; // gunicorn's own default is "application"; Flask's app is "app"
                    }
                    start = Fact.of(gunicorn(mod.dir(), target, port.value()), app.source());
                } else if (app != launched && PythonOwnStart.find(files, scan, app.source().file()) != null) {
                    Fact<String> own = PythonOwnStart.find(files, scan, app.source().file());
                    fallback = "gunicorn is not a dependency, so the image runs the project's own entry script ("
                            + own.source() + "), which starts the server itself; add gunicorn to the dependencies for production";
                    start = Fact.of(PythonOwnStart.command(files, own.value(), isPackage), own.source());
                } else if (app != launched && ownRun(scan, app.source().file()) != null) {
                    // the authors run the file itself: its __main__ block calls .run(host=...), set-up a bare flask run skips
                    fallback = "gunicorn is not a dependency, so the image runs the app's own __main__ block ("
                            + ownRun(scan, app.source().file()) + "), Flask's built-in server; add gunicorn to the dependencies for production";
                    start = Fact.of(List.of(app.source().file()), ownRun(scan, app.source().file()));
                } else {
                    fallback = "gunicorn is not a dependency, so the image runs Flask's built-in server (flask run); "
                            + "add gunicorn to the dependencies for production";
                    warnings.add(new Warning(app.source(), "flask run listens on loopback (127.0.0.1) unless given --host, "
                            + "where a container cannot be reached; the image passes --host 0.0.0.0"));
                    List<String> words = new ArrayList<>(List.of("-m", "flask", "--app", target, "run", "--host", "0.0.0.0",
                            "--port", String.valueOf(port.value())));
                    start = Fact.of(words, app.source());
                }
            }
        }
        PythonWorkers.Worker worker = PythonWorkers.find(files, deps, scan);
        if (worker != null && framework != null && start != null) {
            programs = List.of(WEB, WORKER);
            if (WORKER.equals(main)) {
                framework = null; // the worker's, below
                port = null;
                server = null;
                fallback = null;
                portDefault = null;
                portEnv = null;
            } else {
                warnings.add(new Warning(worker.start().source(), "a " + worker.framework().value() + " worker runs from "
                        + "this folder too (" + String.join(" ", worker.start().value()).replace("/venv/bin/", "")
                        + "): the image runs the web app; generate the worker's with --main worker"));
            }
        }
        if (main != null && !programs.isEmpty() && !programs.contains(main)) {
            throw new DockergenException(ExitCode.USAGE, "--main " + Shown.whole(main) + ": this folder runs "
                    + String.join(" or ", programs) + "; choose one of them");
        }
        if (framework == null && worker != null) {
            framework = worker.framework();
            kind = PythonDetails.WORKER;
            start = worker.start();
            if (worker.warning() != null) {
                warnings.add(worker.warning());
            }
        }
        PythonFrameworks.Found other = framework == null ? PythonFrameworks.find(files, deps, scan) : null;
        if (other != null) {
            framework = other.framework();
        }
        if (framework == null || other != null && !PythonDetails.STATIC.equals(other.kind())) {
            start = lone != null ? Fact.of(List.of(lone.file()), lone) : script(files, py, pyproject, isPackage, scan);
            if (start != null) {
                String file = scriptModule != null ? scriptModule : start.source().file();
                Fact<Integer> code = scan.port(file);
                if (code != null || scan.serves(file)) {
                    kind = code != null ? PythonDetails.WEB : PythonDetails.SCRIPT;
                    port = code;
                }
            }
        }
        if (other != null && other.kind() != null) {
            kind = other.kind(); // a CherryPy app serves even where its port is in a config; a bot is no server
        }
        if (fallback != null) {
            warnings.add(new Warning(framework.source(), fallback));
        }
        if (start == null && !PythonDetails.STATIC.equals(kind)) {
            warnings.add(new Warning(null, "no way to start the program found: add `if __name__ == \"__main__\":` to "
                    + "main.py, or a [project.scripts] entry"));
        }
        if (start != null) {
            for (String word : start.value()) {
                if (!word.matches("[A-Za-z0-9._:/()=-]+")) {
                    throw new ProjectInputException(start.source(), "the start command names '" + Shown.whole(word)
                            + "', which a Dockerfile cannot carry safely; use plain module and file names");
                }
            }
        }
        // only a file the image runs itself (python3 FILE.py): a server such as gunicorn would not pass the flag on
        String startFile = start == null || !start.value().get(0).endsWith(".py") ? null : start.value().get(0);
        Fact<String> mode = startFile == null ? null : scan.first(List.of(startFile), HEALTH_MODE);
        healthCommand = mode == null ? null : Fact.of(List.of(mode.value()), mode.source());
        health = kind.equals(PythonDetails.WEB) ? scan.first(sources, HEALTH) : null;
        if (health != null) {
            health = Fact.of("/" + health.value(), health.source());
        }
    }

    static List<String> sources(ProjectFiles files) {
        return files.walk("", 6, d -> SKIPPED.test(d) || files.isFile(d + "/pyvenv.cfg")).stream()
                .filter(p -> p.endsWith(".py") && !ProjectFiles.fileName(p).startsWith("test_")
                && !p.endsWith("_test.py") && !ProjectFiles.fileName(p).equals("conftest.py"))
                .sorted(Comparator.comparingInt(PythonDetector::depth).thenComparing(PythonPrograms::priority)
                        .thenComparing(Comparator.naturalOrder()))
                .limit(2000).toList();
    }


    /**
     * The port: the code's own (a PORT default, .run(port=)...), else the bind of the repository's own start command
     * for this server (Procfile, start script), else the default of what serves it (gunicorn and uvicorn 8000 when
     * they run the app, else the framework's development server), said as that program's default.
     */
    private Fact<Integer> port(PythonScan scan, PythonLaunch launch, String by, int fallback, Source declared) {
        Fact<Integer> found = scan.port(null);
        if (found != null) {
            return found;
        }
        if (launch != null && launch.port() != null && launch.server().equals(by)) {
            return Fact.of(launch.port(), launch.portSource());
        }
        portDefault = by;
        return Fact.of(fallback, declared);
    }

    /** A file its authors would serve: a preferred entry name (wsgi.py, app.py, main.py...) near the root. */
    private static boolean entryFile(String path) {
        return priority(path) < 9 && depth(path) <= (path.startsWith("src/") ? 2 : 1)
                && !ProjectFiles.fileName(path).equals("manage.py");
    }

    /** Django's WSGI/ASGI module: the *_APPLICATION setting when its file exists, else a wsgi.py/asgi.py that builds one. */
    private static Fact<String[]> django(ProjectFiles files, PythonScan scan, String kind, String fileName, String builder) {
        String manageDir = "";
        for (String s : scan.sources()) {
            if (ProjectFiles.fileName(s).equals("manage.py")) {
                manageDir = ProjectFiles.parent(s);
                break;
            }
        }
        for (String s : scan.sources()) {
            if (!ProjectFiles.fileName(s).equals("settings.py") && !s.contains("/settings/")) {
                continue;
            }
            String[] lines = scan.lines(s);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = WSGI_SETTING.matcher(lines[i]);
                if (m.find() && m.group(1).equals(kind)) {
                    String file = ProjectFiles.join(manageDir, m.group(2).replace('.', '/') + ".py");
                    if (files.isFile(file)) {
                        return Fact.of(new String[] {m.group(2), m.group(3)}, s, i + 1);
                    }
                }
            }
        }
        for (String s : scan.sources()) {
            if (ProjectFiles.fileName(s).equals(fileName)) {
                String[] lines = scan.lines(s);
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = Pattern.compile("^(\\w+)\\s*=\\s*" + builder + "\\(").matcher(lines[i]);
                    if (m.find()) {
                        String rel = manageDir.isEmpty() ? s : s.startsWith(manageDir + "/") ? s.substring(manageDir.length() + 1) : s;
                        String mod = rel.replaceFirst("\\.py$", "").replace('/', '.');
                        if (MODULE.matcher(mod).matches()) {
                            return Fact.of(new String[] {mod, m.group(1)}, s, i + 1);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** A plain program: the first [project.scripts] entry of a package, else a file with a __main__ guard. */
    private Fact<List<String>> script(ProjectFiles files, JsonNode py, TomlFile pyproject, boolean isPackage, PythonScan scan) {
        if (py != null && isPackage) {
            JsonNode scripts = py.path("project").path("scripts");
            if (scripts.size() == 0) {
                scripts = py.path("tool").path("poetry").path("scripts");
            }
            Iterator<String> names = scripts.fieldNames();
            if (names.hasNext()) {
                String name = names.next();
                scriptModule = moduleFile(files, scripts.path(name).asText("").replaceFirst(":.*$", "").strip());
                if (!SCRIPT_NAME.matcher(name).matches()) {
                    throw new ProjectInputException(pyproject.at(name), "the script name '" + Shown.whole(name)
                            + "' cannot be carried safely by a Dockerfile");
                }
                return Fact.of(List.of("/venv/bin/" + name), Source.of("pyproject.toml", lineOfKey(pyproject.text(), name)));
            }
        }
        if (isPackage && files.isFile("setup.py")) {
            Fact<String> console = consoleScript(scan.lines("setup.py"));
            if (console != null) {
                String[] nameModule = console.value().split("=", 2);
                scriptModule = moduleFile(files, nameModule[1]);
                return Fact.of(List.of("/venv/bin/" + nameModule[0]), console.source());
            }
            // distutils scripts (scripts=['bin/tool']) are installed into the venv's bin under their file names
            PythonPrograms.SetupScript installed = PythonPrograms.setupScript(scan.lines("setup.py"), files::isFile);
            if (installed != null) {
                scriptModule = PythonPrograms.importedPackage(files, scan.lines(installed.path()));
                return Fact.of(List.of("/venv/bin/" + installed.name()), installed.source());
            }
        }
        List<String> candidates = scan.sources().stream().filter(p -> !NOT_PROGRAMS.contains(ProjectFiles.fileName(p)))
                .sorted(Comparator.comparingInt(PythonPrograms::rank)).toList();
        Fact<String> guard = null;
        for (String c : candidates) {
            if (ProjectFiles.fileName(c).equals("__main__.py") && rank(c) == 0 && !ProjectFiles.parent(c).isEmpty()) {
                guard = Fact.of("", c, 1); // python -m pkg runs a package's __main__.py, guard or not
                break;
            }
            guard = scan.first(List.of(c), MAIN_GUARD);
            if (guard != null) {
                break;
            }
        }
        if (guard == null) {
            return null;
        }
        String path = guard.source().file();
        // a shim that only runs another module's main (a program's old name kept for old set-ups): that module is the program
        Fact<String> shim = scan.first(List.of(path), SHIM);
        String target = shim == null ? null : ProjectFiles.join(ProjectFiles.parent(path), shim.value() + ".py");
        if (target != null && !target.equals(path) && files.isFile(target) && scan.first(List.of(target), MAIN_GUARD) != null) {
            guard = scan.first(List.of(target), MAIN_GUARD);
            path = target;
        }
        if (ProjectFiles.fileName(path).equals("__main__.py") && !ProjectFiles.parent(path).isEmpty()) {
            String pkg = ProjectFiles.parent(path);
            if (pkg.startsWith("src/")) {
                pkg = pkg.substring(4);
            }
            if (MODULE.matcher(pkg.replace('/', '.')).matches()) {
                return Fact.of(List.of("-m", pkg.replace('/', '.')), guard.source());
            }
        }
        if (!isSafePath(path)) {
            throw new ProjectInputException(guard.source(), "the program file name cannot be carried safely by a Dockerfile");
        }
        return Fact.of(List.of(path), guard.source());
    }
}
