package dev.dockergen.lang.java;

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
import java.util.List;
import java.util.Locale;
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
    public static final String DEFAULT_JAVA = "25";
    /** Maven reads every module however deep; 3 left out helidon-examples' examples/integrations/cdi/jpa. */
    static final int MAX_MODULE_DEPTH = 8;
    static final Pattern PORT_IN_CODE = Pattern.compile(
            "(?:InetSocketAddress\\(\\s*(?:\"[^\"]*\"\\s*,\\s*)?|getOrDefault\\(\\s*\"PORT\"\\s*,\\s*\"|\\bPORT\\s*=\\s*)([0-9]{2,5})\\b");
    private static final Pattern MODULE_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern JAVA_VERSION = Pattern.compile("(?:1\\.)?([0-9]{1,2})(?:\\.[0-9]+)*");
    private static final Pattern HEALTH_CONTEXT = Pattern.compile("createContext\\(\\s*\"(/(?:healthz|health|livez|readyz|ping))\"");

    /** The Java release the build compiles for, when it is past its end of life. */
    @Override
    public Optional<Warning> endOfLife(ProjectFacts facts) {
        Fact<String> v = facts.languageVersion();
        return JavaEndOfLife.TABLE.warning(v, v == null ? null : v.value().replaceFirst("^1\\.", ""), DEFAULT_JAVA);
    }

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
            return new MavenBuild(files, warnings).detect(wanted);
        }
        for (String f : List.of("settings.gradle.kts", "settings.gradle", "build.gradle.kts", "build.gradle")) {
            if (files.isFile(f)) {
                return new GradleBuild(files, warnings).detect(wanted);
            }
        }
        return Optional.empty();
    }

    /** What one module is, when it is an application. */
    record App(String dir, Fact<String> framework, String frameworkVersion, Fact<String> layout,
                       Fact<String> artifact, String libDir, Fact<String> mainClass, String name, Fact<String> goals,
                       Fact<String> container, Fact<String> imageSkip) {
        App(String dir, Fact<String> framework, String frameworkVersion, Fact<String> layout,
            Fact<String> artifact, String libDir, Fact<String> mainClass, String name) {
            this(dir, framework, frameworkVersion, layout, artifact, libDir, mainClass, name, null, null, null);
        }

        App(String dir, Fact<String> framework, String frameworkVersion, Fact<String> layout,
            Fact<String> artifact, String libDir, Fact<String> mainClass, String name, Fact<String> goals) {
            this(dir, framework, frameworkVersion, layout, artifact, libDir, mainClass, name, goals, null, null);
        }

        /** The same application, its package run with these image plugins skipped (ImagePlugins). */
        App withImageSkip(Fact<String> skip) {
            return new App(dir, framework, frameworkVersion, layout, artifact, libDir, mainClass, name, goals, container, skip);
        }
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
    private static Fact<Integer> port(ProjectFiles files, App app, List<String> modules) {
        if (app.container() != null) {
            // Tomcat's server.xml and WildFly's standalone configuration serve HTTP on 8080
            return Fact.of(8080, app.layout().value().equals(JavaDetails.WAR) ? app.layout().source() : app.container().source());
        }
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
            if (set == null && framework.equals("spring-boot")) {
                set = AppConfig.springPort(files, resources, modules, "server.port");
            }
            return set != null ? set : Fact.of(8080, app.framework().source());
        }
        if (app.framework() != null) {
            return WebLibraries.port(files, app.dir(), app.framework(), sources(files, app.dir()));
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

    static List<String> sources(ProjectFiles files, String dir) {
        return files.walk(under(dir, "src/main/java"), 12, d -> false).stream()
                .filter(p -> p.endsWith(".java")).limit(2000).toList();
    }


    static ProjectFacts facts(ProjectFiles files, Fact<String> tool, String wrapper, Fact<String> wrapperTool, App app,
                                      List<String> modules,
                                      List<String> buildFiles, List<String> buildDirs, Fact<String> version,
                                      Fact<String> health, List<String> otherApps, List<String> evidence,
                                      boolean servesHttp, Fact<String> frontend, List<Warning> warnings) {
        Fact<Integer> port = app.layout() == null || !servesHttp ? null : port(files, app, modules);
        if (health == null && app.layout() != null && app.framework() == null) {
            health = SourceSearch.firstMatch(files, sources(files, app.dir()), HEALTH_CONTEXT);
        }
        List<String> start = null;
        if (app.layout() != null) {
            start = switch (app.layout().value()) {
                case JavaDetails.SPRING_BOOT_LAYERS -> List.of("java", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher");
                case JavaDetails.QUARKUS -> List.of("java", "-jar", "/app/quarkus-run.jar");
                case JavaDetails.GRADLE_INSTALL -> List.of("java", "-cp", "/app/lib/*", app.mainClass().value());
                case JavaDetails.WAR -> List.of("java", "-Dcatalina.home=/app", "-Dcatalina.base=/app", "-cp",
                        "/app/bin/bootstrap.jar:/app/bin/tomcat-juli.jar", "org.apache.catalina.startup.Bootstrap", "start");
                case JavaDetails.CLASSPATH -> List.of("java", "-cp", app.libDir() != null ? "/app/app.jar:/app/lib/*"
                        : "/app/app.jar", app.mainClass().value());
                default -> app.container() != null && app.container().value().equals(JavaDetails.WILDFLY)
                        ? List.of("java", "-jar", "/app/app.jar", "-b", "0.0.0.0") : List.of("java", "-jar", "/app/app.jar");
            };
            if (app.container() != null && app.container().value().equals(JavaDetails.WILDFLY)) {
                warnings.add(new Warning(app.container().source(), "WildFly binds 127.0.0.1 (loopback) unless started "
                        + "with -b: the image passes -b 0.0.0.0 so the port is reachable from outside the container"));
            }
        } else {
            warnings.add(new Warning(Source.of(tool.source().file()), "no application found in this build (no Spring "
                    + "Boot, Quarkus or Micronaut plugin, no main class in a shade, assembly, jar or application plugin); "
                    + "a library is not containerised"));
        }
        Fact<String> serverConfig = null;
        Optional<DropwizardConfig> config = Optional.empty();
        if (start != null && app.framework() != null && app.framework().value().equals("dropwizard")) {
            // a Dropwizard application serves with `server FILE`; without a file it prints its usage and exits
            config = DropwizardConfig.find(files, app.dir());
            serverConfig = config.map(c -> Fact.of(c.file(), c.file(), 1)).orElse(null);
            Fact<String> bind = config.map(DropwizardConfig::bindHost).orElse(null);
            if (bind != null && (bind.value().equals("localhost") || bind.value().startsWith("127.") || bind.value().equals("::1"))) {
                warnings.add(new Warning(bind.source(), "the application connector binds " + bind.value() + " (loopback), "
                        + "which no one outside the container reaches: set bindHost: 0.0.0.0 in " + config.get().file()
                        + " or pass another configuration file with --arg"));
            }
            if (serverConfig != null) {
                List<String> withArgs = new java.util.ArrayList<>(start);
                withArgs.addAll(List.of("server", "/app/" + checkedName(serverConfig.value().substring(serverConfig.value()
                        .lastIndexOf('/') + 1), serverConfig.source(), "configuration file")));
                start = List.copyOf(withArgs);
            }
        }
        String frameworkVersion = app.frameworkVersion() != null && app.frameworkVersion().matches("[0-9][0-9A-Za-z.+-]{0,39}")
                ? app.frameworkVersion() : null; // only shown in a comment, but never a line break
        JavaDetails details = new JavaDetails(tool, wrapper, wrapperTool, app.goals(), app.dir(), modules, buildFiles, buildDirs, app.layout(),
                app.artifact(), app.libDir(), app.mainClass(), frameworkVersion, health, otherApps, imageName(app.name()), serverConfig, frontend,
                app.container(), app.imageSkip(), start == null ? null : JavaRuntimeFiles.find(files, app.dir(), sources(files, app.dir()),
                        modulePom(files, tool, app.dir()), config.orElse(null)));
        return new ProjectFacts(".", Language.JAVA, tool.value(), tool.value(), version, app.framework(), port, start,
                evidence, details);
    }

    /** The module's own pom.xml (its plugins; read before, so well-formed), or null for Gradle. */
    private static Pom modulePom(ProjectFiles files, Fact<String> tool, String dir) {
        if (!tool.value().equals("maven")) {
            return null;
        }
        return files.read(under(dir, "pom.xml")).map(t -> Pom.parse(under(dir, "pom.xml"), t)).orElse(null);
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
}
