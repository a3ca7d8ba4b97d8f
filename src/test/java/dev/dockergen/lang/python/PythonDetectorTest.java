package dev.dockergen.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.Fixtures;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DetectionResult;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.MemoryProjectFiles;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Warning;
import dev.dockergen.lang.Languages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PythonDetectorTest {
    private final List<Warning> warnings = new ArrayList<>();

    private ProjectFacts detect(String... pathThenText) {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < pathThenText.length; i += 2) {
            files.put(pathThenText[i], pathThenText[i + 1]);
        }
        return new PythonDetector().detect(new MemoryProjectFiles("repo", files), DetectOptions.DEFAULT, warnings).orElseThrow();
    }

    private ProjectFacts fixture(String name) {
        return new PythonDetector().detect(new DirectoryProjectFiles(Fixtures.ROOT.resolve("python").resolve(name), name),
                DetectOptions.DEFAULT, warnings).orElseThrow();
    }

    private static PythonDetails py(ProjectFacts p) {
        return (PythonDetails) p.details();
    }

    private static String fact(Fact<?> f) {
        return f == null ? null : f.value() + " @ " + f.source();
    }

    @Test
    void flaskWithPipFollowsIncludesAndFindsGunicornAppPortAndHealth() {
        ProjectFacts p = fixture("flask-pip");
        assertEquals("pip @ requirements.txt", fact(py(p).packageManager()));
        assertEquals(List.of("requirements.txt", "requirements/base.txt"), py(p).manifests());
        assertEquals("3.12 @ .python-version:1", fact(p.languageVersion()));
        assertEquals("flask @ requirements/base.txt:1", fact(p.framework()));
        assertEquals("gunicorn @ requirements.txt:3", fact(py(p).server()));
        assertEquals("[-m, gunicorn, --bind, 0.0.0.0:5000, app:app] @ app.py:5", fact(py(p).start()));
        assertEquals("5000 @ app.py:19", fact(p.port()));
        assertEquals("/healthz @ app.py:8", fact(py(p).healthPath()));
        assertEquals(List.of("gunicorn", "--bind", "0.0.0.0:5000", "app:app"), p.start());
        assertEquals(List.of(), warnings);
    }

    @Test
    void djangoWithPoetryTakesTheWsgiModuleFromSettingsAndTheVersionFromTheCaret() {
        ProjectFacts p = fixture("django-poetry");
        assertEquals("poetry @ poetry.lock", fact(py(p).packageManager()));
        assertEquals("3.11 @ pyproject.toml:9", fact(p.languageVersion()));
        assertEquals("django @ pyproject.toml:10", fact(p.framework()));
        assertEquals("[-m, gunicorn, --bind, 0.0.0.0:8000, shop.wsgi:application] @ shop/settings.py:8", fact(py(p).start()));
        assertEquals("8000 @ pyproject.toml:11", fact(p.port()));
        assertEquals("/healthz/ @ shop/urls.py:9", fact(py(p).healthPath()));
        assertTrue(!py(p).isPackage(), "package-mode = false");
    }

    @Test
    void fastapiWithUvUsesTheAppInTheCodeAndUvicornFromTheExtra() {
        ProjectFacts p = fixture("fastapi-uv");
        assertEquals("uv @ uv.lock", fact(py(p).packageManager()));
        assertEquals("3.12 @ pyproject.toml:5", fact(p.languageVersion()));
        assertEquals("[-m, uvicorn, app.main:app, --host, 0.0.0.0, --port, 8000] @ app/main.py:3", fact(py(p).start()));
        assertEquals("uvicorn @ pyproject.toml:8", fact(py(p).server()));
        assertEquals(List.of("pyproject.toml", "uv.lock"), py(p).manifests());
    }

    @Test
    void pipenvFlaskWithoutGunicornFallsBackToFlaskRunAndSaysSo() {
        ProjectFacts p = fixture("pipenv-flask");
        assertEquals("pipenv @ Pipfile.lock", fact(py(p).packageManager()));
        assertEquals("3.12 @ Pipfile:8", fact(p.languageVersion()));
        assertNull(py(p).server());
        assertEquals(List.of("-m", "flask", "--app", "wsgi:app", "run", "--host", "0.0.0.0", "--port", "5000"),
                py(p).start().value());
        assertEquals("Pipfile:2: gunicorn is not a dependency, so the image runs Flask's built-in server (flask run); "
                + "add gunicorn to the dependencies for production", warnings.get(1).toString());
        assertEquals("wsgi.py:3: flask run listens on loopback (127.0.0.1) unless given --host, where a container cannot be "
                + "reached; the image passes --host 0.0.0.0", warnings.get(0).toString());
    }

    @Test
    void aWorkerHasNoPortAndAStdlibServerHasOne() {
        ProjectFacts worker = fixture("worker-stdlib");
        assertEquals("script", py(worker).kind().value());
        assertNull(worker.port());
        assertEquals("3.13 @ runtime.txt:1", fact(worker.languageVersion()));
        assertEquals("[worker.py] @ worker.py:24", fact(py(worker).start()));
        ProjectFacts server = fixture("http-stdlib");
        assertEquals("web", py(server).kind().value());
        assertEquals("8080 @ server.py:21", fact(server.port()));
        assertNull(server.languageVersion(), "no version in the project: the planner uses the default and says so");
    }

    @Test
    void aWebAppWithAWorkerServesTheWebByDefaultAndRunsTheWorkerWithMainWorker() {
        ProjectFacts web = fixture("flask-celery-pair");
        assertEquals("flask", web.framework().value());
        assertEquals(List.of("web", "worker"), web.details().programs());
        assertTrue(warnings.stream().anyMatch(w -> w.toString().startsWith("run_worker.py:5: a celery worker runs from this "
                + "folder too (celery -A run_worker worker --loglevel=INFO)")), warnings.toString());
        ProjectFacts worker = new PythonDetector().detect(new DirectoryProjectFiles(Fixtures.ROOT.resolve("python")
                .resolve("flask-celery-pair"), "p"), new DetectOptions("worker"), warnings).orElseThrow();
        assertEquals("celery", worker.framework().value());
        assertEquals("worker", py(worker).kind().value());
        assertNull(worker.port());
        assertEquals(List.of("celery", "-A", "run_worker", "worker", "--loglevel=INFO"), worker.start());
        assertEquals("run_worker.py", py(worker).artefact());
        assertEquals(List.of(), worker.details().programs(), "chosen: nothing left to choose");
        DockergenException e = assertThrows(DockergenException.class, () -> new PythonDetector().detect(
                new DirectoryProjectFiles(Fixtures.ROOT.resolve("python").resolve("flask-celery-pair"), "p"),
                new DetectOptions("beat"), warnings));
        assertEquals("--main beat: this folder runs web or worker; choose one of them", e.getMessage());
    }

    @Test
    void workersTheProjectRunsUnderItsOwnSupervisordConfigStartWithThatConfig() {
        ProjectFacts p = new PythonDetector().detect(new MemoryProjectFiles("repo", new TreeMap<>(Map.of(
                "requirements.txt", "flask\ngunicorn\nrq\nsupervisor\n",
                "app.py", "from flask import Flask\napp = Flask(__name__)\n",
                "manage.py", "#!/usr/bin/env python\n",
                "workers.conf", "[supervisord]\nnodaemon=true\n\n[program:jobs]\ncommand=./manage.py rq worker\n"))),
                new DetectOptions("worker"), warnings).orElseThrow();
        assertEquals("rq", p.framework().value());
        assertEquals(List.of("supervisord", "-c", "workers.conf"), p.start());
        assertEquals("manage.py", py(p).artefact());
    }

    @Test
    void anEntryScriptThatStartsTheServerItselfIsWhatTheImageRuns() {
        ProjectFacts p = fixture("fastapi-own-main");
        assertEquals(List.of("python", "-m", "notes.main"), p.start(), "not installed: notes/ must not be the import path");
        assertEquals("8300 @ notes/settings.py:10", fact(p.port()));
        assertEquals("notes/main.py", py(p).artefact());
        // Flask without gunicorn: a root script calling the package's main(), which runs the app on every interface
        p = detect("requirements.txt", "flask\n", "blog/__init__.py", "import os\n\ndef main():\n"
                        + "    from blog.web import app\n    app.run(host=os.environ.get('HOST', '0.0.0.0'), port=6100)\n",
                "blog/web.py", "from flask import Flask\napp = Flask(__name__)\n",
                "serve.py", "import blog\n\nif __name__ == '__main__':\n    blog.main()\n");
        assertEquals(List.of("python", "serve.py"), p.start());
        assertEquals("6100 @ blog/__init__.py:5", fact(p.port()));
        assertTrue(warnings.stream().noneMatch(w -> w.message().contains("loopback")), warnings.toString());
    }

    @Test
    void theRepositorysOwnFastapiRunInItsContainerFileIsKeptOnEveryInterface() {
        ProjectFacts p = fixture("fastapi-cli-run");
        assertEquals(List.of("fastapi", "run", "--host", "0.0.0.0", "--port", "8400", "src/inventory"), p.start());
        assertEquals("8400 @ Containerfile:5", fact(p.port()));
        assertEquals("src/inventory/__init__.py", py(p).artefact());
        assertTrue(warnings.stream().noneMatch(w -> w.message().contains("loopback")), warnings.toString());
        // a bare app object: uvicorn's own default is loopback, which the warning says (the image binds 0.0.0.0)
        warnings.clear();
        p = detect("requirements.txt", "fastapi\nuvicorn\n", "main.py", "from fastapi import FastAPI\napp = FastAPI()\n");
        assertEquals("main.py:2: uvicorn listens on loopback (127.0.0.1) unless given --host, where a container cannot be "
                + "reached; the image passes --host 0.0.0.0", warnings.get(0).toString());
    }

    @Test
    void uvWorkspaceMembersAreProjectsAndTheVirtualRootIsNot() {
        DirectoryProjectFiles files = new DirectoryProjectFiles(Fixtures.ROOT.resolve("python").resolve("uv-workspace"), "ws");
        DetectionResult all = Languages.detectors().detect(files, DetectOptions.DEFAULT);
        assertEquals(List.of("packages/api", "packages/jobs"), all.projects().stream().map(ProjectFacts::path).toList());
        ProjectFacts api = Languages.detectors().detectProject(files, "packages/api", DetectOptions.DEFAULT).projects().get(0);
        assertEquals("uv @ ../../pyproject.toml:1", fact(py(api).packageManager()));
        assertEquals("packages/api", py(api).member());
        assertEquals("", py(api).workspaceRoot());
        assertEquals(List.of("packages/api", "packages/jobs", "packages/shared"), py(api).members());
        assertEquals(List.of("pyproject.toml", "uv.lock", "packages/api/pyproject.toml", "packages/jobs/pyproject.toml",
                "packages/shared/pyproject.toml"), py(api).manifests());
        assertEquals("README.md", py(api).readme());
        ProjectFacts jobs = Languages.detectors().detectProject(files, "packages/jobs", DetectOptions.DEFAULT).projects().get(0);
        assertEquals("[/venv/bin/jobs] @ pyproject.toml:8", fact(py(jobs).start()));
        assertEquals("script", py(jobs).kind().value());
    }

    @Test
    void requiresPythonPicksTheLowestSupportedMinor() {
        // 3.10 is past its end of life (PythonEndOfLife), so a range that allows 3.11 gets 3.11
        assertEquals(11, PythonVersion.lowestMinor(">=3.8"));
        assertEquals(10, PythonVersion.lowestMinor(">=3.8,<3.11"), "an ended minor only when the range allows nothing newer");
        assertEquals(12, PythonVersion.lowestMinor(">=3.12,<4"));
        assertEquals(11, PythonVersion.lowestMinor("^3.11"));
        assertEquals(11, PythonVersion.lowestMinor("~=3.11.2"));
        assertEquals(11, PythonVersion.lowestMinor(">3.11"), "3.11.1 > 3.11, as pip reads it");
        assertEquals(13, PythonVersion.lowestMinor("==3.13.*"));
        assertEquals(11, PythonVersion.lowestMinor("<3.12"));
        assertNull(PythonVersion.lowestMinor("<3.9"));
        ProjectFacts p = detect("pyproject.toml", "[project]\nname = \"x\"\nrequires-python = \">=3.9\"\n",
                "main.py", "if __name__ == \"__main__\":\n    print(1)\n");
        assertEquals("3.11 @ pyproject.toml:3", fact(p.languageVersion()));
    }

    @Test
    void malformedTomlIsOneLineWithFileAndLine() {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect("pyproject.toml",
                "[project]\nname = \"x\"\ndependencies = [\"flask\"\n[tool.x]\n"));
        assertEquals(ExitCode.BAD_PROJECT, e.exitCode());
        assertTrue(e.getMessage().matches("pyproject\\.toml:[1-9][0-9]*: not valid TOML \\(.*\\)"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aProjectTemplateIsRefusedAsNotAProjectNotAsMalformed() {
        DockergenException e = assertThrows(DockergenException.class, () -> detect("pyproject.toml",
                "[project]\nname = \"{{ cookiecutter.project_slug }}\"\n{%- if cookiecutter.use_celery == \"y\" %}\n"));
        assertEquals(ExitCode.NOTHING_DETECTED, e.exitCode());
        assertEquals("pyproject.toml:2: a project template (Jinja tags such as {{ cookiecutter.project_slug }}), not a "
                + "project: render it first (cookiecutter DIR) and run dockergen in the folder it writes", e.getMessage());
    }

    /** A setup.py-only package (no requirements, no pyproject): its console script, installed with the package; no crash. */
    @Test
    void aStdlibSetupPyPackageRunsItsConsoleScriptFromTheSource() {
        java.nio.file.Path dir = java.nio.file.Path.of("src", "test", "resources", "python-only-setup-py", "setup-py-cli");
        ProjectFacts p = new PythonDetector().detect(new DirectoryProjectFiles(dir, "setup-py-cli"), DetectOptions.DEFAULT,
                warnings).orElseThrow();
        assertEquals(List.of("greet"), p.start());
        // no install_requires: nothing to install, so the console script's module runs from the source
        assertEquals(List.of(), py(p).manifests());
        assertEquals(List.of("-m", "greet.cli"), py(p).start().value());
        for (var stage : dev.dockergen.Cases.finals(dev.dockergen.detect.Language.PYTHON)) {
            if (stage.id().equals("scratch")) {
                continue;
            }
            String dockerfile = Fixtures.dockergen().generate(new dev.dockergen.GenerateRequest(new DirectoryProjectFiles(dir,
                    "setup-py-cli"), DetectOptions.DEFAULT, null, stage, null)).files().get(0).content();
            assertTrue(!dockerfile.contains("COPY setup.py ./") && !dockerfile.contains("/venv/bin/pip install")
                    && dockerfile.matches("(?s).*ENTRYPOINT \\[\"(/usr/bin|/sbin)/tini\", \"--\", \"/venv/bin/python3\", "
                    + "\"-m\", \"greet.cli\"].*"), dockerfile);
        }
    }

    @Test
    void gunicornsDefaultPortIsSaidAsItsOwnWhenTheCodeSetsNone() {
        ProjectFacts p = detect("requirements.txt", "flask\ngunicorn\n", "app.py", "from flask import Flask\napp = Flask(__name__)\n");
        assertEquals("8000 @ requirements.txt:2", fact(p.port()));
        assertEquals("gunicorn", py(p).portDefault());
        p = detect("requirements.txt", "flask\n", "app.py", "from flask import Flask\napp = Flask(__name__)\n");
        assertEquals("5000 @ requirements.txt:1", fact(p.port()));
        assertEquals("Flask", py(p).portDefault());
    }

    @Test
    void aBindGivenAsAShellVariableIsReadFromItsDefault() {
        ProjectFacts p = detect("requirements.txt", "flask\ngunicorn\n", "wsgi.py",
                "from flask import Flask\napp = Flask(__name__)\n", "bin/docker-entrypoint",
                "#!/bin/sh\nBIND=${WEB_BIND:-[::]:5050}\nexec gunicorn -b \"$BIND\" -w4 wsgi:app\n");
        assertEquals("5050 @ bin/docker-entrypoint:3", fact(p.port()));
        assertEquals(List.of("gunicorn", "--bind", "0.0.0.0:5050", "wsgi:app"), p.start());
    }

    @Test
    void anIncludeOutsideTheProjectIsRefused() {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect("requirements.txt",
                "-r ../secrets/requirements.txt\n", "main.py", "if __name__ == \"__main__\":\n    pass\n"));
        assertEquals("requirements.txt:1: the include '../secrets/requirements.txt' is not a plain path inside the "
                + "project, which a Dockerfile cannot copy", e.getMessage());
    }

    @Test
    void aHostileAppNameCannotReachTheDockerfile() {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect("requirements.txt", "flask\n",
                "my app.py", "from flask import Flask\napp = Flask(__name__)\n"));
        assertTrue(e.getMessage().startsWith("my app.py:2: the app is in my app.py, which is not an importable module"),
                e.getMessage());
    }

    @Test
    void privateIndexesAreFoundInPipConfRequirementsAndPyproject() {
        assertEquals("pip.conf @ pip.conf", fact(py(detect("requirements.txt", "flask\n", "pip.conf", "[global]\n",
                "main.py", "if __name__ == \"__main__\":\n    pass\n")).privateIndex()));
        assertEquals("requirements.txt @ requirements.txt:1", fact(py(detect("requirements.txt",
                "--extra-index-url https://pkgs.internal/simple\nflask\n", "main.py",
                "if __name__ == \"__main__\":\n    pass\n")).privateIndex()));
        assertEquals("[[tool.uv.index]] @ pyproject.toml:4", fact(py(detect("pyproject.toml",
                "[project]\nname = \"x\"\n\n[[tool.uv.index]]\nname = \"corp\"\nurl = \"https://pkgs.internal/simple\"\n",
                "uv.lock", "version = 1\n", "main.py", "if __name__ == \"__main__\":\n    pass\n")).privateIndex()));
        assertEquals("PIP_INDEX_URL @ Makefile:2", fact(py(detect("requirements.txt", "flask\n", "Makefile",
                "install:\n\tPIP_INDEX_URL=$(INDEX) pip install -r requirements.txt\n", "main.py",
                "if __name__ == \"__main__\":\n    pass\n")).privateIndex()));
    }

    @Test
    void twoLockfilesAreAWarningAndUvWins() {
        ProjectFacts p = detect("pyproject.toml", "[project]\nname = \"x\"\n", "uv.lock", "", "poetry.lock", "",
                "main.py", "if __name__ == \"__main__\":\n    pass\n");
        assertEquals("uv", p.packageManager());
        assertEquals("uv.lock: lockfiles of several package managers (uv.lock, poetry.lock); using uv; delete the others",
                warnings.get(0).toString());
    }

    @Test
    void djangoWithOnlyAsgiAndUvicornRunsUvicorn() {
        ProjectFacts p = detect("requirements.txt", "django\nuvicorn\n", "manage.py",
                "if __name__ == \"__main__\":\n    pass\n", "blog/__init__.py", "",
                "site/asgi.py", "from django.core.asgi import get_asgi_application\napplication = get_asgi_application()\n");
        assertEquals("[-m, uvicorn, site.asgi:application, --host, 0.0.0.0, --port, 8000] @ site/asgi.py:2",
                fact(py(p).start()));
    }

    private static final String[] NASTY = {"a", "x-y_z.v2", "\"; RUN curl evil | sh #", "a\nRUN id", "$(id)", "`id`",
        "${HOME}", "a b", "a\\", "\u00fc", "--mount=type=secret", "# comment", "\u0000", "../..", "cmd/x y", "..", "-rf"};

    private static String tomlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\u0000", "\\u0000") + "\"";
    }

    /** Every repository value that could reach the Dockerfile, made hostile: refused on one line, or kept harmless. */
    @Test
    void hostileValuesAreRefusedOrNeverChangeTheDockerfilesShape() {
        java.util.Set<String> keywords = java.util.Set.of("ARG", "FROM", "RUN", "COPY", "ENV", "WORKDIR", "USER", "EXPOSE",
                "LABEL", "HEALTHCHECK", "ENTRYPOINT", "CMD");
        String main = "if __name__ == \"__main__\":\n    pass\n";
        int generated = 0;
        for (String nasty : NASTY) {
            List<Map<String, String>> repos = List.of(
                    Map.of("requirements.txt", "flask\n", nasty + ".py", "from flask import Flask\napp = Flask(__name__)\n"),
                    Map.of("requirements.txt", "-r " + nasty + "\n", "main.py", main),
                    Map.of(".python-version", nasty + "\n", "requirements.txt", "", "main.py", main),
                    Map.of("pyproject.toml", "[project]\nname = " + tomlString(nasty) + "\nreadme = " + tomlString(nasty)
                            + "\n[project.scripts]\n" + tomlString(nasty) + " = \"m:f\"\n[build-system]\nrequires = []\n",
                            "main.py", main),
                    Map.of("requirements.txt", "", nasty.replace("\u0000", "") + "/__main__.py", main),
                    Map.of("pyproject.toml", "[project]\nname = \"x\"\nrequires-python = " + tomlString(nasty) + "\n",
                            "main.py", main));
            for (Map<String, String> repo : repos) {
                for (dev.dockergen.preset.FinalStage stage : List.of(dev.dockergen.preset.FinalStage.ALPINE,
                        dev.dockergen.preset.FinalStage.DISTROLESS)) {
                    try {
                        String dockerfile = Fixtures.dockergen().generate(new dev.dockergen.GenerateRequest(
                                new MemoryProjectFiles("r", new TreeMap<>(repo)), DetectOptions.DEFAULT, null, stage, null))
                                .files().get(0).content();
                        generated++;
                        for (String line : dockerfile.split("\n")) {
                            assertTrue(line.isEmpty() || line.startsWith("#") || line.startsWith("    ")
                                    || keywords.contains(line.split(" ")[0]), "'" + nasty + "' made the line: " + line);
                            assertTrue(!line.contains("curl evil") || line.startsWith("#"), line);
                        }
                    } catch (dev.dockergen.DockergenException e) {
                        assertTrue(!e.getMessage().contains("\n"), "one-line error: " + e.getMessage());
                    }
                }
            }
        }
        assertTrue(generated > 20, "the harmless names still generate: " + generated);
    }

    @Test
    void aPrivateIndexIsABuildSecretNeverCopiedNorAnArg() {
        var result = Fixtures.dockergen().generate(new dev.dockergen.GenerateRequest(new MemoryProjectFiles("r", new TreeMap<>(
                Map.of("requirements.txt", "flask\ngunicorn\n", "pip.conf", "[global]\nindex-url = https://u:p@pkgs.internal/simple\n",
                        "app.py", "from flask import Flask\napp = Flask(__name__)\n"))),
                DetectOptions.DEFAULT, null, dev.dockergen.preset.FinalStage.DISTROLESS, null));
        String dockerfile = result.files().get(0).content();
        assertTrue(dockerfile.contains("RUN --mount=type=cache,target=/root/.cache/pip \\\n"
                + "    --mount=type=secret,id=pipconf,target=/etc/pip.conf \\\n"
                + "    /venv/bin/pip install -r requirements.txt\n"), dockerfile);
        assertTrue(!dockerfile.contains("COPY pip.conf") && !dockerfile.contains("pkgs.internal"), dockerfile);
        assertTrue(result.files().get(1).content().contains("\npip.conf\n"), "pip.conf stays out of the context");
        var uv = Fixtures.dockergen().generate(new dev.dockergen.GenerateRequest(new MemoryProjectFiles("r", new TreeMap<>(
                Map.of("pyproject.toml", "[project]\nname = \"x\"\n[[tool.uv.index]]\nname = \"corp\"\nurl = \"https://pkgs.internal/simple\"\n",
                        "uv.lock", "version = 1\n", "main.py", "if __name__ == \"__main__\":\n    pass\n"))),
                DetectOptions.DEFAULT, null, dev.dockergen.preset.FinalStage.ALPINE, null));
        assertTrue(uv.files().get(0).content().contains("--mount=type=secret,id=netrc,target=/root/.netrc"),
                uv.files().get(0).content());
    }

    @Test
    void pdmWithAPortFromTheEnvironmentDefault() {
        ProjectFacts p = fixture("pdm-flask");
        assertEquals("pdm @ pdm.lock", fact(py(p).packageManager()));
        assertEquals(List.of("pyproject.toml", "pdm.lock"), py(p).manifests());
        assertEquals("3.11 @ pyproject.toml:4", fact(p.languageVersion()));
        assertEquals("8081 @ service.py:6", fact(p.port()));
        assertEquals("/ping @ service.py:9", fact(py(p).healthPath()));
    }

    @Test
    void requirementsThatInstallTheProjectItselfInstallAfterTheSource() {
        var result = Fixtures.dockergen().generate(new dev.dockergen.GenerateRequest(new MemoryProjectFiles("r", new TreeMap<>(
                Map.of("requirements.txt", "requests\n-e .\n", "setup.py", "", "main.py",
                        "if __name__ == \"__main__\":\n    pass\n"))),
                DetectOptions.DEFAULT, null, dev.dockergen.preset.FinalStage.ALPINE, null));
        String dockerfile = result.files().get(0).content();
        assertTrue(dockerfile.contains("COPY . .\nRUN --mount=type=cache,target=/root/.cache/pip \\\n"
                + "    /venv/bin/pip install -r requirements.txt\n"), dockerfile);
        assertTrue(result.warnings().stream().anyMatch(w -> w.toString().startsWith("requirements.txt:2: this line installs")),
                result.warnings().toString());
    }

    @Test
    void aStatedMinimumIsTheVersionWhereNoManifestGivesOne() {
        String app = "from flask import Flask\napp = Flask(__name__)\n";
        assertEquals("3.11 @ setup.cfg:3", fact(detect("requirements.txt", "flask\n", "app.py", app,
                "setup.cfg", "[options]\npackages = find:\npython_requires = >=3.9\n").languageVersion()));
        assertEquals("3.12 @ README.md:3", fact(detect("requirements.txt", "flask\n", "app.py", app,
                "README.md", "# app\n\n* Python 3.12+\n").languageVersion()));
        assertEquals("3.13 @ README.md:1", fact(detect("requirements.txt", "flask\n", "app.py", app,
                "README.md", "[badge]: https://img.shields.io/badge/python->=3.13-blue\n").languageVersion()));
        assertEquals("3.11 @ README.md:2", fact(detect("requirements.txt", "flask\n", "app.py", app,
                "README.md", "Required:\n- [Python >= 3.5](https://www.python.org)\n").languageVersion()));
        // a Python 2 line or a version in passing is not a minimum
        assertNull(detect("requirements.txt", "flask\n", "app.py", app,
                "README.md", "Works with Python 2.7+ and was tested on Python 3.9.\n").languageVersion());
    }
}
