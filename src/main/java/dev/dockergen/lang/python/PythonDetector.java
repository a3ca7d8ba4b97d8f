package dev.dockergen.lang.python;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.Certificates;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.Detector;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.TextLines;
import dev.dockergen.detect.Walk;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a Python project: package manager (pip, Poetry, Pipenv, uv, PDM), Python version, framework,
 * start command and port, each with the file and line it came from. The jobs are {@link PythonManifests}
 * (what is installed), {@link PythonVersion}, {@link UvWorkspace} and {@link PythonEntrypoint} (how it starts).
 */
public final class PythonDetector implements Detector {
    /** The current stable Python, used when the project names no version. */
    public static final String DEFAULT_PYTHON = "3.14";
    /** Python minors still supported upstream, lowest first: requires-python picks the lowest that satisfies it. */
    static final List<Integer> SUPPORTED_MINORS = List.of(10, 11, 12, 13, 14);
    /** Not the app's own modules: environments, caches, builds, tests and docs. */
    static final Predicate<String> SKIPPED = Walk.skipping(Walk.INSTALLED, Walk.BUILD_OUTPUT, Set.of("venv",
            "env", "__pycache__", "site-packages", "tests", "test", "migrations", "docs", "htmlcov"));

    /** Jinja tags of a project template (cookiecutter): {{ cookiecutter.x }}, {% if %}, {%- for %}. */
    private static final Pattern TEMPLATE_TAG = Pattern.compile("\\{\\{\\s*cookiecutter\\.[\\w.]*\\s*}}|\\{%-?\\s*(?:if|for|raw|set|endif)\\b");

    /** The Python the project names (.python-version, runtime.txt, Pipfile), when it is past its end of life. */
    @Override
    public java.util.Optional<Warning> endOfLife(ProjectFacts facts) {
        Fact<String> v = facts.languageVersion();
        return PythonEndOfLife.TABLE.warning(v, v == null ? null : v.value(), DEFAULT_PYTHON);
    }

    @Override
    public Language language() {
        return Language.PYTHON;
    }

    @Override
    public Set<String> manifests() {
        return Set.of("pyproject.toml", "Pipfile", "requirements.txt");
    }

    @Override
    public Optional<ProjectFacts> detect(ProjectFiles files, DetectOptions options, List<Warning> warnings) {
        if (insideVirtualenv(files)) {
            return Optional.empty(); // a package installed in a committed or local venv is not a project
        }
        boolean hasPyproject = files.isFile("pyproject.toml");
        Source lone = null;
        if (!hasPyproject && !files.isFile("Pipfile") && PythonManifests.requirementFiles(files).isEmpty()
                && !files.isFile("setup.py")) {
            lone = PythonPrograms.loneProgram(files);
            if (lone == null) {
                return Optional.empty();
            }
        }
        if (hasPyproject && refuseTemplate(files)) {
            return Optional.empty(); // a template below the root is not one of the repository's projects
        }
        TomlFile pyproject = hasPyproject ? TomlFile.read(files, "pyproject.toml", "pyproject.toml") : null;
        if (pyproject != null && pyproject.tree().path("tool").path("uv").has("workspace")
                && !pyproject.tree().has("project")) {
            return Optional.empty(); // a virtual uv workspace root: its members are the projects
        }
        UvWorkspace workspace = UvWorkspace.of(files);
        PythonManifests m = PythonManifests.read(files, pyproject, workspace, warnings);
        if (lone != null) {
            m.pm = Fact.of("pip", Source.of(lone.file()));
            m.evidence.add(lone.file());
            warnings.add(new Warning(lone, "no requirements.txt, pyproject.toml or setup.py: the program is run with the "
                    + "standard library only; list its dependencies in requirements.txt if it has any"));
        }
        String dropped = PythonFromSource.dropUnneeded(files, m, warnings);
        Fact<String> version = PythonVersion.of(files, m.requiresPython, warnings);
        PythonEntrypoint entry = PythonEntrypoint.find(files, pyproject, m, lone, options.mainPackage(), warnings);
        List<String> sources = PythonEntrypoint.sources(files);
        PythonFromSource.Run source = workspace != null ? null : PythonFromSource.of(files,
                pyproject == null ? null : pyproject.tree(), m, entry.start, entry.scriptModule(), sources, dropped);
        PythonDetails details = new PythonDetails(m.pm, source != null ? List.of() : m.manifests, m.lockfile,
                source != null ? null : m.requirements, m.self != null,
                Fact.of(entry.kind, entry.start != null ? entry.start.source()
                        : entry.framework != null ? entry.framework.source() : m.pm.source()), entry.server,
                entry.fallback, source != null ? Fact.of(source.start(), entry.start.source()) : entry.start,
                m.isPackage && source == null, m.readme, m.privateIndex, m.requiresPython,
                workspace == null ? null : workspace.root(), workspace == null ? null : workspace.member(),
                workspace == null ? List.of() : workspace.members(), m.packageName, entry.health, entry.healthCommand,
                name(m.packageName, files), m.listedDependencies, entry.portDefault, entry.artefact(files),
                entry.portEnv, options.mainPackage() == null ? entry.programs : List.of(),
                source == null ? null : source.reason(), source == null ? null : source.root(),
                Certificates.only(files), PythonPrograms.curses(files), PythonDataFiles.find(files,
                        pyproject == null ? null : pyproject.tree(), sources));
        List<String> startWords = null;
        Fact<List<String>> start = entry.start;
        if (start != null) {
            startWords = new ArrayList<>();
            List<String> s = start.value();
            if (s.get(0).startsWith("/venv/bin/")) {
                startWords.add(s.get(0).substring("/venv/bin/".length()));
                startWords.addAll(s.subList(1, s.size()));
            } else if (s.size() > 1 && s.get(0).equals("-m") && (s.get(1).equals("gunicorn") || s.get(1).equals("uvicorn"))) {
                startWords.addAll(s.subList(1, s.size()));
            } else {
                startWords.add("python");
                startWords.addAll(s);
            }
        }
        return Optional.of(new ProjectFacts(".", Language.PYTHON, m.pm.value(), m.pm.value(), version, entry.framework,
                entry.port, startWords, m.evidence, details));
    }


    /** A project template is not a project: its manifests are not valid until rendered, so say that (exit 3), not "malformed". */
    private static boolean refuseTemplate(ProjectFiles files) {
        String text = files.read("pyproject.toml").orElse("");
        Matcher m = TEMPLATE_TAG.matcher(text);
        if (m.find() && files.location().isEmpty()) {
            int line = TextLines.lineAt(text, m.start());
            throw new DockergenException(ExitCode.NOTHING_DETECTED, "pyproject.toml:" + line + ": a project template "
                    + "(Jinja tags such as " + Shown.whole(m.group().strip()) + "), not a project: render it first "
                    + "(cookiecutter DIR) and run dockergen in the folder it writes");
        }
        return m.find(0);
    }

    static int lineOf(String text, String needle) {
        return TextLines.lineOf(text, needle);
    }

    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
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

    /** How many folders deep a repository path is. */
    static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    static boolean isSafePath(String p) {
        return p.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") && !p.contains("..");
    }

    static int lineOfKey(String text, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*=").matcher(text);
        return m.find() ? TextLines.lineAt(text, m.start()) : 0;
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
}
