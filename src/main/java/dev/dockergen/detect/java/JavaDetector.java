package dev.dockergen.detect.java;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.Detector;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.SourceSearch;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a Maven or Gradle build: the application module, JDK version, framework, how the
 * build lays out its output, port and health endpoint, each with the file and line it came from.
 */
public final class JavaDetector implements Detector {
    /** The JDK builds default to when the build names none: the current LTS. */
    public static final String DEFAULT_JAVA = "21";
    private static final Pattern MODULE_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?:1\\.)?([0-9]{1,2})(?:\\.[0-9]+)*");
    private static final Pattern PORT_IN_CODE = Pattern.compile(
            "(?:InetSocketAddress\\(\\s*(?:\"[^\"]*\"\\s*,\\s*)?|getOrDefault\\(\\s*\"PORT\"\\s*,\\s*\"|\\bPORT\\s*=\\s*)([0-9]{2,5})\\b");
    private static final Pattern HEALTH_CONTEXT = Pattern.compile("createContext\\(\\s*\"(/(?:healthz|health|livez|readyz|ping))\"");
    private static final int MAX_MODULE_DEPTH = 3;

    @Override
    public Language language() {
        return Language.JAVA;
    }

    /** Modules belong to the build at the root (one Dockerfile builds them together), so none are members. */
    @Override
    public Set<String> manifests() {
        return Set.of();
    }

    @Override
    public Optional<ProjectFacts> detect(ProjectFiles files, DetectOptions options, List<Warning> warnings) {
        return detectBuild(files, null, warnings);
    }

    /**
     * The build at the root with {@code module} as its application (for --project MODULE); empty when
     * the root holds no Java build or {@code module} is none of its modules.
     */
    @Override
    public Optional<ProjectFacts> detectModule(ProjectFiles files, String module, List<Warning> warnings) {
        return detectBuild(files, module, warnings);
    }

    private Optional<ProjectFacts> detectBuild(ProjectFiles files, String wanted, List<Warning> warnings) {
        if (files.isFile("pom.xml")) {
            return new Maven(files, warnings).detect(wanted);
        }
        for (String f : List.of("settings.gradle.kts", "settings.gradle", "build.gradle.kts", "build.gradle")) {
            if (files.isFile(f)) {
                return new Gradle(files, warnings).detect(wanted);
            }
        }
        return Optional.empty();
    }

    /** What one module is, when it is an application. */
    private record App(String dir, Fact<String> framework, String frameworkVersion, Fact<String> layout,
                       Fact<String> artifact, String libDir, Fact<String> mainClass, String name) {
    }

    static String major(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = JAVA_VERSION.matcher(raw.strip());
        return m.matches() ? m.group(1) : null;
    }


    static String checkedModule(String dir, Source source) {
        if (!MODULE_PATH.matcher(dir).matches() || dir.contains("..")) {
            throw new ProjectInputException(source, "module '" + Shown.of(dir) + "' is not a plain relative directory, which a "
                    + "Dockerfile cannot carry safely; use letters, digits, '.', '_', '-' and '/'");
        }
        return dir;
    }

    static String checkedName(String name, Source source, String what) {
        if (!FILE_NAME.matcher(name).matches()) {
            throw new ProjectInputException(source, what + " '" + Shown.of(name) + "' cannot name a file in a Dockerfile safely; "
                    + "use letters, digits, '.', '_' and '-'");
        }
        return name;
    }

    static Fact<String> checkedClass(Fact<String> mainClass) {
        if (mainClass != null && !CLASS_NAME.matcher(mainClass.value()).matches()) {
            throw new ProjectInputException(mainClass.source(), "main class '" + Shown.of(mainClass.value())
                    + "' is not a Java class name; write it as package.ClassName");
        }
        return mainClass;
    }

    static String under(String dir, String path) {
        return dir.isEmpty() ? path : dir + "/" + path;
    }

    private static String imageName(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return n.matches("[a-z0-9][a-z0-9._-]{0,63}") ? n : "app";
    }

    /** Port: the framework's setting, else its default; plain programs: a literal port in the code. */
    private static Fact<Integer> port(ProjectFiles files, App app) {
        String resources = under(app.dir(), "src/main/resources");
        String framework = app.framework() == null ? "" : app.framework().value();
        List<String> keys = switch (framework) {
            case "spring-boot" -> List.of("server.port");
            case "quarkus" -> List.of("%prod.quarkus.http.port", "quarkus.http.port");
            case "micronaut" -> List.of("micronaut.server.port");
            default -> List.of();
        };
        if (!keys.isEmpty()) {
            Fact<Integer> set = AppConfig.port(files, resources, keys);
            return set != null ? set : Fact.of(8080, app.framework().source());
        }
        Fact<String> found = SourceSearch.firstMatch(files, sources(files, app.dir()), PORT_IN_CODE);
        if (found != null) {
            int p = Integer.parseInt(found.value());
            if (p >= 1 && p <= 65535) {
                return Fact.of(p, found.source());
            }
        }
        return null;
    }

    private static List<String> sources(ProjectFiles files, String dir) {
        return files.walk(under(dir, "src/main/java"), 12, d -> false).stream()
                .filter(p -> p.endsWith(".java")).limit(2000).toList();
    }


    private static ProjectFacts facts(ProjectFiles files, Fact<String> tool, String wrapper, App app, List<String> modules,
                                      List<String> buildFiles, List<String> buildDirs, Fact<String> version,
                                      Fact<String> health, List<String> otherApps, List<String> evidence,
                                      List<Warning> warnings) {
        Fact<Integer> port = app.layout() == null ? null : port(files, app);
        if (health == null && app.layout() != null && app.framework() == null) {
            health = SourceSearch.firstMatch(files, sources(files, app.dir()), HEALTH_CONTEXT);
        }
        List<String> start = null;
        if (app.layout() != null) {
            start = switch (app.layout().value()) {
                case JavaDetails.SPRING_BOOT_LAYERS -> List.of("java", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher");
                case JavaDetails.QUARKUS -> List.of("java", "-jar", "/app/quarkus-run.jar");
                case JavaDetails.GRADLE_INSTALL -> List.of("java", "-cp", "/app/lib/*", app.mainClass().value());
                default -> List.of("java", "-jar", "/app/app.jar");
            };
        } else {
            warnings.add(new Warning(Source.of(tool.source().file()), "no application found in this build (no Spring "
                    + "Boot, Quarkus or Micronaut plugin, no main class in a shade, assembly, jar or application plugin); "
                    + "a library is not containerised"));
        }
        String frameworkVersion = app.frameworkVersion() != null && app.frameworkVersion().matches("[0-9][0-9A-Za-z.+-]{0,39}")
                ? app.frameworkVersion() : null; // only shown in a comment, but never a line break
        JavaDetails details = new JavaDetails(tool, wrapper, app.dir(), modules, buildFiles, buildDirs, app.layout(),
                app.artifact(), app.libDir(), app.mainClass(), frameworkVersion, health, otherApps, imageName(app.name()));
        return new ProjectFacts(".", Language.JAVA, tool.value(), tool.value(), version, app.framework(), port, start,
                evidence, details);
    }

    // ------------------------------------------------------------------------------------------ Maven

    private static final class Maven {
        private final ProjectFiles files;
        private final List<Warning> warnings;

        Maven(ProjectFiles files, List<Warning> warnings) {
            this.files = files;
            this.warnings = warnings;
        }

        Optional<ProjectFacts> detect(String wanted) {
            Pom root = Pom.parse("pom.xml", files.read("pom.xml").orElseThrow());
            Map<String, Pom> modules = new LinkedHashMap<>();
            modules.put("", root);
            collect(root, "", 0, modules);
            List<String> evidence = new ArrayList<>();
            modules.keySet().forEach(d -> evidence.add(under(d, "pom.xml")));
            List<App> apps = new ArrayList<>();
            for (Map.Entry<String, Pom> e : modules.entrySet()) {
                App app = classify(e.getKey(), e.getValue(), root);
                if (app != null) {
                    apps.add(app);
                }
            }
            App chosen;
            if (wanted != null) {
                String dir = wanted.equals(".") ? "" : wanted;
                if (!modules.containsKey(dir) || dir.isEmpty()) {
                    return Optional.empty();
                }
                chosen = apps.stream().filter(a -> a.dir().equals(dir)).findFirst()
                        .orElse(new App(dir, null, null, null, null, null, null, modules.get(dir).artifactId()));
            } else if (apps.isEmpty()) {
                chosen = new App("", null, null, null, null, null, null, root.artifactId());
            } else {
                chosen = apps.get(0);
                if (apps.size() > 1) {
                    warnings.add(new Warning(Source.of(under(chosen.dir(), "pom.xml")), "several application modules ("
                            + String.join(", ", apps.stream().map(a -> a.dir().isEmpty() ? "." : a.dir()).toList())
                            + "); generating for " + (chosen.dir().isEmpty() ? "." : chosen.dir())
                            + "; choose another with --project MODULE"));
                }
            }
            Pom pom = modules.get(chosen.dir());
            Fact<String> version = jdk(pom);
            String wrapper = files.isFile("mvnw") ? "mvnw" : null;
            List<String> buildFiles = new ArrayList<>();
            if (wrapper != null) {
                buildFiles.add("mvnw");
            }
            modules.keySet().forEach(d -> buildFiles.add(under(d, "pom.xml")));
            List<String> buildDirs = files.isDirectory(".mvn") ? List.of(".mvn") : List.of();
            List<String> others = apps.stream().map(App::dir).filter(d -> !d.equals(chosen.dir()))
                    .map(d -> d.isEmpty() ? "." : d).toList();
            return Optional.of(facts(files, Fact.of("maven", Source.of("pom.xml")), wrapper, chosen,
                    List.copyOf(modules.keySet()), buildFiles, buildDirs, version, health(pom, chosen), others, evidence,
                    warnings));
        }

        private void collect(Pom parent, String dir, int depth, Map<String, Pom> out) {
            if (depth >= MAX_MODULE_DEPTH) {
                return;
            }
            for (Pom.Element m : parent.modules()) {
                String name = m.text().replaceFirst("/pom\\.xml$", "").replaceFirst("/$", "").replaceFirst("^\\./", "");
                String child = checkedModule(under(dir, name), Source.of(under(dir, "pom.xml"), m.line()));
                String file = under(child, "pom.xml");
                Optional<String> text = files.read(file);
                if (text.isEmpty()) {
                    warnings.add(new Warning(Source.of(under(dir, "pom.xml"), m.line()), "module " + child
                            + " has no pom.xml; Maven will fail on it"));
                    continue;
                }
                if (out.containsKey(child)) {
                    continue;
                }
                Pom pom = Pom.parse(file, text.get());
                pom.inherit(parent);
                out.put(child, pom);
                collect(pom, child, depth + 1, out);
            }
        }

        private Fact<String> jdk(Pom pom) {
            List<Pom.Property> candidates = new ArrayList<>();
            for (String key : List.of("maven.compiler.release", "maven.compiler.source", "java.version")) {
                if (pom.properties.containsKey(key)) {
                    Pom.Property p = pom.properties.get(key);
                    Pom.Property resolved = pom.resolveWithLine(p.value(), p.line());
                    candidates.add(resolved == null ? p : new Pom.Property(resolved.value(), resolved.line(),
                            resolved.line() == p.line() ? p.file() : resolved.file()));
                }
            }
            pom.plugin("maven-compiler-plugin").flatMap(p -> p.child("configuration")).ifPresent(c -> {
                for (String key : List.of("release", "source")) {
                    c.child(key).ifPresent(e -> {
                        Pom.Property r = pom.resolveWithLine(e.text(), e.line());
                        if (r != null) {
                            candidates.add(0, new Pom.Property(r.value(), r.line(), r.line() == e.line() ? pom.file : r.file()));
                        }
                    });
                }
            });
            for (Pom.Property p : candidates) {
                String major = major(p.value());
                if (major != null) {
                    return Fact.of(major, p.file(), p.line());
                }
                warnings.add(new Warning(Source.of(p.file(), p.line()), "Java version '" + Shown.of(p.value())
                        + "' is not a number such as 17 or 21; ignored"));
            }
            return null;
        }

        private App classify(String dir, Pom pom, Pom root) {
            String packaging = pom.resolveOr(pom.root.childText("packaging"));
            if ("pom".equals(packaging)) {
                return null;
            }
            String name = pom.resolveOr(pom.artifactId());
            Source nameAt = Source.of(pom.file, pom.root.child("artifactId").map(Pom.Element::line).orElse(0));
            String target = under(dir, "target");
            String base = baseName(pom, nameAt);
            Optional<Pom.Element> boot = pom.plugin("spring-boot-maven-plugin");
            if (boot.isPresent()) {
                String v = bootVersion(pom, root);
                boolean tools = v == null || atLeast(v, 3, 3);
                Fact<String> fw = Fact.of("spring-boot", pom.file, boot.get().line());
                // a <classifier> makes repackage write the executable jar beside the plain one, as NAME-CLASSIFIER.jar
                Optional<Pom.Element> classifier = boot.get().descendants("classifier").stream().findFirst();
                String suffix = classifier.map(c -> "-" + checkedName(pom.resolveOr(c.text()), Source.of(pom.file, c.line()),
                        "classifier")).orElse("");
                return new App(dir, fw, v, Fact.of(tools ? JavaDetails.SPRING_BOOT_LAYERS : JavaDetails.SPRING_BOOT_JAR,
                        fw.source()), jar(target, base, suffix, classifier.map(c -> Source.of(pom.file, c.line()))
                        .orElse(nameAt)), null, null, name);
            }
            Optional<Pom.Element> quarkus = pom.plugin("quarkus-maven-plugin");
            if (quarkus.isPresent()) {
                Fact<String> fw = Fact.of("quarkus", pom.file, quarkus.get().line());
                Fact<String> uber = quarkusUberJar(files, dir);
                if (uber != null) {
                    return new App(dir, fw, null, Fact.of(JavaDetails.FAT_JAR, uber.source()),
                            jar(target, base, "-runner", uber.source()), null, null, name);
                }
                return new App(dir, fw, null, Fact.of(JavaDetails.QUARKUS, fw.source()),
                        Fact.of(target + "/quarkus-app", fw.source()), null, null, name);
            }
            Optional<Pom.Element> micronaut = pom.plugin("micronaut-maven-plugin");
            boolean micronautParent = pom.root.path("parent", "artifactId").map(Pom.Element::text)
                    .filter(a -> a.equals("micronaut-parent")).isPresent();
            if (micronaut.isPresent() || micronautParent) {
                int line = micronaut.map(Pom.Element::line).orElseGet(() -> pom.root.child("parent").orElseThrow().line());
                Fact<String> fw = Fact.of("micronaut", pom.file, line);
                return new App(dir, fw, null, Fact.of(JavaDetails.FAT_JAR, fw.source()), jar(target, base, "", nameAt),
                        null, null, name);
            }
            Fact<String> mainClass = null;
            for (Pom.Element plugin : pom.plugins()) {
                for (Pom.Element mc : plugin.descendants("mainClass")) {
                    String v = pom.resolve(mc.text());
                    if (v != null && mainClass == null) {
                        mainClass = checkedClass(Fact.of(v, pom.file, mc.line()));
                    }
                }
            }
            if (mainClass == null) {
                return null;
            }
            Optional<Pom.Element> shade = pom.plugin("maven-shade-plugin");
            if (shade.isPresent()) {
                boolean attached = shade.get().descendants("shadedArtifactAttached").stream().anyMatch(e -> e.text().equals("true"));
                String classifier = shade.get().descendants("shadedClassifierName").stream().map(Pom.Element::text)
                        .findFirst().orElse("shaded");
                return new App(dir, null, null, Fact.of(JavaDetails.FAT_JAR, pom.file, shade.get().line()),
                        jar(target, base, attached ? "-" + checkedName(classifier, Source.of(pom.file, shade.get().line()),
                                "classifier") : "", nameAt), null, mainClass, name);
            }
            Optional<Pom.Element> assembly = pom.plugin("maven-assembly-plugin");
            if (assembly.isPresent() && assembly.get().descendants("descriptorRef").stream()
                    .anyMatch(e -> e.text().equals("jar-with-dependencies"))) {
                return new App(dir, null, null, Fact.of(JavaDetails.FAT_JAR, pom.file, assembly.get().line()),
                        jar(target, base, "-jar-with-dependencies", nameAt), null, mainClass, name);
            }
            Optional<Pom.Element> copy = pom.plugin("maven-dependency-plugin").filter(p -> p.descendants("goal").stream()
                    .anyMatch(g -> g.text().equals("copy-dependencies")));
            if (copy.isPresent()) {
                String out = copy.get().descendants("outputDirectory").stream().map(e -> pom.resolve(e.text()))
                        .filter(v -> v != null).findFirst().orElse("target/dependency")
                        .replaceFirst("^\\./", "").replaceFirst("/$", "");
                checkedModule(out, Source.of(pom.file, copy.get().line()));
                return new App(dir, null, null, Fact.of(JavaDetails.JAR_WITH_LIBS, pom.file, copy.get().line()),
                        jar(target, base, "", nameAt), under(dir, out), mainClass, name);
            }
            if (!pom.dependencies().isEmpty()) {
                warnings.add(new Warning(mainClass.source(), "the jar names a main class but its dependencies are not "
                        + "packaged with it (no shade, assembly or copy-dependencies); it may fail at run time"));
            }
            return new App(dir, null, null, Fact.of(JavaDetails.FAT_JAR, mainClass.source()), jar(target, base, "", nameAt),
                    null, mainClass, name);
        }

        /** finalName, or artifactId-version; null when a property in it cannot be resolved. */
        private String baseName(Pom pom, Source at) {
            Optional<Pom.Element> fin = pom.root.path("build", "finalName");
            String raw = fin.map(e -> pom.resolve(e.text())).orElseGet(() -> {
                String a = pom.resolve(pom.artifactId());
                String v = pom.resolve(pom.version());
                return a == null || v == null ? null : a + "-" + v;
            });
            return raw == null ? null : checkedName(raw, fin.map(e -> Source.of(pom.file, e.line())).orElse(at), "jar name");
        }

        private static Fact<String> jar(String target, String base, String suffix, Source at) {
            return base == null ? Fact.of(target + "/*" + suffix + ".jar", at) : Fact.of(target + "/" + base + suffix + ".jar", at);
        }

        private static String bootVersion(Pom pom, Pom root) {
            for (Pom p : List.of(pom, root)) {
                Optional<Pom.Element> parent = p.root.child("parent");
                if (parent.isPresent() && "spring-boot-starter-parent".equals(parent.get().childText("artifactId"))) {
                    return parent.get().childText("version");
                }
                for (Pom.Element d : p.root.all("dependencyManagement", "dependencies", "dependency")) {
                    if ("spring-boot-dependencies".equals(d.childText("artifactId"))) {
                        return p.resolve(d.childText("version"));
                    }
                }
            }
            return pom.plugin("spring-boot-maven-plugin").map(e -> pom.resolve(e.childText("version"))).orElse(null);
        }

        private Fact<String> health(Pom pom, App app) {
            if (app.framework() == null) {
                return null;
            }
            Optional<Pom.Element> dep = switch (app.framework().value()) {
                case "spring-boot" -> pom.dependency("org.springframework.boot", "spring-boot-starter-actuator");
                case "quarkus" -> pom.dependency("io.quarkus", "quarkus-smallrye-health");
                case "micronaut" -> pom.dependency("io.micronaut", "micronaut-management");
                default -> Optional.empty();
            };
            String path = switch (app.framework().value()) {
                case "spring-boot" -> "/actuator/health";
                case "quarkus" -> "/q/health";
                default -> "/health";
            };
            return dep.map(d -> Fact.of(path, pom.file, d.line())).orElse(null);
        }
    }

    /** quarkus.package.jar.type (or the older quarkus.package.type) set to uber-jar: one NAME-runner.jar. */
    static Fact<String> quarkusUberJar(ProjectFiles files, String dir) {
        Optional<String> props = files.read(under(dir, "src/main/resources/application.properties"));
        if (props.isEmpty()) {
            return null;
        }
        for (String key : List.of("quarkus.package.jar.type", "quarkus.package.type")) {
            Fact<String> f = AppConfig.property(props.get(), under(dir, "src/main/resources/application.properties"), key);
            if (f != null && f.value().equals("uber-jar")) {
                return f;
            }
        }
        return null;
    }

    static boolean atLeast(String version, int major, int minor) {
        Matcher m = Pattern.compile("^([0-9]+)\\.([0-9]+)").matcher(version);
        if (!m.find()) {
            return true;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        return a > major || (a == major && b >= minor);
    }

    // ------------------------------------------------------------------------------------------ Gradle

    private static final class Gradle {
        private static final Pattern INCLUDE = Pattern.compile("^\\s*include\\s*\\(?\\s*(.*)$");
        private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");
        private static final Pattern ROOT_NAME = Pattern.compile("rootProject\\.name\\s*=\\s*[\"']([^\"']+)[\"']");
        private static final Pattern VERSION = Pattern.compile("^\\s*version\\s*=?\\s*[\"']([^\"']+)[\"']");
        private static final Pattern MAIN_CLASS = Pattern.compile(
                "\\bmainClass(?:Name)?\\s*(?:=|\\.set\\()\\s*[\"']([^\"']+)[\"']");
        private static final List<Pattern> JDK = List.of(
                Pattern.compile("JavaLanguageVersion\\.of\\(\\s*[\"']?([0-9]{1,2})[\"']?\\s*\\)"),
                Pattern.compile("jvmToolchain\\(\\s*([0-9]{1,2})\\s*\\)"),
                Pattern.compile("sourceCompatibility\\s*=\\s*JavaVersion\\.VERSION_(?:1_)?([0-9]{1,2})\\b"),
                Pattern.compile("sourceCompatibility\\s*=\\s*JavaVersion\\.toVersion\\(\\s*[\"']?(?:1\\.)?([0-9]{1,2})[\"']?\\s*\\)"),
                Pattern.compile("sourceCompatibility\\s*=\\s*[\"']?(?:1\\.)?([0-9]{1,2})[\"']?\\s*$"));
        private final ProjectFiles files;
        private final List<Warning> warnings;

        Gradle(ProjectFiles files, List<Warning> warnings) {
            this.files = files;
            this.warnings = warnings;
        }

        private record Script(String file, String[] lines) {
            Fact<String> find(Pattern p) {
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].replaceFirst("//.*$", "");
                    Matcher m = p.matcher(line);
                    if (m.find()) {
                        return Fact.of(m.group(1) != null ? m.group(1) : m.group(), file, i + 1);
                    }
                }
                return null;
            }

            Fact<String> plugin(String id) {
                return find(Pattern.compile("(?:\\bid\\s*\\(?\\s*[\"']" + Pattern.quote(id) + "[\"']|apply\\s+plugin\\s*:\\s*[\"']"
                        + Pattern.quote(id) + "[\"'])(.*)$"));
            }
        }

        private Script script(String dir, String base) {
            for (String name : List.of(base + ".gradle.kts", base + ".gradle")) {
                String file = under(dir, name);
                Optional<String> text = files.read(file);
                if (text.isPresent()) {
                    return new Script(file, text.get().split("\n", -1));
                }
            }
            return null;
        }

        Optional<ProjectFacts> detect(String wanted) {
            Script settings = script("", "settings");
            Script rootBuild = script("", "build");
            List<String> evidence = new ArrayList<>();
            List<String> modules = new ArrayList<>(List.of(""));
            if (settings != null) {
                evidence.add(settings.file());
                for (int i = 0; i < settings.lines().length; i++) {
                    Matcher m = INCLUDE.matcher(settings.lines()[i].replaceFirst("//.*$", ""));
                    if (m.find()) {
                        Matcher q = QUOTED.matcher(m.group(1));
                        while (q.find()) {
                            String dir = checkedModule(q.group(1).replaceFirst("^:", "").replace(':', '/'),
                                    Source.of(settings.file(), i + 1));
                            if (!modules.contains(dir)) {
                                modules.add(dir);
                            }
                        }
                    }
                }
            }
            Fact<String> rootName = settings == null ? null : settings.find(ROOT_NAME);
            List<App> apps = new ArrayList<>();
            Map<String, Script> scripts = new LinkedHashMap<>();
            for (String dir : modules) {
                Script s = dir.isEmpty() ? rootBuild : script(dir, "build");
                if (s == null) {
                    continue;
                }
                scripts.put(dir, s);
                evidence.add(s.file());
                String name = dir.isEmpty() ? (rootName == null ? null : checkedName(rootName.value(), rootName.source(),
                        "rootProject.name")) : dir.substring(dir.lastIndexOf('/') + 1);
                App app = classify(dir, s, rootBuild, name);
                if (app != null) {
                    apps.add(app);
                }
            }
            App chosen;
            if (wanted != null) {
                String dir = wanted.equals(".") ? "" : wanted;
                if (dir.isEmpty() || !modules.contains(dir)) {
                    return Optional.empty();
                }
                chosen = apps.stream().filter(a -> a.dir().equals(dir)).findFirst()
                        .orElse(new App(dir, null, null, null, null, null, null, dir));
            } else if (apps.isEmpty()) {
                chosen = new App("", null, null, null, null, null, null, rootName == null ? null : rootName.value());
            } else {
                chosen = apps.get(0);
                if (apps.size() > 1) {
                    warnings.add(new Warning(null, "several application modules ("
                            + String.join(", ", apps.stream().map(a -> a.dir().isEmpty() ? "." : a.dir()).toList())
                            + "); generating for " + (chosen.dir().isEmpty() ? "." : chosen.dir())
                            + "; choose another with --project MODULE"));
                }
            }
            Fact<String> version = null;
            for (Script s : new Script[] {scripts.get(chosen.dir()), rootBuild}) {
                if (s != null && version == null) {
                    for (Pattern p : JDK) {
                        Fact<String> f = s.find(p);
                        if (f != null) {
                            version = f;
                            break;
                        }
                    }
                }
            }
            String wrapper = files.isFile("gradlew") ? "gradlew" : null;
            List<String> buildFiles = new ArrayList<>();
            if (wrapper != null) {
                buildFiles.add("gradlew");
            }
            if (settings != null) {
                buildFiles.add(settings.file());
            }
            scripts.values().forEach(s -> buildFiles.add(s.file()));
            if (files.isFile("gradle.properties")) {
                buildFiles.add("gradle.properties");
            }
            List<String> buildDirs = new ArrayList<>();
            for (String d : List.of("gradle", "buildSrc")) {
                if (files.isDirectory(d)) {
                    buildDirs.add(d);
                }
            }
            Fact<String> tool = Fact.of("gradle", Source.of(settings != null ? settings.file() : rootBuild.file()));
            List<String> others = apps.stream().map(App::dir).filter(d -> !d.equals(chosen.dir()))
                    .map(d -> d.isEmpty() ? "." : d).toList();
            return Optional.of(facts(files, tool, wrapper, chosen, modules, buildFiles, buildDirs, version,
                    health(scripts.get(chosen.dir()), chosen), others, evidence, warnings));
        }

        private String version(Script s, Script root) {
            for (Script x : new Script[] {s, root}) {
                if (x != null) {
                    Fact<String> v = x.find(VERSION);
                    if (v != null) {
                        return checkedName(v.value(), v.source(), "version");
                    }
                }
            }
            Optional<String> props = files.read("gradle.properties");
            if (props.isPresent()) {
                Fact<String> v = AppConfig.property(props.get(), "gradle.properties", "version");
                if (v != null) {
                    return checkedName(v.value(), v.source(), "version");
                }
            }
            return null;
        }

        private App classify(String dir, Script s, Script root, String name) {
            String libs = under(dir, "build/libs");
            String version = version(s, root);
            String base = name == null ? null : version == null ? name : name + "-" + version;
            Source at = Source.of(s.file());
            Fact<String> boot = s.plugin("org.springframework.boot");
            if (boot != null) {
                Matcher v = Pattern.compile("version\\s*\\(?\\s*[\"']([^\"']+)[\"']").matcher(boot.value());
                String bootVersion = v.find() ? v.group(1) : null;
                if (bootVersion == null && root != null && root != s) {
                    Fact<String> r = root.plugin("org.springframework.boot");
                    Matcher rv = r == null ? null : Pattern.compile("version\\s*\\(?\\s*[\"']([^\"']+)[\"']").matcher(r.value());
                    bootVersion = rv != null && rv.find() ? rv.group(1) : null;
                }
                boolean tools = bootVersion == null || atLeast(bootVersion, 3, 3);
                Fact<String> fw = Fact.of("spring-boot", boot.source());
                // bootJar { archiveFileName = "x.jar" } names the executable jar outright
                Fact<String> named = s.find(Pattern.compile("archiveFileName\\s*(?:=|\\.set\\()\\s*[\"']([^\"'$]+\\.jar)[\"']"));
                Fact<String> artifact = named != null
                        ? Fact.of(libs + "/" + checkedName(named.value(), named.source(), "archiveFileName"), named.source())
                        : Fact.of(libs + "/" + (base == null ? "*" : base) + ".jar", at);
                return new App(dir, fw, bootVersion, Fact.of(tools ? JavaDetails.SPRING_BOOT_LAYERS : JavaDetails.SPRING_BOOT_JAR,
                        boot.source()), artifact, null, null, name);
            }
            Fact<String> quarkus = s.plugin("io.quarkus");
            if (quarkus != null) {
                Fact<String> fw = Fact.of("quarkus", quarkus.source());
                Fact<String> uber = quarkusUberJar(files, dir);
                if (uber != null) {
                    return new App(dir, fw, null, Fact.of(JavaDetails.FAT_JAR, uber.source()), Fact.of(under(dir, "build/"
                            + (base == null ? "*" : base) + "-runner.jar"), uber.source()), null, null, name);
                }
                return new App(dir, fw, null, Fact.of(JavaDetails.QUARKUS, fw.source()),
                        Fact.of(under(dir, "build/quarkus-app"), fw.source()), null, null, name);
            }
            Fact<String> shadow = s.plugin("com.gradleup.shadow");
            if (shadow == null) {
                shadow = s.plugin("com.github.johnrengelman.shadow");
            }
            Fact<String> micronaut = s.plugin("io.micronaut.application");
            Fact<String> mainClass = checkedClass(s.find(MAIN_CLASS));
            Fact<String> fw = micronaut == null ? null : Fact.of("micronaut", micronaut.source());
            if (shadow != null && (micronaut != null || mainClass != null)) {
                return new App(dir, fw, null, Fact.of(JavaDetails.FAT_JAR, shadow.source()),
                        Fact.of(libs + "/" + (base == null ? "*" : base) + "-all.jar", at), null, mainClass, name);
            }
            Fact<String> application = s.find(Pattern.compile("(\\bid\\s*\\(?\\s*[\"']application[\"']|^\\s*application\\s*$)"));
            if ((application != null || micronaut != null) && mainClass != null) {
                if (name == null) {
                    warnings.add(new Warning(at, "rootProject.name is not set in settings.gradle, so the installDist "
                            + "folder's name is the checkout's directory name; set rootProject.name"));
                    return null;
                }
                return new App(dir, fw, null, Fact.of(JavaDetails.GRADLE_INSTALL, (application != null ? application : micronaut)
                        .source()), Fact.of(under(dir, "build/install/" + name + "/lib"), at), null, mainClass, name);
            }
            return null;
        }

        private Fact<String> health(Script s, App app) {
            if (s == null || app.framework() == null) {
                return null;
            }
            String[] dep = switch (app.framework().value()) {
                case "spring-boot" -> new String[] {"spring-boot-starter-actuator", "/actuator/health"};
                case "quarkus" -> new String[] {"quarkus-smallrye-health", "/q/health"};
                default -> new String[] {"micronaut-management", "/health"};
            };
            Fact<String> f = s.find(Pattern.compile("(" + Pattern.quote(dep[0]) + ")"));
            return f == null ? null : Fact.of(dep[1], f.source());
        }
    }
}
