package dev.dockergen.detect.python;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.Detector;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Walk;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a Python project: package manager (pip, Poetry, Pipenv, uv, PDM), Python version, framework,
 * start command and port, each with the file and line it came from.
 */
public final class PythonDetector implements Detector {
    /** The current stable Python, used when the project names no version. */
    public static final String DEFAULT_PYTHON = "3.13";
    /** Python minors still supported upstream, lowest first: requires-python picks the lowest that satisfies it. */
    static final List<Integer> SUPPORTED_MINORS = List.of(10, 11, 12, 13, 14);

    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    /** Not the app's own modules: environments, caches, builds, tests and docs. */
    private static final Predicate<String> SKIPPED = Walk.skipping(Walk.INSTALLED, Walk.BUILD_OUTPUT, Set.of("venv",
            "env", "__pycache__", "site-packages", "tests", "test", "migrations", "docs", "htmlcov"));
    private static final Pattern REQ_NAME = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)(\\[([A-Za-z0-9,._ -]*)])?");
    private static final Pattern INCLUDE = Pattern.compile("^(?:-r|-c|--requirement|--constraint)(?:\\s+|=)(\\S+)");
    private static final Pattern INDEX = Pattern.compile("^(?:-i|--index-url|--extra-index-url)(?:\\s+|=)(\\S+)");
    private static final Pattern FLASK_APP = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:flask\\.)?Flask\\(");
    private static final Pattern FASTAPI_APP = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:fastapi\\.)?FastAPI\\(");
    private static final Pattern FACTORY = Pattern.compile("^def\\s+(create_app|make_app)\\s*\\(");
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
    private static final Pattern VERSION = Pattern.compile("^(?:python-?)?3\\.([0-9]{1,2})(?:\\.[0-9]+)?\\s*$");
    /** Key under which a requirements line that installs the project itself ("-e .") is recorded. */
    private static final String SELF = ".";
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("flask", 5000, "django", 8000, "fastapi", 8000);

    @Override
    public Language language() {
        return Language.PYTHON;
    }

    @Override
    public Set<String> manifests() {
        return Set.of("pyproject.toml", "Pipfile", "requirements.txt");
    }

    /** A parsed TOML file with its text, for line numbers. */
    record TomlFile(String path, String text, JsonNode tree) {
        Source at(String needle) {
            return Source.of(path, lineOf(text, needle));
        }
    }

    static TomlFile toml(ProjectFiles files, String path, String shownAs) {
        Optional<String> text = files.read(path);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new TomlFile(shownAs, text.get(), Toml.MAPPER.readTree(text.get()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").strip();
            throw new ProjectInputException(Source.of(shownAs, at == null ? 0 : Math.max(at.getLineNr(), 0)),
                    "not valid TOML (" + (why.length() > 120 ? why.substring(0, 120) + "..." : why) + ")");
        }
    }

    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    @Override
    public Optional<ProjectFacts> detect(ProjectFiles files, DetectOptions options, List<Warning> warnings) {
        if (insideVirtualenv(files)) {
            return Optional.empty(); // a package installed in a committed or local venv is not a project
        }
        List<String> requirementFiles = requirementFiles(files);
        boolean hasPyproject = files.isFile("pyproject.toml");
        boolean hasPipfile = files.isFile("Pipfile");
        if (!hasPyproject && !hasPipfile && requirementFiles.isEmpty() && !files.isFile("setup.py")) {
            return Optional.empty();
        }
        TomlFile pyproject = hasPyproject ? toml(files, "pyproject.toml", "pyproject.toml") : null;
        JsonNode py = pyproject == null ? null : pyproject.tree();
        if (py != null && py.path("tool").path("uv").has("workspace") && !py.has("project")) {
            return Optional.empty(); // a virtual uv workspace root: its members are the projects
        }
        Workspace workspace = workspace(files);
        List<String> evidence = new ArrayList<>();
        Map<String, Source> deps = new LinkedHashMap<>();
        Set<String> extras = new LinkedHashSet<>();

        // package manager
        List<String> lockfiles = new ArrayList<>();
        for (String lock : List.of("uv.lock", "poetry.lock", "Pipfile.lock", "pdm.lock")) {
            if (files.isFile(lock)) {
                lockfiles.add(lock);
            }
        }
        Fact<String> pm;
        String lockfile;
        if (workspace != null) {
            // sources stay relative to this member, like every other fact: the workspace root is up the tree
            pm = Fact.of("uv", Source.of("../".repeat(depth(workspace.member) + 1) + "pyproject.toml", workspace.line));
            lockfile = workspace.lockfile;
        } else if (lockfiles.contains("uv.lock")) {
            pm = Fact.of("uv", Source.of("uv.lock"));
            lockfile = "uv.lock";
        } else if (lockfiles.contains("poetry.lock") || (py != null && py.path("tool").has("poetry"))) {
            pm = lockfiles.contains("poetry.lock") ? Fact.of("poetry", Source.of("poetry.lock"))
                    : Fact.of("poetry", pyproject.at("[tool.poetry"));
            lockfile = lockfiles.contains("poetry.lock") ? "poetry.lock" : null;
        } else if (hasPipfile) {
            pm = Fact.of("pipenv", Source.of(lockfiles.contains("Pipfile.lock") ? "Pipfile.lock" : "Pipfile"));
            lockfile = lockfiles.contains("Pipfile.lock") ? "Pipfile.lock" : null;
        } else if (lockfiles.contains("pdm.lock")) {
            pm = Fact.of("pdm", Source.of("pdm.lock"));
            lockfile = "pdm.lock";
        } else if (!requirementFiles.isEmpty()) {
            pm = Fact.of("pip", Source.of(requirementFiles.get(0)));
            lockfile = null;
        } else {
            pm = Fact.of("pip", Source.of(hasPyproject ? "pyproject.toml" : "setup.py"));
            lockfile = null;
        }
        List<String> otherLocks = lockfiles.stream().filter(l -> !l.equals(lockfile)).toList();
        if (!otherLocks.isEmpty()) {
            warnings.add(new Warning(pm.source(), "lockfiles of several package managers (" + String.join(", ", lockfiles)
                    + "); using " + pm.value() + "; delete the others"));
        }

        // manifests, dependencies
        List<String> manifests = new ArrayList<>();
        String requirements = null;
        Fact<String> privateIndex = null;
        Fact<String> requiresPython = null;
        boolean isPackage = false;
        String readme = null;
        String packageName = null;
        if (py != null) {
            evidence.add("pyproject.toml");
            JsonNode project = py.path("project");
            packageName = project.path("name").isTextual() ? project.path("name").asText()
                    : py.path("tool").path("poetry").path("name").asText(null);
            for (JsonNode d : project.path("dependencies")) {
                addRequirement(d.asText(), pyproject.at(d.asText()), deps, extras);
            }
            Iterator<Map.Entry<String, JsonNode>> poetryDeps = py.path("tool").path("poetry").path("dependencies").properties().iterator();
            while (poetryDeps.hasNext()) {
                Map.Entry<String, JsonNode> e = poetryDeps.next();
                if (!e.getKey().equals("python")) {
                    deps.putIfAbsent(normalize(e.getKey()), pyproject.at(e.getKey()));
                    e.getValue().path("extras").forEach(x -> extras.add(normalize(e.getKey()) + "[" + x.asText() + "]"));
                }
            }
            if (project.path("requires-python").isTextual()) {
                requiresPython = Fact.of(project.path("requires-python").asText(), pyproject.at("requires-python"));
            } else if (py.path("tool").path("poetry").path("dependencies").path("python").isTextual()) {
                requiresPython = Fact.of(py.path("tool").path("poetry").path("dependencies").path("python").asText(),
                        Source.of("pyproject.toml", lineOfKey(pyproject.text(), "python")));
            }
            boolean poetryPackage = !py.path("tool").path("poetry").path("package-mode").asText("true").equals("false");
            isPackage = py.has("build-system") && poetryPackage;
            if (project.path("readme").isTextual()) {
                readme = project.path("readme").asText();
            } else if (project.path("readme").path("file").isTextual()) {
                readme = project.path("readme").path("file").asText();
            } else if (py.path("tool").path("poetry").path("readme").isTextual()) {
                readme = py.path("tool").path("poetry").path("readme").asText();
            }
            if (readme != null && !isSafePath(readme)) {
                throw new ProjectInputException(pyproject.at("readme"), "readme '" + Shown.whole(readme)
                        + "' is not a plain relative path a Dockerfile can copy");
            }
            if (py.path("tool").path("uv").has("index")) {
                privateIndex = Fact.of("[[tool.uv.index]]", pyproject.at("[[tool.uv.index]]"));
            } else if (hasUrl(py.path("tool").path("poetry").path("source"))) {
                privateIndex = Fact.of("[[tool.poetry.source]]", pyproject.at("[[tool.poetry.source]]"));
            } else if (py.path("tool").path("pdm").has("source")) {
                privateIndex = Fact.of("[[tool.pdm.source]]", pyproject.at("[[tool.pdm.source]]"));
            }
        }
        if (requiresPython != null && !requiresPython.value().matches("[0-9A-Za-z.,<>=!~^*| ]{1,100}")) {
            throw new ProjectInputException(requiresPython.source(), "the Python version range '" + Shown.whole(requiresPython.value())
                    + "' is not a version specifier such as '>=3.11'");
        }
        if (files.isFile("setup.py") && py == null) {
            isPackage = true;
            evidence.add("setup.py");
        }
        if (hasPipfile) {
            TomlFile pipfile = toml(files, "Pipfile", "Pipfile");
            evidence.add("Pipfile");
            Iterator<Map.Entry<String, JsonNode>> it = pipfile.tree().path("packages").properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                deps.putIfAbsent(normalize(e.getKey()), Source.of("Pipfile", lineOfKey(pipfile.text(), e.getKey())));
                e.getValue().path("extras").forEach(x -> extras.add(normalize(e.getKey()) + "[" + x.asText() + "]"));
            }
            JsonNode source = pipfile.tree().path("source");
            for (JsonNode s : source) {
                String url = s.path("url").asText("");
                if (!url.isEmpty() && !s.path("name").asText("").equals("pypi")) {
                    privateIndex = Fact.of("Pipfile [[source]]", pipfile.at(url));
                }
            }
        }
        switch (pm.value()) {
            case "uv" -> {
                if (workspace != null) {
                    manifests.add("pyproject.toml");
                    if (lockfile != null) {
                        manifests.add(lockfile);
                    }
                    for (String m : workspace.members) {
                        manifests.add(m + "/pyproject.toml");
                    }
                } else {
                    manifests.add("pyproject.toml");
                    manifests.add("uv.lock");
                }
            }
            case "poetry" -> {
                manifests.add("pyproject.toml");
                if (lockfile != null) {
                    manifests.add(lockfile);
                }
            }
            case "pipenv" -> {
                manifests.add("Pipfile");
                if (lockfile != null) {
                    manifests.add(lockfile);
                }
            }
            case "pdm" -> {
                manifests.add("pyproject.toml");
                manifests.add("pdm.lock");
            }
            default -> {
                if (!requirementFiles.isEmpty()) {
                    requirements = requirementFiles.get(0);
                    Set<String> seen = new LinkedHashSet<>();
                    privateIndex = readRequirements(files, requirements, seen, deps, extras, warnings, privateIndex);
                    manifests.addAll(seen);
                } else if (hasPyproject) {
                    manifests.add("pyproject.toml");
                }
            }
        }
        Source self = deps.remove(SELF);
        if (self != null) {
            warnings.add(new Warning(self, "this line installs the project itself, which needs the source, so the "
                    + "requirements install after the source and a source edit reinstalls them (from the pip cache); "
                    + "keep the project out of requirements.txt to give the dependencies a layer of their own"));
        }
        if (privateIndex == null) {
            privateIndex = indexVariable(files);
        }
        for (String conf : List.of("pip.conf", ".pip/pip.conf")) {
            if (files.isFile(conf)) {
                privateIndex = Fact.of(conf, Source.of(conf));
                evidence.add(conf);
            }
        }
        if (lockfile == null && !pm.value().equals("pip")) {
            warnings.add(new Warning(pm.source(), "no lockfile, so installs are not reproducible; commit the "
                    + pm.value() + " lockfile"));
        }
        for (String m : manifests) {
            String own = workspace == null ? m : m.startsWith(workspace.member + "/")
                    ? m.substring(workspace.member.length() + 1) : null;
            if (own != null && !evidence.contains(own)) {
                evidence.add(own);
            }
        }
        if (lockfile != null && !evidence.contains(lockfile) && workspace == null) {
            evidence.add(lockfile);
        }
        for (String m : manifests) {
            if (!isSafePath(m)) {
                throw new ProjectInputException(Source.of(m), "the file name '" + Shown.whole(m)
                        + "' cannot be copied safely by a Dockerfile; rename it to letters, digits, '.', '_' and '-'");
            }
        }
        if (isPackage && readme != null && !files.isFile(readme)) {
            warnings.add(new Warning(pyproject == null ? null : pyproject.at("readme"), "readme " + readme
                    + " does not exist, so building the package will fail"));
        }

        Fact<String> version = pythonVersion(files, requiresPython, warnings);

        // framework, start command, port
        List<String> sources = sources(files);
        Scan scan = new Scan(files, sources);
        Fact<String> framework = null;
        Fact<List<String>> start = null;
        Fact<String> server = null;
        String fallback = null;
        Fact<Integer> port = null;
        String kind = PythonDetails.SCRIPT;
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
        Fact<String> health = kind.equals(PythonDetails.WEB) ? scan.first(sources, HEALTH) : null;
        if (health != null) {
            health = Fact.of("/" + health.value(), health.source());
        }
        PythonDetails details = new PythonDetails(pm, manifests, lockfile, requirements, self != null,
                Fact.of(kind, start == null ? pm.source() : start.source()), server, fallback, start, isPackage, readme,
                privateIndex, requiresPython, workspace == null ? null : workspace.root,
                workspace == null ? null : workspace.member, workspace == null ? List.of() : workspace.members,
                packageName, health, name(packageName, files));
        List<String> startWords = null;
        if (start != null) {
            startWords = new ArrayList<>();
            List<String> s = start.value();
            if (s.get(0).startsWith("/venv/bin/")) {
                startWords.add(s.get(0).substring("/venv/bin/".length()));
            } else if (s.size() > 1 && s.get(0).equals("-m") && (s.get(1).equals("gunicorn") || s.get(1).equals("uvicorn"))) {
                startWords.addAll(s.subList(1, s.size()));
            } else {
                startWords.add("python");
                startWords.addAll(s);
            }
        }
        return Optional.of(new ProjectFacts(".", Language.PYTHON, pm.value(), pm.value(), version, framework,
                port, startWords, evidence, details));
    }

    private static boolean hasUrl(JsonNode sources) {
        for (JsonNode source : sources) {
            if (source.path("url").isTextual()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern INDEX_VARIABLE = Pattern.compile("\\b(PIP_INDEX_URL|PIP_EXTRA_INDEX_URL|UV_INDEX_URL|UV_INDEX|UV_EXTRA_INDEX_URL)\\b");

    /** An index URL variable set in the project's build or CI files: the project installs from a private index. */
    private static Fact<String> indexVariable(ProjectFiles files) {
        List<String> candidates = new ArrayList<>(List.of("Makefile", "tox.ini", "setup.cfg", "noxfile.py", ".gitlab-ci.yml"));
        files.walk(".github/workflows", 0, d -> true).forEach(candidates::add);
        for (String file : candidates) {
            Optional<String> text;
            try {
                text = files.read(file);
            } catch (ProjectInputException e) {
                continue;
            }
            if (text.isPresent()) {
                Matcher m = INDEX_VARIABLE.matcher(text.get());
                if (m.find()) {
                    return Fact.of(m.group(1), file, lineOf(text.get(), m.group()));
                }
            }
        }
        return null;
    }

    private static boolean insideVirtualenv(ProjectFiles files) {
        String dir = files.location();
        while (!dir.isEmpty()) {
            if (ProjectFiles.fileName(dir).equals("site-packages") || files.repository().isFile(dir + "/pyvenv.cfg")) {
                return true;
            }
            dir = ProjectFiles.parent(dir);
        }
        return false;
    }

    /** A repository value for a one-line message: control characters shown as escapes. */
    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    static boolean isSafePath(String p) {
        return p.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") && !p.contains("..");
    }

    private static int lineOfKey(String text, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*=").matcher(text);
        return m.find() ? (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1 : 0;
    }

    private static String name(String packageName, ProjectFiles files) {
        String n = packageName == null ? "" : packageName.toLowerCase(Locale.ROOT).replace('_', '-');
        if (!n.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            String dir = ProjectFiles.fileName(files.location().isEmpty() ? files.displayName() : files.location())
                    .toLowerCase(Locale.ROOT);
            n = dir.matches("[a-z0-9][a-z0-9._-]{0,63}") ? dir : "app";
        }
        return n;
    }

    // ---------------------------------------------------------------- requirements

    /** requirements*.txt at the root (requirements.txt first), then requirements/ (prod, production, base, main). */
    private static List<String> requirementFiles(ProjectFiles files) {
        List<String> out = new ArrayList<>();
        for (String f : List.of("requirements.txt", "requirements-prod.txt", "requirements.prod.txt",
                "requirements/prod.txt", "requirements/production.txt", "requirements/base.txt", "requirements/main.txt")) {
            if (files.isFile(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static void addRequirement(String line, Source source, Map<String, Source> deps, Set<String> extras) {
        Matcher m = REQ_NAME.matcher(line.strip());
        if (m.find()) {
            String n = normalize(m.group(1));
            deps.putIfAbsent(n, source);
            if (m.group(3) != null) {
                for (String x : m.group(3).split(",")) {
                    extras.add(n + "[" + x.strip() + "]");
                }
            }
        }
    }

    private static Fact<String> readRequirements(ProjectFiles files, String path, Set<String> seen, Map<String, Source> deps,
                                                 Set<String> extras, List<Warning> warnings, Fact<String> privateIndex) {
        if (!seen.add(path) || seen.size() > 50) {
            return privateIndex;
        }
        String text = files.read(path).orElse("");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("(^|\\s)#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            Source at = Source.of(path, i + 1);
            Matcher inc = INCLUDE.matcher(line);
            Matcher idx = INDEX.matcher(line);
            if (inc.find()) {
                String target = ProjectFiles.join(ProjectFiles.parent(path), inc.group(1)).replaceAll("(^|/)\\./", "$1");
                target = collapse(target);
                if (target == null || !isSafePath(target)) {
                    throw new ProjectInputException(at, "the include '" + Shown.whole(inc.group(1))
                            + "' is not a plain path inside the project, which a Dockerfile cannot copy");
                }
                if (!files.isFile(target)) {
                    throw new ProjectInputException(at, "the included file " + Shown.whole(target) + " does not exist");
                }
                privateIndex = readRequirements(files, target, seen, deps, extras, warnings, privateIndex);
            } else if (idx.find()) {
                if (idx.group(1).matches("[a-z+]+://[^/@]+:[^/@]+@.*")) {
                    warnings.add(new Warning(at, "a credential is written into the index URL; remove it, rotate it, and "
                            + "give the index to the build as a pip.conf secret"));
                }
                privateIndex = Fact.of(path, at);
            } else if (line.matches("(-e\\s+|--editable[=\\s]\\s*)?(\\.|\\./|file:\\.)(\\[[^]]*])?")) {
                deps.putIfAbsent(SELF, at); // the project itself: installable only once the source is there
            } else if (!line.startsWith("-")) {
                addRequirement(line, at, deps, extras);
            }
        }
        return privateIndex;
    }

    private static String collapse(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    // ---------------------------------------------------------------- version

    /** .python-version, runtime.txt, Pipfile python_version, requires-python (lowest supported minor); else null. */
    static Fact<String> pythonVersion(ProjectFiles files, Fact<String> requiresPython, List<Warning> warnings) {
        for (String file : List.of(".python-version", "runtime.txt")) {
            Optional<String> t = files.read(file);
            if (t.isPresent()) {
                String[] lines = t.get().split("\n");
                for (int i = 0; i < lines.length; i++) {
                    String l = lines[i].strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    Matcher m = VERSION.matcher(l);
                    if (m.matches()) {
                        return Fact.of("3." + m.group(1), file, i + 1);
                    }
                    warnings.add(new Warning(Source.of(file, i + 1), "'" + Shown.whole(l) + "' is not a CPython 3.x version; ignored"));
                    break;
                }
            }
        }
        Optional<String> pipfile = files.read("Pipfile");
        if (pipfile.isPresent()) {
            Matcher m = Pattern.compile("(?m)^\\s*python_(?:full_)?version\\s*=\\s*[\"']3\\.([0-9]{1,2})").matcher(pipfile.get());
            if (m.find()) {
                return Fact.of("3." + m.group(1), "Pipfile", lineOf(pipfile.get(), m.group()));
            }
        }
        if (requiresPython != null) {
            Integer minor = lowestMinor(requiresPython.value());
            if (minor == null) {
                warnings.add(new Warning(requiresPython.source(), "no supported Python (3." + SUPPORTED_MINORS.get(0) + " to 3."
                        + SUPPORTED_MINORS.get(SUPPORTED_MINORS.size() - 1) + ") satisfies '" + requiresPython.value()
                        + "'; using " + DEFAULT_PYTHON));
                return null;
            }
            return Fact.of("3." + minor, requiresPython.source());
        }
        return null;
    }

    /** The lowest supported 3.x minor with a release satisfying a PEP 440 (or Poetry ^/~) specifier, or null. */
    static Integer lowestMinor(String spec) {
        for (int minor : SUPPORTED_MINORS) {
            for (int patch = 0; patch <= 30; patch++) {
                if (satisfies(spec, new int[] {3, minor, patch})) {
                    return minor;
                }
            }
        }
        return null;
    }

    static boolean satisfies(String spec, int[] v) {
        for (String alternative : spec.split("\\|\\|")) {
            boolean all = true;
            for (String clause : alternative.split(",")) {
                String c = clause.strip();
                if (!c.isEmpty() && !clause(c, v)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean clause(String c, int[] v) {
        Matcher m = Pattern.compile("^(~=|==|!=|<=|>=|<|>|\\^|~|=)?\\s*([0-9]+(?:\\.[0-9*]+)*)$").matcher(c);
        if (!m.matches()) {
            return true; // unknown syntax constrains nothing we can check
        }
        String op = m.group(1) == null ? "==" : m.group(1);
        String ver = m.group(2);
        boolean wildcard = ver.endsWith(".*");
        String[] parts = ver.replace(".*", "").split("\\.");
        int[] w = new int[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            w[i] = Integer.parseInt(parts[i]);
        }
        int cmp = compare(v, w);
        return switch (op) {
            case ">=" -> cmp >= 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            case "<" -> cmp < 0;
            case "!=" -> !prefixEquals(v, w, wildcard || parts.length < 3 ? parts.length : 3);
            case "~=" -> cmp >= 0 && prefixEquals(v, w, Math.max(1, parts.length - 1));
            case "^" -> cmp >= 0 && v[0] == w[0] && (w[0] != 0 || v[1] == w[1]);
            case "~" -> cmp >= 0 && prefixEquals(v, w, parts.length >= 2 ? 2 : 1);
            default -> wildcard || parts.length < 3 ? prefixEquals(v, w, parts.length) : cmp == 0;
        };
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static boolean prefixEquals(int[] a, int[] b, int n) {
        for (int i = 0; i < n && i < 3; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- uv workspace

    /** The uv workspace this project is a member of (found from the repository), or null. */
    private record Workspace(String root, String member, List<String> members, String lockfile, int line) {
        String display(String path) {
            return root.isEmpty() ? path : root + "/" + path;
        }
    }

    private static Workspace workspace(ProjectFiles files) {
        String base = files.location();
        if (base.isEmpty()) {
            return null;
        }
        ProjectFiles repo = files.repository();
        String dir = base;
        while (!dir.isEmpty()) {
            dir = ProjectFiles.parent(dir);
            String manifest = ProjectFiles.join(dir, "pyproject.toml");
            if (!repo.isFile(manifest)) {
                continue;
            }
            TomlFile root = toml(repo, manifest, manifest);
            JsonNode ws = root.tree().path("tool").path("uv").path("workspace");
            if (ws.isMissingNode()) {
                continue;
            }
            String member = dir.isEmpty() ? base : base.substring(dir.length() + 1);
            List<Pattern> include = globs(ws.path("members"));
            List<Pattern> exclude = globs(ws.path("exclude"));
            if (include.stream().noneMatch(p -> p.matcher(member).matches())
                    || exclude.stream().anyMatch(p -> p.matcher(member).matches())) {
                return null;
            }
            ProjectFiles wsFiles = repo.sub(dir);
            List<String> members = new ArrayList<>();
            for (String f : wsFiles.walk("", 4, SKIPPED)) {
                if (f.endsWith("/pyproject.toml")) {
                    String m = ProjectFiles.parent(f);
                    if (include.stream().anyMatch(p -> p.matcher(m).matches())
                            && exclude.stream().noneMatch(p -> p.matcher(m).matches()) && isSafePath(m)) {
                        members.add(m);
                    }
                }
            }
            String lock = wsFiles.isFile("uv.lock") ? "uv.lock" : null;
            return new Workspace(dir, member, members, lock, root.text().contains("[tool.uv.workspace]")
                    ? lineOf(root.text(), "[tool.uv.workspace]") : 0);
        }
        return null;
    }

    private static List<Pattern> globs(JsonNode list) {
        List<Pattern> out = new ArrayList<>();
        for (JsonNode g : list) {
            StringBuilder re = new StringBuilder();
            String glob = g.asText().replaceAll("/+$", "");
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else if (c == '*') {
                    re.append("[^/]*");
                } else if (c == '?') {
                    re.append("[^/]");
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            out.add(Pattern.compile(re.toString()));
        }
        return out;
    }

    // ---------------------------------------------------------------- sources

    private static List<String> sources(ProjectFiles files) {
        return files.walk("", 6, d -> SKIPPED.test(d) || files.isFile(d + "/pyvenv.cfg")).stream().filter(p -> p.endsWith(".py") && !ProjectFiles.fileName(p).startsWith("test_")
                && !p.endsWith("_test.py") && !ProjectFiles.fileName(p).equals("conftest.py"))
                .sorted(Comparator.comparingInt(PythonDetector::depth).thenComparing(PythonDetector::priority)
                        .thenComparing(Comparator.naturalOrder()))
                .limit(2000).toList();
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
        Fact<String> guard = scan.first(scan.sources, MAIN_GUARD);
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
