package dev.dockergen.lang.python;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-wise scans of the project's own .py files, skipping comment lines. */
final class PythonScan {
    static final Pattern MAIN_GUARD = Pattern.compile("^if\\s+__name__\\s*==\\s*['\"]__main__['\"]\\s*:");
    private static final Pattern PORT_RUN = Pattern.compile("\\.run\\([^#]*\\bport\\s*=\\s*(?:int\\([^)]*?['\"]?)?['\"]?([0-9]{2,5})\\b");
    private static final Pattern PORT_ENV = Pattern.compile(
            "(?:environ\\.get|getenv)\\(\\s*['\"]PORT['\"]\\s*,\\s*['\"]?([0-9]{2,5})");
    private static final Pattern PORT_SERVER = Pattern.compile(
            "(?:HTTPServer|make_server|TCPServer)\\(\\s*\\(\\s*['\"][^'\"]*['\"]\\s*,\\s*([0-9]{2,5})\\s*\\)");
    /** argparse: add_argument("-p", "--port", ..., default=8000) or a positional "port" with a default, on one line. */
    private static final Pattern PORT_ARG = Pattern.compile(
            "add_argument\\((?:\\s*['\"][^'\"]*['\"]\\s*,)*\\s*['\"](?:-p|(?:--?)?port)['\"][^)]*\\bdefault\\s*=\\s*['\"]?([0-9]{2,5})\\b");
    /** Django's runserver called from the project's own code: call_command("runserver", "0.0.0.0:8000"). */
    private static final Pattern PORT_RUNSERVER = Pattern.compile(
            "['\"]runserver['\"]\\s*,\\s*['\"](?:[\\w.\\[\\]:]*:)?([0-9]{2,5})['\"]");
    private static final Pattern PORT_CONST = Pattern.compile("^PORT\\s*=\\s*(?:int\\([^)]*?)?['\"]?([0-9]{2,5})\\b");
    /** A settings class field (pydantic BaseSettings, a dataclass): {@code API_PORT: int = 9000}, {@code port: int = 8080}. */
    private static final Pattern PORT_SETTING = Pattern.compile(
            "(?i)^\\s+(?:(?:api|app|server|http|web|listen)_)?port\\s*:\\s*int\\s*=\\s*([0-9]{2,5})\\b");
    private static final Pattern SERVES = Pattern.compile(
            "^\\s*(?:from|import)\\s+(http\\.server|wsgiref|socketserver|aiohttp|asyncio)\\b|\\.serve_forever\\(|start_server\\(");

    private final ProjectFiles files;
    private final List<String> sources;
    private final Map<String, String[]> cache = new LinkedHashMap<>();

    PythonScan(ProjectFiles files, List<String> sources) {
        this.files = files;
        this.sources = sources;
    }

    /** The files {@link #app} and a port found without a file look in. */
    List<String> sources() {
        return sources;
    }

    String[] lines(String path) {
        return cache.computeIfAbsent(path, p -> {
            try {
                return files.read(p).orElse("").split("\n", -1);
            } catch (ProjectInputException e) {
                return new String[0];
            }
        });
    }

    Fact<String> first(List<String> paths, Pattern pattern) {
        for (String path : paths) {
            String[] lines = lines(path);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith("#")) {
                    continue;
                }
                Matcher m = pattern.matcher(lines[i]);
                if (m.find()) {
                    String g = m.group();
                    for (int k = 1; k <= m.groupCount(); k++) {
                        if (m.group(k) != null) {
                            g = m.group(k);
                            break;
                        }
                    }
                    return Fact.of(g, path, i + 1);
                }
            }
        }
        return null;
    }

    Fact<String> app(Pattern pattern) {
        return first(sources, pattern);
    }

    Fact<String> app(Pattern pattern, java.util.function.Predicate<String> where) {
        return first(sources.stream().filter(where).toList(), pattern);
    }

    Fact<Integer> port(String file) {
        List<String> where = file == null ? sources : List.of(file);
        for (Pattern p : List.of(PORT_ENV, PORT_RUN, PORT_SERVER, PORT_ARG, PORT_CONST, PORT_RUNSERVER, PORT_SETTING)) {
            Fact<String> f = first(where, p);
            if (f != null) {
                int n = Integer.parseInt(f.value());
                if (n >= 1 && n <= 65535) {
                    return Fact.of(n, f.source());
                }
            }
        }
        return null;
    }

    boolean serves(String file) {
        return first(List.of(file), SERVES) != null && port(file) != null;
    }
}
