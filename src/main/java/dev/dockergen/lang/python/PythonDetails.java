package dev.dockergen.lang.python;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.LanguageDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python facts the planner needs.
 *
 * @param packageManager pip, poetry, pipenv, uv or pdm, with the file it came from
 * @param manifests files the dependency layer copies before the install, in order (relative to the build context)
 * @param lockfile the lockfile among them, or null (then the install is not reproducible)
 * @param requirements pip: the requirements file installed (its -r/-c includes are in manifests), or null
 * @param requirementsNeedSource pip: a requirements line installs the project itself ("-e ."), so they install after the source
 * @param kind WEB (serves a port), SCRIPT (a program without a port: worker, job)
 * @param server gunicorn or uvicorn when the start command uses one the project depends on (its declaration), or null
 * @param serverFallback why the start command does not use a production server, or null when it does (or needs none)
 * @param start how the program starts, as words after the venv's python ("-m", "gunicorn", ...); or a console
 *              script as "/venv/bin/NAME" alone
 * @param isPackage the project is a package (pyproject [build-system] or [project] with sources): installed after the source
 * @param readme the README the package build reads (pyproject readme), or null
 * @param privateIndex where the project shows it uses a private package index (pip.conf, [[tool.uv.index]]...), or null
 * @param requiresPython the requires-python range the project declares (for the distroless version check), or null
 * @param workspaceRoot uv workspace member: the workspace root, relative to the repository ("" the root), else null
 * @param member uv workspace member: this project's path in the workspace ("packages/api"), else null
 * @param members uv workspace: every member's path, relative to the workspace root
 * @param packageName the distribution name (for uv --package), or null
 * @param healthPath a route that looks like a health endpoint, or null
 * @param healthCommand the arguments that run the program's own health check (--healthcheck, a healthcheck
 *                      subcommand) in the file the image starts, or null
 * @param name a name safe as an image name
 * @param listedDependencies pyproject.toml's [project] dependencies are a static list (not dynamic): pip can install
 *     them before the source even without a requirements file or lockfile
 * @param portDefault whose default the port is (Flask, Django, gunicorn, uvicorn), or null when a file of the project gives it
 * @param artefact what the start command runs of the project: the module file a server serves, the worker's module,
 *                 the file python runs, a console script's top-level package; or null
 * @param portEnv the line of the server's configuration that reads its port from $PORT (the image sets PORT), or null
 * @param programs a folder with a web app and a worker, none chosen: the values of {@code --main} (web, worker); else empty
 * @param fromSource why the image installs nothing and runs the program from its copied source (a stdlib-only
 *                   package, requirements that are not the program's), or null when it installs
 * @param sourceRoot running from the source: the folder PYTHONPATH names ("" the working directory, "src"), or null
 * @param certificates .pem files holding only certificates (a vendored CA bundle): the .dockerignore keeps them
 * @param curses the first of the program's files that imports curses (it needs a terminfo database), or null
 * @param dataFiles files the project installs at an absolute path the program reads (data_files): the runtime stage
 *                  copies them there
 */
public record PythonDetails(
        Fact<String> packageManager,
        List<String> manifests,
        String lockfile,
        String requirements,
        boolean requirementsNeedSource,
        Fact<String> kind,
        Fact<String> server,
        String serverFallback,
        Fact<List<String>> start,
        boolean isPackage,
        String readme,
        Fact<String> privateIndex,
        Fact<String> requiresPython,
        String workspaceRoot,
        String member,
        List<String> members,
        String packageName,
        Fact<String> healthPath,
        Fact<List<String>> healthCommand,
        String name,
        boolean listedDependencies,
        String portDefault,
        String artefact,
        dev.dockergen.detect.Source portEnv,
        List<String> programs,
        String fromSource,
        String sourceRoot,
        List<String> certificates,
        String curses,
        List<PythonDataFiles.Placed> dataFiles) implements LanguageDetails {

    public static final String WEB = "web";
    public static final String SCRIPT = "script";
    /** A static site a generator builds (MkDocs): no start command; the output folder is the artefact. */
    public static final String STATIC = "static";
    /** A worker started by a dependency's console script (celery, rq, locust): no port. */
    public static final String WORKER = "worker";

    public PythonDetails {
        manifests = List.copyOf(manifests);
        members = List.copyOf(members);
        programs = List.copyOf(programs);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        dataFiles = dataFiles == null ? List.of() : List.copyOf(dataFiles);
    }

    @Override
    public List<String> programs() {
        return programs;
    }

    @Override
    public String title() {
        return name;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("packageManager", packageManager);
        m.put("manifests", manifests);
        m.put("lockfile", lockfile);
        m.put("requirements", requirements);
        m.put("requirementsNeedSource", requirementsNeedSource);
        m.put("kind", kind);
        m.put("server", server);
        m.put("serverFallback", serverFallback);
        m.put("startCommand", start);
        m.put("package", isPackage);
        m.put("readme", readme);
        m.put("privateIndex", privateIndex);
        m.put("requiresPython", requiresPython);
        m.put("workspaceRoot", workspaceRoot);
        m.put("member", member);
        m.put("members", members);
        m.put("healthPath", healthPath);
        if (healthCommand != null) {
            m.put("healthCommand", healthCommand);
        }
        m.put("portDefault", portDefault);
        if (portEnv != null) {
            m.put("portEnv", portEnv.toString());
        }
        if (!programs.isEmpty()) {
            m.put("mainCandidates", programs);
        }
        if (fromSource != null) {
            m.put("fromSource", fromSource);
        }
        if (!dataFiles.isEmpty()) {
            List<Map<String, Object>> placed = new java.util.ArrayList<>();
            for (PythonDataFiles.Placed d : dataFiles) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("sources", d.sources());
                one.put("target", d.target());
                one.put("declared", d.declared().toString());
                one.put("read", d.read().toString());
                placed.add(one);
            }
            m.put("dataFiles", placed);
        }
        if (artefact != null) {
            m.put(STATIC.equals(kind.value()) ? "staticDir" : "artefact", artefact);
        }
        return m;
    }
}
