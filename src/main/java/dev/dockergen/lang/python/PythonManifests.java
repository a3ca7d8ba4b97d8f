package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonDetector.depth;
import static dev.dockergen.lang.python.PythonDetector.isSafePath;
import static dev.dockergen.lang.python.PythonDetector.lineOf;
import static dev.dockergen.lang.python.PythonDetector.lineOfKey;
import static dev.dockergen.lang.python.PythonDetector.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Python project installs and with what: the package manager and its lockfile, the manifests the
 * dependency layer copies, the dependencies (pyproject, Pipfile, requirements with their includes) and a
 * private index, each with the file and line it came from.
 */
final class PythonManifests {
    private static final Pattern PYTHON_REQUIRES = Pattern.compile("^\\s*python_requires\\s*=\\s*['\"]([^'\"]{1,100})['\"]");
    private static final Pattern REQ_NAME = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)(\\[([A-Za-z0-9,._ -]*)])?");
    private static final Pattern INCLUDE = Pattern.compile("^(?:-r|-c|--requirement|--constraint)(?:\\s+|=)(\\S+)");
    private static final Pattern INDEX = Pattern.compile("^(?:-i|--index-url|--extra-index-url)(?:\\s+|=)(\\S+)");
    private static final Pattern INDEX_VARIABLE = Pattern.compile(
            "\\b(PIP_INDEX_URL|PIP_EXTRA_INDEX_URL|UV_INDEX_URL|UV_INDEX|UV_EXTRA_INDEX_URL)\\b");
    /** The key a requirements line that installs the project itself is kept under. */
    private static final String SELF = ".";

    final List<String> evidence = new ArrayList<>();
    final Map<String, Source> deps = new LinkedHashMap<>();
    /** Requirements a pip-compile lock says are there only for another package ("# via locust", no "-r" line). */
    final Set<String> pulledIn = new LinkedHashSet<>();
    final Set<String> extras = new LinkedHashSet<>();
    final List<String> manifests = new ArrayList<>();
    Fact<String> pm;
    String lockfile;
    String requirements;
    Source self;
    Fact<String> privateIndex;
    Fact<String> requiresPython;
    boolean isPackage;
    String readme;
    String packageName;
    /** [project] dependencies is a list in pyproject.toml, or absent, and not declared dynamic. */
    boolean listedDependencies;
    /** The requirements are packages the program vendors in a folder it puts on sys.path: listed, never installed. */
    boolean vendored;

    private PythonManifests() {
    }

    static PythonManifests read(ProjectFiles files, TomlFile pyproject, UvWorkspace workspace, List<Warning> warnings) {
        PythonManifests m = new PythonManifests();
        List<String> requirementFiles = requirementFiles(files);
        m.packageManager(files, pyproject, workspace, requirementFiles, warnings);
        m.dependencies(files, pyproject, workspace, requirementFiles, warnings);
        return m;
    }

    /** The package manager: a uv workspace's, else the lockfile's, else the manifest's; other lockfiles warned. */
    private void packageManager(ProjectFiles files, TomlFile pyproject, UvWorkspace workspace, List<String> requirementFiles,
                                List<Warning> warnings) {
        JsonNode py = pyproject == null ? null : pyproject.tree();
        boolean hasPyproject = files.isFile("pyproject.toml");
        boolean hasPipfile = files.isFile("Pipfile");
        List<String> lockfiles = new ArrayList<>();
        for (String lock : List.of("uv.lock", "poetry.lock", "Pipfile.lock", "pdm.lock")) {
            if (files.isFile(lock)) {
                lockfiles.add(lock);
            }
        }
        if (workspace != null) {
            // sources stay relative to this member, like every other fact: the workspace root is up the tree
            pm = Fact.of("uv", Source.of("../".repeat(depth(workspace.member()) + 1) + "pyproject.toml", workspace.line()));
            lockfile = workspace.lockfile();
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
    }

    /** Manifests, dependencies, the private index and the package's own files (readme). */
    private void dependencies(ProjectFiles files, TomlFile pyproject, UvWorkspace workspace, List<String> requirementFiles,
                              List<Warning> warnings) {
        JsonNode py = pyproject == null ? null : pyproject.tree();
        boolean hasPyproject = files.isFile("pyproject.toml");
        boolean hasPipfile = files.isFile("Pipfile");
        if (py != null) {
            evidence.add("pyproject.toml");
            JsonNode project = py.path("project");
            packageName = project.path("name").isTextual() ? project.path("name").asText()
                    : py.path("tool").path("poetry").path("name").asText(null);
            for (JsonNode d : project.path("dependencies")) {
                addRequirement(d.asText(), pyproject.at(d.asText()), deps, extras);
            }
            boolean dynamic = false;
            for (JsonNode d : project.path("dynamic")) {
                dynamic |= d.asText().equals("dependencies");
            }
            listedDependencies = project.isObject() && !dynamic
                    && (project.path("dependencies").isArray() || project.path("dependencies").isMissingNode());
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
        if (requiresPython == null && files.isFile("setup.py")) {
            requiresPython = setupPythonRequires(files);
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
            TomlFile pipfile = TomlFile.read(files, "Pipfile", "Pipfile");
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
                    for (String m : workspace.members()) {
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
                    privateIndex = readRequirements(files, requirements, seen, deps, pulledIn, extras, warnings, privateIndex);
                    manifests.addAll(seen);
                } else if (hasPyproject) {
                    manifests.add("pyproject.toml");
                } else if (files.isFile("setup.py")) {
                    manifests.add("setup.py"); // a setup.py-only package: its dependencies install with it
                }
            }
        }
        self = deps.remove(SELF);
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
            String own = workspace == null ? m : m.startsWith(workspace.member() + "/")
                    ? m.substring(workspace.member().length() + 1) : null;
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
    }

    private static boolean hasUrl(JsonNode sources) {
        for (JsonNode source : sources) {
            if (source.path("url").isTextual()) {
                return true;
            }
        }
        return false;
    }

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

    /** requirements*.txt at the root (requirements.txt first), then requirements/ (prod, production, base, main). */
    static List<String> requirementFiles(ProjectFiles files) {
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
                                                 Set<String> pulledIn, Set<String> extras, List<Warning> warnings, Fact<String> privateIndex) {
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
                privateIndex = readRequirements(files, target, seen, deps, pulledIn, extras, warnings, privateIndex);
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
                if (onlyVia(lines, i + 1)) {
                    Matcher name = REQ_NAME.matcher(line);
                    if (name.find()) {
                        pulledIn.add(normalize(name.group(1)));
                    }
                }
            }
        }
        return privateIndex;
    }

    /**
     * True when the comment lines after a requirement are a pip-compile "# via" block naming only other packages:
     * the requirement is there for them, not because the project asked for it (an "-r requirements.in" line says it did).
     */
    static boolean onlyVia(String[] lines, int from) {
        List<String> via = new ArrayList<>();
        boolean inVia = false;
        for (int i = from; i < lines.length; i++) {
            String t = lines[i].strip();
            if (!t.startsWith("#")) {
                break;
            }
            String c = t.substring(1).strip();
            if (c.startsWith("via")) {
                inVia = true;
                c = c.substring(3).strip();
            } else if (!inVia) {
                break;
            }
            if (!c.isEmpty()) {
                via.add(c);
            }
        }
        // "-r requirements.in" or "name (pyproject.toml)" (the project's own manifest, as pip-compile names it): asked for
        return !via.isEmpty() && via.stream().noneMatch(v -> v.startsWith("-r") || v.startsWith("-c") || v.startsWith("(")
                || v.matches(".*\\((pyproject\\.toml|setup\\.py|setup\\.cfg)\\)"));
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

    /** setup.py's {@code python_requires=">=3.9"} keyword (setuptools' form of requires-python), or null. */
    private static Fact<String> setupPythonRequires(ProjectFiles files) {
        String[] lines = files.read("setup.py").orElse("").split("\n", -1);
        for (int i = 0; i < lines.length && i < 2000; i++) {
            Matcher m = PYTHON_REQUIRES.matcher(lines[i]);
            if (m.find()) {
                return Fact.of(m.group(1).strip(), "setup.py", i + 1);
            }
        }
        return null;
    }
}
