package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonDetector.SKIPPED;
import static dev.dockergen.lang.python.PythonDetector.depth;
import static dev.dockergen.lang.python.PythonDetector.isSafePath;
import static dev.dockergen.lang.python.PythonDetector.lineOfKey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
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
    private static final Pattern FLASK_APP = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:flask\\.)?Flask\\(");
    private static final Pattern FASTAPI_APP = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:fastapi\\.)?FastAPI\\(");
    private static final Pattern FACTORY = Pattern.compile("^def\\s+(create_app|make_app)\\s*\\(");
    /** A module-level call of the factory: the WSGI module its authors serve ({@code app = create_app()} in wsgi.py). */
    private static final Pattern FACTORY_CALL = Pattern.compile(
            "^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:[A-Za-z_][\\w.]*\\.)?(?:create_app|make_app)\\(");
    private static final Pattern FLASK_APP_ENV = Pattern.compile("^\\s*(?:export\\s+)?FLASK_APP\\s*=\\s*['\"]?([^'\"\\s#]+)");
    private static final Pattern CELERY_APP = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:celery\\.)?Celery\\(");
    private static final Pattern LOCUST_HOST = Pattern.compile("^\\s+host\\s*=");
    private static final Pattern LOOPBACK_HOST = Pattern.compile("\\bhost\\s*=\\s*['\"](?:127\\.|localhost|::1)");
    private static final Pattern RUN_HOST = Pattern.compile("^\\s+\\w+\\.run\\([^#]*\\bhost\\s*=");
    private static final Pattern MAIN_GUARD = Pattern.compile("^if\\s+__name__\\s*==\\s*['\"]__main__['\"]\\s*:");
    private static final Pattern WSGI_SETTING = Pattern.compile("^(WSGI|ASGI)_APPLICATION\\s*=\\s*['\"]([\\w.]+)\\.(\\w+)['\"]");
    private static final Pattern PORT_RUN = Pattern.compile("\\.run\\([^#]*\\bport\\s*=\\s*(?:int\\([^)]*?['\"]?)?['\"]?([0-9]{2,5})\\b");
    private static final Pattern PORT_ENV = Pattern.compile(
            "(?:environ\\.get|getenv)\\(\\s*['\"]PORT['\"]\\s*,\\s*['\"]?([0-9]{2,5})");
    private static final Pattern PORT_SERVER = Pattern.compile(
            "(?:HTTPServer|make_server|TCPServer)\\(\\s*\\(\\s*['\"][^'\"]*['\"]\\s*,\\s*([0-9]{2,5})\\s*\\)");
    /** argparse: add_argument("-p", "--port", ..., default=8000) or a positional "port" with a default, on one line. */
    private static final Pattern PORT_ARG = Pattern.compile(
            "add_argument\\((?:\\s*['\"][^'\"]*['\"]\\s*,)*\\s*['\"](?:-p|(?:--?)?port)['\"][^)]*\\bdefault\\s*=\\s*['\"]?([0-9]{2,5})\\b");
    private static final Pattern PORT_CONST = Pattern.compile("^PORT\\s*=\\s*(?:int\\([^)]*?)?['\"]?([0-9]{2,5})\\b");
    private static final Pattern SERVES = Pattern.compile(
            "^\\s*(?:from|import)\\s+(http\\.server|wsgiref|socketserver|aiohttp|asyncio)\\b|\\.serve_forever\\(|start_server\\(");
    private static final Pattern HEALTH = Pattern.compile(
            "(?:\\.(?:get|route|head)\\(|\\bpath\\()\\s*['\"]/?((?:healthz|health|livez|readyz|ping)/?)['\"]|"
                    + "\\bpath\\s*==\\s*['\"]/(healthz|health|livez|readyz|ping)['\"]");
    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern SCRIPT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Build and tooling files that have a __main__ guard but are never the program. */
    private static final Set<String> NOT_PROGRAMS = Set.of("setup.py", "noxfile.py", "fabfile.py", "tasks.py", "conf.py");
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
    private static final Pattern PY_SHEBANG = Pattern.compile("^#!.*\\bpython[0-9.]*\\b");

    Fact<String> framework;
    Fact<List<String>> start;
    Fact<String> server;
    String fallback;
    Fact<Integer> port;
    String kind = PythonDetails.SCRIPT;
    Fact<String> health;
    /** Whose default the port is (Flask, gunicorn...), or null when the project's own files give it. */
    String portDefault;

    /** The module file a console script runs (its port is looked for there), or null. */
    private String scriptModule;
    /** The program file of a folder without manifests, or null. */
    private Source lone;

    private PythonEntrypoint() {
    }

    static PythonEntrypoint find(ProjectFiles files, TomlFile pyproject, PythonManifests manifests, List<Warning> warnings) {
        return find(files, pyproject, manifests, null, warnings);
    }

    /** {@code lone}: the program file of a folder without any manifest (see {@link #loneProgram}), else null. */
    static PythonEntrypoint find(ProjectFiles files, TomlFile pyproject, PythonManifests manifests, Source lone,
                                 List<Warning> warnings) {
        PythonEntrypoint e = new PythonEntrypoint();
        e.lone = lone;
        e.findIn(files, pyproject, manifests, warnings);
        return e;
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
                .sorted(Comparator.comparingInt(PythonEntrypoint::priority).thenComparing(Comparator.naturalOrder()))
                .limit(200).toList();
        Scan scan = new Scan(files, List.of());
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

    private void findIn(ProjectFiles files, TomlFile pyproject, PythonManifests manifests, List<Warning> warnings) {
        JsonNode py = pyproject == null ? null : pyproject.tree();
        Map<String, Source> deps = new LinkedHashMap<>(manifests.deps);
        deps.keySet().removeAll(manifests.pulledIn); // Flask pulled in by locust is not the project's framework
        Set<String> extras = manifests.extras;
        boolean isPackage = manifests.isPackage;
        List<String> sources = sources(files);
        Scan scan = new Scan(files, sources);
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
            port = port(scan, launch, "uvicorn", 8000, uvicorn != null ? uvicorn : framework.source());
            Fact<String> launched = launched(files, launch, "uvicorn", uvicorn);
            Fact<String> app = launched != null ? launched : scan.app(FASTAPI_APP);
            if (app != null) {
                Module mod = app == launched ? launchModule(files, app) : module(app);
                if (uvicorn == null) {
                    fallback = "uvicorn is not a dependency (nor fastapi[standard]), so the image cannot serve the app "
                            + "until it is added; the command names uvicorn as FastAPI's documentation does";
                } else {
                    server = Fact.of("uvicorn", uvicorn);
                }
                start = Fact.of(uvicorn(mod.dir, mod.name + ":" + mod.var, port.value()), app.source());
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
                target = mod.name + (mod.var.isEmpty() ? "" : ":" + mod.var);
            } else {
                Fact<String> flaskApp = flaskAppEnv(files, scan);
                Fact<String> call = flaskApp == null ? scan.app(FACTORY_CALL, PythonEntrypoint::entryFile) : null;
                Fact<String> object = flaskApp == null && call == null ? scan.app(FLASK_APP) : null;
                Fact<String> factory = flaskApp == null && call == null && object == null ? scan.app(FACTORY) : null;
                app = flaskApp != null ? flaskApp : call != null ? call : object != null ? object : factory;
                if (app != null) {
                    mod = app == flaskApp ? launchModule(files, app) : module(app);
                    target = mod.name + (mod.var.isEmpty() ? "" : ":" + mod.var + (app == factory ? "()" : ""));
                }
            }
            if (app != null) {
                if (gunicorn != null) {
                    server = Fact.of("gunicorn", gunicorn);
                    if (mod.var.isEmpty() && app != launched) {
                        target = target + ":app"; // gunicorn's own default is "application"; Flask's app is "app"
                    }
                    start = Fact.of(gunicorn(mod.dir, target, port.value()), app.source());
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
        if (framework == null) {
            worker(deps, scan, warnings);
        }
        if (framework == null) {
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
        if (fallback != null) {
            warnings.add(new Warning(framework.source(), fallback));
        }
        if (start == null) {
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
        health = kind.equals(PythonDetails.WEB) ? scan.first(sources, HEALTH) : null;
        if (health != null) {
            health = Fact.of("/" + health.value(), health.source());
        }
    }

    /**
     * A worker a dependency's console script starts: Celery (the module that builds the Celery app), rq, locust (its
     * locustfile). Only when no web framework was found: beside one, the worker is a second process of the same folder.
     */
    private void worker(Map<String, Source> deps, Scan scan, List<Warning> warnings) {
        if (deps.containsKey("celery")) {
            Fact<String> app = scan.app(CELERY_APP);
            if (app != null) {
                Module mod = module(app);
                framework = Fact.of("celery", deps.get("celery"));
                kind = PythonDetails.WORKER;
                List<String> w = new ArrayList<>(List.of("/venv/bin/celery", "-A", mod.name, "worker", "--loglevel=INFO"));
                if (!mod.dir.isEmpty()) {
                    w.add(1, "--workdir=" + mod.dir);
                }
                start = Fact.of(w, app.source());
                return;
            }
        }
        if (deps.containsKey("locust")) {
            String file = scan.sources.stream().filter(p -> ProjectFiles.fileName(p).equals("locustfile.py"))
                    .findFirst().orElse(null);
            if (file != null && isSafePath(file)) {
                framework = Fact.of("locust", deps.get("locust"));
                kind = PythonDetails.WORKER;
                start = Fact.of(List.of("/venv/bin/locust", "-f", file, "--headless"), Source.of(file));
                if (scan.first(List.of(file), LOCUST_HOST) == null) {
                    warnings.add(new Warning(Source.of(file), "no User class sets host, so locust needs the target: "
                            + "set LOCUST_HOST when the container runs (docker run -e LOCUST_HOST=http://app:8080 IMAGE)"));
                }
                return;
            }
        }
        if (deps.containsKey("rq")) {
            framework = Fact.of("rq", deps.get("rq"));
            kind = PythonDetails.WORKER;
            start = Fact.of(List.of("/venv/bin/rq", "worker"), deps.get("rq"));
        }
    }

    private static List<String> sources(ProjectFiles files) {
        return files.walk("", 6, d -> SKIPPED.test(d) || files.isFile(d + "/pyvenv.cfg")).stream()
                .filter(p -> p.endsWith(".py") && !ProjectFiles.fileName(p).startsWith("test_")
                && !p.endsWith("_test.py") && !ProjectFiles.fileName(p).equals("conftest.py"))
                .sorted(Comparator.comparingInt(PythonDetector::depth).thenComparing(PythonEntrypoint::priority)
                        .thenComparing(Comparator.naturalOrder()))
                .limit(2000).toList();
    }

    /**
     * Which file with a __main__ guard is the program: the preferred names, a package's __main__.py and a *server*
     * file (near the root) first, then the others, and last a file named as a helper beside the program (a client,
     * a bootstrap or set-up script); the stable sort keeps the shallowest first within each rank.
     */
    private static int rank(String path) {
        String name = ProjectFiles.fileName(path).replaceFirst("\\.py$", "");
        if (HELPER_NAME.matcher(name).find() || HELPER_DIR.matcher(path).find()) {
            return 2;
        }
        boolean near = depth(path) <= (path.startsWith("src/") ? 2 : 1);
        return near && (priority(path) < 9 || SERVER_NAME.matcher(name).find()) ? 0 : 1;
    }

    /** The first console_scripts entry of a setup.py's entry_points. */
    private static Fact<String> consoleScript(String[] lines) {
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

    private static int priority(String path) {
        List<String> preferred = List.of("main.py", "app.py", "__main__.py", "wsgi.py", "asgi.py", "server.py", "run.py",
                "worker.py", "manage.py");
        int i = preferred.indexOf(ProjectFiles.fileName(path));
        return i < 0 ? preferred.size() : i;
    }

    /** Line-wise scans of the project's own .py files, skipping comment lines. */
    private static final class Scan {
        private final ProjectFiles files;
        private final List<String> sources;
        private final Map<String, String[]> cache = new LinkedHashMap<>();

        Scan(ProjectFiles files, List<String> sources) {
            this.files = files;
            this.sources = sources;
        }

        String[] lines(String path) {
            return cache.computeIfAbsent(path, p -> {
                try {
                    return files.read(p).orElse("").split("\n", -1);
                } catch (ProjectInputException e) {
                    return new String[0];
                }
            });
        }

        Fact<String> first(List<String> paths, Pattern pattern) {
            for (String path : paths) {
                String[] lines = lines(path);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].strip().startsWith("#")) {
                        continue;
                    }
                    Matcher m = pattern.matcher(lines[i]);
                    if (m.find()) {
                        String g = m.group();
                        for (int k = 1; k <= m.groupCount(); k++) {
                            if (m.group(k) != null) {
                                g = m.group(k);
                                break;
                            }
                        }
                        return Fact.of(g, path, i + 1);
                    }
                }
            }
            return null;
        }

        Fact<String> app(Pattern pattern) {
            return first(sources, pattern);
        }

        Fact<String> app(Pattern pattern, java.util.function.Predicate<String> where) {
            return first(sources.stream().filter(where).toList(), pattern);
        }

        Fact<Integer> port(String file) {
            List<String> where = file == null ? sources : List.of(file);
            for (Pattern p : List.of(PORT_ENV, PORT_RUN, PORT_SERVER, PORT_ARG, PORT_CONST)) {
                Fact<String> f = first(where, p);
                if (f != null) {
                    int n = Integer.parseInt(f.value());
                    if (n >= 1 && n <= 65535) {
                        return Fact.of(n, f.source());
                    }
                }
            }
            return null;
        }

        boolean serves(String file) {
            return first(List.of(file), SERVES) != null && port(file) != null;
        }
    }

    /**
     * The port: the code's own (a PORT default, .run(port=)...), else the bind of the repository's own start command
     * for this server (Procfile, start script), else the default of what serves it (gunicorn and uvicorn 8000 when
     * they run the app, else the framework's development server), said as that program's default.
     */
    private Fact<Integer> port(Scan scan, PythonLaunch launch, String by, int fallback, Source declared) {
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

    /** The app target of the repository's own start command, when that command runs {@code by}, a dependency, on a module of ours. */
    private static Fact<String> launched(ProjectFiles files, PythonLaunch launch, String by, Source dependency) {
        if (launch == null || dependency == null || !launch.server().equals(by) || launch.target() == null) {
            return null;
        }
        String module = launch.target().replaceFirst(":.*$", "");
        return launchDir(files, module) == null ? null : Fact.of(launch.target(), launch.source());
    }

    /** Where a module named from the project root is: "" (the root), "src", or null when it is not there. */
    private static String launchDir(ProjectFiles files, String target) {
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
    private static Module launchModule(ProjectFiles files, Fact<String> target) {
        String t = target.value();
        String name = t.replaceFirst(":.*$", "");
        String var = t.contains(":") ? t.substring(t.indexOf(':') + 1) : "";
        String dir = launchDir(files, name);
        return new Module(dir == null ? "" : dir, name, var);
    }

    /**
     * FLASK_APP in .flaskenv (what {@code flask run} serves): a file (microblog.py) or module, with its :attr when given;
     * a module of ours only. Without an attr, the module's own {@code NAME = Flask(} or {@code NAME = create_app()} is it.
     */
    private static Fact<String> flaskAppEnv(ProjectFiles files, Scan scan) {
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
                Fact<String> named = scan.first(List.of(file), FACTORY_CALL);
                named = named != null ? named : scan.first(List.of(file), FLASK_APP);
                attr = named != null ? ":" + named.value() : "";
            }
            return Fact.of(module + attr, ".flaskenv", i + 1);
        }
        return null;
    }

    /** The line of a {@code .run(..., host=...)} call after the file's __main__ guard (a run on loopback is no use in a container), or null. */
    private static Source ownRun(Scan scan, String file) {
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

    /** The repository's own command binds no address: the server's default is loopback; the image binds 0.0.0.0. */
    private static void loopback(PythonLaunch launch, List<Warning> warnings) {
        if (launch.host() == null && !launch.configured()) {
            warnings.add(new Warning(launch.source(), launch.server() + " listens on loopback (127.0.0.1) when given "
                    + "no bind (nor $PORT), as this command gives none; the image binds 0.0.0.0"));
        }
    }

    /** The file of a module named from the project root (or src/): mod.py or mod/__init__.py, or null. */
    private static String moduleFile(ProjectFiles files, String module) {
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

    /** A file its authors would serve: a preferred entry name (wsgi.py, app.py, main.py...) near the root. */
    private static boolean entryFile(String path) {
        return priority(path) < 9 && depth(path) <= (path.startsWith("src/") ? 2 : 1)
                && !ProjectFiles.fileName(path).equals("manage.py");
    }

    /** A module:variable found in a file, with the directory to run from when the file is under src/. */
    private record Module(String dir, String name, String var) {
    }

    private static Module module(Fact<String> app) {
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

    private static List<String> gunicorn(String chdir, String target, int port) {
        List<String> w = new ArrayList<>(List.of("-m", "gunicorn", "--bind", "0.0.0.0:" + port));
        if (!chdir.isEmpty()) {
            w.add("--chdir");
            w.add(chdir);
        }
        w.add(target);
        return w;
    }

    private static List<String> uvicorn(String appDir, String target, int port) {
        List<String> w = new ArrayList<>(List.of("-m", "uvicorn", target, "--host", "0.0.0.0", "--port", String.valueOf(port)));
        if (!appDir.isEmpty()) {
            w.add("--app-dir");
            w.add(appDir);
        }
        return w;
    }

    /** Django's WSGI/ASGI module: the *_APPLICATION setting when its file exists, else a wsgi.py/asgi.py that builds one. */
    private static Fact<String[]> django(ProjectFiles files, Scan scan, String kind, String fileName, String builder) {
        String manageDir = "";
        for (String s : scan.sources) {
            if (ProjectFiles.fileName(s).equals("manage.py")) {
                manageDir = ProjectFiles.parent(s);
                break;
            }
        }
        for (String s : scan.sources) {
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
        for (String s : scan.sources) {
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
    private Fact<List<String>> script(ProjectFiles files, JsonNode py, TomlFile pyproject, boolean isPackage, Scan scan) {
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
        }
        List<String> candidates = scan.sources.stream().filter(p -> !NOT_PROGRAMS.contains(ProjectFiles.fileName(p)))
                .sorted(Comparator.comparingInt(PythonEntrypoint::rank)).toList();
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
