package dev.dockergen.lang.c;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises a C or C++ program built by CMake, Meson, Autotools or Make, and what it links and serves. */
public final class CDetector implements Detector {
    private static final int MAX_DEPTH = 8;
    private static final int MAX_SOURCE_FILES = 2_000;
    /** Build trees (CMake's, Meson's, Autotools' caches) and installed dependencies; vendored sources are read. */
    private static final Predicate<String> SKIPPED = Walk.skipping(Walk.BUILD_OUTPUT, Set.of("builddir", "_build",
            "node_modules", "autom4te.cache", "CMakeFiles"));
    private static final Pattern SOURCE = Pattern.compile(".*\\.(c|cc|cpp|cxx|C|h|hh|hpp|hxx)$");
    private static final Pattern COMPILED = Pattern.compile(".*\\.(c|cc|cpp|cxx|C)$");
    private static final Pattern CPP = Pattern.compile(".*\\.(cc|cpp|cxx|C|hpp|hh|hxx)$");
    private static final Pattern SAFE_ARTEFACT = Pattern.compile("[A-Za-z0-9._+-]+(/[A-Za-z0-9._+-]+)*");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
    private static final Pattern SAFE_LDFLAGS = Pattern.compile("[A-Za-z0-9._/=+:,@%$(){} -]*");
    private static final Pattern CONFIG_PORT = Pattern.compile(
            "(?mi)^[ \\t]*(?:port|listen|listener)[ \\t]+(?:[A-Za-z0-9_.*\\[\\]-]*:)?([0-9]{2,5})[ \\t]*(?:;|\\{|$)");
    private static final Pattern PORT_ARG = Pattern.compile("^(--port|-p|--listen|-l)(=|$)");

    @Override
    public Language language() {
        return Language.C;
    }

    @Override
    public Set<String> manifests() {
        return Set.of("CMakeLists.txt", "meson.build", "configure.ac");
    }

    @Override
    public Optional<ProjectFacts> detect(ProjectFiles files, DetectOptions options, List<Warning> warnings) {
        if (files.isFile("go.mod") || files.isFile("package.json")) {
            return Optional.empty(); // C files there are cgo or a native addon: that project's own build compiles them
        }
        List<String> all = files.walk("", MAX_DEPTH, CDetector::pruned);
        if (all.stream().anyMatch(p -> p.endsWith(".go") && !p.contains("/"))) {
            return Optional.empty(); // a Go program without go.mod (GOPATH era): its C files are cgo or vendored
        }
        List<String> sources = all.stream().filter(p -> SOURCE.matcher(p).matches()).toList();
        if (sources.stream().noneMatch(p -> COMPILED.matcher(p).matches())) {
            return Optional.empty();
        }
        String makefile = List.of("GNUmakefile", "makefile", "Makefile").stream().filter(files::isFile).findFirst().orElse(null);
        List<String> present = new ArrayList<>();
        if (files.isFile("CMakeLists.txt")) {
            present.add("cmake");
        }
        if (files.isFile("meson.build")) {
            present.add("meson");
        }
        if (files.isFile("configure.ac") || files.isFile("configure.in") || files.isFile("configure")) {
            present.add("autotools");
        }
        if (makefile != null) {
            present.add("make");
        }
        BuildFacts build = null;
        if (present.size() > 1) {
            // several build systems: the one the project's own instructions run, where it names a program
            Fact<String> documented = BuildChoice.documented(files, all, present);
            if (documented != null && !documented.value().equals(present.get(0))) {
                BuildFacts chosen = parse(documented.value(), files, all, makefile);
                if (!chosen.programs.isEmpty() && (chosen.projectName != null || !Set.of("cmake", "meson").contains(chosen.system))) {
                    build = chosen;
                    warnings.add(new Warning(documented.source(), "several build systems (" + String.join(", ", present)
                            + "); the build instructions run " + documented.value() + ", so the image builds with it"));
                }
            }
        }
        if (build == null && !present.isEmpty()) {
            build = parse(present.get(0), files, all, makefile);
        } else if (build == null) {
            build = HandConfigure.find(files, all); // the README runs auto/configure, which writes the Makefile
            if (build == null) {
                return Optional.empty();
            }
        }
        if ((build.system.equals("cmake") || build.system.equals("meson")) && build.projectName == null) {
            // a CMakeLists.txt or meson.build without project() belongs to a parent project, found from there
            return Optional.empty();
        }

        // libraries, each once, from the first place that names it
        Map<String, Fact<CLibraries.Library>> libraries = new LinkedHashMap<>();
        Map<String, Fact<String>> unknown = new LinkedHashMap<>();
        Set<String> required = new java.util.HashSet<>();
        for (BuildFacts.LibraryRef ref : build.libraries) {
            if (CLibraries.notForLinux(ref.name())) {
                continue; // another system's library, or a coverage build's: not this image's business
            }
            Optional<CLibraries.Library> lib = switch (ref.kind()) {
                case LINK -> CLibraries.byLinkName(ref.name());
                case CMAKE -> CLibraries.byCmakePackage(ref.name());
                case PKG_CONFIG -> CLibraries.byPkgConfig(ref.name());
            };
            if (lib.isPresent()) {
                libraries.putIfAbsent(lib.get().key(), Fact.of(lib.get(), ref.source()));
                if (!ref.optional()) {
                    required.add(lib.get().key());
                }
                if (ref.kind() == BuildFacts.RefKind.CMAKE && ref.name().equalsIgnoreCase("OpenSSL")) {
                    CLibraries.byLinkName("crypto").ifPresent(c -> libraries.putIfAbsent("crypto", Fact.of(c, ref.source())));
                    if (!ref.optional()) {
                        required.add("crypto");
                    }
                }
            } else if (ref.optional()) {
                continue; // the default build goes on without it: no package, no warning
            } else if (!ignoredCmakePackage(ref)) {
                String label = switch (ref.kind()) {
                    case LINK -> "-l" + ref.name();
                    case CMAKE -> "find_package(" + ref.name() + ")";
                    case PKG_CONFIG -> "pkg-config " + ref.name();
                };
                if (unknown.putIfAbsent(label, Fact.of(label, ref.source())) == null) {
                    warnings.add(new Warning(ref.source(), Shown.of(label) + " is not in dockergen's library table, so no "
                            + "package is installed for it; the build fails if the builder image lacks it "
                            + "(add the package with a preset of your own)"));
                }
            }
        }

        Fact<String> artefact = chooseArtefact(build, options, warnings, files);
        if (artefact != null && (!SAFE_ARTEFACT.matcher(artefact.value()).matches() || artefact.value().contains("..")
                || !SAFE_NAME.matcher(ProjectFiles.fileName(artefact.value())).matches())) {
            throw new ProjectInputException(artefact.source(), "the program name '" + Shown.of(artefact.value())
                    + "' has characters a Dockerfile cannot carry safely; use letters, digits, '.', '_', '+' and '-'");
        }

        // sources: headers first, so that a #define PORT in a header is known when a .c file uses it
        List<String> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparing((String p) -> COMPILED.matcher(p).matches()).thenComparing(p -> p));
        if (ordered.size() > MAX_SOURCE_FILES) {
            warnings.add(new Warning(null, "more than " + MAX_SOURCE_FILES + " C/C++ files; only the first "
                    + MAX_SOURCE_FILES + " were read"));
            ordered = ordered.subList(0, MAX_SOURCE_FILES);
        }
        Map<String, CSourceScan.PortHint> defines = new HashMap<>();
        List<CSourceScan> scanned = new ArrayList<>();
        for (String path : ordered) {
            try {
                files.read(path).ifPresent(text -> scanned.add(CSourceScan.scan(path, text, defines)));
            } catch (ProjectInputException e) {
                warnings.add(new Warning(e.source(), "skipped: not readable as UTF-8 text under 1 MiB"));
            }
        }
        Source cxx = build.cxx;
        if (cxx == null) {
            cxx = sources.stream().filter(p -> CPP.matcher(p).matches()).findFirst().map(Source::of).orElse(null);
        }
        // examples, vendored libraries and tests listen on ports of their own, not the program's
        List<CSourceScan> scans = scanned.stream().filter(s -> !Walk.demonstration(ProjectFiles.parent(s.path))
                && !ProjectFiles.parent(s.path).matches("(.*/)?(tests?|unittests?|fuzz|bench(mark)?s?)(/.*)?")).toList();
        Source listen = scans.stream().map(s -> s.listen).filter(s -> s != null).findFirst().orElse(null);
        // several programs in one Makefile: the chosen program's own sources speak first (hello.cc, not server.cc)
        List<String> own = artefact == null ? List.of() : build.programSources.getOrDefault(artefact.value(), List.of());
        List<CSourceScan> ownScans = scans.stream().filter(s -> own.contains(s.path)).toList();
        // a weak hint (a PORT-named constant alone) is a port only in a program that listens
        CSourceScan.PortHint hint = portHint(ownScans, listen);
        if (hint == null) {
            hint = portHint(scans, listen);
        }
        Source resolver = scans.stream().map(s -> s.resolver).filter(s -> s != null).findFirst().orElse(null);

        String binary = artefact == null ? null : ProjectFiles.fileName(artefact.value());
        Fact<Integer> port = hint == null ? null : Fact.of(hint.port(), hint.source());
        if (binary != null && (hint == null || hint.strength() > 0)) {
            // the program's own config file (tinyproxy.conf "Port 8888", lwan.conf "listener *:8080") over a PORT-named constant
            Fact<Integer> configured = configPort(files, binary);
            if (configured != null) {
                port = configured;
            }
        }
        Fact<List<String>> runArgs = binary == null ? null : readmeArgs(files, binary);
        if (runArgs != null && portFromArgs(runArgs) != null) {
            // the project's own run instructions pass the port explicitly: they win over a default in the code
            port = portFromArgs(runArgs);
        } else {
            runArgs = null;
        }
        if (port == null && listen != null) {
            warnings.add(new Warning(listen, "the program listens on a socket, but its port was not found; pass --port N"));
        }
        Fact<String> ldflags = build.ldflags == null || build.ldflags.value().isBlank() ? null : build.ldflags;
        if (ldflags != null && !SAFE_LDFLAGS.matcher(ldflags.value()).matches()) {
            warnings.add(new Warning(ldflags.source(), "LDFLAGS holds quotes or shell characters, so a static build "
                    + "replaces it with -static instead of extending it"));
            ldflags = null;
        }
        // a server whose usage text asks for a folder to serve (darkhttpd /path/to/wwwroot) serves its working directory
        CSourceScan usage = scans.stream().filter(s -> s.usageRoot != null).findFirst().orElse(null);
        Fact<List<String>> serveArgs = usage == null || port == null || runArgs != null ? null
                : Fact.of(List.of("."), usage.usageSource);
        // a bare make builds more than the program (other programs, or a goal that runs it): build the program's target
        String target = artefact == null || build.configureScript != null ? null : build.makeTargets.get(artefact.value());
        boolean more = build.makeTargets.size() > 1 || build.goalRuns;
        Fact<String> makeTarget = target == null || !more || target.equals(build.defaultGoal) || !SAFE_ARTEFACT.matcher(target).matches() ? null
                : Fact.of(target, artefact.source());
        Fact<String> prefix = build.installPrefix;
        List<Fact<String>> runtimeFiles = new ArrayList<>(build.runtimeFiles);
        boolean readsWorkdir = false;
        if (prefix == null && binary != null) {
            // NAME.conf at the root, named without a folder in the code ("lwan.conf", "%s.conf"): read from the working directory
            List<Fact<String>> workdirFiles = CWorkdirConfig.find(files, binary, scans);
            if (!workdirFiles.isEmpty()) {
                prefix = Fact.of(CWorkdirConfig.WORKDIR, workdirFiles.get(0).source());
                runtimeFiles.addAll(workdirFiles);
                readsWorkdir = true;
            }
        }
        if (prefix == null && build.system.equals("cmake")) {
            // a source-tree path CMake compiles in ("${CMAKE_CURRENT_SOURCE_DIR}/sql"): read where the build ran
            for (CSourceDirPaths.Path p : CSourceDirPaths.find(files)) {
                String rel = files.isDirectory(p.path()) ? p.path() + "/" : files.isFile(p.path()) ? p.path() : null;
                if (rel != null) {
                    runtimeFiles.add(Fact.of(rel, p.source()));
                }
            }
            if (!runtimeFiles.isEmpty()) {
                prefix = Fact.of(CSourceDirPaths.SRC, runtimeFiles.get(0).source());
                readsWorkdir = true;
            }
        }
        // a server's usage text names an option for its configuration file, which the repository ships
        CConfigFile configFile = prefix != null || port == null ? null
                : CConfigFile.find(files, binary, scans, build.system.equals("autotools") || build.configureScript != null).orElse(null);
        // a program that goes to the background by default is kept in the foreground; one that runs a given command gets one
        CLaunch launch = CLaunch.find(scans);
        if (port == null) {
            launch = new CLaunch(launch.foreground(), null);
        }
        List<String> dirs = new ArrayList<>(new TreeSet<>(sources.stream().map(ProjectFiles::parent).toList()));
        CDetails details = new CDetails(Fact.of(build.system, build.systemSource), artefact,
                build.programs.stream().map(Fact::value).distinct().sorted().toList(),
                List.copyOf(libraries.values()), List.copyOf(unknown.values()),
                cxx == null ? new Fact<>(Boolean.FALSE, null) : Fact.of(Boolean.TRUE, cxx),
                build.cmakeMinimum, build.projectName, ldflags, build.needsAutoreconf, runArgs,
                resolver == null ? new Fact<>(Boolean.FALSE, null) : Fact.of(Boolean.TRUE, resolver), dirs,
                build.usesPkgConfig, scans.stream().filter(s -> s.healthPath != null).findFirst()
                        .map(s -> Fact.of(s.healthPath, s.healthSource)).orElse(null),
                libraries.keySet().stream().filter(k -> !required.contains(k)).toList(),
                build.configureScript, prefix, runtimeFiles, makeTarget, serveArgs, readsWorkdir, build.setsCc,
                build.testOptions, null, build.libtool, build.installedFrom, configFile, build.bootstrap, launch);
        List<String> evidence = new ArrayList<>(build.files);
        if (build.needsAutoreconf) {
            warnings.add(new Warning(build.systemSource, "no generated configure script: the image build runs "
                    + (build.bootstrap != null ? build.bootstrap.value() : "autoreconf -fi")));
        }
        warnings.addAll(CSubmodules.missing(files, build.files));
        List<String> start = binary == null ? null : new ArrayList<>(List.of(binary));
        if (start != null) {
            start.addAll(launch.fixedArgs());
        }
        if (start != null && serveArgs != null) {
            start.addAll(serveArgs.value());
        }
        return Optional.of(new ProjectFacts(".", Language.C, build.system, null, null,
                framework(ownScans, scans, build, binary), port, start, evidence, details));
    }

    /**
     * A folder whose build names files outside it (../httplib.h, -I.., #include "../x.h"): detected as itself, built
     * from the enclosing folder (the context) with the build run in the folder.
     */
    @Override
    public Optional<ProjectFacts> detectModule(ProjectFiles files, String module, List<Warning> warnings) {
        String dir = module.replaceAll("^\\./|/+$", "");
        Optional<dev.dockergen.detect.Source> reach = dir.isEmpty() || dir.equals(".") || !files.isDirectory(dir)
                ? Optional.empty() : CParentFiles.reach(files, dir);
        return reach.flatMap(at -> detect(files.sub(dir), DetectOptions.DEFAULT, warnings).map(f -> new ProjectFacts(f.path(),
                f.language(), f.buildTool(), f.packageManager(), f.languageVersion(), f.framework(), f.port(), f.start(),
                f.evidence(), ((CDetails) f.details()).inFolder(Fact.of(dir, at)))));
    }

    private static BuildFacts parse(String system, ProjectFiles files, List<String> all, String makefile) {
        return switch (system) {
            case "cmake" -> CMakeParser.parse(files);
            case "meson" -> MesonParser.parse(files);
            case "autotools" -> AutotoolsParser.parse(files, AutotoolsParser.ams(files, all));
            default -> MakeTree.parse(files, makefile);
        };
    }

    private static CSourceScan.PortHint portHint(List<CSourceScan> scans, Source listen) {
        return scans.stream().filter(s -> s.port != null).map(s -> s.port).filter(h -> h.strength() == 0 || listen != null)
                .min(Comparator.comparingInt(CSourceScan.PortHint::strength)).orElse(null);
    }

    /**
     * The server library the program includes (httplib.h, mongoose.h, oatpp/...), its own sources first; none where the
     * project is that library itself (its project or program is named like it).
     */
    private static Fact<String> framework(List<CSourceScan> ownScans, List<CSourceScan> scans, BuildFacts build, String binary) {
        CSourceScan s = java.util.stream.Stream.concat(ownScans.stream(), scans.stream()).filter(x -> x.framework != null)
                .findFirst().orElse(null);
        if (s == null) {
            return null;
        }
        String name = s.framework.replaceFirst("^(lib|cpp-)", "");
        for (String own : java.util.Arrays.asList(build.projectName == null ? null : build.projectName.value(), binary)) {
            if (own != null && own.toLowerCase(java.util.Locale.ROOT).replaceFirst("^lib", "").startsWith(name)) {
                return null;
            }
        }
        return Fact.of(s.framework, s.frameworkSource);
    }

    /** Directories no C build of the project's own reads: hidden ones and build outputs. */
    static boolean pruned(String dir) {
        String name = ProjectFiles.fileName(dir);
        return SKIPPED.test(dir) || name.startsWith("cmake-build-");
    }

    /** find_package of CMake's own helpers (PkgConfig) names no library. */
    private static boolean ignoredCmakePackage(BuildFacts.LibraryRef ref) {
        return ref.kind() == BuildFacts.RefKind.CMAKE && Set.of("pkgconfig", "gtest", "catch2", "doxygen", "git",
                "python", "python3", "perl").contains(ref.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Fact<String> chooseArtefact(BuildFacts build, DetectOptions options, List<Warning> warnings, ProjectFiles files) {
        List<Fact<String>> programs = new ArrayList<>();
        for (Fact<String> p : build.programs) {
            if (programs.stream().noneMatch(q -> q.value().equals(p.value()))) {
                programs.add(p);
            }
        }
        if (options.mainPackage() != null) {
            String wanted = options.mainPackage();
            return programs.stream().filter(p -> p.value().equals(wanted) || ProjectFiles.fileName(p.value()).equals(wanted))
                    .findFirst().orElseThrow(() -> new DockergenException(ExitCode.USAGE, "--main " + wanted
                            + ": the build files name no such program; they name: " + (programs.isEmpty() ? "none"
                            : String.join(", ", programs.stream().map(Fact::value).toList()))));
        }
        if (programs.isEmpty()) {
            warnings.add(new Warning(build.systemSource, "the build files name no program (an executable target), "
                    + "so there is nothing to run; is this a library?"));
            return null;
        }
        if (programs.size() == 1) {
            return programs.get(0);
        }
        Fact<String> chosen = programs.get(0);
        // the maintainers' own Dockerfile.NAME (or NAME.Dockerfile) names the program they containerise
        List<Fact<String>> containerised = programs.stream().filter(p -> files.isFile("Dockerfile." + ProjectFiles.fileName(p.value()))
                || files.isFile(ProjectFiles.fileName(p.value()) + ".Dockerfile")).toList();
        String why = "";
        if (containerised.size() == 1) {
            chosen = containerised.get(0);
            why = " (a Dockerfile." + ProjectFiles.fileName(chosen.value()) + " names it)";
        } else if (build.projectName != null) {
            chosen = programs.stream().filter(p -> ProjectFiles.fileName(p.value()).equals(build.projectName.value()))
                    .findFirst().orElse(chosen);
        }
        warnings.add(new Warning(chosen.source(), "several programs (" + String.join(", ", programs.stream()
                .map(Fact::value).toList()) + "); the image runs " + chosen.value() + why + ", choose another with --main NAME"));
        return chosen;
    }

    /** Arguments for the port in the project's own run instructions: README "./app --port 8080". */
    private static Fact<List<String>> readmeArgs(ProjectFiles files, String binary) {
        for (String readme : List.of("README.md", "README", "README.txt", "README.rst")) {
            String text;
            try {
                text = files.read(readme).orElse(null);
            } catch (ProjectInputException e) {
                continue;
            }
            if (text == null) {
                continue;
            }
            String[] lines = text.split("\n", 2000);
            // the first command line that runs the program is the run line; later ones are variations on it
            // (redis: "./redis-server", then "./redis-server --port 9999 --replicaof 127.0.0.1 6379")
            Pattern command = Pattern.compile("^\\s*(?:[$%>]\\s+)?(?:\\S*/)?" + Pattern.quote(binary) + "(\\s.*)?$");
            for (String line : lines) {
                if (command.matcher(line).matches()) {
                    if (!line.matches(".*\\s(--port|-p|--listen|-l)(=|\\s).*")) {
                        return null;
                    }
                    break;
                }
            }
            Pattern invocation = Pattern.compile("(?:^|[\\s`$/])" + Pattern.quote(binary) + "((?:\\s+[A-Za-z0-9._:=/-]+)+)");
            for (int i = 0; i < lines.length && i < 2000; i++) {
                Matcher m = invocation.matcher(lines[i]);
                if (!m.find()) {
                    continue;
                }
                String[] words = m.group(1).strip().split("\\s+");
                for (int w = 0; w < words.length; w++) {
                    Matcher flag = PORT_ARG.matcher(words[w]);
                    if (!flag.find()) {
                        continue;
                    }
                    if (flag.group(2).equals("=") && words[w].matches(".*=:?[0-9]{1,5}")) {
                        return Fact.of(List.of(words[w]), readme, i + 1);
                    }
                    if (flag.group(2).isEmpty() && w + 1 < words.length && words[w + 1].matches(":?[0-9]{1,5}")) {
                        return Fact.of(List.of(words[w], words[w + 1]), readme, i + 1);
                    }
                }
            }
        }
        return null;
    }

    /** A port in the program's own config file: NAME.conf (or .conf.in, a template) at the root, in etc/ or conf/. */
    private static Fact<Integer> configPort(ProjectFiles files, String binary) {
        for (String dir : List.of("", "etc/", "conf/", "config/")) {
            for (String ext : List.of(".conf", ".conf.in", ".conf.sample", ".conf.example")) {
                String path = dir + binary + ext;
                String text;
                try {
                    text = files.isFile(path) ? files.read(path).orElse(null) : null;
                } catch (ProjectInputException e) {
                    text = null;
                }
                Matcher m = text == null ? null : CONFIG_PORT.matcher(text);
                if (m != null && m.find()) {
                    int p = Integer.parseInt(m.group(1));
                    if (p > 0 && p < 65536) {
                        return Fact.of(p, path, AutotoolsParser.lineOf(text, m.start()));
                    }
                }
            }
        }
        return null;
    }

    private static Fact<Integer> portFromArgs(Fact<List<String>> args) {
        String last = args.value().get(args.value().size() - 1);
        Matcher m = Pattern.compile("([0-9]{1,5})$").matcher(last);
        if (m.find()) {
            int port = Integer.parseInt(m.group(1));
            if (port > 0 && port < 65536) {
                return Fact.of(port, args.source());
            }
        }
        return null;
    }

}
