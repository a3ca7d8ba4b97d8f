package dev.dockergen.lang.python;

import static dev.dockergen.lang.python.PythonDetector.isSafePath;
import static dev.dockergen.lang.python.PythonModules.module;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import dev.dockergen.lang.python.PythonModules.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worker a dependency's console script starts: a supervisord configuration of the project's own that runs the
 * worker processes, Celery (the module that binds the Celery app), locust (its locustfile), rq. Found whether or not
 * the folder also holds a web app: beside one, the worker is a second program of the same folder (chosen with
 * {@code --main worker}).
 */
final class PythonWorkers {
    private static final Pattern CELERY_APP = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:celery\\.)?Celery\\(");
    /** A module-level binding under the names Celery's documentation gives the app: {@code celery_app = flask_app.extensions["celery"]}. */
    private static final Pattern CELERY_NAMED = Pattern.compile("^(celery_app|celery)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*\\S");
    private static final Pattern LOCUST_HOST = Pattern.compile("^\\s+host\\s*=");
    private static final Pattern PROGRAM_SECTION = Pattern.compile("^\\[program:[^]]+]");
    private static final Pattern COMMAND = Pattern.compile("^command\\s*=\\s*(.+)$");

    /**
     * @param framework celery, rq or locust, with its declaration
     * @param start the start words ("/venv/bin/celery", ...)
     * @param warning what the worker needs to be told when it runs, or null
     */
    record Worker(Fact<String> framework, Fact<List<String>> start, Warning warning) {
    }

    private PythonWorkers() {
    }

    static Worker find(ProjectFiles files, Map<String, Source> deps, PythonScan scan) {
        Worker supervised = supervisord(files, deps, scan);
        if (supervised != null) {
            return supervised;
        }
        if (deps.containsKey("celery")) {
            Fact<String> app = scan.app(CELERY_APP);
            app = app != null ? app : scan.app(CELERY_NAMED);
            if (app != null) {
                Module mod = module(app);
                // the app in a package's celery.py: -A pkg, which Celery resolves to pkg.celery (its documented layout)
                String name = mod.name().endsWith(".celery") ? mod.name().substring(0, mod.name().length() - 7) : mod.name();
                List<String> w = new ArrayList<>(List.of("/venv/bin/celery", "-A", name, "worker", "--loglevel=INFO"));
                if (!mod.dir().isEmpty()) {
                    w.add(1, "--workdir=" + mod.dir());
                }
                return new Worker(Fact.of("celery", deps.get("celery")), Fact.of(w, app.source()), null);
            }
        }
        if (deps.containsKey("locust")) {
            String file = scan.sources().stream().filter(p -> ProjectFiles.fileName(p).equals("locustfile.py"))
                    .findFirst().orElse(null);
            if (file != null && isSafePath(file)) {
                Warning w = scan.first(List.of(file), LOCUST_HOST) != null ? null : new Warning(Source.of(file), "no User "
                        + "class sets host, so locust needs the target: set LOCUST_HOST when the container runs "
                        + "(docker run -e LOCUST_HOST=http://app:8080 IMAGE)");
                return new Worker(Fact.of("locust", deps.get("locust")),
                        Fact.of(List.of("/venv/bin/locust", "-f", file, "--headless"), Source.of(file)), w);
            }
        }
        if (deps.containsKey("rq")) {
            return new Worker(Fact.of("rq", deps.get("rq")), Fact.of(List.of("/venv/bin/rq", "worker"), deps.get("rq")), null);
        }
        return null;
    }

    /**
     * supervisord (a dependency) with a configuration of the project's own in its top folder ({@code [supervisord]}
     * and a {@code [program:x]}) beside a worker library (rq, celery): the authors run their workers under it, so the
     * worker program is {@code supervisord -c FILE}.
     */
    private static Worker supervisord(ProjectFiles files, Map<String, Source> deps, PythonScan scan) {
        String library = deps.containsKey("rq") ? "rq" : deps.containsKey("celery") ? "celery" : null;
        if (!deps.containsKey("supervisor") || library == null) {
            return null;
        }
        for (String conf : files.walk("", 0, d -> true).stream().filter(p -> !p.contains("/") && p.endsWith(".conf"))
                .sorted().limit(50).toList()) {
            String[] lines = scan.lines(conf);
            boolean own = false;
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                own |= l.equals("[supervisord]");
                if (own && PROGRAM_SECTION.matcher(l).find() && isSafePath(conf)) {
                    return new Worker(Fact.of(library, deps.get(library)),
                            Fact.of(List.of("/venv/bin/supervisord", "-c", conf), Source.of(conf, i + 1)), null);
                }
            }
        }
        return null;
    }

    /** The project file the first program of a supervisord configuration runs ({@code command=./manage.py rq worker}), or null. */
    static String supervisedFile(ProjectFiles files, String conf) {
        boolean program = false;
        for (String line : files.read(conf).orElse("").split("\n")) {
            String l = line.strip();
            if (l.startsWith("[")) {
                program = PROGRAM_SECTION.matcher(l).find();
                continue;
            }
            Matcher m = COMMAND.matcher(l);
            if (program && m.find()) {
                String[] words = m.group(1).strip().split("\\s+");
                int at = words[0].matches("(?:\\S*/)?python[0-9.]*") && words.length > 1 ? 1 : 0;
                String file = words[at].replaceFirst("^\\./", "");
                return isSafePath(file) && files.isFile(file) ? file : null;
            }
        }
        return null;
    }
}
