package dev.dockergen.lang.python;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.Warning;
import dev.dockergen.plan.DockerfilePlan;
import dev.dockergen.plan.HealthChecks;
import dev.dockergen.plan.IgnoreSections;
import dev.dockergen.plan.InitProcess;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Arg;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.plan.Instruction.Mount;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.plan.Instruction.Workdir;
import dev.dockergen.plan.Labels;
import dev.dockergen.plan.LanguagePlanner;
import dev.dockergen.plan.PlanRequest;
import dev.dockergen.plan.Plans;
import dev.dockergen.plan.Stage;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.ImageSpec;
import dev.dockergen.preset.Preset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Plans a Python image: a virtualenv at /venv built in the build stage (manifests and lockfile first, install
 * under a cache mount, then the source and the project itself when it is a package) and copied into a
 * runtime stage whose interpreter has the same path and version; non-root; the program in exec form.
 */
public final class PythonPlanner implements LanguagePlanner {
    static final String VERSION_ARG = "PYTHON_VERSION";
    /** The Python of Debian 13, which python3-debian13 and the debian:13-slim build stage share. */
    static final String DISTROLESS_PYTHON = "3.13";
    static final String VENV = "/venv";
    static final String TOOLS = "/opt/tools";
    private static final String PATH = VENV + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Pattern USER_VERSION = Pattern.compile("3\\.[0-9]{1,2}");
    private static final String PIP_CACHE = "/root/.cache/pip";
    private static final String WORKDIR = "/app";
    private static final String TERMINFO = "/usr/share/terminfo";

    /** Package-manager tools installed into their own venv with pip, at versions pinned as build arguments. */
    private record Tool(String arg, String pkg, String version, String cache) {
    }

    private static final Map<String, Tool> TOOLS_BY_PM = Map.of(
            "uv", new Tool("UV_VERSION", "uv", "0.13.8", "/root/.cache/uv"),
            "poetry", new Tool("POETRY_VERSION", "poetry", "2.5.1", "/root/.cache/pypoetry"),
            "pipenv", new Tool("PIPENV_VERSION", "pipenv", "2026.10.3", PIP_CACHE),
            "pdm", new Tool("PDM_VERSION", "pdm", "2.29.4", "/root/.cache/pdm"));

    @Override
    public Language language() {
        return Language.PYTHON;
    }

    /**
     * python-distroless has Debian 13's Python 3.13 only: another version cannot be honoured, so it is refused. On
     * other finals a version outside requires-python is a warning: pip refuses to install the project on it.
     */
    @Override
    public java.util.Optional<Warning> versionFit(ProjectFacts facts, Preset preset, String version) {
        if (!USER_VERSION.matcher(version).matches()) {
            return java.util.Optional.empty();
        }
        if (preset.finalStage() == FinalStage.DISTROLESS && !version.equals(DISTROLESS_PYTHON)) {
            throw new dev.dockergen.UnusableVersionException("Python " + version + " is not in " + preset.name()
                    + ": python3-debian13 has Debian 13's Python " + DISTROLESS_PYTHON + " only; use " + DISTROLESS_PYTHON
                    + ", or --final alpine for Python " + version);
        }
        PythonDetails py = facts.details() instanceof PythonDetails d ? d : null;
        if (py == null || py.requiresPython() == null) {
            return java.util.Optional.empty();
        }
        int minor = Integer.parseInt(version.substring(2));
        for (int patch = 0; patch <= 30; patch++) {
            if (PythonVersion.satisfies(py.requiresPython().value(), new int[] {3, minor, patch})) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new Warning(py.requiresPython().source(), "Python " + version + " is outside "
                + "requires-python '" + py.requiresPython().value() + "': pip refuses to install the project on it and "
                + "dependencies may have no release for it; choose a version the range allows"));
    }

    @Override
    public Plans plan(PlanRequest request) {
        ProjectFacts facts = request.facts();
        PythonDetails py = (PythonDetails) facts.details();
        Preset preset = request.preset();
        List<Warning> notes = new ArrayList<>();
        if (py.start() == null && PythonDetails.STATIC.equals(py.kind().value())) {
            throw new DockergenException(ExitCode.NOTHING_DETECTED, "an MkDocs site (mkdocs.yml): "
                    + "there is no program to run, and no python preset serves static files; build it with "
                    + "`python -m mkdocs build` and serve " + py.artefact() + " with a static web server, or run "
                    + "`python -m mkdocs serve -a 0.0.0.0:8000` to preview it");
        }
        if (py.start() == null) {
            throw new DockergenException(ExitCode.NOTHING_DETECTED, "no way to start the Python program found; add "
                    + "`if __name__ == \"__main__\":` to main.py, or a [project.scripts] entry in pyproject.toml");
        }
        boolean distroless = preset.finalStage() == FinalStage.DISTROLESS;
        String wanted = request.languageVersion() != null ? checked(request.languageVersion())
                : facts.languageVersion() != null ? facts.languageVersion().value() : preset.versionDefault();
        String origin = request.languageVersion() != null ? "chosen with --language-version"
                : facts.languageVersion() != null && py.requiresPython() != null
                        && facts.languageVersion().source().equals(py.requiresPython().source())
                ? "the lowest supported Python that satisfies '" + py.requiresPython().value() + "' ("
                        + shown(py, py.requiresPython().source()) + ")"
                : facts.languageVersion() != null ? shown(py, facts.languageVersion().source())
                : "no version in the project, so the current stable Python (preset " + preset.name() + " default)";
        String version = distroless ? DISTROLESS_PYTHON : wanted;
        if (distroless && !wanted.equals(DISTROLESS_PYTHON)) {
            boolean asked = request.languageVersion() != null || facts.languageVersion() != null;
            if (asked && !rangeAllowsDistroless(request, facts, py)) {
                notes.add(new Warning(request.languageVersion() != null ? null : facts.languageVersion().source(),
                        "the project asks for Python " + wanted + ", but python3-debian13 is Python " + DISTROLESS_PYTHON
                                + "; the image uses " + DISTROLESS_PYTHON + " (use --final alpine for Python " + wanted + ")"));
            }
        }
        InitProcess init = InitProcess.choose("python3", preset.build(),
                preset.build().image().replace("{version}", "${" + VERSION_ARG + "}"), preset.runtime());
        List<Stage> stages = new ArrayList<>(List.of(buildStage(py, preset, distroless, notes)));
        if (init.stage() != null) {
            stages.add(init.stage());
        }
        stages.add(runtimeStage(request, py, distroless, init));
        List<String> header = header(request, py, distroless, wanted, origin, version);
        List<Arg> args = distroless ? List.of() : List.of(new Arg(VERSION_ARG, version));
        DockerfilePlan dockerfile = new DockerfilePlan(header, args, stages);
        // a uv workspace member builds from the workspace root; its ignore file is Dockerfile.dockerignore beside it
        return new Plans(dockerfile, PythonIgnore.plan(py, request.toolVersion(), notes), notes,
                py.member() == null ? "." : dev.dockergen.detect.ProjectFiles.up(py.member()));
    }

    /** A source as the build context sees it: a workspace member's sources are relative to the member. */
    static String shown(PythonDetails py, dev.dockergen.detect.Source source) {
        if (py.member() == null) {
            return source.toString();
        }
        List<String> parts = new ArrayList<>();
        for (String p : (py.member() + "/" + source.file()).split("/")) {
            if (p.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else if (!p.equals(".")) {
                parts.add(p);
            }
        }
        return dev.dockergen.detect.Source.of(String.join("/", parts), source.line()).toString();
    }

    private static String packageName(PythonDetails py) {
        String n = py.packageName();
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new DockergenException(ExitCode.BAD_PROJECT, py.member() + "/pyproject.toml: the project name '" + dev.dockergen.detect.Source.of(n)
                    + "' cannot be carried safely by a Dockerfile");
        }
        return n;
    }

    private static String checked(String v) {
        if (!USER_VERSION.matcher(v).matches()) {
            throw new DockergenException(ExitCode.USAGE, "--language-version " + v + ": write a Python version such as 3.13");
        }
        return v;
    }

    /** The exec-form command: the venv's python with the detected words, or a console script; --port rebinds. */
    private static List<String> startWords(PythonDetails py, int port, boolean overridden) {
        List<String> words = new ArrayList<>(py.start().value());
        if (overridden) {
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (w.startsWith("0.0.0.0:")) {
                    words.set(i, "0.0.0.0:" + port);
                } else if (w.equals("--port") && i + 1 < words.size()) {
                    words.set(i + 1, String.valueOf(port));
                }
            }
        }
        if (words.get(0).startsWith(VENV + "/bin/")) {
            return words;
        }
        List<String> out = new ArrayList<>(List.of(VENV + "/bin/python3"));
        out.addAll(words);
        return out;
    }

    private static List<String> startComment(PythonDetails py, ProjectFacts facts, int port, boolean distroless,
                                             InitProcess init) {
        Fact<List<String>> start = py.start();
        List<String> out = new ArrayList<>();
        String portPart = "";
        if (port > 0 && facts.port() != null && facts.port().value() == port) {
            portPart = py.portDefault() != null ? "; port " + port + " is " + py.portDefault() + "'s default"
                    : "; port " + port + " from " + shown(py, facts.port().source());
        } else if (port > 0) {
            portPart = "; port " + port + " chosen with --port";
        }
        String target = start.value().stream().filter(w -> w.contains(":") && !w.startsWith("0.0.0.0")).findFirst()
                .orElse(start.value().get(start.value().size() - 1)); // gunicorn's target is its last word (shop.wsgi)
        if (py.server() != null) {
            out.add(py.server().value() + " (a dependency, " + shown(py, py.server().source()) + ") serves " + target + " ("
                    + shown(py, start.source()) + ")" + portPart + ".");
        } else if (py.serverFallback() != null) {
            out.add("The app is at " + shown(py, start.source()) + portPart + ".");
            out.add("Fallback: " + py.serverFallback() + ".");
        } else if (py.kind().value().equals(PythonDetails.WORKER)) {
            out.add("A " + facts.framework().value() + " worker (" + shown(py, start.source()) + "), started by the console script "
                    + "of the dependency (" + shown(py, facts.framework().source()) + "); it listens on no port.");
        } else if (py.fromSource() != null && List.of("setup.py", "pyproject.toml").contains(start.source().file())) {
            out.add("The script " + shown(py, start.source()) + " installs, run from the source" + portPart + ".");
        } else if (start.value().get(0).startsWith(VENV + "/bin/")) {
            out.add((start.source().file().equals("setup.py") ? "The script setup.py installs ("
                    : "The console script from [project.scripts] (") + shown(py, start.source()) + ")" + portPart + ".");
        } else {
            out.add("The program's __main__ entry (" + shown(py, start.source()) + ")" + (port == 0
                    ? ", a worker that listens on no port" : portPart) + ".");
        }
        out.add(init.note());
        if (distroless) {
            out.add("ENTRYPOINT, not CMD: it replaces the image's own, whose python3 is outside the venv.");
        }
        return out;
    }

    /** The build stage: the venv at /venv, manifests and lockfile first, then the source and the project itself. */
    private static Stage buildStage(PythonDetails py, Preset preset, boolean distroless, List<Warning> notes) {
        String pm = py.packageManager().value();
        Tool tool = TOOLS_BY_PM.get(pm);
        String workdir = WORKDIR;
        List<Instruction> b = new ArrayList<>();
        String buildImage = preset.build().image().replace("{version}", "${" + VERSION_ARG + "}");
        List<String> buildComment = new ArrayList<>();
        if (distroless) {
            buildComment.add("Build stage: Debian 13, whose python3 is the interpreter python3-debian13 runs: Python "
                    + DISTROLESS_PYTHON + " at");
            buildComment.add("/usr/bin/python3. A venv made here links /venv/bin/python3 to that path, which exists in the");
            buildComment.add("runtime image too; a venv from a python:<v> image would point at /usr/local/bin and not start.");
        } else {
            buildComment.add("Build stage: the same python:<v>-alpine image as the runtime stage, so /venv/bin/python3 links to");
            buildComment.add("an interpreter of the same version at the same path. Alpine uses musl: a dependency without a");
            buildComment.add("musllinux wheel is compiled here and needs apk add --no-cache build-base (plus its library headers);");
            buildComment.add("if that gets heavy, use the python-distroless preset (glibc wheels).");
        }
        if (!preset.build().packages().isEmpty()) {
            String pkgs = String.join(" ", preset.build().packages());
            b.add(Comment.of("python3-venv brings Debian's Python and ensurepip; versions follow Debian 13's security updates."));
            b.add(new Instruction.Directive("hadolint ignore=DL3008"));
            b.add(new Run(List.of(), List.of(preset.build().packageTool().equals("apk") ? "apk add --no-cache " + pkgs
                    : "apt-get update && apt-get install -y --no-install-recommends " + pkgs
                    + " && rm -rf /var/lib/apt/lists/*")));
        }
        b.add(new Workdir(workdir));
        b.add(Comment.of("The virtualenv that the runtime stage receives; python3 is the interpreter it will run with."));
        b.add(new Run(List.of(), List.of("python3 -m venv " + VENV)));
        b.add(new Instruction.Env("VIRTUAL_ENV", VENV));
        if (tool != null) {
            b.add(new Arg(tool.arg(), tool.version()));
            b.add(Comment.of(pm + " itself, pinned by " + tool.arg() + ", in a venv of its own that never reaches the runtime stage."));
            b.add(new Run(List.of(Mount.cache(PIP_CACHE)), List.of("python3 -m venv " + TOOLS
                    + " && " + TOOLS + "/bin/pip install \"" + tool.pkg() + "==${" + tool.arg() + "}\"")));
        }
        if (pm.equals("uv")) {
            b.add(Comment.of("uv installs into /venv with this interpreter only (never a downloaded one), copying files out of",
                    "its cache mount and compiling bytecode."));
            b.add(new Instruction.Env("UV_PROJECT_ENVIRONMENT", VENV));
            b.add(new Instruction.Env("UV_PYTHON_DOWNLOADS", "never"));
            b.add(new Instruction.Env("UV_LINK_MODE", "copy"));
            b.add(new Instruction.Env("UV_COMPILE_BYTECODE", "1"));
        }
        List<String> manifests = py.manifests();
        if (!manifests.isEmpty()) { // a lone program without manifests has nothing to install
            b.add(Comment.of("Manifests first: this layer is reused until " + IgnoreSections.joinAnd(manifests)
                    + (manifests.size() == 1 ? " changes." : " change.")));
        }
        Map<String, List<String>> byDir = new LinkedHashMap<>();
        for (String m : manifests) {
            String dir = m.contains("/") ? m.substring(0, m.lastIndexOf('/') + 1) : "./";
            byDir.computeIfAbsent(dir, d -> new ArrayList<>()).add(m);
        }
        byDir.forEach((dir, files) -> b.add(new Copy(null, files, dir)));
        List<Mount> mounts = new ArrayList<>(List.of(Mount.cache(tool == null ? PIP_CACHE : tool.cache())));
        String secretNote = null;
        if (py.privateIndex() != null) {
            boolean netrc = pm.equals("uv") || pm.equals("poetry") || pm.equals("pdm");
            mounts.add(netrc ? Mount.secret("netrc", "/root/.netrc") : Mount.secret("pipconf", "/etc/pip.conf"));
            secretNote = "The private index (" + shown(py, py.privateIndex().source()) + ") gets its credentials from a build secret, "
                    + "never an ARG: docker build --secret " + (netrc ? "id=netrc,src=$HOME/.netrc" : "id=pipconf,src=pip.conf");
            notes.add(new Warning(py.privateIndex().source(), "a private package index is used: build with " + (netrc
                    ? "docker build --secret id=netrc,src=$HOME/.netrc ." : "docker build --secret id=pipconf,src=pip.conf .")));
        }
        if (secretNote != null) {
            b.add(Comment.of(secretNote + "."));
        }
        String pkgFlag = py.member() != null && py.packageName() != null ? " --package " + packageName(py) : "";
        String deps = switch (pm) {
            case "uv" -> TOOLS + "/bin/uv sync --frozen --no-dev " + (py.member() != null ? "--no-install-workspace"
                    : "--no-install-project") + pkgFlag;
            case "poetry" -> TOOLS + "/bin/poetry install --no-root --only main --no-interaction";
            case "pipenv" -> null;
            case "pdm" -> TOOLS + "/bin/pdm sync --prod --no-self --no-editable";
            default -> py.requirements() != null && !py.requirementsNeedSource()
                    ? VENV + "/bin/pip install -r " + py.requirements() : null;
        };
        boolean pipProjectOnly = pm.equals("pip") && py.requirements() == null && !manifests.isEmpty();
        // pip without a requirements file: the dependencies pyproject.toml lists still install before the source
        boolean listed = pipProjectOnly && py.listedDependencies() && manifests.contains("pyproject.toml");
        if (listed) {
            b.add(Comment.of("The dependencies pyproject.toml lists under [project] (read with tomllib, or pip's own tomli "
                    + "before Python 3.11),", "installed before the source: a source edit reuses this layer."));
            b.add(new Run(mounts, List.of(VENV + "/bin/python3 -c \"import sys; toml = __import__('tomllib' if "
                    + "sys.version_info >= (3, 11) else 'pip._vendor.tomli', fromlist=['load']); "
                    + "print(*toml.load(open('pyproject.toml', 'rb'))['project'].get('dependencies', []), sep=chr(10))\" "
                    + "> /tmp/requirements.txt", "&& " + VENV + "/bin/pip install -r /tmp/requirements.txt")));
        } else if (deps != null) {
            b.add(new Run(mounts, List.of(deps)));
        } else if (pm.equals("pipenv")) {
            b.add(new Run(mounts, List.of(
                    TOOLS + "/bin/pipenv " + (py.lockfile() == null ? "lock" : "verify"),
                    "&& " + TOOLS + "/bin/pipenv requirements > /tmp/requirements.txt",
                    "&& " + VENV + "/bin/pip install -r /tmp/requirements.txt")));
        }
        boolean installProject = py.isPackage() || py.member() != null || pipProjectOnly || py.requirementsNeedSource();
        if (listed) {
            notes.add(new Warning(py.packageManager().source(), "no requirements file or lockfile: the dependencies "
                    + "pyproject.toml lists install before the source at the newest versions they allow; a lockfile (uv lock, "
                    + "poetry lock) or a pinned requirements.txt makes the build reproducible"));
        } else if (pipProjectOnly) {
            notes.add(new Warning(py.packageManager().source(), "no requirements file or lockfile, so the dependencies "
                    + "install with the project after the source and a source edit reinstalls them (from the pip cache); "
                    + "a lockfile (uv lock, poetry lock) or requirements.txt gives them a layer of their own"));
        }
        if (installProject) {
            String install = listed ? VENV + "/bin/pip install --no-deps ." : pipProjectOnly ? VENV + "/bin/pip install ."
                    : py.requirementsNeedSource()
                    ? VENV + "/bin/pip install -r " + py.requirements() : switch (pm) {
                case "uv" -> TOOLS + "/bin/uv sync --frozen --no-dev --no-editable" + pkgFlag;
                case "poetry" -> TOOLS + "/bin/poetry install --only-root --no-interaction";
                case "pdm" -> TOOLS + "/bin/pdm sync --prod --no-editable";
                default -> VENV + "/bin/pip install --no-deps .";
            };
            b.add(Comment.of("Then the source, and the project itself as a package (PEP 517" + (py.readme() != null
                    ? "; the build reads " + (py.member() == null ? py.readme() : py.member() + "/" + py.readme()) : "")
                    + "); a source edit reruns only this step."));
            b.add(new Copy(null, List.of("."), "."));
            b.add(new Run(List.of(Mount.cache(tool == null ? PIP_CACHE : tool.cache())), List.of(install)));
        }
        return new Stage(buildComment, null, buildImage, "build", b);
    }

    /** The runtime stage: the venv and the source on an interpreter of the same path and version, non-root. */
    private static Stage runtimeStage(PlanRequest request, PythonDetails py, boolean distroless, InitProcess init) {
        ProjectFacts facts = request.facts();
        Preset preset = request.preset();
        ImageSpec runtime = preset.runtime();
        String workdir = WORKDIR;
        String memberDir = py.member() == null ? workdir : workdir + "/" + py.member();
        List<Instruction> r = new ArrayList<>(init.runtime());
        if (preset.user().create()) {
            r.add(new Run(List.of(), preset.user().createLines()));
        }
        r.add(new Workdir(workdir));
        r.add(Comment.of("No .pyc files written at run time, output unbuffered so logs arrive at once, the venv first on PATH."));
        r.add(new Instruction.Env("PYTHONDONTWRITEBYTECODE", "1"));
        r.add(new Instruction.Env("PYTHONUNBUFFERED", "1"));
        r.add(new Instruction.Env("VIRTUAL_ENV", VENV));
        r.add(new Instruction.Env("PATH", PATH));
        if (py.sourceRoot() != null) {
            String root = py.sourceRoot().isEmpty() ? memberDir : memberDir + "/" + py.sourceRoot();
            r.add(Comment.of("Not installed: the program imports its own packages from " + root + "."));
            r.add(new Instruction.Env("PYTHONPATH", root));
        }
        r.add(Comment.of("The virtualenv with the runtime dependencies, then the application (.dockerignore keeps the rest out)."));
        r.add(new Copy("build", List.of(VENV), VENV));
        r.add(new Copy(null, List.of("."), "."));
        for (PythonDataFiles.Placed p : py.dataFiles()) { // data_files the program reads at their absolute path
            r.add(Comment.of(p.declared() + " installs " + String.join(" ", p.sources()) + " at " + p.target()
                    + " (data_files), where the program reads it", "(" + p.read() + "): copied there, owned by root, so "
                    + "read-only for the runtime user."));
            r.add(new Copy(null, p.sources(), p.folder() ? p.target() : p.target() + "/"));
        }
        if (distroless && py.curses() != null) {
            r.add(Comment.of("A terminal UI (" + py.curses() + " imports curses): the distroless image has ncurses but no",
                    "terminfo database, so the build stage's comes along."));
            r.add(new Copy("build", List.of(TERMINFO), TERMINFO));
        }
        if (!memberDir.equals(workdir)) {
            r.add(Comment.of("The workspace member this image runs."));
            r.add(new Workdir(memberDir));
        }
        Fact<Integer> detected = facts.port();
        int port = request.port() != null ? request.port() : detected == null ? 0 : detected.value();
        List<String> start = startWords(py, port, request.port() != null);
        r.add(new Instruction.User(preset.user().uid(), preset.user().gid()));
        if (port > 0) {
            if (port < 1024) {
                r.add(Comment.of("Port " + port + " is privileged: Docker lets non-root processes bind it, other runtimes",
                        "may not; prefer a port above 1023 (dockergen init --port 8080) if the program can be configured."));
            }
            r.add(new Instruction.Expose(port));
            if (py.portEnv() != null) {
                r.add(Comment.of("The server reads its port from $PORT (" + shown(py, py.portEnv()) + ")."));
                r.add(new Instruction.Env("PORT", String.valueOf(port)));
            }
        }
        r.addAll(py.healthCommand() != null ? HealthChecks.command(py.healthCommand(), start, preset)
                : HealthChecks.instructions(py.healthPath(), runtime, port, preset));
        r.addAll(Labels.instructions(Map.of("org.opencontainers.image.title", py.name()), preset, request.labels()));
        r.add(new Comment(startComment(py, facts, port, distroless, init)));
        List<String> command = new ArrayList<>(init.prefix());
        command.addAll(start);
        command.addAll(request.args());
        r.add(new Instruction.Entrypoint(command));
        String comment = "Runtime stage: " + runtime.image().replace("{version}", "<python>").replaceAll("@sha256:[a-f0-9]+", "")
                + (runtime.shell() ? "" : ", which has no shell") + "; runs as " + preset.user().name() + " ("
                + preset.user().uid() + ").";
        return new Stage(List.of(comment), null, runtime.image().replace("{version}", "${" + VERSION_ARG + "}"),
                "runtime", r);
    }

    /** The file's header: how to build it, which Python and why, which package manager. */
    /** The version is the lowest that requires-python allows, and that range allows the distroless Python too. */
    private static boolean rangeAllowsDistroless(PlanRequest request, ProjectFacts facts, PythonDetails py) {
        if (request.languageVersion() != null || facts.languageVersion() == null || py.requiresPython() == null
                || !facts.languageVersion().source().equals(py.requiresPython().source())) {
            return false;
        }
        int minor = Integer.parseInt(DISTROLESS_PYTHON.substring(2));
        for (int patch = 0; patch <= 30; patch++) {
            if (PythonVersion.satisfies(py.requiresPython().value(), new int[] {3, minor, patch})) {
                return true;
            }
        }
        return false;
    }

    private static List<String> header(PlanRequest request, PythonDetails py, boolean distroless, String wanted,
                                       String origin, String version) {
        ProjectFacts facts = request.facts();
        Preset preset = request.preset();
        String pm = py.packageManager().value();
        List<String> header = new ArrayList<>();
        header.add("Generated by dockergen " + request.toolVersion() + " with preset " + preset.name() + ".");
        if (py.member() != null) {
            String root = py.workspaceRoot().isEmpty() ? "the repository root" : py.workspaceRoot() + "/";
            header.add("uv workspace member " + py.member() + ": build from the workspace root (" + root + "), where uv.lock is:");
            header.add("docker build -f " + py.member() + "/Dockerfile -t " + py.name() + " .");
        } else {
            header.add("Build: docker build -t " + py.name() + " .");
        }
        if (distroless) {
            header.add("Python " + DISTROLESS_PYTHON + ": python3-debian13 ships only Debian 13's Python " + DISTROLESS_PYTHON + ".");
            header.add(request.languageVersion() == null && facts.languageVersion() == null
                    ? "The project names no Python version; the python-alpine preset would use the current stable " + PythonDetector.DEFAULT_PYTHON + "."
                    : wanted.equals(DISTROLESS_PYTHON) ? "The project's Python is " + wanted + " too: " + origin + "."
                    : rangeAllowsDistroless(request, facts, py) ? "The project's Python is " + wanted + ": " + origin
                            + "; the range allows " + DISTROLESS_PYTHON + " too."
                    : "The project's Python is " + wanted + ": " + origin + "; the python-alpine preset builds with that version.");
        } else {
            header.add("Python " + version + ": " + origin + ".");
        }
        if (py.fromSource() != null) {
            header.add("Nothing to install: " + py.fromSource() + ".");
            header.add("The image runs the program from its source, with the standard library alone.");
        } else if (py.manifests().isEmpty()) {
            header.add("No requirements.txt, pyproject.toml or setup.py: " + shown(py, py.packageManager().source())
                    + " runs on the standard library alone.");
        } else {
            header.add("Packages with " + pm + " (" + shown(py, py.packageManager().source()) + ")"
                    + (py.lockfile() == null && !pm.equals("pip") ? ", without a lockfile" : "") + ".");
        }
        return header;
    }
}
