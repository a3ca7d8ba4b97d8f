package dev.dockergen.lang.java;

import static dev.dockergen.lang.java.JavaDetector.MAX_MODULE_DEPTH;
import static dev.dockergen.lang.java.JavaDetector.atLeast;
import static dev.dockergen.lang.java.JavaDetector.checkedClass;
import static dev.dockergen.lang.java.JavaDetector.checkedModule;
import static dev.dockergen.lang.java.JavaDetector.checkedName;
import static dev.dockergen.lang.java.JavaDetector.facts;
import static dev.dockergen.lang.java.JavaDetector.major;
import static dev.dockergen.lang.java.JavaDetector.quarkusUberJar;
import static dev.dockergen.lang.java.JavaDetector.under;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Shown;
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

/** A Maven build: its modules (pom.xml), the application module among them and how it packages. */
final class MavenBuild {
    /** Pinned, runtime scope only (the goal's default copies test dependencies too). */
    static final String DEPENDENCY_PLUGIN = "3.8.1";
    static final String COPY_DEPENDENCIES = "org.apache.maven.plugins:maven-dependency-plugin:" + DEPENDENCY_PLUGIN
            + ":copy-dependencies -DincludeScope=runtime";
    /** The same plugin's unpack goal, pinned (a servlet container's archive from Maven Central). */
    static final String UNPACK = "org.apache.maven.plugins:maven-dependency-plugin:" + DEPENDENCY_PLUGIN + ":unpack";
    /**
     * The dependency layer's goal, pinned like the others: the prefix alone runs whatever version the build's
     * pluginManagement names, and 2.x's go-offline resolves the reactor's own modules' jars before they are built.
     */
    static final String GO_OFFLINE = "org.apache.maven.plugins:maven-dependency-plugin:" + DEPENDENCY_PLUGIN + ":go-offline";
    private static final Pattern DISTRIBUTION = Pattern.compile(
            "^\\s*distributionUrl\\s*[=:].*apache-maven-([0-9]{1,3}(?:\\.[0-9]{1,3}){1,2})-bin\\.(?:zip|tar\\.gz)\\s*$");
    private final ProjectFiles files;
    private final List<Warning> warnings;

    MavenBuild(ProjectFiles files, List<Warning> warnings) {
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
        boolean serves = chosen.framework() == null || chosen.container() != null
                || servesHttp(pom, chosen.framework().value(), modules);
        return Optional.of(facts(files, Fact.of("maven", Source.of("pom.xml")), wrapper,
                wrapper == null ? null : wrapperMaven(), chosen.withImageSkip(ImagePlugins.skips(modules, chosen.dir())),
                List.copyOf(modules.keySet()), buildFiles, buildDirs, version, health(pom, chosen), others, evidence,
                serves, frontend(pom), warnings));
    }

    /**
     * The plugin or extension that builds the web frontend with npm inside the Maven build (frontend-maven-plugin,
     * vaadin-maven-plugin, Quarkus Quinoa), in the module's plugins or a profile active by default.
     */
    private Fact<String> frontend(Pom pom) {
        List<Pom.Element> plugins = new ArrayList<>(pom.plugins());
        pom.activeProfiles(f -> false).forEach(p -> plugins.addAll(p.all("build", "plugins", "plugin")));
        for (Pom.Element p : plugins) {
            String a = p.childText("artifactId");
            if ("frontend-maven-plugin".equals(a) || "vaadin-maven-plugin".equals(a)) {
                return Fact.of(a, pom.file, p.line());
            }
        }
        return pom.dependency("io.quarkiverse.quinoa", "quarkus-quinoa").map(d -> Fact.of("quarkus-quinoa", pom.file, d.line()))
                .orElse(null);
    }

    /** Whether the module's own dependencies (tests aside) bring an HTTP server (WebLibraries.servesHttp). */
    private static boolean servesHttp(Pom pom, String framework, Map<String, Pom> modules) {
        List<String> siblings = modules.values().stream().map(p -> p.resolveOr(p.artifactId())).toList();
        List<Pom.Element> deps = pom.dependencies().stream().filter(d -> !"test".equals(d.childText("scope"))).toList();
        boolean sibling = deps.stream().anyMatch(d -> siblings.contains(pom.resolveOr(d.childText("artifactId"))));
        return WebLibraries.servesHttp(framework, deps.stream().map(d -> pom.resolveOr(d.childText("artifactId")))
                .filter(a -> a != null).toList(), sibling);
    }

    /** The Maven version the wrapper downloads: the apache-maven-X.Y.Z archive its distributionUrl names. */
    private Fact<String> wrapperMaven() {
        String file = ".mvn/wrapper/maven-wrapper.properties";
        Optional<String> text = files.read(file);
        if (text.isEmpty()) {
            return null;
        }
        String[] lines = text.get().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DISTRIBUTION.matcher(lines[i]);
            if (m.find()) {
                return Fact.of(m.group(1), file, i + 1);
            }
        }
        return null;
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
            if (pom.root.path("parent", "artifactId").map(Pom.Element::text).filter(a -> a.equals(parent.artifactId()))
                    .isPresent()) {
                // Maven merges the parent's plugins into the module, with those of the parent's profiles that the
                // module activates (a file it has, or activeByDefault)
                pom.inheritedPlugins.addAll(parent.plugins());
                for (Pom.Element profile : parent.activeProfiles(f -> files.isFile(under(child, f)))) {
                    pom.inheritedPlugins.addAll(profile.all("build", "plugins", "plugin"));
                }
            }
            out.put(child, pom);
            collect(pom, child, depth + 1, out);
        }
    }

    private Fact<String> jdk(Pom pom) {
        List<Pom.Property> candidates = new ArrayList<>();
        for (String key : List.of("maven.compiler.release", "maven.compiler.source", "maven.compiler.target",
                "java.version", "release.version", "jdk.version")) {
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
        if (candidates.isEmpty()) {
            return parentDefault(pom);
        }
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

    /**
     * The Java level a known parent sets when the module sets none: spring-boot-starter-parent's java.version (1.8 up
     * to Spring Boot 2, 17 from 3), Helidon's application parents (11 for Helidon 2, 17 for 3, 21 for 4).
     */
    private static Fact<String> parentDefault(Pom pom) {
        Optional<Pom.Element> parent = pom.root.child("parent");
        if (parent.isEmpty()) {
            return null;
        }
        String artifact = parent.get().childText("artifactId");
        String version = parent.get().childText("version");
        Matcher m = Pattern.compile("^([0-9]+)\\.").matcher(version == null ? "" : version);
        if (!m.find()) {
            return null;
        }
        int major = Integer.parseInt(m.group(1));
        int line = parent.get().child("version").map(Pom.Element::line).orElse(parent.get().line());
        String java = null;
        if ("spring-boot-starter-parent".equals(artifact)) {
            java = major >= 3 ? "17" : "8";
        } else if ("io.helidon.applications".equals(parent.get().childText("groupId")) && major >= 2) {
            java = major == 2 ? "11" : major == 3 ? "17" : "21";
        }
        return java == null ? null : Fact.of(java, pom.file, line);
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
            // the plugin's own <finalName> (repackage's parameter) names the executable jar instead of the build's
            Optional<Pom.Element> bootName = boot.get().descendants("finalName").stream().findFirst();
            if (bootName.isPresent()) {
                String n = pom.resolve(bootName.get().text());
                base = n == null ? null : checkedName(n, Source.of(pom.file, bootName.get().line()), "jar name");
                nameAt = Source.of(pom.file, bootName.get().line());
            }
            String suffix = classifier.map(c -> "-" + checkedName(pom.resolveOr(c.text()), Source.of(pom.file, c.line()),
                    "classifier")).orElse("");
            Fact<String> executable = jar(target, base, suffix, classifier.map(c -> Source.of(pom.file, c.line()))
                    .orElse(nameAt));
            if (WarApps.war(pom)) {
                // repackage makes the war executable (java -jar NAME.war), but the tools jar mode extracts jars only
                return new App(dir, fw, v, Fact.of(JavaDetails.SPRING_BOOT_JAR, fw.source()), Fact.of(executable.value()
                        .replaceFirst("\\.jar$", ".war"), executable.source()), null, null, name);
            }
            return new App(dir, fw, v, Fact.of(tools ? JavaDetails.SPRING_BOOT_LAYERS : JavaDetails.SPRING_BOOT_JAR,
                    fw.source()), executable, null, null, name);
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
                    Fact.of(target + "/quarkus-app/quarkus-run.jar", fw.source()), null, null, name);
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
        App war = WarApps.classify(files, dir, pom, base, nameAt, name);
        if (war != null) {
            return war;
        }
        Fact<String> library = library(pom);
        if (helidonParent(pom)) {
            // io.helidon.applications:helidon-se/-mp: the parent's jar manifest names ${mainClass} and libs/, which its
            // copy-libs execution fills; its finalName is the artifactId
            Pom.Property main = pom.properties.get("mainClass");
            Fact<String> mainClass = main == null ? null : checkedClass(Fact.of(main.value(), main.file(), main.line()));
            Source parentAt = Source.of(pom.file, pom.root.child("parent").orElseThrow().line());
            return mainClass == null ? null : new App(dir, Fact.of("helidon", parentAt), null,
                    Fact.of(JavaDetails.JAR_WITH_LIBS, parentAt), jar(target, checkedName(name, nameAt, "jar name"), "", parentAt),
                    under(dir, "target/libs"), mainClass, name);
        }
        Fact<String> mainClass = null;
        boolean manifest = false;
        List<Pom.Element> plugins = new ArrayList<>(pom.plugins());
        // the jar plugin runs in every jar build, so its managed configuration (the manifest) applies too
        pom.root.all("build", "pluginManagement", "plugins", "plugin").stream()
                .filter(p -> "maven-jar-plugin".equals(p.childText("artifactId"))).forEach(plugins::add);
        for (Pom.Element plugin : plugins) {
            for (Pom.Element mc : plugin.descendants("mainClass")) {
                String v = pom.resolve(mc.text());
                if (v != null && mainClass == null) {
                    mainClass = checkedClass(Fact.of(v, pom.file, mc.line()));
                    // exec-maven-plugin's mainClass runs `mvn exec:java`; it writes no manifest
                    manifest = !"exec-maven-plugin".equals(plugin.childText("artifactId"));
                }
            }
        }
        if (mainClass == null && (library != null || pom.modules().isEmpty() && dir.isEmpty())) {
            // no build file names it: the one main class in the sources, run from the class path
            mainClass = checkedClass(SourceMains.single(files, dir));
            manifest = false;
        }
        if (mainClass == null) {
            return null;
        }
        Optional<Pom.Element> shade = pom.plugin("maven-shade-plugin");
        if (shade.isPresent()) {
            boolean attached = shade.get().descendants("shadedArtifactAttached").stream().anyMatch(e -> e.text().equals("true"));
            String classifier = shade.get().descendants("shadedClassifierName").stream().map(Pom.Element::text)
                    .findFirst().orElse("shaded");
            Optional<Pom.Element> shadeName = shade.get().descendants("finalName").stream().findFirst();
            String shadeBase = shadeName.map(e -> pom.resolve(e.text())).map(n -> checkedName(n,
                    Source.of(pom.file, shadeName.get().line()), "jar name")).orElse(base);
            return new App(dir, library, null, Fact.of(JavaDetails.FAT_JAR, pom.file, shade.get().line()),
                    jar(target, shadeBase, attached ? "-" + checkedName(classifier, Source.of(pom.file, shade.get().line()),
                            "classifier") : "", shadeName.map(e -> Source.of(pom.file, e.line())).orElse(nameAt)), null,
                    mainClass, name, unbound(pom, shade.get(), "shade:shade"));
        }
        Optional<Pom.Element> assembly = pom.plugin("maven-assembly-plugin");
        if (assembly.isPresent() && assembly.get().descendants("descriptorRef").stream()
                .anyMatch(e -> e.text().equals("jar-with-dependencies"))) {
            // the plugin's <finalName> replaces the build's; appendAssemblyId=false drops -jar-with-dependencies
            Optional<Pom.Element> assemblyName = assembly.get().descendants("finalName").stream().findFirst();
            String assemblyBase = assemblyName.map(e -> pom.resolve(e.text())).map(n -> checkedName(n,
                    Source.of(pom.file, assemblyName.get().line()), "jar name")).orElse(base);
            boolean append = assembly.get().descendants("appendAssemblyId").stream().noneMatch(e -> e.text().equals("false"));
            return new App(dir, library, null, Fact.of(JavaDetails.FAT_JAR, pom.file, assembly.get().line()),
                    jar(target, assemblyBase, append ? "-jar-with-dependencies" : "", assemblyName
                            .map(e -> Source.of(pom.file, e.line())).orElse(nameAt)), null, mainClass, name,
                    unbound(pom, assembly.get(), "assembly:single"));
        }
        Optional<Pom.Element> copy = pom.plugin("maven-dependency-plugin").filter(p -> p.descendants("goal").stream()
                .anyMatch(g -> g.text().equals("copy-dependencies")));
        if (copy.isPresent()) {
            String out = copy.get().descendants("outputDirectory").stream().map(e -> pom.resolve(e.text()))
                    .filter(v -> v != null).findFirst().orElse("target/dependency")
                    .replaceFirst("^\\./", "").replaceFirst("/$", "");
            checkedModule(out, Source.of(pom.file, copy.get().line()));
            // without a manifest main class the jar and the copied folder run from the class path
            return new App(dir, library, null, Fact.of(manifest ? JavaDetails.JAR_WITH_LIBS : JavaDetails.CLASSPATH, pom.file,
                    copy.get().line()), jar(target, base, "", nameAt), under(dir, out), mainClass, name);
        }
        boolean runtimeDeps = pom.dependencies().stream().anyMatch(d -> !"test".equals(d.childText("scope"))
                && !"provided".equals(d.childText("scope")));
        if (!manifest || runtimeDeps) {
            // a thin jar: its dependencies copied beside it by the build and the main class named on the class path
            return new App(dir, library, null, Fact.of(JavaDetails.CLASSPATH, mainClass.source()),
                    jar(target, base, "", nameAt), runtimeDeps ? under(dir, "target/dependency") : null, mainClass, name,
                    runtimeDeps ? Fact.of(COPY_DEPENDENCIES, mainClass.source()) : null);
        }
        return new App(dir, library, null, Fact.of(JavaDetails.FAT_JAR, mainClass.source()), jar(target, base, "", nameAt),
                null, mainClass, name);
    }

    /** A web framework that is a plain library (WebLibraries.KNOWN), named by the module's dependency. */
    private static Fact<String> library(Pom pom) {
        for (WebLibraries.Library l : WebLibraries.KNOWN) {
            Optional<Pom.Element> dep = pom.dependency(l.group(), l.artifact());
            if (dep.isPresent()) {
                return Fact.of(l.name(), pom.file, dep.get().line());
            }
        }
        return helidonParent(pom) ? Fact.of("helidon", pom.file, pom.root.child("parent").orElseThrow().line()) : null;
    }

    private static boolean helidonParent(Pom pom) {
        return pom.root.path("parent", "groupId").map(Pom.Element::text).filter(g -> g.equals("io.helidon.applications"))
                .isPresent();
    }

    /** The goal to run after package when the plugin declares no execution (so package does not run it). */
    private static Fact<String> unbound(Pom pom, Pom.Element plugin, String goal) {
        return plugin.child("executions").isPresent() ? null : Fact.of(goal, pom.file, plugin.line());
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
