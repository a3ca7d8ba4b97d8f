package dev.dockergen.lang.python;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's own uWSGI configuration: the ini its Procfile or start script passes to {@code uwsgi}, else an ini near
 * the root with a {@code [uwsgi]} section that names the app ({@code module =}, {@code wsgi-file =}). Its
 * {@code http}/{@code http-socket} line gives the port, or says the port is read from {@code $(PORT)}.
 */
final class PythonServers {
    private static final Pattern UWSGI_COMMAND = Pattern.compile("(?:^|[\\s;&|(])(?:exec\\s+)?(?:\\S*/)?uwsgi\\s+(?:--ini\\s+)?['\"]?([A-Za-z0-9._/-]+\\.ini)\\b");
    private static final Pattern APP_LINE = Pattern.compile("^\\s*(module|wsgi-file|wsgi)\\s*=\\s*\\S");
    private static final Pattern HTTP_LINE = Pattern.compile("^\\s*(?:http|http-socket)\\s*=\\s*[^:\\s]*:(\\S+)");
    private static final Pattern SCRIPT = Pattern.compile("(^|/)([^/]*\\.sh|docker-entrypoint[^/]*|entrypoint[^/]*|bin/[^/.]+)$");

    /**
     * @param file the ini, relative to the project
     * @param source where it was found (the command that passes it, or its [uwsgi] line)
     * @param port the port its http line binds, or null
     * @param portEnv the http line reads the port from $(PORT): the image must set PORT
     */
    record Uwsgi(String file, Source source, Fact<Integer> port, Source portEnv) {
    }

    private PythonServers() {
    }

    static Uwsgi uwsgi(ProjectFiles files) {
        List<String> launchers = new ArrayList<>();
        if (files.isFile("Procfile")) {
            launchers.add("Procfile");
        }
        List<String> all = files.walk("", 2, PythonDetector.SKIPPED);
        all.stream().filter(p -> SCRIPT.matcher(p).find()).sorted().limit(50).forEach(launchers::add);
        for (String launcher : launchers) {
            String[] lines = lines(files, launcher);
            for (int i = 0; i < lines.length; i++) {
                if (launcher.equals("Procfile") && !lines[i].startsWith("web:") || lines[i].strip().startsWith("#")) {
                    continue;
                }
                Matcher m = UWSGI_COMMAND.matcher(lines[i]);
                if (m.find()) {
                    String ini = m.group(1).replaceFirst("^\\./", "");
                    if (PythonDetector.isSafePath(ini) && files.isFile(ini)) {
                        return read(files, ini, Source.of(launcher, i + 1));
                    }
                }
            }
        }
        for (String ini : all.stream().filter(p -> p.endsWith(".ini")).sorted().limit(200).toList()) {
            String[] lines = lines(files, ini);
            boolean section = false;
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.startsWith("[")) {
                    section = l.equals("[uwsgi]");
                } else if (section && APP_LINE.matcher(l).find() && PythonDetector.isSafePath(ini)) {
                    return read(files, ini, Source.of(ini, i + 1));
                }
            }
        }
        return null;
    }

    private static Uwsgi read(ProjectFiles files, String ini, Source source) {
        String[] lines = lines(files, ini);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HTTP_LINE.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            String port = m.group(1);
            if (port.matches("[0-9]{2,5}") && Integer.parseInt(port) <= 65535) {
                return new Uwsgi(ini, source, Fact.of(Integer.valueOf(port), ini, i + 1), null);
            }
            if (port.equals("$(PORT)")) {
                return new Uwsgi(ini, source, null, Source.of(ini, i + 1));
            }
        }
        return new Uwsgi(ini, source, null, null);
    }

    private static String[] lines(ProjectFiles files, String path) {
        try {
            String text = files.read(path).orElse("");
            return text.length() > 65536 ? new String[0] : text.split("\n", -1);
        } catch (dev.dockergen.detect.ProjectInputException e) {
            return new String[0];
        }
    }
}
