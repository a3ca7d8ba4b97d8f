package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonModules.MODULE;

import dev.dockergen.detect.ProjectFiles;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Python program runs, read back from its start command: the file of the module a WSGI/ASGI server or
 * {@code flask --app} serves ({@code app/main.py}), the module (or package folder) a Celery worker loads, a
 * locustfile, the file or package {@code python} runs, and for a console script the top-level module or package
 * of the function it calls. Null when the command names nothing of the project's own.
 */
final class PythonArtefact {
    private static final Pattern UWSGI_APP = Pattern.compile("^\\s*(wsgi-file|module)\\s*=\\s*([A-Za-z0-9_./:]+)");

    private PythonArtefact() {
    }

    /**
     * @param start the start words as the planner gets them ("-m", "gunicorn", ...; "/venv/bin/NAME", ...; "FILE.py")
     * @param scriptModule the module file a console script runs, or null
     */
    static String of(ProjectFiles files, List<String> start, String scriptModule) {
        if (start == null || start.isEmpty()) {
            return null;
        }
        String first = start.get(0);
        if (first.startsWith("/venv/bin/")) {
            String program = first.substring("/venv/bin/".length());
            String dir = option(start, "--workdir", "");
            if (program.equals("celery")) {
                return moduleOrPackage(files, dir, option(start, "-A", null));
            }
            if (program.equals("locust")) {
                return option(start, "-f", null);
            }
            if (program.equals("waitress-serve")) {
                return moduleFile(files, "", start.get(start.size() - 1));
            }
            if (program.equals("fastapi")) {
                // fastapi run PATH: the file, or the package's __init__.py; without one, the module that builds the app
                String path = start.get(start.size() - 1);
                return path.endsWith(".py") ? path : files.isFile(path + "/__init__.py") ? path + "/__init__.py" : scriptModule;
            }
            if (program.equals("supervisord") && start.size() > 2) {
                return PythonWorkers.supervisedFile(files, start.get(2));
            }
            if (program.equals("uwsgi") && start.size() > 1) {
                return uwsgiApp(files, start.get(1));
            }
            if (scriptModule != null) {
                // a console script: the top-level module or package holding the function it calls
                String top = scriptModule.startsWith("src/") ? scriptModule.substring(4) : scriptModule;
                int slash = top.indexOf('/');
                return slash < 0 ? scriptModule : scriptModule.substring(0, scriptModule.length() - top.length() + slash);
            }
            return null;
        }
        if (first.equals("-m") && start.size() > 1) {
            String runner = start.get(1);
            switch (runner) {
                case "gunicorn" -> {
                    return moduleFile(files, option(start, "--chdir", ""), start.get(start.size() - 1));
                }
                case "uvicorn" -> {
                    return start.size() > 2 ? moduleFile(files, option(start, "--app-dir", ""), start.get(2)) : null;
                }
                case "flask" -> {
                    // flask --app pkg names the package: its folder, as for celery -A
                    String app = option(start, "--app", null);
                    return app == null ? null : moduleOrPackage(files, "", app.replaceFirst(":.*$", ""));
                }
                default -> {
                    String main = ProjectFiles.join(runner.replace('.', '/'), "__main__.py");
                    if (files.isFile(runner.replace('.', '/') + ".py")) {
                        return runner.replace('.', '/') + ".py"; // -m pkg.module: that module's file
                    }
                    for (String dir : List.of("", "src")) {
                        if (files.isFile(ProjectFiles.join(dir, main))) {
                            return ProjectFiles.join(dir, main);
                        }
                    }
                    return null;
                }
            }
        }
        return first.endsWith(".py") || files.isFile(first) ? first : null;
    }

    /** The app an ini's {@code wsgi-file =} or {@code module =} names, when it is a file of the project. */
    private static String uwsgiApp(ProjectFiles files, String ini) {
        for (String line : files.read(ini).orElse("").split("\n")) {
            Matcher m = UWSGI_APP.matcher(line);
            if (m.find()) {
                String app = m.group(2).strip();
                String file = m.group(1).equals("wsgi-file") ? app : moduleFile(files, "", app);
                if (file != null && files.isFile(file)) {
                    return file;
                }
            }
        }
        return null;
    }

    private static String option(List<String> words, String name, String otherwise) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals(name) && i + 1 < words.size()) {
                return words.get(i + 1);
            }
            if (words.get(i).startsWith(name + "=")) {
                return words.get(i).substring(name.length() + 1);
            }
        }
        return otherwise;
    }

    /** The file of a module:attr target (x.py, or x/__init__.py for a package), from dir; null when it is not ours. */
    private static String moduleFile(ProjectFiles files, String dir, String target) {
        if (target == null) {
            return null;
        }
        String module = target.replaceFirst(":.*$", "");
        if (!MODULE.matcher(module).matches()) {
            return null;
        }
        String base = ProjectFiles.join(dir, module.replace('.', '/'));
        return files.isFile(base + ".py") ? base + ".py" : files.isFile(base + "/__init__.py") ? base + "/__init__.py" : null;
    }

    /** A module's file, or a package's folder (celery -A proj loads proj.celery). */
    private static String moduleOrPackage(ProjectFiles files, String dir, String module) {
        if (module == null || !MODULE.matcher(module).matches()) {
            return null;
        }
        String base = ProjectFiles.join(dir, module.replace('.', '/'));
        return files.isFile(base + ".py") ? base + ".py" : files.isFile(base + "/__init__.py") ? base : null;
    }
}
