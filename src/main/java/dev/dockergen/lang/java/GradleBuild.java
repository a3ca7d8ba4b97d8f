package dev.dockergen.lang.java;

import static dev.dockergen.lang.java.JavaDetector.atLeast;
import static dev.dockergen.lang.java.JavaDetector.checkedClass;
import static dev.dockergen.lang.java.JavaDetector.checkedModule;
import static dev.dockergen.lang.java.JavaDetector.checkedName;
import static dev.dockergen.lang.java.JavaDetector.facts;
import static dev.dockergen.lang.java.JavaDetector.quarkusUberJar;
import static dev.dockergen.lang.java.JavaDetector.under;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import dev.dockergen.lang.java.JavaDetector.App;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Gradle build: its projects (settings.gradle[.kts]), the application among them and how it packages. */
final class GradleBuild {
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

    GradleBuild(ProjectFiles files, List<Warning> warnings) {
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
        return Optional.of(facts(files, tool, wrapper, null, chosen, modules, buildFiles, buildDirs, version,
                health(scripts.get(chosen.dir()), chosen), others, evidence, true, frontend(scripts.get(chosen.dir()),
                rootBuild), warnings));
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
                    Fact.of(under(dir, "build/quarkus-app/quarkus-run.jar"), fw.source()), null, null, name);
        }
        Fact<String> shadow = s.plugin("com.gradleup.shadow");
        if (shadow == null) {
            shadow = s.plugin("com.github.johnrengelman.shadow");
        }
        Fact<String> micronaut = s.plugin("io.micronaut.application");
        Fact<String> mainClass = checkedClass(s.find(MAIN_CLASS));
        Fact<String> fw = micronaut == null ? library(s) : Fact.of("micronaut", micronaut.source());
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

    /** The Gradle node plugin (or a frontend plugin) that builds the web frontend inside the build. */
    private static Fact<String> frontend(Script s, Script root) {
        for (Script x : new Script[] {s, root}) {
            if (x != null) {
                for (String id : List.of("com.github.node-gradle.node", "org.siouan.frontend-jdk17", "org.siouan.frontend-jdk21",
                        "com.vaadin")) {
                    Fact<String> f = x.plugin(id);
                    if (f != null) {
                        return Fact.of(id, f.source());
                    }
                }
            }
        }
        return null;
    }

    /** A web framework that is a plain library (WebLibraries.KNOWN), named by a dependency of the project. */
    private static Fact<String> library(Script s) {
        for (WebLibraries.Library l : WebLibraries.KNOWN) {
            Fact<String> dep = s.find(Pattern.compile("([\"']" + Pattern.quote(l.group() + ":" + l.artifact()) + ")"));
            if (dep != null) {
                return Fact.of(l.name(), dep.source());
            }
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
