package dev.dockergen.lang.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.SourceSearch;
import dev.dockergen.detect.TextLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files the project installs at an absolute path that the program reads: setup.py's {@code data_files =
 * [('/etc/tool', glob('conf/*.conf')), ...]}, setup.cfg's {@code [options.data_files]} or pyproject.toml's
 * {@code [tool.setuptools.data-files]}, with that path (or a folder above or below it) as a literal in the program's
 * code ({@code BASEDIR = '/etc/tool'}). Neither running from the source nor a wheel puts them there (pip installs an
 * absolute data_files target below the venv), so the program would not find them: the runtime stage copies them from
 * the build context to that path, owned by root, so read-only for the runtime user. A repository folder whose every file
 * goes to the same place below one target is copied whole; otherwise each entry's files are copied to its target.
 */
final class PythonDataFiles {
    private static final Pattern ASSIGN = Pattern.compile("(?m)^[^#\\n]*?\\bdata_files\\s*=\\s*(\\[|[A-Za-z_]\\w*)");
    private static final Pattern STRING = Pattern.compile("(['\"])((?:(?!\\1)[^\\\\\\n])*)\\1");
    private static final Pattern ABSOLUTE = Pattern.compile("/[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)+");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*");
    /** System folders too general to show that the program reads what is installed below them. */
    private static final List<String> GENERAL = List.of("/usr/share", "/usr/lib", "/usr/local", "/usr/bin", "/usr/sbin",
            "/var/lib", "/var/run", "/var/log", "/var/cache", "/etc/init.d", "/etc/default");

    /** One data_files entry: an absolute target, the files it names (after globbing), the patterns as written. */
    private record Entry(String target, List<String> patterns, List<String> files, Source at) {
    }

    /**
     * A copy into the runtime image.
     *
     * @param sources repository paths or patterns, or the one folder copied whole
     * @param target the absolute folder they go to
     * @param folder the source is a folder whose contents become the target's
     * @param declared where the project installs them there
     * @param read where the program's code names that path
     */
    record Placed(List<String> sources, String target, boolean folder, Source declared, Source read) {
        Placed {
            sources = List.copyOf(sources);
        }
    }

    private PythonDataFiles() {
    }

    /** What the runtime stage copies to absolute paths, in the order the project lists it; empty when nothing. */
    static List<Placed> find(ProjectFiles files, JsonNode pyproject, List<String> sources) {
        List<Entry> entries = new ArrayList<>();
        setupPy(files, entries);
        setupCfg(files, entries);
        if (pyproject != null) {
            pyproject.path("tool").path("setuptools").path("data-files").fields().forEachRemaining(e -> {
                List<String> pats = new ArrayList<>();
                e.getValue().forEach(v -> pats.add(v.asText()));
                add(files, entries, e.getKey(), pats, Source.of("pyproject.toml",
                        TextLines.lineOf(files.read("pyproject.toml").orElse(""), e.getKey())));
            });
        }
        Map<String, String> dest = new LinkedHashMap<>();
        for (Entry e : entries) {
            e.files().forEach(f -> dest.putIfAbsent(f, e.target() + "/" + ProjectFiles.fileName(f)));
        }
        List<Placed> out = new ArrayList<>();
        List<String> wholeFolders = new ArrayList<>();
        for (Entry e : entries) {
            Source read = readAt(files, sources, e.target());
            if (read == null || e.files().stream().allMatch(f -> wholeFolders.stream().anyMatch(w -> f.startsWith(w + "/")))) {
                continue; // not read by the program, or inside a folder already copied whole
            }
            String folder = ProjectFiles.parent(e.files().get(0));
            boolean oneFolder = !folder.isEmpty() && e.files().stream().allMatch(f -> ProjectFiles.parent(f).equals(folder));
            String[] top = oneFolder ? wholeFolder(files, folder, e.target(), dest) : null;
            if (top != null) {
                wholeFolders.add(top[0]);
                out.removeIf(p -> p.sources().stream().allMatch(s -> s.startsWith(top[0] + "/")));
                out.add(new Placed(List.of(top[0]), top[1], true, e.at(), read));
            } else {
                out.add(new Placed(e.patterns(), e.target(), false, e.at(), read));
            }
        }
        return out;
    }

    /**
     * The highest folder, from {@code folder} up, that can be copied whole to the matching folder above {@code target}
     * (every file below it is installed at the same relative place), with that folder: {folder, target}; null when not
     * even {@code folder} can. It goes up while the folder and the target end in the same name ({@code conf/filter.d}
     * to {@code /etc/tool/filter.d}), never to the repository's root.
     */
    private static String[] wholeFolder(ProjectFiles files, String folder, String target, Map<String, String> dest) {
        String[] best = null;
        String f = folder;
        String t = target;
        while (true) {
            String from = f;
            String to = t;
            if (!files.walk(from, 8, d -> false).stream().allMatch(p -> (to + p.substring(from.length())).equals(dest.get(p)))) {
                return best;
            }
            best = new String[] {f, t};
            if (!f.contains("/") || !ProjectFiles.fileName(f).equals(ProjectFiles.fileName(t))
                    || !ABSOLUTE.matcher(ProjectFiles.parent(t)).matches()) {
                return best;
            }
            f = ProjectFiles.parent(f);
            t = ProjectFiles.parent(t);
        }
    }

    /** The first line of the program's code with a literal naming the target, a folder above or one below it. */
    private static Source readAt(ProjectFiles files, List<String> sources, String target) {
        for (String path : sources) {
            if (ProjectFiles.fileName(path).equals("setup.py")) {
                continue; // the installer, not the program
            }
            String[] lines = SourceSearch.textOf(files, path).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith("#")) {
                    continue;
                }
                Matcher m = STRING.matcher(lines[i]);
                while (m.find()) {
                    String lit = m.group(2).replaceAll("/+$", "");
                    if (ABSOLUTE.matcher(lit).matches() && (lit.equals(target) || lit.startsWith(target + "/")
                            || target.startsWith(lit + "/") && !GENERAL.contains(lit))) {
                        return Source.of(path, i + 1);
                    }
                }
            }
        }
        return null;
    }

    /** setup.py: {@code data_files=[(TARGET, SOURCES), ...]} in setup() or a list assigned to the name it passes. */
    private static void setupPy(ProjectFiles files, List<Entry> entries) {
        String text = files.read("setup.py").orElse("");
        Matcher m = ASSIGN.matcher(text);
        if (!m.find()) {
            return;
        }
        int open = m.start(1);
        if (!m.group(1).equals("[")) {
            Matcher named = Pattern.compile("(?m)^" + Pattern.quote(m.group(1)) + "\\s*=\\s*\\[").matcher(text);
            if (!named.find()) {
                return;
            }
            open = named.end() - 1;
        }
        int close = close(text, open);
        for (int i = open + 1; i < close; i++) {
            char c = text.charAt(i);
            if (c == '#') {
                i = Math.max(i, text.indexOf('\n', i) < 0 ? close : text.indexOf('\n', i));
            } else if (c == '\'' || c == '"') {
                i = endOfString(text, i);
            } else if (c == '(' || c == '[') {
                int end = close(text, i);
                if (c == '(') {
                    tuple(files, entries, text, i, end);
                }
                i = end;
            }
        }
    }

    /** One (TARGET, SOURCES) tuple; skipped when its target is no literal or its sources are computed by joining. */
    private static void tuple(ProjectFiles files, List<Entry> entries, String text, int open, int close) {
        String body = text.substring(open + 1, close);
        Matcher target = Pattern.compile("^\\s*" + STRING.pattern() + "\\s*,").matcher(body);
        if (!target.find() || body.contains("join(")) {
            return;
        }
        List<String> pats = new ArrayList<>();
        Matcher s = STRING.matcher(body.substring(target.end()));
        while (s.find()) {
            pats.add(s.group(2));
        }
        add(files, entries, target.group(2), pats, Source.of("setup.py", TextLines.lineAt(text, open + target.start(2))));
    }

    /** setup.cfg's [options.data_files]: {@code /etc/tool = conf/a.conf, conf/b.conf}, values maybe on further lines. */
    private static void setupCfg(ProjectFiles files, List<Entry> entries) {
        String[] lines = files.read("setup.cfg").orElse("").split("\n", -1);
        boolean in = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("[")) {
                in = line.strip().equals("[options.data_files]");
                continue;
            }
            int eq = line.indexOf('=');
            if (!in || eq < 0 || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            List<String> pats = new ArrayList<>(List.of(line.substring(eq + 1).split(",")));
            for (int j = i + 1; j < lines.length && !lines[j].isEmpty() && Character.isWhitespace(lines[j].charAt(0)); j++) {
                pats.addAll(List.of(lines[j].split(",")));
            }
            add(files, entries, line.substring(0, eq).strip(), pats, Source.of("setup.cfg", i + 1));
        }
    }

    /** Adds an entry with an absolute target and safe patterns that name at least one file. */
    private static void add(ProjectFiles files, List<Entry> entries, String target, List<String> patterns, Source at) {
        String t = target.replaceAll("/+$", "");
        if (!ABSOLUTE.matcher(t).matches()) {
            return;
        }
        List<String> pats = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (String raw : patterns) {
            String p = raw.strip().replaceFirst("^\\./", "");
            if (p.isEmpty()) {
                continue;
            }
            if (!SAFE.matcher(p.replace("*", "x")).matches() || p.contains("..") || ProjectFiles.parent(p).contains("*")) {
                return; // a pattern this rule cannot read: leave the entry alone
            }
            Pattern name = Pattern.compile(Pattern.quote(ProjectFiles.fileName(p)).replace("*", "\\E[^/]*\\Q"));
            List<String> hits = files.walk(ProjectFiles.parent(p), 0, d -> true).stream()
                    .filter(f -> name.matcher(ProjectFiles.fileName(f)).matches()).toList();
            if (!hits.isEmpty()) {
                pats.add(p);
                matched.addAll(hits);
            }
        }
        if (!matched.isEmpty()) {
            entries.add(new Entry(t, pats, matched, at));
        }
    }

    /** The index of the bracket closing the one at {@code open}, skipping strings and comments; the text's end if none. */
    private static int close(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl;
            } else if (c == '\'' || c == '"') {
                i = endOfString(text, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /** The index of the quote that ends the string starting at {@code at} (one line; a triple quote to its end). */
    private static int endOfString(String text, int at) {
        char q = text.charAt(at);
        if (text.startsWith("" + q + q + q, at)) {
            int end = text.indexOf("" + q + q + q, at + 3);
            return end < 0 ? text.length() : end + 2;
        }
        for (int i = at + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q || c == '\n') {
                return i;
            }
        }
        return text.length();
    }
}
