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
 * A data folder that is the program's own folder. A constant named like a data folder ({@code DATA_DIR},
 * {@code DATADIR}) is set, in any module and maybe through its package ({@code app.DATA_DIR = app.PROG_DIR}), to a
 * folder computed from a module's own file ({@code PROG_DIR = os.path.dirname(FULL_PATH)}, {@code FULL_PATH =
 * os.path.abspath(__file__)}; each step may be in another module). The program then writes that folder, and each
 * literal joined to the constant ({@code os.path.join(DATA_DIR, "logs")}) or a module's constant
 * ({@code os.path.join(app.DATA_DIR, database.FILENAME)} with {@code FILENAME = "app.db"} in database.py) is written
 * there (files as state; folders not: the state is the data folder, which a volume cannot hold beside the code). Values
 * that cannot be read (an option, {@code sys.executable}) are other ways to set it, not its default.
 */
final class PythonDataDir {
    private static final String Q = "['\"]";
    private static final String LIT = Q + "([^'\"]+)" + Q;
    private static final Pattern ASSIGN = Pattern.compile("^\\s*(?:[A-Za-z_]\\w*\\.)?([A-Z][A-Z0-9_]*)\\s*=\\s*([^=].*?)\\s*$");
    private static final Pattern DATA_NAME = Pattern.compile("[A-Z_]*DATA_?DIR");
    private static final Pattern OWN_FILE = Pattern.compile("(?:os\\.path\\.(?:abspath|realpath)\\(\\s*)?__file__\\s*\\)?");
    private static final Pattern DIRNAME = Pattern.compile("os\\.path\\.dirname\\(\\s*(.+?)\\s*\\)");
    private static final Pattern NAME = Pattern.compile("(?:[A-Za-z_]\\w*\\.)?([A-Z][A-Z0-9_]*)");
    private static final int MAX_STEPS = 6;

    /** A value read: a path from the project's root, a file's or a folder's. */
    private record Value(String path, boolean file) {
    }

    private PythonDataDir() {
    }

    static void scan(ProjectFiles files, List<String> sources, Map<String, WritePath> found) {
        Map<String, List<String[]>> assigned = new LinkedHashMap<>();
        List<String> dataNames = new ArrayList<>();
        for (String path : sources) {
            String[] lines = SourceSearch.textOf(files, path).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = ASSIGN.matcher(lines[i]);
                if (lines[i].strip().startsWith("#") || !m.matches()) {
                    continue;
                }
                assigned.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new String[] {m.group(2), path, "" + (i + 1)});
                if (DATA_NAME.matcher(m.group(1)).matches() && !dataNames.contains(m.group(1))) {
                    dataNames.add(m.group(1));
                }
            }
        }
        for (String name : dataNames) {
            for (String[] a : assigned.get(name)) {
                Value v = value(a[0], a[1], assigned, 1);
                if (v != null && !v.file()) {
                    WriteSearch.add(found, v.path().isEmpty() ? "." : v.path(), false, true,
                            "data folder, the program's own", Source.of(a[1], Integer.parseInt(a[2])));
                    joins(files, sources, name, v.path(), found);
                    break;
                }
            }
        }
    }

    /** The first of a constant's values that reads as a path, or null. */
    private static Value resolve(String name, Map<String, List<String[]>> assigned, int steps) {
        if (steps > MAX_STEPS) {
            return null;
        }
        for (String[] a : assigned.getOrDefault(name, List.of())) {
            Value v = value(a[0], a[1], assigned, steps + 1);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** An expression as a path: the module's own file, the folder of a path, or a constant's value; else null. */
    private static Value value(String expr, String module, Map<String, List<String[]>> assigned, int steps) {
        if (OWN_FILE.matcher(expr).matches()) {
            return new Value(module, true);
        }
        Matcher m = DIRNAME.matcher(expr);
        if (m.matches()) {
            Value inner = value(m.group(1), module, assigned, steps);
            if (inner == null || !inner.file() && inner.path().isEmpty()) {
                return null; // above the project's root
            }
            return new Value(ProjectFiles.parent(inner.path()), false);
        }
        m = NAME.matcher(expr);
        return m.matches() ? resolve(m.group(1), assigned, steps) : null;
    }

    /** Literals and other modules' constants joined to the data folder's constant, each read against its folder. */
    private static void joins(ProjectFiles files, List<String> sources, String name, String folder,
                              Map<String, WritePath> found) {
        Pattern join = Pattern.compile("os\\.path\\.join\\(\\s*(?:[A-Za-z_]\\w*\\.)?" + name + "\\s*,\\s*(?:" + LIT
                + "|([a-z_]\\w*)\\.([A-Z][A-Z0-9_]*))\\s*\\)");
        for (String path : sources) {
            String text = SourceSearch.textOf(files, path);
            if (!text.contains(name)) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = join.matcher(lines[i]);
                while (!lines[i].strip().startsWith("#") && m.find()) {
                    String lit = m.group(1) != null ? m.group(1) : constant(files, sources, m.group(2), m.group(3));
                    if (lit == null || lit.contains("/") || lit.startsWith(".")) {
                        continue; // a hidden name: a probe that the folder is writable (".TEST"), or not a plain name
                    }
                    boolean file = lit.matches("[^.].*\\.[A-Za-z0-9]+");
                    WriteSearch.add(found, WriteSearch.against(folder, lit), file, file,
                            file ? "file in the data folder" : "folder in the data folder", Source.of(path, i + 1));
                }
            }
        }
    }

    /** A module's constant set to a literal at its top level ({@code FILENAME = "app.db"} in database.py), or null. */
    private static String constant(ProjectFiles files, List<String> sources, String module, String name) {
        Pattern set = Pattern.compile("^" + name + "\\s*=\\s*" + LIT + "\\s*$");
        for (String path : sources) {
            if (!path.equals(module + ".py") && !path.endsWith("/" + module + ".py")) {
                continue;
            }
            for (String line : SourceSearch.textOf(files, path).split("\n", -1)) {
                Matcher m = set.matcher(line);
                if (m.matches()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
