package dev.dockergen.lang.python;

import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the repository itself starts its WSGI/ASGI server: the {@code web:} line of a Procfile, else a start script
 * ({@code *.sh}, {@code bin/*}, {@code docker-entrypoint*}) that runs gunicorn or uvicorn. Gives the app target the
 * authors serve ({@code microblog:app}, {@code locallibrary.wsgi}) and the bind address and port they pass, each with
 * its line. A bind given as a variable ({@code -b "$BIND"}) is read from that variable's assignment in the same file,
 * its {@code ${X:-default}} default included.
 *
 * @param server gunicorn or uvicorn
 * @param target the module or module:attribute served, or null
 * @param host the address it binds, or null when the command gives none
 * @param port the port it binds, or null when the command gives none (or only a variable without a default)
 * @param source the line of the command
 * @param portSource the line that gives the port (and address), or null
 * @param configured the command reads a config file (gunicorn -c, or the gunicorn.conf.py it reads by default) that may bind
 */
record PythonLaunch(String server, String target, String host, Integer port, Source source, Source portSource,
                    boolean configured) {
    private static final Pattern COMMAND = Pattern.compile(
            "(?:^|[\\s;&|(])(?:exec\\s+)?(?:\\S*/)?(gunicorn|uvicorn|fastapi(?=\\s+(?:run|dev)\\b))\\s+([^;&|#]*)");
    /** The repository's own container file: its CMD or ENTRYPOINT (exec form or shell form) is a start command too. */
    private static final Pattern CONTAINER_FILE = Pattern.compile("(^|/)(Dockerfile|Containerfile)(\\.[^/]*)?$|\\.[Dd]ockerfile$");
    private static final Pattern CMD_LINE = Pattern.compile("^\\s*(?:CMD|ENTRYPOINT)\\s+");
    private static final Pattern TARGET = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*(:[A-Za-z_][A-Za-z0-9_]*(\\(\\))?)?");
    /** Options of gunicorn and uvicorn that take a value (so the value is not the app). */
    private static final Set<String> VALUED = Set.of("-b", "--bind", "-w", "--workers", "-k", "--worker-class", "-c",
            "--config", "--chdir", "-t", "--timeout", "--threads", "-n", "--name", "--log-file", "--access-logfile",
            "--error-logfile", "--log-level", "--pythonpath", "-e", "--env", "--keep-alive", "--max-requests",
            "--max-requests-jitter", "--graceful-timeout", "--worker-connections", "-u", "-g", "--user", "--group",
            "--pid", "--forwarded-allow-ips", "--certfile", "--keyfile", "--limit-request-line", "--host", "--port",
            "--app-dir", "--root-path", "--env-file", "--lifespan", "--loop", "--http", "--ws", "--uds", "--fd",
            "--log-config", "--timeout-keep-alive", "--limit-concurrency", "--backlog", "--ssl-keyfile", "--ssl-certfile");
    private static final Pattern SCRIPT = Pattern.compile("(^|/)([^/]*\\.sh|docker-entrypoint[^/]*|entrypoint[^/]*|bin/[^/.]+)$");

    /**
     * The Procfile's web line, else the first start script near the root that runs gunicorn or uvicorn; or null. A
     * command that binds no port (Procfile {@code gunicorn app:app}, which gets $PORT) takes the port and address of
     * a start script that runs the same server with one (boot.sh {@code gunicorn -b :5000 ...}).
     */
    static PythonLaunch find(ProjectFiles files) {
        List<PythonLaunch> all = new ArrayList<>();
        if (files.isFile("Procfile")) {
            String[] lines = lines(files, "Procfile");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("web:")) {
                    PythonLaunch l = parse(lines, i, "Procfile", files.isFile("gunicorn.conf.py"));
                    if (l != null) {
                        all.add(l);
                    }
                }
            }
        }
        List<String> scripts = files.walk("", 2, PythonDetector.SKIPPED).stream()
                .filter(p -> SCRIPT.matcher(p).find()).sorted().limit(50).toList();
        for (String script : scripts) {
            String[] lines = lines(files, script);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].strip().startsWith("#")) {
                    PythonLaunch l = parse(lines, i, script, files.isFile("gunicorn.conf.py"));
                    if (l != null) {
                        all.add(l);
                    }
                }
            }
        }
        List<String> containerFiles = files.walk("", 1, PythonDetector.SKIPPED).stream()
                .filter(p -> CONTAINER_FILE.matcher(p).find()).sorted().limit(20).toList();
        for (String file : containerFiles) {
            String[] lines = lines(files, file);
            if (dev.dockergen.detect.DockerfileEvidence.writtenByDockergen(String.join("\n", lines))) {
                continue; // the file dockergen wrote last time says what dockergen chose, not what the project runs
            }
            for (int i = 0; i < lines.length; i++) {
                if (CMD_LINE.matcher(lines[i]).find()) {
                    String[] words = lines.clone();
                    words[i] = lines[i].replaceFirst("^\\s*(?:CMD|ENTRYPOINT)\\s+", "").replaceAll("[\\[\\]\",]", " ");
                    PythonLaunch l = parse(words, i, file, files.isFile("gunicorn.conf.py"));
                    if (l != null) {
                        all.add(l);
                    }
                }
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        PythonLaunch first = all.get(0);
        if (first.port() == null) {
            for (PythonLaunch l : all) {
                if (l.port() != null && l.server().equals(first.server())) {
                    return new PythonLaunch(first.server(), first.target() != null ? first.target() : l.target(),
                            l.host(), l.port(), first.source(), l.portSource(), first.configured());
                }
            }
        }
        return first;
    }

    private static String[] lines(ProjectFiles files, String path) {
        try {
            String text = files.read(path).orElse("");
            return text.length() > 65536 ? new String[0] : text.split("\n", -1);
        } catch (ProjectInputException e) {
            return new String[0];
        }
    }

    private static PythonLaunch parse(String[] lines, int at, String file, boolean defaultConfig) {
        Matcher m = COMMAND.matcher(lines[at]);
        if (!m.find()) {
            return null;
        }
        String server = m.group(1);
        List<String> words = new ArrayList<>();
        for (String w : m.group(2).strip().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w.replaceAll("^[\"']|[\"']$", ""));
            }
        }
        String target = null;
        String bind = null;
        String host = null;
        String port = null;
        boolean configured = server.equals("gunicorn") && defaultConfig;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String option = w.contains("=") && w.startsWith("--") ? w.substring(0, w.indexOf('=')) : w;
            String value = w.contains("=") && w.startsWith("--") ? w.substring(w.indexOf('=') + 1)
                    : VALUED.contains(w) && i + 1 < words.size() ? words.get(++i) : null;
            if (w.startsWith("-b") && w.length() > 2 && !w.startsWith("--")) {
                option = "-b";
                value = w.substring(2);
            }
            if (w.startsWith("-")) {
                switch (option) {
                    case "-b", "--bind" -> bind = bind == null ? value : bind;
                    case "--host" -> host = value;
                    case "--port" -> port = value;
                    case "-c", "--config", "--log-config" -> configured = true;
                    default -> {
                    }
                }
            } else if (server.equals("fastapi")) {
                // fastapi run|dev [PATH]: the file or package folder to serve (else it finds main.py, app/main.py)
                target = i == 0 ? null : w;
            } else if (TARGET.matcher(w).matches()) {
                target = server.equals("uvicorn") && target != null ? target : w;
            }
        }
        if (bind != null) {
            bind = variable(lines, at, bind);
            int colon = bind.lastIndexOf(':');
            if (colon >= 0) {
                host = bind.substring(0, colon).replaceAll("^\\[|]$", "");
                host = host.isEmpty() ? "0.0.0.0" : host;
                port = bind.substring(colon + 1);
            } else if (!bind.startsWith("unix:")) {
                host = bind;
            }
        }
        if (port != null) {
            port = variable(lines, at, port);
        }
        Integer p = port != null && port.matches("[0-9]{2,5}") ? Integer.valueOf(port) : null;
        if (p != null && (p < 1 || p > 65535)) {
            p = null;
        }
        if (host != null && !host.matches("[A-Za-z0-9.:_-]+")) {
            host = null; // a variable without a default, say
        }
        Source at1 = Source.of(file, at + 1);
        return new PythonLaunch(server, target, host, p, at1, p == null ? null : at1, configured);
    }

    /** A value given as $X or ${X}: X's assignment above in the same file, its ${Y:-default} default when it has one. */
    private static String variable(String[] lines, int at, String value) {
        Matcher ref = Pattern.compile("^\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?$").matcher(value);
        String v = value;
        if (ref.matches()) {
            Pattern assign = Pattern.compile("^\\s*(?:export\\s+|local\\s+)?" + ref.group(1) + "=(\\S+)");
            for (int i = at; i >= 0; i--) {
                Matcher a = assign.matcher(lines[i]);
                if (a.find()) {
                    v = a.group(1).replaceAll("^[\"']|[\"']$", "");
                    break;
                }
            }
        }
        Matcher def = Pattern.compile("^\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-(.*)}$").matcher(v);
        return def.matches() ? def.group(1) : v;
    }
}
