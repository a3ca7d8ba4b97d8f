package dev.dockergen.lang.go;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.Detector;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Walk;
import dev.dockergen.detect.Warning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises a Go module (or a loose main.go) and everything its Dockerfile depends on. */
public final class GoDetector implements Detector {
    private static final Pattern EOL_TOOLCHAIN = Pattern.compile("go(1\\.[0-9]+(?:\\.[0-9]+)?)(?:\\+.*)?");
    private static final Pattern EOL_DIRECTIVE = Pattern.compile("(1\\.([0-9]+))(?:\\.[0-9]+)?");
    /** Directories the go command itself skips, plus ones that never hold the app's own packages. */
    private static final Predicate<String> SKIPPED = Walk.skipping(Walk.INSTALLED, Set.of("testdata"));
    private static final int MAX_DEPTH = 12;
    private static final int MAX_SOURCE_FILES = 10_000;
    /** The port set through PORT for a program that requires the variable and names no default. */
    private static final int REQUIRED_PORT = 8080;
    /** Web frameworks by module path prefix, most specific first. */
    private static final Map<String, String> FRAMEWORKS = new LinkedHashMap<>();

    static {
        FRAMEWORKS.put("github.com/gin-gonic/gin", "gin");
        FRAMEWORKS.put("github.com/labstack/echo", "echo");
        FRAMEWORKS.put("github.com/gofiber/fiber", "fiber");
        FRAMEWORKS.put("github.com/go-chi/chi", "chi");
        FRAMEWORKS.put("github.com/gorilla/mux", "gorilla/mux");
        FRAMEWORKS.put("github.com/zeromicro/go-zero", "go-zero");
        FRAMEWORKS.put("github.com/beego/beego", "beego");
        FRAMEWORKS.put("github.com/kataras/iris", "iris");
    }

    private static final Pattern SAFE_DIR = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Pattern TOOLCHAIN = Pattern.compile("go(1\\.[0-9]+(?:\\.[0-9]+)?)(?:\\+.*)?");

    /**
     * The Go the image builds with when the project chooses it (the toolchain directive, or a go directive of 1.21 or
     * later, which is a minimum toolchain), when it is past its end of life. An older go directive is only a language
     * level: the image builds with the preset's Go, so nothing old is chosen.
     */
    @Override
    public Optional<Warning> endOfLife(ProjectFacts facts) {
        GoDetails go = (GoDetails) facts.details();
        Matcher t = go.toolchain() == null ? null : EOL_TOOLCHAIN.matcher(go.toolchain().value());
        Matcher d = facts.languageVersion() == null ? null : EOL_DIRECTIVE.matcher(facts.languageVersion().value());
        Fact<String> chosen = t != null && t.matches() ? new Fact<>(t.group(1), go.toolchain().source())
                : d != null && d.matches() && Integer.parseInt(d.group(2)) >= 21
                ? new Fact<>(facts.languageVersion().value(), facts.languageVersion().source()) : null;
        String key = chosen == null ? null : chosen.value().replaceFirst("^(1\\.[0-9]+).*", "$1");
        return GoEndOfLife.TABLE.warning(chosen, key, GoEndOfLife.CURRENT);
    }

    @Override
    public Language language() {
        return Language.GO;
    }

    @Override
    public Set<String> manifests() {
        return Set.of("go.mod");
    }

    @Override
    public Optional<ProjectFacts> detect(ProjectFiles files, DetectOptions options, List<Warning> warnings) {
        boolean hasGoMod = files.isFile("go.mod");
        // no go.mod but vendored dependencies: a GOPATH-era project, whose packages lie as deep as a module's
        boolean gopathMode = !hasGoMod && GoGopath.applies(files);
        // a directory with its own go.mod is another module: the go command leaves it out, and so do we.
        // Without a go.mod only the top two levels count (main.go, cmd/x/main.go): deeper .go files in a
        // repository of another language are fixtures or build output, not a program of its own.
        // folders starting with _ are walked too, only to list the example mains they hold (go build ./... skips
        // them, go build ./_examples/x builds them as packages of this module)
        List<String> walked = files.walk("", hasGoMod || gopathMode ? MAX_DEPTH : 2,
                dir -> SKIPPED.test(dir) || files.isFile(dir + "/go.mod")).stream()
                .filter(p -> p.endsWith(".go") && !p.endsWith("_test.go"))
                .toList();
        List<String> goFiles = walked.stream().filter(p -> !underscored(p)).toList();
        List<String> underscored = hasGoMod ? walked.stream().filter(GoDetector::underscored).toList() : List.of();
        if (options.mainPackage() != null) {
            // a main package named on the command line counts even in a folder the walk skips (_examples/x)
            String wanted = normalizeDir(options.mainPackage());
            if (!wanted.isEmpty() && goFiles.stream().noneMatch(p -> ProjectFiles.parent(p).equals(wanted))
                    && !files.isFile(wanted + "/go.mod")) {
                List<String> more = new ArrayList<>(goFiles);
                files.walk(wanted, 1, dir -> true).stream()
                        .filter(p -> p.endsWith(".go") && !p.endsWith("_test.go") && ProjectFiles.parent(p).equals(wanted))
                        .forEach(more::add);
                goFiles = more;
            }
        }
        if (!hasGoMod && goFiles.isEmpty()) {
            return Optional.empty();
        }
        String goModText = hasGoMod ? files.read("go.mod").orElseThrow() : null;
        if (hasGoMod && goModText.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("//"))) {
            // an empty go.mod (a placeholder that keeps a folder out of the module around it) is no module of its own
            warnings.add(new Warning(Source.of("go.mod"), "empty go.mod: not a Go module, skipped; "
                    + "add `module <path>` to build this folder as a program of its own"));
            return Optional.empty();
        }
        GoMod mod = hasGoMod ? GoModParser.parse("go.mod", goModText) : null;
        List<GoSourceScan> scans = scan(files, goFiles, warnings);
        List<String> mains = scans.stream().filter(GoSourceScan::isMain).map(GoSourceScan::dir)
                .distinct().sorted().toList();
        List<String> candidates = java.util.stream.Stream.concat(mains.stream(), scan(files, underscored, warnings).stream()
                .filter(GoSourceScan::isMain).map(GoSourceScan::dir)).distinct().sorted().toList();
        if (!hasGoMod && mains.isEmpty()) {
            return Optional.empty(); // loose .go files without a main package are not an app
        }
        List<String> packageDirs = scans.stream().map(GoSourceScan::dir).distinct().sorted().toList();
        GoGopath gopath = gopathMode ? GoGopath.of(files, scans, packageDirs, GoMains.folderName(files)) : null;
        // the path the project's own packages are imported by: the module's, or the GOPATH import path
        String importRoot = mod != null ? mod.modulePath() : gopath != null ? gopath.importPath().value() : null;
        if (files.isFile("go.work")) {
            warnings.add(new Warning(Source.of("go.work"),
                    "Go workspaces are not supported yet; the Dockerfile builds the module at the root only"));
        }
        List<String> evidence = new ArrayList<>();
        if (hasGoMod) {
            evidence.add("go.mod");
        } else if (gopath != null) {
            if (!gopath.manifest().equals("vendor")) {
                evidence.add(gopath.manifest());
            }
            warnings.add(new Warning(gopath.importPath().source() != null ? gopath.importPath().source()
                    : Source.of(gopath.manifest()), "no go.mod, dependencies in vendor/: a GOPATH-era project, built in GOPATH "
                    + "mode (GO111MODULE=off) at its import path " + Shown.of(gopath.importPath().value())
                    + " from vendor/, with no download; `go mod init " + Shown.of(gopath.importPath().value())
                    + " && go mod tidy` makes it a module"));
        } else {
            warnings.add(new Warning(Source.of(mains.isEmpty() ? "." : display(mains.get(0))),
                    "no go.mod: the image build creates a throw-away module; run `go mod init <module-path>` "
                            + "and commit go.mod (and go.sum) for reproducible builds"));
        }
        boolean hasGoSum = files.isFile("go.sum");
        if (hasGoSum) {
            evidence.add("go.sum");
        }
        // modules replaced by a directory in the repository need no download and no go.sum entry
        Set<String> replacedLocally = mod == null ? Set.of() : mod.replaces().stream().filter(GoMod.Replace::local)
                .map(GoMod.Replace::from).collect(java.util.stream.Collectors.toSet());
        boolean hasRequires = mod != null && mod.requires().stream().anyMatch(r -> !replacedLocally.contains(r.path()));
        // go build uses vendor/ by itself only from go 1.14 on (a go.mod without the directive means 1.16);
        // before, vendor/ may be stale and the build downloads
        boolean vendored = files.isFile("vendor/modules.txt") && (mod == null || mod.goVersion() == null || mod.goAtLeast(14));
        // a vendored build downloads nothing, so it does not need go.sum
        if (hasGoMod && hasRequires && !hasGoSum && !vendored) {
            warnings.add(new Warning(Source.of("go.mod"),
                    "go.sum is missing, so downloads are not verified; run `go mod tidy` and commit go.sum"));
        }
        if (vendored) {
            evidence.add("vendor/modules.txt");
        } else if (files.isFile("vendor/modules.txt")) {
            warnings.add(new Warning(Source.of("go.mod", mod.goLine()), "go " + mod.goVersion() + " does not build from "
                    + "vendor/ by default, so the image downloads the modules; to build from vendor/, run "
                    + "`go mod edit -go=1.14 && go mod vendor`"));
        }

        String mainDir = GoMains.choose(mains, importRoot, options);
        Fact<String> mainPackage = null;
        if (mainDir != null) {
            if (!SAFE_DIR.matcher(mainDir).matches() && !mainDir.isEmpty()) {
                throw new ProjectInputException(Source.of(mainDir),
                        "the main package directory name has characters a Dockerfile cannot carry safely; "
                                + "rename it to letters, digits, '.', '_' and '-'");
            }
            GoSourceScan mainFile = scans.stream().filter(s -> s.isMain() && s.dir().equals(mainDir))
                    .findFirst().orElseThrow();
            mainPackage = Fact.of(display(mainDir), mainFile.funcMain);
            evidence.add(mainFile.path);
        } else if (mains.size() > 1) {
            warnings.add(new Warning(null, "several main packages (" + String.join(", ", display(mains))
                    + "); choose one with --main " + display(mains.get(0))));
        } else if (mains.isEmpty()) {
            warnings.add(new Warning(Source.of("go.mod"),
                    "no main package (package main with func main) found; this module is a library, not an app"));
        }
        Fact<String> rootPath = mod != null ? Fact.of(mod.modulePath(), "go.mod", mod.moduleLine())
                : gopath != null ? gopath.importPath() : null;
        String binary = mainDir == null ? null : GoMains.binaryName(mainDir, rootPath, gopath != null, files, warnings);

        // other programs' main packages say nothing about this binary, nor do packages it never imports
        // (test helpers, tools); the packages the main package reaches through imports may
        Set<String> reached = mainDir == null || importRoot == null ? null : reachable(mainDir, importRoot, scans);
        List<GoSourceScan> ordered = new ArrayList<>(scans.stream()
                .filter(s -> !("main".equals(s.packageName) && !s.dir().equals(mainDir)))
                .filter(s -> reached == null || reached.contains(s.dir())).toList());
        ordered.sort(Comparator.comparing((GoSourceScan s) -> !(mainDir != null && s.dir().equals(mainDir)))
                .thenComparing(s -> s.path));
        // packages in vendor/ that the program imports: the flags they register are the program's own command line
        List<GoSourceScan> vendoredScans = gopath != null || vendored
                ? scan(files, GoVendored.imported(files, ordered, importRoot), warnings) : List.of();
        GoSourceScan.PortHint portHint = ordered.stream().flatMap(s -> s.ports.stream())
                .min(Comparator.comparingInt(GoSourceScan.PortHint::strength))
                .or(() -> vendoredScans.stream().flatMap(s -> s.ports.stream()).filter(p -> p.flag() != null)
                        .min(Comparator.comparingInt(GoSourceScan.PortHint::strength)))
                .orElse(null);
        // stream().min keeps the first of equals, and `ordered` puts the main package first
        Fact<Integer> port = null;
        Fact<List<String>> listenArgs = null;
        if (portHint != null) {
            port = Fact.of(portHint.port(), portHint.source());
            if (portHint.loopback() && portHint.flag() != null) {
                // a flag's loopback default: the image passes the flag when the program's own command line has it
                String arg = "--" + portHint.flag() + "=:" + portHint.port();
                boolean own = GoServerStart.inMain(portHint.source(), scans);
                if (own) {
                    listenArgs = Fact.of(List.of(arg), portHint.source());
                }
                warnings.add(new Warning(portHint.source(), "the flag --" + portHint.flag() + " defaults to a loopback "
                        + "address, which cannot be reached from outside a container; " + (own ? "the image runs the program with "
                        + arg : "run it with " + arg + " (dockergen init --arg=" + arg + ", after any subcommand's --arg)")));
            } else if (portHint.loopback()) {
                warnings.add(new Warning(portHint.source(), "the server listens on a loopback address, which "
                        + "cannot be reached from outside a container; listen on \":" + portHint.port() + "\" instead"));
            }
        }
        List<String> embeds = GoFrontends.embeds(files, scans, MAX_DEPTH);
        GoRuntimeFiles.Result runtimeFiles = GoRuntimeFiles.find(files, mainDir, ordered, embeds, packageDirs);
        GoConfigPort.Hint fromConfig = port == null ? GoConfigPort.of(files, runtimeFiles.files()) : null;
        if (fromConfig != null) {
            // the code names no port: the config file it reads by default does (go-zero etc/app.yaml Port: 8888)
            port = Fact.of(fromConfig.port(), fromConfig.source());
            if (fromConfig.loopback()) {
                warnings.add(new Warning(fromConfig.source(), "the config file makes the server listen on a loopback address ("
                        + Shown.of(fromConfig.host()) + "), which cannot be reached from outside a container; set its host "
                        + "to 0.0.0.0 in the file the image copies"));
            }
        }
        Source portEnv = ordered.stream().map(s -> s.portEnv).filter(s -> s != null).findFirst().orElse(null);
        // the project's own Dockerfile EXPOSE outranks a guessed default (it fills the port in later)
        boolean portEnvRequired = port == null && portEnv != null && dev.dockergen.detect.DockerfileEvidence.read(files)
                .map(d -> d.ports().isEmpty()).orElse(true);
        if (portEnvRequired) {
            // os.Getenv("PORT") with no default anywhere: the program needs PORT, so the image sets it
            port = Fact.of(REQUIRED_PORT, portEnv);
            warnings.add(new Warning(portEnv, "the program reads its port from PORT and names no default; the image sets "
                    + "PORT=" + REQUIRED_PORT + " (choose another with --port)"));
        }
        GoSourceScan loopbackIn = ordered.stream().filter(s -> !s.loopbackFlags.isEmpty()).findFirst().orElse(null);
        GoSourceScan.LoopbackFlag loopback = loopbackIn == null ? null : loopbackIn.loopbackFlags.get(0);
        boolean passLoopback = loopback != null && "main".equals(loopbackIn.packageName);
        if (passLoopback && listenArgs == null && (portHint == null || !portHint.loopback())) {
            listenArgs = Fact.of(List.of("--" + loopback.flag() + "=0.0.0.0"), loopback.source());
        }
        if (loopback != null && (portHint == null || !portHint.loopback())) {
            warnings.add(new Warning(loopback.source(), "the program listens on a loopback address by default (--"
                    + loopback.flag() + " " + loopback.host() + "), which cannot be reached from outside a container; "
                    + (passLoopback ? "the image runs it with --" + loopback.flag() + "=0.0.0.0"
                    : "run it with --" + loopback.flag() + "=0.0.0.0 (dockergen init --arg=--" + loopback.flag()
                    + "=0.0.0.0, after any subcommand's --arg)")));
        }

        List<String> start = binary == null ? null : GoServerStart.of(binary, portHint, ordered, scans);
        Fact<Boolean> cgo = GoCgo.of(ordered, mod, files, vendored);
        Fact<String> framework = framework(mod);
        Fact<String> health = ordered.stream().filter(s -> s.healthPath != null).findFirst()
                .map(s -> Fact.of(s.healthPath, s.healthSource)).orElse(null);
        Fact<List<String>> healthCommand = ordered.stream().map(s -> s.healthCommand).filter(h -> h != null).findFirst()
                .orElse(null);
        boolean embedsTzdata = scans.stream().anyMatch(s -> s.importsTzdata);
        Source loadLocation = scans.stream().map(s -> s.loadLocation).filter(s -> s != null).findFirst().orElse(null);
        Fact<Boolean> tz = loadLocation != null && !embedsTzdata
                ? Fact.of(Boolean.TRUE, loadLocation) : new Fact<>(Boolean.FALSE, null);

        Fact<Boolean> tls = ordered.stream().map(s -> s.tlsImport).filter(s -> s != null).findFirst()
                .map(GoSourceScan::yes)
                .or(() -> mod == null ? Optional.empty() : mod.requires().stream()
                        .filter(r -> !replacedLocally.contains(r.path())).findFirst()
                        .map(r -> GoSourceScan.yes(Source.of("go.mod", r.line()))))
                .orElse(new Fact<>(Boolean.FALSE, null));
        GoFrontends.Result frontends = GoFrontends.find(files, ordered, warnings);
        if (frontends.build() != null && frontends.build().served()) {
            // a folder the program serves that the frontend's build writes: the image builds it and copies it
            runtimeFiles = runtimeFiles.withBuilt(frontends.build().output(), frontends.build().embed());
        }
        Fact<String> directive = gopath != null ? gopath.goVersion() : mod == null || mod.goVersion() == null
                ? null : Fact.of(mod.goVersion(), "go.mod", mod.goLine());
        GoDetails details = new GoDetails(
                mod == null ? null : Fact.of(mod.modulePath(), "go.mod", mod.moduleLine()),
                mod == null || mod.toolchain() == null ? null : Fact.of(mod.toolchain(), "go.mod", mod.toolchainLine()),
                directive, hasGoMod, hasGoSum, vendored, hasRequires,
                mainPackage, display(candidates), binary, cgo,
                localModules(files, mod, warnings),
                embeds, packageDirs,
                health, healthCommand, tz, tls,
                portEnv == null ? new Fact<>(Boolean.FALSE, null) : Fact.of(Boolean.TRUE, portEnv),
                loopback == null ? null : Fact.of(loopback.flag(), loopback.source()), listenArgs,
                frontends.uses(), frontends.build(),
                runtimeFiles, gopath, portEnvRequired);

        // the toolchain line names the Go the project builds with; the go directive is only its minimum
        Matcher toolchain = mod == null || mod.toolchain() == null ? null : TOOLCHAIN.matcher(mod.toolchain());
        Fact<String> version = toolchain != null && toolchain.matches()
                ? Fact.of(toolchain.group(1), "go.mod", mod.toolchainLine()) : directive;
        return Optional.of(new ProjectFacts(".", Language.GO, "go", hasGoMod ? "go-modules" : gopath != null ? "gopath" : null,
                version, framework, port, start, evidence, details));
    }

    /**
     * A main package without a go.mod of its own, named with --project (_examples/hello): a package of the module at
     * the root, built from there (go build ./_examples/hello), not a throw-away module of its own.
     */
    @Override
    public Optional<ProjectFacts> detectModule(ProjectFiles files, String module, List<Warning> warnings) {
        String dir = normalizeDir(module);
        if (dir.isEmpty() || !files.isFile("go.mod") || files.isFile(dir + "/go.mod") || !files.isDirectory(dir)) {
            return Optional.empty();
        }
        for (String up = ProjectFiles.parent(dir); !up.isEmpty(); up = ProjectFiles.parent(up)) {
            if (files.isFile(up + "/go.mod")) {
                return Optional.empty(); // a module nearer to it
            }
        }
        boolean main = files.walk(dir, 1, d -> true).stream()
                .filter(p -> p.endsWith(".go") && !p.endsWith("_test.go") && ProjectFiles.parent(p).equals(dir))
                .anyMatch(p -> files.read(p).map(t -> GoSourceScan.scan(p, t).isMain()).orElse(false));
        return main ? detect(files, new DetectOptions(dir), warnings) : Optional.empty();
    }

    /** The directories of the packages {@code mainDir} imports, directly or not, within this module. */
    static Set<String> reachable(String mainDir, String modulePath, List<GoSourceScan> scans) {
        Map<String, List<GoSourceScan>> byDir = new TreeMap<>();
        for (GoSourceScan s : scans) {
            byDir.computeIfAbsent(s.dir(), k -> new ArrayList<>()).add(s);
        }
        Set<String> seen = new TreeSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(mainDir));
        while (!todo.isEmpty()) {
            String dir = todo.pop();
            if (!seen.add(dir)) {
                continue;
            }
            for (GoSourceScan s : byDir.getOrDefault(dir, List.of())) {
                for (String imp : s.imports) {
                    if (imp.equals(modulePath)) {
                        todo.push("");
                    } else if (imp.startsWith(modulePath + "/")) {
                        todo.push(imp.substring(modulePath.length() + 1));
                    }
                }
            }
        }
        return seen;
    }

    /** A file in a folder the go command's ./... patterns skip: one whose name (or a parent's) starts with _. */
    static boolean underscored(String path) {
        return ("/" + ProjectFiles.parent(path)).contains("/_");
    }

    /** Directories no Go build looks into: hidden, underscore, vendor, testdata, node_modules. */
    static boolean pruned(String dirPath) {
        return SKIPPED.test(dirPath) || ProjectFiles.fileName(dirPath).startsWith("_");
    }

    private static List<GoSourceScan> scan(ProjectFiles files, List<String> goFiles, List<Warning> warnings) {
        List<GoSourceScan> scans = new ArrayList<>();
        if (goFiles.size() > MAX_SOURCE_FILES) {
            warnings.add(new Warning(null, "more than " + MAX_SOURCE_FILES
                    + " Go files; only the first " + MAX_SOURCE_FILES + " were read"));
        }
        for (String path : goFiles.subList(0, Math.min(goFiles.size(), MAX_SOURCE_FILES))) {
            try {
                files.read(path).ifPresent(text -> scans.add(GoSourceScan.scan(path, text)));
            } catch (ProjectInputException e) {
                warnings.add(new Warning(e.source(), "skipped: " + e.getMessage().substring(e.source().toString().length() + 2)));
            }
        }
        return scans;
    }

    static String normalizeDir(String dir) {
        String d = dir.replace('\\', '/');
        while (d.startsWith("./")) {
            d = d.substring(2);
        }
        while (d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.equals(".") ? "" : d;
    }

    static String display(String dir) {
        return dir.isEmpty() ? "." : dir;
    }

    static List<String> display(List<String> dirs) {
        return dirs.stream().map(GoDetector::display).toList();
    }

    private static Fact<String> framework(GoMod mod) {
        if (mod == null) {
            return null;
        }
        for (Map.Entry<String, String> f : FRAMEWORKS.entrySet()) {
            // the framework's own module: its example programs use it
            if (mod.modulePath().equals(f.getKey()) || mod.modulePath().startsWith(f.getKey() + "/")) {
                return Fact.of(f.getValue(), "go.mod", mod.moduleLine());
            }
            for (GoMod.Require r : mod.requires()) {
                if (!r.indirect() && (r.path().equals(f.getKey()) || r.path().startsWith(f.getKey() + "/"))) {
                    return Fact.of(f.getValue(), "go.mod", r.line());
                }
            }
        }
        return null;
    }

    private static List<String> localModules(ProjectFiles files, GoMod mod, List<Warning> warnings) {
        if (mod == null) {
            return List.of();
        }
        TreeMap<String, String> dirs = new TreeMap<>();
        for (GoMod.Replace r : mod.replaces()) {
            if (!r.local()) {
                continue;
            }
            Path target = Path.of(r.to()).normalize();
            String rel = target.toString().replace('\\', '/');
            if (target.isAbsolute() || rel.startsWith("..")) {
                warnings.add(new Warning(Source.of("go.mod", r.line()), "replace points outside the repository ("
                        + Shown.of(r.to()) + "); the image build cannot see it, so vendor the module "
                        + "(`go mod vendor`) or build with a larger context"));
            } else if (!SAFE_DIR.matcher(rel).matches()) {
                throw new ProjectInputException(Source.of("go.mod", r.line()),
                        "replace target has characters a Dockerfile cannot carry safely; rename the directory");
            } else if (files.isFile(rel + "/go.mod")) {
                dirs.put(rel, rel);
            }
        }
        return List.copyOf(dirs.keySet());
    }
}
