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
    private static final Pattern CELERY_APP = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:celery\\.)?Celery\\(");
    private static final Pattern LOCUST_HOST = Pattern.compile("^\\s+host\\s*=");
    private static final Pattern MAIN_GUARD = Pattern.compile("^if\\s+__name__\\s*==\\s*['\"]__main__['\"]\\s*:");
    private static final Pattern WSGI_SETTING = Pattern.compile("^(WSGI|ASGI)_APPLICATION\\s*=\\s*['\"]([\\w.]+)\\.(\\w+)['\"]");
    private static final Pattern PORT_RUN = Pattern.compile("\\.run\\([^#]*\\bport\\s*=\\s*(?:int\\([^)]*?['\"]?)?['\"]?([0-9]{2,5})\\b");
    private static final Pattern PORT_ENV = Pattern.compile(
            "(?:environ\\.get|getenv)\\(\\s*['\"]PORT['\"]\\s*,\\s*['\"]?([0-9]{2,5})");
    private static final Pattern PORT_SERVER = Pattern.compile(
            "(?:HTTPServer|make_server|TCPServer)\\(\\s*\\(\\s*['\"][^'\"]*['\"]\\s*,\\s*([0-9]{2,5})\\s*\\)");
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
            "['\"]\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*=\\s*[A-Za-z_][\\w.]*\\s*(?::\\s*[\\w.]+)?\\s*['\"]");

    Fact<String> framework;
    Fact<List<String>> start;
    Fact<String> server;
    String fallback;
    Fact<Integer> port;
    String kind = PythonDetails.SCRIPT;
    Fact<String> health;

    private PythonEntrypoint() {
    }

    static PythonEntrypoint find(ProjectFiles files, TomlFile pyproject, PythonManifests manifests, List<Warning> warnings) {
        PythonEntrypoint e = new PythonEntrypoint();
        e.findIn(files, pyproject, manifests, warnings);
        return e;
    }

    private void findIn(ProjectFiles files, TomlFile pyproject, PythonManifests manifests, List<Warning> warnings) {
        JsonNode py = pyproject == null ? null : pyproject.tree();
        Map<String, Source> deps = new LinkedHashMap<>(manifests.deps);
        deps.keySet().removeAll(manifests.pulledIn); // Flask pulled in by locust is not the project's framework
        Set<String> extras = manifests.extras;
        boolean isPackage = manifests.isPackage;
        List<String> sources = sources(files);
        Scan scan = new Scan(files, sources);
        Source gunicorn = deps.get("gunicorn");
        Source uvicorn = deps.get("uvicorn");
        if (uvicorn == null && extras.contains("fastapi[standard]")) {
            uvicorn = deps.get("fastapi");
        }
        if (deps.containsKey("django")) {
            framework = Fact.of("django", deps.get("django"));
            kind = PythonDetails.WEB;
            port = portOr(scan, 8000, framework.source());
            Fact<String[]> wsgi = django(files, scan, "WSGI", "wsgi.py", "get_wsgi_application");
            Fact<String[]> asgi = django(files, scan, "ASGI", "asgi.py", "get_asgi_application");
            String manage = sources.stream().filter(p -> ProjectFiles.fileName(p).equals("manage.py"))
                    .min(Comparator.comparingInt(PythonDetector::depth)).orElse(null);
            String chdir = manage == null ? "" : ProjectFiles.parent(manage);
            if (wsgi != null && gunicorn != null) {
                server = Fact.of("gunicorn", gunicorn);
                start = Fact.of(gunicorn(chdir, wsgi.value()[0] + ":" + wsgi.value()[1], port.value()), wsgi.source());
            } else if (asgi != null && uvicorn != null) {
                server = Fact.of("uvicorn", uvicorn);
                start = Fact.of(uvicorn(chdir, asgi.value()[0] + ":" + asgi.value()[1], port.value()), asgi.source());
            } else if (manage != null) {
                fallback = "neither gunicorn" + (asgi != null ? " nor uvicorn" : "") + " is a dependency, so the image runs "
                        + "Django's development server (manage.py runserver); add gunicorn to the dependencies for production";
                start = Fact.of(List.of(manage, "runserver", "0.0.0.0:" + port.value(), "--noreload"), Source.of(manage));
            }
        } else if (deps.containsKey("fastapi")) {
            framework = Fact.of("fastapi", deps.get("fastapi"));
            kind = PythonDetails.WEB;
            port = portOr(scan, 8000, framework.source());
            Fact<String> app = scan.app(FASTAPI_APP);
            if (app != null) {
                Module mod = module(app);
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
            port = portOr(scan, 5000, framework.source());
            Fact<String> app = scan.app(FLASK_APP);
            boolean factory = false;
            if (app == null) {
                app = scan.app(FACTORY);
                factory = app != null;
            }
            if (app != null) {
                Module mod = module(app);
                String target = mod.name + ":" + mod.var + (factory ? "()" : "");
                if (gunicorn != null) {
                    server = Fact.of("gunicorn", gunicorn);
                    start = Fact.of(gunicorn(mod.dir, target, port.value()), app.source());
                } else {
                    fallback = "gunicorn is not a dependency, so the image runs Flask's built-in server (flask run); "
                            + "add gunicorn to the dependencies for production";
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
            start = script(files, py, pyproject, isPackage, scan);
            if (start != null) {
                String file = start.source().file();
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
                    return Fact.of(m.group(1), "setup.py", j + 1);
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

        Fact<Integer> port(String file) {
            List<String> where = file == null ? sources : List.of(file);
            for (Pattern p : List.of(PORT_ENV, PORT_RUN, PORT_SERVER, PORT_CONST)) {
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

    private static Fact<Integer> portOr(Scan scan, int fallback, Source framework) {
        Fact<Integer> found = scan.port(null);
        return found != null ? found : Fact.of(fallback, framework);
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
    private static Fact<List<String>> script(ProjectFiles files, JsonNode py, TomlFile pyproject, boolean isPackage, Scan scan) {
        if (py != null && isPackage) {
            JsonNode scripts = py.path("project").path("scripts");
            if (scripts.size() == 0) {
                scripts = py.path("tool").path("poetry").path("scripts");
            }
            Iterator<String> names = scripts.fieldNames();
            if (names.hasNext()) {
                String name = names.next();
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
                return Fact.of(List.of("/venv/bin/" + console.value()), console.source());
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
