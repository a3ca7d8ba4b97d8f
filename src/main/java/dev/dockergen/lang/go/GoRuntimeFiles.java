package dev.dockergen.lang.go;

import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Files and folders a Go program reads at run time from its working directory (templates, static assets, a config
 * file a flag defaults to): a path literal of the packages the program is built from that names something in the
 * repository, relative to the main package's folder (go run . in that folder) or to the module root. The image
 * copies them into its working directory at the same relative paths.
 */
final class GoRuntimeFiles {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    /** What go build reads or writes itself, never a file the program opens. */
    private static final Set<String> BUILD_FILES = Set.of("go.mod", "go.sum", "go.work", "vendor", "node_modules", ".git");
    /** A settings file's path value: "RuntimeRootPath = runtime/", "assets: web/assets". */
    private static final Pattern CONFIG_PATH = Pattern.compile(
            "^\\s*[A-Za-z0-9_.-]+\\s*[:=]\\s*[\"']?((?:\\./)?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*/)[\"']?\\s*$");
    private static final Pattern CONFIG_FILE = Pattern.compile(".*\\.(?:ini|ya?ml|toml|conf|cfg)");
    /** Web pages and assets a program that serves its working directory hands out. */
    private static final Pattern WEB_FILE = Pattern.compile(".*\\.(?:html?|css|js|ico|png|jpe?g|gif|svg|webp|txt)");
    private static final Set<String> KEEP_FILES = Set.of(".gitkeep", ".keep", ".gitignore");

    /**
     * @param path a file or folder (ending in /), relative to the project root
     * @param relative the same, relative to the working directory the program runs in
     * @param source where the code names it
     */
    record File(String path, String relative, Source source) {
    }

    /** The working directory (relative to the project root, "" for the root) and the files read from it. */
    record Result(String workdir, List<File> files) {
        static final Result NONE = new Result("", List.of());

        /**
         * With a folder the image builds ({@code output}, relative to the project root) added, when it lies in the
         * working directory (or nothing else is read, so that the root is the working directory).
         */
        Result withBuilt(String output, Source source) {
            String dir = files.isEmpty() ? "" : workdir;
            if (!dir.isEmpty() && !output.startsWith(dir + "/")) {
                return this;
            }
            String rel = dir.isEmpty() ? output : output.substring(dir.length() + 1);
            List<File> out = new ArrayList<>(files);
            out.add(new File(output + "/", rel + "/", source));
            out.sort(java.util.Comparator.comparing(File::relative));
            return new Result(dir, List.copyOf(out));
        }
    }

    private GoRuntimeFiles() {
    }

    static Result find(ProjectFiles files, String mainDir, List<GoSourceScan> reached, List<String> embeds,
                       List<String> packageDirs) {
        if (mainDir == null) {
            return Result.NONE;
        }
        Map<String, Map<String, Source>> byBase = new LinkedHashMap<>();
        List<String> bases = mainDir.isEmpty() ? List.of("") : List.of(mainDir, "");
        for (String base : bases) {
            Map<String, Source> found = new LinkedHashMap<>();
            for (GoSourceScan s : reached) {
                if (s.ignored) {
                    continue;
                }
                for (GoSourceScan.PathUse use : s.readPaths) {
                    String rel = existing(files, base, use.path(), embeds, packageDirs);
                    if (rel != null && !found.containsKey(rel)) {
                        found.put(rel, use.source());
                    }
                }
            }
            byBase.put(base, found);
        }
        // the folder where most of the named paths exist is where the program runs; the main package's on a tie
        String workdir = bases.get(0);
        for (String base : bases) {
            if (byBase.get(base).size() > byBase.get(workdir).size()) {
                workdir = base;
            }
        }
        List<File> out = new ArrayList<>();
        Map<String, Source> found = byBase.get(workdir);
        configFolders(files, workdir, found, embeds, packageDirs);
        for (GoSourceScan s : reached) {
            if (!s.ignored && s.requestPathRead != null) {
                servedPages(files, workdir, s.requestPathRead, found);
                break;
            }
        }
        for (Map.Entry<String, Source> e : found.entrySet()) {
            String rel = e.getKey();
            // a path inside another one found is copied with it
            boolean inside = found.keySet().stream().anyMatch(o -> !o.equals(rel) && o.endsWith("/") && rel.startsWith(o));
            if (!inside) {
                out.add(new File(workdir.isEmpty() ? rel : workdir + "/" + rel, rel, e.getValue()));
            }
        }
        out.sort(java.util.Comparator.comparing(File::relative));
        return new Result(workdir, List.copyOf(out));
    }

    /**
     * Folders a settings file the program reads names by a path value ("RuntimeRootPath = runtime/") and the
     * repository holds files in (fonts, images the program reads from there): copied with it.
     */
    private static void configFolders(ProjectFiles files, String workdir, Map<String, Source> found, List<String> embeds,
                                      List<String> packageDirs) {
        for (String config : List.copyOf(found.keySet())) {
            if (!CONFIG_FILE.matcher(config).matches()) {
                continue;
            }
            String[] lines = files.read(ProjectFiles.join(workdir, config)).orElse("").split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                java.util.regex.Matcher m = CONFIG_PATH.matcher(lines[i]);
                if (!m.matches()) {
                    continue;
                }
                String rel = existing(files, workdir, m.group(1), embeds, packageDirs);
                if (rel != null && rel.endsWith("/") && !found.containsKey(rel) && files.walk(
                        ProjectFiles.join(workdir, rel.substring(0, rel.length() - 1)), 4, d -> false).stream()
                        .anyMatch(f -> !KEEP_FILES.contains(ProjectFiles.fileName(f)))) {
                    found.put(rel, Source.of(ProjectFiles.join(workdir, config), i + 1));
                }
            }
        }
    }

    /** The web pages at the top of the working directory of a program that serves files by the path a request names. */
    private static void servedPages(ProjectFiles files, String workdir, Source where, Map<String, Source> found) {
        for (String f : files.walk(workdir, 0, d -> true)) {
            String rel = workdir.isEmpty() ? f : f.substring(workdir.length() + 1);
            if (WEB_FILE.matcher(ProjectFiles.fileName(f)).matches() && !rel.contains("/") && !found.containsKey(rel)) {
                found.put(rel, where);
            }
        }
    }

    /** The path a literal names below {@code base} when it is a file or folder there (a glob: its folder), else null. */
    private static String existing(ProjectFiles files, String base, String literal, List<String> embeds,
                                   List<String> packageDirs) {
        String p = literal.startsWith("./") ? literal.substring(2) : literal;
        if (p.contains("*")) {
            p = p.substring(0, p.indexOf('*'));
            p = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.equals(".") || p.contains("..") || !SAFE.matcher(p).matches() || p.endsWith(".go")) {
            return null;
        }
        String first = p.split("/")[0];
        if (BUILD_FILES.contains(first) || first.startsWith(".") || first.equals("testdata")) {
            return null;
        }
        String full = base.isEmpty() ? p : base + "/" + p;
        boolean dir = files.isDirectory(full);
        if (!dir && !files.isFile(full)) {
            return null;
        }
        // Go packages are compiled in, embedded files are in the binary
        if (dir && (packageDirs.contains(full) || full.equals(base))) {
            return null;
        }
        for (String e : embeds) {
            if (e.equals(full) || full.startsWith(e + "/") || e.startsWith(full + "/")) {
                return null;
            }
        }
        return dir ? p + "/" : p;
    }
}
