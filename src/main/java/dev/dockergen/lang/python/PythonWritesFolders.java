package dev.dockergen.lang.python;

import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.SourceSearch;
import dev.dockergen.detect.WritePath;
import dev.dockergen.detect.WriteSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths a Python module writes relative to a folder it computes from its own file: {@code BASE_DIR =
 * Path(__file__).resolve().parent.parent}, {@code PROJECT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(
 * __file__)))}, {@code BASE_DIR = os.path.dirname(PROJECT_DIR)}. Django's database {@code NAME} and
 * {@code MEDIA_ROOT} joined to such a folder ({@code os.path.join(BASE_DIR, "data", "db.sqlite3")},
 * {@code BASE_DIR / "hc.sqlite"}, a default inside {@code os.getenv("DB_NAME", ...)}) are read against it.
 */
final class PythonWritesFolders {
    private static final String Q = "['\"]";
    private static final String ENV_DEFAULT = "(?:os\\.(?:getenv|environ\\.get)\\(\\s*" + Q + "\\w+" + Q + "\\s*,\\s*)?";
    /** Literals, each possibly an environment setting's default: "var", os.environ.get("NAME", "app.sqlite3"). */
    private static final String ITEM = ENV_DEFAULT + Q + "[^'\"]+" + Q + "\\)?";
    private static final String LITS = ITEM + "(?:\\s*[,/]\\s*" + ITEM + ")*";
    private static final Pattern ASSIGN = Pattern.compile("^(\\w+)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern PATH_PARENTS = Pattern.compile(
            "Path\\(\\s*__file__\\s*\\)(?:\\.resolve\\(\\)|\\.absolute\\(\\))*((?:\\.parent)+)");
    private static final Pattern DIRNAMES = Pattern.compile(
            "((?:os\\.path\\.dirname\\(\\s*)+)(?:os\\.path\\.(?:abspath|realpath)\\(\\s*)?__file__[\\s)]*");
    private static final Pattern DIRNAME_OF = Pattern.compile("((?:os\\.path\\.dirname\\(\\s*)+)(\\w+)[\\s)]*");
    private static final Pattern PARENT_OF = Pattern.compile("(\\w+)((?:\\.parent)+)");
    private static final Pattern SETTINGS_MODULE = Pattern.compile(
            "DJANGO_SETTINGS_MODULE" + Q + "\\s*,\\s*" + Q + "([A-Za-z0-9_.]+)" + Q);

    private PythonWritesFolders() {
    }

    /** Django's settings module named in manage.py, as files: "example.settings" gives example/settings.py. */
    static List<String> djangoSettings(ProjectFiles files) {
        List<String> out = new ArrayList<>();
        Matcher m = SETTINGS_MODULE.matcher(SourceSearch.textOf(files, "manage.py"));
        if (!m.find()) {
            return out;
        }
        String module = m.group(1).replace('.', '/');
        if (files.isFile(module + ".py")) {
            out.add(module + ".py");
        } else if (files.isDirectory(module)) {
            files.walk(module, 0, d -> true).stream().filter(f -> f.endsWith(".py")).forEach(out::add);
        }
        return out;
    }

    /** The database names and media folders joined to a folder computed from {@code __file__}, in {@code sources}. */
    static void scan(ProjectFiles files, List<String> sources, Map<String, WritePath> found) {
        for (String path : sources) {
            String text = SourceSearch.textOf(files, path);
            if (!text.contains("__file__")) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            Map<String, String> folders = folders(path, lines);
            if (folders.isEmpty()) {
                continue;
            }
            String var = "(" + String.join("|", folders.keySet()) + ")";
            String join = "(?:os\\.path\\.join\\(\\s*" + var + "\\s*,\\s*(" + LITS + ")\\s*,?\\s*\\)|" + var
                    + "\\s*/\\s*(" + LITS + ")|" + var + "\\.joinpath\\(\\s*(" + LITS + ")\\s*\\))";
            List<Object[]> contexts = List.of(
                    new Object[] {Pattern.compile(Q + "NAME" + Q + "\\s*:\\s*" + ENV_DEFAULT + join), true, "SQLite database"},
                    new Object[] {Pattern.compile("\\bMEDIA_ROOT\\s*=\\s*" + ENV_DEFAULT + join), false, "media folder"});
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith("#")) {
                    continue;
                }
                String logical = WriteSearch.logicalLine(lines, i);
                for (Object[] c : contexts) {
                    Matcher m = ((Pattern) c[0]).matcher(logical);
                    if (!m.find() || m.start() >= lines[i].length()) {
                        continue;
                    }
                    for (int g = 1; g <= 7; g += 2) {
                        if (m.group(g) != null) {
                            String joined = String.join("/", literals(m.group(g + 1)));
                            WriteSearch.add(found, WriteSearch.against(folders.get(m.group(g)), joined), (Boolean) c[1],
                                    true, (String) c[2], Source.of(path, i + 1));
                            break;
                        }
                    }
                }
            }
        }
    }

    private static List<String> literals(String lits) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(ENV_DEFAULT + Q + "([^'\"]+)" + Q).matcher(lits);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The module's variables that name a folder computed from its file, each as a path from the project's root. */
    private static Map<String, String> folders(String path, String[] lines) {
        Map<String, String> out = new LinkedHashMap<>();
        String here = ProjectFiles.parent(path);
        for (String line : lines) {
            Matcher a = ASSIGN.matcher(line);
            if (!a.matches()) {
                continue;
            }
            String rhs = a.group(2);
            String folder = null;
            Matcher m;
            if ((m = PATH_PARENTS.matcher(rhs)).matches()) {
                folder = up(here, m.group(1).split("\\.parent", -1).length - 2);
            } else if ((m = DIRNAMES.matcher(rhs)).matches()) {
                folder = up(here, m.group(1).split("dirname", -1).length - 2);
            } else if ((m = DIRNAME_OF.matcher(rhs)).matches() && out.containsKey(m.group(2))) {
                folder = up(out.get(m.group(2)), m.group(1).split("dirname", -1).length - 1);
            } else if ((m = PARENT_OF.matcher(rhs)).matches() && out.containsKey(m.group(1))) {
                folder = up(out.get(m.group(1)), m.group(2).split("\\.parent", -1).length - 1);
            }
            if (folder != null) {
                out.put(a.group(1), folder);
            } else {
                out.remove(a.group(1)); // assigned again to something else
            }
        }
        return out;
    }

    /** {@code folder} ("" for the root) {@code n} levels up; null above the root. */
    private static String up(String folder, int n) {
        String f = folder;
        for (int k = 0; k < n; k++) {
            if (f.isEmpty()) {
                return null;
            }
            f = ProjectFiles.parent(f);
        }
        return f;
    }
}
