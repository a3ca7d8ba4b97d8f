package dev.dockergen.lang.java;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.LanguageDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java facts the planner needs.
 *
 * @param buildTool "maven" or "gradle", with the build file it came from
 * @param wrapper "mvnw" or "gradlew" when the project carries a wrapper script, else null
 * @param wrapperTool the Maven version the wrapper downloads (distributionUrl in .mvn/wrapper/maven-wrapper.properties),
 *        or null
 * @param goals goals the build runs after {@code package} because no execution binds them (assembly:single,
 *        shade:shade, dependency:copy-dependencies), with the line that asks for them; or null
 * @param module the application module's directory ("" for a single-module build)
 * @param modules every module directory of the build ("" first), whose build files the dependency layer copies
 * @param buildFiles the build files the dependency layer copies, repository-relative, in order
 * @param buildDirs directories of build settings copied with the build files (.mvn, gradle)
 * @param layout how the build output is laid out and started: see the constants
 * @param artifact the jar the build writes (Quarkus: quarkus-app/quarkus-run.jar), relative to the build root; may end in
 *        "*.jar" when its name cannot be known from the build files
 * @param libDir the folder of dependency jars next to the jar ({@link #JAR_WITH_LIBS}), relative to the build root
 * @param mainClass the main class when the build names one (shade, jar, assembly, application plugins)
 * @param frameworkVersion Spring Boot's version when the build names it (it decides the extraction mode)
 * @param healthPath a health endpoint (actuator, SmallRye Health, a /health context), or null
 * @param otherApps further application modules that were not selected
 * @param name the application's name, safe as an image name
 * @param serverConfig the configuration file the program is started with (Dropwizard's {@code server FILE}), relative
 *        to the build root, or null
 * @param frontend the build plugin or extension that builds the web frontend with npm (frontend-maven-plugin, Quinoa,
 *        Vaadin, the Gradle node plugin), or null
 * @param container how a war is served ({@link #WAR}: the Tomcat version; {@link #WILDFLY}: the bootable jar's
 *        plugin), with the line that decides it; or null
 * @param imageSkip the {@code -DPROPERTY=true} flags that turn off the container-image plugins the package phase would
 *        run (ImagePlugins), with the plugin's line; or null
 * @param runtimeFiles files the program reads at run time (jte templates, key stores) and secrets it expects mounted
 */
public record JavaDetails(
        Fact<String> buildTool,
        String wrapper,
        Fact<String> wrapperTool,
        Fact<String> goals,
        String module,
        List<String> modules,
        List<String> buildFiles,
        List<String> buildDirs,
        Fact<String> layout,
        Fact<String> artifact,
        String libDir,
        Fact<String> mainClass,
        String frameworkVersion,
        Fact<String> healthPath,
        List<String> otherApps,
        String name,
        Fact<String> serverConfig,
        Fact<String> frontend,
        Fact<String> container,
        Fact<String> imageSkip,
        JavaRuntimeFiles runtimeFiles) implements LanguageDetails {

    /** Spring Boot 3.3 or later: the executable jar extracted with the tools jar mode into its layers. */
    public static final String SPRING_BOOT_LAYERS = "spring-boot-layers";
    /** Spring Boot before 3.3 (no tools jar mode): the executable jar as it is. */
    public static final String SPRING_BOOT_JAR = "spring-boot-jar";
    /** Quarkus fast-jar: quarkus-app/ with lib/, app/, quarkus/ and quarkus-run.jar (the artifact). */
    public static final String QUARKUS = "quarkus-fast-jar";
    /** One jar with every dependency inside (shade, assembly, shadow, Micronaut). */
    public static final String FAT_JAR = "fat-jar";
    /** A jar whose manifest names the main class and a lib/ folder of dependency jars next to it. */
    public static final String JAR_WITH_LIBS = "jar-with-libs";
    /** A thin jar run with -cp beside its dependency jars (libDir, when it has any) and the main class named. */
    public static final String CLASSPATH = "classpath";
    /** Gradle's application plugin: installDist writes lib/ with the jar and every dependency. */
    public static final String GRADLE_INSTALL = "gradle-install";
    /** A war served by Apache Tomcat from Maven Central (the container's version in {@link #container}). */
    public static final String WAR = "war-on-tomcat";
    /** {@link #container} of a WildFly bootable jar: the server and the war in one jar, bound with -b. */
    public static final String WILDFLY = "wildfly-bootable-jar";

    public JavaDetails {
        modules = List.copyOf(modules);
        buildFiles = List.copyOf(buildFiles);
        buildDirs = List.copyOf(buildDirs);
        otherApps = List.copyOf(otherApps);
        runtimeFiles = runtimeFiles == null ? JavaRuntimeFiles.NONE : runtimeFiles;
    }

    public boolean maven() {
        return buildTool.value().equals("maven");
    }

    @Override
    public boolean buildsFrontend() {
        return frontend != null;
    }

    @Override
    public String title() {
        return name;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buildTool", buildTool);
        m.put("wrapper", wrapper);
        if (wrapperTool != null) {
            m.put("wrapperMaven", wrapperTool);
        }
        if (goals != null) {
            m.put("goals", goals);
        }
        m.put("module", module.isEmpty() ? "." : module);
        m.put("modules", modules.stream().map(x -> x.isEmpty() ? "." : x).toList());
        m.put("buildFiles", buildFiles);
        m.put("layout", layout);
        m.put("artifact", artifact);
        m.put("libDir", libDir);
        m.put("mainClass", mainClass);
        m.put("frameworkVersion", frameworkVersion);
        m.put("healthPath", healthPath);
        m.put("otherApps", otherApps);
        if (serverConfig != null) {
            m.put("serverConfig", serverConfig);
        }
        if (frontend != null) {
            m.put("frontend", frontend);
        }
        if (!runtimeFiles.context().isEmpty() || !runtimeFiles.built().isEmpty()) {
            List<Fact<String>> reads = new java.util.ArrayList<>(runtimeFiles.context());
            reads.addAll(runtimeFiles.built());
            m.put("runtimeFiles", reads);
        }
        if (!runtimeFiles.secrets().isEmpty()) {
            m.put("secrets", runtimeFiles.secrets());
        }
        if (imageSkip != null) {
            m.put("imageSkip", imageSkip);
        }
        if (container != null) {
            m.put(layout != null && layout.value().equals(WAR) ? "tomcat" : "container", container);
        }
        return m;
    }
}
