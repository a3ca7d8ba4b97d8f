package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonModules.MODULE;
import static dev.dockergen.lang.python.PythonScan.MAIN_GUARD;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.SourceSearch;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pip project whose install would bring nothing from a package index runs from its copied source: `pip install .`
 * of a stdlib-only setup.py or pyproject project only fetches its build backend (setuptools) into an isolated build
 * environment, so an image built without the index fails for nothing. Also the requirements files that are not the
 * program's: lint and test tools only, or a record of the packages the program vendors in a folder it puts on sys.path.
 */
final class PythonFromSource {
    /** Development tools: a requirements file of nothing else is not what the program needs to run. */
    private static final Set<String> DEV_TOOLS = Set.of("flake8", "pylint", "pytest", "pytest-cov", "pytest-mock",
            "pytest-xdist", "pytest-asyncio", "pytest-django", "coverage", "mypy", "black", "isort", "ruff", "tox", "nox",
            "pre-commit", "pycodestyle", "pyflakes", "pydocstyle", "autopep8", "yapf", "bandit", "codecov", "mock",
            "setuptools", "wheel", "twine", "build", "sphinx", "sphinx-rtd-theme", "check-manifest", "doc8", "nose",
            "pep8", "pyright", "hypothesis", "types-requests", "types-setuptools");
    private static final Pattern REQ_NAME = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)");
    /** {@code sys.path.insert(0, os.path.join(HERE, 'lib'))}: a folder of the project put first on the import path. */
    private static final Pattern SYS_PATH = Pattern.compile(
            "^\\s*(?:sys\\.path\\.(?:insert|append)|site\\.addsitedir)\\(.*['\"]([A-Za-z0-9_.-]+)['\"]\\s*\\)*\\s*$");
    /** What only `pip install` makes: compiled extensions, versions from git, the distribution's own metadata. */
    private static final Pattern BUILT = Pattern.compile("\\b(ext_modules|Extension\\(|cffi_modules|rust_extensions|"
            + "use_scm_version|setuptools_scm|setup_requires|install_requires|versioneer)\\b");
    private static final Pattern OWN_METADATA = Pattern.compile("\\b(importlib\\.metadata|importlib_metadata|pkg_resources)\\b");
    /** Build backends that need nothing but themselves. */
    private static final Set<String> BACKENDS = Set.of("setuptools", "wheel", "hatchling", "flit-core", "poetry-core",
            "pdm-backend");

    /** How the image runs the program from its source. */
    record Run(List<String> start, String root, String reason) {
    }

    private PythonFromSource() {
    }

    /**
     * Drops a pip requirements file that is not the program's: lint/test tools only, or packages all present in a
     * folder a root program puts on sys.path. Returns why (for the Dockerfile's header), or null when it is kept.
     */
    static String dropUnneeded(ProjectFiles files, PythonManifests m, List<Warning> warnings) {
        if (!m.pm.value().equals("pip") || m.requirements == null || m.self != null) {
            return null;
        }
        Map<String, Source> listed = new LinkedHashMap<>();
        m.deps.forEach((name, at) -> {
            if (m.manifests.contains(at.file())) {
                listed.put(name, at);
            }
        });
        String reason = null;
        Source at = Source.of(m.requirements);
        if (!listed.isEmpty() && listed.keySet().stream().allMatch(PythonFromSource::devTool)) {
            reason = "lists only development tools (" + String.join(", ", listed.keySet())
                    + "), which the program does not run with";
        } else if (!listed.isEmpty()) {
            Fact<String> vendored = vendorFolder(files);
            if (vendored != null) {
                long found = listed.keySet().stream().filter(n -> present(files, vendored.value(), n)).count();
                if (found * 5 >= listed.size() * 4L) {
                    reason = "records the packages vendored in " + vendored.value() + "/, which "
                            + vendored.source() + " puts on sys.path (" + found + " of " + listed.size() + " found there)";
                }
            }
        }
        if (reason == null) {
            return null;
        }
        warnings.add(new Warning(at, reason + ": the image does not install it"));
        reason = m.requirements + " " + reason;
        if (reason.startsWith("lists only")) {
            m.deps.keySet().removeAll(listed.keySet());
        } else {
            m.vendored = true; // still the program's dependencies (its framework), only not installed
        }
        m.requirements = null;
        m.manifests.clear();
        if (files.isFile("pyproject.toml")) {
            m.manifests.add("pyproject.toml");
        } else if (files.isFile("setup.py")) {
            m.manifests.add("setup.py");
        }
        return reason;
    }

    private static boolean devTool(String name) {
        return DEV_TOOLS.contains(name) || name.startsWith("pytest-") || name.startsWith("flake8-")
                || name.startsWith("types-") || name.startsWith("sphinx");
    }

    /** A folder a top-level program puts on sys.path ({@code sys.path.insert(0, ... 'lib')}) that exists, or null. */
    private static Fact<String> vendorFolder(ProjectFiles files) {
        for (String p : files.walk("", 0, d -> true)) {
            if (!p.endsWith(".py") || p.contains("/")) {
                continue;
            }
            String[] lines = SourceSearch.textOf(files, p).split("\n", -1);
            for (int i = 0; i < lines.length && i < 200; i++) {
                Matcher m = SYS_PATH.matcher(lines[i]);
                if (m.find() && files.isDirectory(m.group(1))) {
                    return Fact.of(m.group(1), p, i + 1);
                }
            }
        }
        return null;
    }

    /** The requirement's import name in the folder: as named, or without a python-/py prefix, or its first word. */
    private static boolean present(ProjectFiles files, String dir, String requirement) {
        String n = requirement.toLowerCase(Locale.ROOT).replaceAll("[-.]", "_");
        List<String> names = new ArrayList<>(List.of(n, n.replaceFirst("^python_", ""), n.replaceFirst("^py", ""),
                n.replaceFirst("_.*$", "")));
        List<String> entries = files.walk(dir, 1, d -> false).stream()
                .map(e -> e.substring(dir.length() + 1).toLowerCase(Locale.ROOT)).toList();
        for (String name : names) {
            if (name.isEmpty()) {
                continue;
            }
            for (String e : entries) {
                if (e.equals(name + ".py") || e.startsWith(name + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The start from the source, or null when the project must be installed: not pip, a third-party dependency, a
     * compiled or generated part, a program that reads its own distribution metadata, or an entry point that only the
     * installed console script can call.
     *
     * @param dropped why a requirements file was dropped, or null
     */
    static Run of(ProjectFiles files, JsonNode pyproject, PythonManifests m, Fact<List<String>> start,
                  String scriptModule, List<String> sources, String dropped) {
        if (start == null || !m.pm.value().equals("pip") || !m.deps.isEmpty() && !m.vendored || m.self != null) {
            return null;
        }
        boolean setup = files.isFile("setup.py");
        if (m.manifests.isEmpty() && dropped == null || !setup && pyproject == null && dropped == null) {
            return null; // nothing to install already (a lone program)
        }
        for (String f : List.of("setup.py", "setup.cfg")) {
            if (BUILT.matcher(files.read(f).orElse("")).find()) {
                return null;
            }
        }
        if (pyproject != null && !backendsOnly(pyproject)) {
            return null;
        }
        for (String s : setup || pyproject != null ? sources : List.<String>of()) {
            String text = SourceSearch.textOf(files, s);
            if (OWN_METADATA.matcher(text).find()) {
                return null;
            }
        }
        String why = dropped != null ? dropped : (setup ? "setup.py" : "pyproject.toml")
                + " lists no dependency (`pip install .` would only fetch its build backend from the index)";
        List<String> words = start.value();
        if (!words.get(0).startsWith("/venv/bin/")) {
            return new Run(words, null, why);
        }
        List<String> rest = words.subList(1, words.size());
        String[] setupLines = files.read("setup.py").orElse("").split("\n", -1);
        PythonPrograms.SetupScript script = setup ? PythonPrograms.setupScript(setupLines, files::isFile) : null;
        String name = words.get(0).substring("/venv/bin/".length());
        if (script != null && script.name().equals(name) && runnable(files, script.path())) {
            List<String> out = new ArrayList<>(List.of(script.path()));
            out.addAll(rest);
            return new Run(out, script.path().contains("/") ? "" : null, why);
        }
        String module = scriptModule == null ? null : moduleOf(files, scriptModule);
        if (module == null) {
            return null;
        }
        List<String> out = new ArrayList<>(List.of("-m", module));
        out.addAll(rest);
        return new Run(out, scriptModule.startsWith("src/") ? "src" : null, why);
    }

    /** [project] without dependencies and a build backend that needs nothing else. */
    private static boolean backendsOnly(JsonNode py) {
        JsonNode project = py.path("project");
        if (project.path("dependencies").size() > 0 || project.path("dynamic").toString().contains("dependencies")
                || py.path("tool").has("setuptools_scm") || py.path("tool").path("poetry").path("dependencies").size() > 1) {
            return false;
        }
        for (JsonNode r : py.path("build-system").path("requires")) {
            Matcher n = REQ_NAME.matcher(r.asText().strip());
            if (!n.find() || !BACKENDS.contains(PythonDetector.normalize(n.group(1)))) {
                return false;
            }
        }
        return true;
    }

    /** A script python can run: a .py file, or a file whose shebang names python. */
    private static boolean runnable(ProjectFiles files, String path) {
        String first = files.read(path).orElse("").lines().findFirst().orElse("");
        return path.endsWith(".py") || first.matches("#!.*\\bpython[0-9.]*\\b.*");
    }

    /** The module python -m runs for a console script's module file: a package with __main__.py, or a guarded module. */
    private static String moduleOf(ProjectFiles files, String file) {
        String rel = file.startsWith("src/") ? file.substring(4) : file;
        String base = file.substring(0, file.length() - rel.length());
        String module;
        if (rel.endsWith("/__init__.py")) {
            module = rel.substring(0, rel.length() - "/__init__.py".length());
            if (!files.isFile(base + module + "/__main__.py")) {
                return null;
            }
        } else if (rel.endsWith("/__main__.py")) {
            module = rel.substring(0, rel.length() - "/__main__.py".length());
        } else if (rel.endsWith(".py")) {
            module = rel.substring(0, rel.length() - 3);
            boolean guarded = files.read(file).orElse("").lines().anyMatch(l -> MAIN_GUARD.matcher(l).find());
            if (!guarded) {
                return null;
            }
        } else {
            return null;
        }
        module = module.replace('/', '.');
        return MODULE.matcher(module).matches() ? module : null;
    }
}
