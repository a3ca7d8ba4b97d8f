package dev.dockergen.lang.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.ExitCode;
import dev.dockergen.Fixtures;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.MemoryProjectFiles;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaDetectorTest {
    private final List<Warning> warnings = new ArrayList<>();

    private ProjectFacts fixture(String name) {
        return detect(new DirectoryProjectFiles(Fixtures.ROOT.resolve("java").resolve(name), name));
    }

    private ProjectFacts detect(ProjectFiles files) {
        return new JavaDetector().detect(files, DetectOptions.DEFAULT, warnings).orElseThrow();
    }

    private static JavaDetails details(ProjectFacts p) {
        return (JavaDetails) p.details();
    }

    private static String pom(String body) {
        return "<?xml version=\"1.0\"?>\n<project>\n  <groupId>g</groupId>\n  <artifactId>a</artifactId>\n"
                + "  <version>1</version>\n" + body + "</project>\n";
    }

    @Test
    void springBootMavenWithEverySource() {
        ProjectFacts p = fixture("spring-boot-maven");
        assertEquals(Fact.of("17", "pom.xml", 15), p.languageVersion());
        assertEquals(Fact.of("spring-boot", "pom.xml", 31), p.framework());
        assertEquals(Fact.of(9090, "src/main/resources/application.properties", 3), p.port());
        JavaDetails d = details(p);
        assertEquals(JavaDetails.SPRING_BOOT_LAYERS, d.layout().value());
        assertEquals("3.5.7", d.frameworkVersion());
        assertEquals(Fact.of("target/catalog-0.3.0-SNAPSHOT.jar", "pom.xml", 11), d.artifact());
        assertEquals(Fact.of("/actuator/health", "pom.xml", 23), d.healthPath());
        assertEquals(List.of(), warnings);
    }

    @Test
    void springBootGradleKotlinPicksTheBootJarAndTheToolchain() {
        ProjectFacts p = fixture("spring-boot-gradle-kts");
        assertEquals("gradle", p.buildTool());
        assertEquals(Fact.of("21", "build.gradle.kts", 12), p.languageVersion());
        assertEquals(Fact.of(8082, "src/main/resources/application.yml", 5), p.port());
        JavaDetails d = details(p);
        assertEquals("gradlew", d.wrapper());
        assertEquals("build/libs/inventory-0.1.0.jar", d.artifact().value());
        assertEquals(List.of("gradlew", "settings.gradle.kts", "build.gradle.kts"), d.buildFiles());
        assertEquals(List.of("gradle"), d.buildDirs());
    }

    @Test
    void quarkusFastJarAndItsProdPort() {
        ProjectFacts p = fixture("quarkus-maven");
        assertEquals(Fact.of("quarkus", "pom.xml", 39), p.framework());
        assertEquals(Fact.of(8090, "src/main/resources/application.properties", 1), p.port());
        assertEquals("target/quarkus-app/quarkus-run.jar", details(p).artifact().value());
        assertEquals("mvnw", details(p).wrapper());
        assertEquals(List.of(".mvn"), details(p).buildDirs());
    }

    @Test
    void micronautGradleWithShadowAndSourceCompatibility() {
        ProjectFacts p = fixture("micronaut-gradle");
        assertEquals(Fact.of("21", "build.gradle", 24), p.languageVersion());
        assertEquals(Fact.of("micronaut", "build.gradle", 2), p.framework());
        assertEquals(Fact.of(8070, "src/main/resources/application.yml", 5), p.port());
        assertEquals("build/libs/weather-0.2.0-all.jar", details(p).artifact().value());
        assertNull(details(p).wrapper());
    }

    @Test
    void plainShadeServerVersionThroughAPropertyReference() {
        ProjectFacts p = fixture("plain-shade-maven");
        assertEquals(Fact.of("21", "pom.xml", 11), p.languageVersion()); // ${java.release}, written on line 11
        assertEquals(Fact.of("dev.example.greeter.Server", "pom.xml", 39), details(p).mainClass());
        assertEquals(Fact.of(8080, "src/main/java/dev/example/greeter/Server.java", 19), p.port());
        assertEquals(Fact.of("/health", "src/main/java/dev/example/greeter/Server.java", 20), details(p).healthPath());
    }

    @Test
    void multiModuleSelectsTheApplicationNotTheLibrary() {
        ProjectFacts p = fixture("multi-module-maven");
        JavaDetails d = details(p);
        assertEquals("app", d.module());
        assertEquals(List.of("", "lib", "app"), d.modules());
        assertEquals(List.of("pom.xml", "lib/pom.xml", "app/pom.xml"), d.buildFiles());
        assertEquals(Fact.of("app/target/words-api-2.1.0.jar", "app/pom.xml", 9), d.artifact());
        assertEquals(Fact.of("17", "pom.xml", 16), p.languageVersion());
        assertEquals(Fact.of(8081, "app/src/main/java/dev/example/api/Api.java", 16), p.port());
    }

    @Test
    void projectOptionNamesAModuleOrNothing() {
        ProjectFiles files = new DirectoryProjectFiles(Fixtures.ROOT.resolve("java").resolve("multi-module-maven"), "m");
        assertEquals("app", details(new JavaDetector().detectModule(files, "app", warnings).orElseThrow()).module());
        assertTrue(new JavaDetector().detectModule(files, "nope", warnings).isEmpty());
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityExpands() {
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
                + "<project><artifactId>&b;</artifactId></project>\n";
        ProjectInputException e = assertThrows(ProjectInputException.class,
                () -> detect(new MemoryProjectFiles("x", Map.of("pom.xml", bomb))));
        assertEquals(ExitCode.BAD_PROJECT, e.exitCode());
        assertEquals(Source.of("pom.xml", 2), e.source());
        assertTrue(e.getMessage().contains("DOCTYPE declaration is not allowed"), e.getMessage());
    }

    @Test
    void malformedXmlIsOneLineWithFileAndLine() {
        ProjectInputException e = assertThrows(ProjectInputException.class,
                () -> detect(new MemoryProjectFiles("x", Map.of("pom.xml", pom("  <build>\n    <plugins>\n  </build>\n")))));
        assertEquals(Source.of("pom.xml", 8), e.source());
        assertTrue(e.getMessage().startsWith("pom.xml:8: not well-formed XML"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void everyModuleOfADeepReactorIsABuildFile() {
        // helidon-examples nests examples/integrations/cdi/jpa: a module left out of the build files is missing from the
        // dependency layer, and Maven stops there ("Child module ... does not exist")
        String agg = "  <packaging>pom</packaging>\n  <modules>\n    <module>%s</module>\n  </modules>\n";
        Map<String, String> files = Map.of("pom.xml", pom(agg.formatted("a")), "a/pom.xml", pom(agg.formatted("b")),
                "a/b/pom.xml", pom(agg.formatted("c")), "a/b/c/pom.xml", pom(agg.formatted("d")),
                "a/b/c/d/pom.xml", pom(agg.formatted("e")), "a/b/c/d/e/pom.xml", pom(""));
        JavaDetails d = details(detect(new MemoryProjectFiles("x", files)));
        assertTrue(d.buildFiles().containsAll(List.of("a/b/c/d/pom.xml", "a/b/c/d/e/pom.xml")), d.buildFiles().toString());
    }

    @Test
    void aLibraryOnlyBuildHasNoStartAndSaysWhy() {
        ProjectFacts p = detect(new MemoryProjectFiles("x", Map.of("pom.xml", pom(""))));
        assertNull(p.start());
        assertTrue(warnings.get(0).message().startsWith("no application found in this build"), warnings.toString());
        assertNull(p.languageVersion()); // the planner then uses the LTS default and says so
    }

    @Test
    void anUnsafeModuleOrMainClassIsAnErrorWithItsLine() {
        String root = pom("  <packaging>pom</packaging>\n  <modules>\n    <module>../outside</module>\n  </modules>\n");
        ProjectInputException e = assertThrows(ProjectInputException.class,
                () -> detect(new MemoryProjectFiles("x", Map.of("pom.xml", root))));
        assertEquals(Source.of("pom.xml", 8), e.source());
        String evil = pom("  <build><plugins><plugin><artifactId>maven-jar-plugin</artifactId>\n"
                + "    <configuration><archive><manifest><mainClass>a.B\"]; RUN x</mainClass></manifest></archive>"
                + "</configuration></plugin></plugins></build>\n");
        ProjectInputException e2 = assertThrows(ProjectInputException.class,
                () -> detect(new MemoryProjectFiles("x", Map.of("pom.xml", evil))));
        assertEquals(Source.of("pom.xml", 7), e2.source());
    }

    @Test
    void gradleGroovyJavaVersionFormsAndJvmToolchain() {
        assertEquals(Fact.of("17", "build.gradle", 2), detect(new MemoryProjectFiles("x", Map.of("build.gradle",
                "plugins { id 'java' }\nsourceCompatibility = JavaVersion.VERSION_17\n"))).languageVersion());
        assertEquals(Fact.of("8", "build.gradle", 1), detect(new MemoryProjectFiles("x", Map.of("build.gradle",
                "sourceCompatibility = '1.8'\n"))).languageVersion());
        assertEquals(Fact.of("25", "build.gradle.kts", 2), detect(new MemoryProjectFiles("x", Map.of("build.gradle.kts",
                "kotlin {\n    jvmToolchain(25)\n}\n"))).languageVersion());
    }

    @Test
    void gradleMultiProjectIncludesAndTheApplicationModule() {
        ProjectFacts p = detect(new MemoryProjectFiles("x", Map.of(
                "settings.gradle", "rootProject.name = 'shop'\ninclude 'core', ':web'\n",
                "core/build.gradle", "plugins { id 'java-library' }\n",
                "web/build.gradle", "plugins {\n  id 'org.springframework.boot' version '3.2.5'\n}\nversion = '1.0'\n")));
        JavaDetails d = details(p);
        assertEquals("web", d.module());
        assertEquals(JavaDetails.SPRING_BOOT_JAR, d.layout().value()); // 3.2 has no tools jar mode
        assertEquals("web/build/libs/web-1.0.jar", d.artifact().value());
        assertEquals(List.of("settings.gradle", "core/build.gradle", "web/build.gradle"), d.buildFiles());
    }

    @Test
    void malformedApplicationYamlNamesItsLine() {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect(new MemoryProjectFiles("x", Map.of(
                "pom.xml", pom("  <build><plugins><plugin><artifactId>quarkus-maven-plugin</artifactId></plugin></plugins></build>\n"),
                "src/main/resources/application.yml", "quarkus:\n  http:\n    port: [8080\n"))));
        assertEquals("src/main/resources/application.yml", e.source().file());
        assertTrue(e.source().line() > 0, e.getMessage());
    }

    @Test
    void springBootClassifierAndQuarkusUberJarNameTheRightJar() {
        ProjectFacts boot = detect(new MemoryProjectFiles("x", Map.of("pom.xml", pom("  <build><plugins><plugin>\n"
                + "    <artifactId>spring-boot-maven-plugin</artifactId>\n    <configuration><classifier>exec</classifier>"
                + "</configuration>\n  </plugin></plugins></build>\n"))));
        assertEquals(Fact.of("target/a-1-exec.jar", "pom.xml", 8), details(boot).artifact());
        ProjectFacts quarkus = detect(new MemoryProjectFiles("x", Map.of(
                "pom.xml", pom("  <build><plugins><plugin><artifactId>quarkus-maven-plugin</artifactId></plugin></plugins></build>\n"),
                "src/main/resources/application.properties", "quarkus.package.jar.type=uber-jar\n")));
        assertEquals(JavaDetails.FAT_JAR, details(quarkus).layout().value());
        assertEquals(Fact.of("target/a-1-runner.jar", "src/main/resources/application.properties", 1), details(quarkus).artifact());
    }

    @Test
    void gradleBootJarArchiveFileNameWins() {
        ProjectFacts p = detect(new MemoryProjectFiles("x", Map.of("settings.gradle.kts", "rootProject.name = \"shop\"\n",
                "build.gradle.kts", "plugins {\n  id(\"org.springframework.boot\") version \"3.5.7\"\n}\n"
                        + "tasks.bootJar {\n  archiveFileName.set(\"shop.jar\")\n}\n")));
        assertEquals(Fact.of("build/libs/shop.jar", "build.gradle.kts", 5), details(p).artifact());
    }

    @Test
    void aSpringBootModuleWithoutAServerDependencyIsAWorker() {
        String deps = "  <dependencies>\n    <dependency><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-starter-amqp</artifactId></dependency>\n"
                + "    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-test</artifactId>"
                + "<scope>test</scope></dependency>\n  </dependencies>\n";
        String plugin = "  <build><plugins><plugin><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>\n";
        ProjectFacts worker = detect(new MemoryProjectFiles("x", Map.of("pom.xml", pom(deps + plugin))));
        assertEquals("spring-boot", worker.framework().value());
        assertNull(worker.port(), "no web starter: no port");
        ProjectFacts web = detect(new MemoryProjectFiles("x", Map.of("pom.xml", pom(deps.replace("amqp", "web") + plugin))));
        assertEquals(8080, web.port().value());
    }

    @Test
    void aPluginFromAParentProfileTheModuleActivatesMakesItAnApplication() {
        String root = pom("  <packaging>pom</packaging>\n  <modules><module>svc</module><module>lib</module></modules>\n"
                + "  <profiles><profile><id>boot</id><activation><file><exists>src/main/resources/application.yml</exists>"
                + "</file></activation>\n    <build><plugins><plugin><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></profile></profiles>\n");
        String child = "<?xml version=\"1.0\"?>\n<project>\n  <parent><groupId>g</groupId><artifactId>a</artifactId>"
                + "<version>1</version></parent>\n  <artifactId>NAME</artifactId>\n</project>\n";
        ProjectFacts p = detect(new MemoryProjectFiles("x", Map.of("pom.xml", root, "svc/pom.xml", child.replace("NAME", "svc"),
                "svc/src/main/resources/application.yml", "server:\n  port: 8888\n", "lib/pom.xml", child.replace("NAME", "lib"))));
        assertEquals("svc", details(p).module());
        assertEquals(Fact.of(8888, "svc/src/main/resources/application.yml", 2), p.port());
        assertEquals(List.of(), details(p).otherApps(), "lib lacks the file, so the profile is not active there");
    }

    @Test
    void javalinStartedWithAPortMethodListensOnWhatItReturnsAndTheMainComesFromTheSources() {
        String deps = "  <dependencies><dependency><groupId>io.javalin</groupId><artifactId>javalin</artifactId>"
                + "<version>6.7.0</version></dependency></dependencies>\n";
        String app = "package p;\n\npublic class App {\n    public static void main(String[] args) {\n"
                + "        io.javalin.Javalin.create()\n            .start(port());\n    }\n\n"
                + "    private static int port() {\n        String env = System.getenv(\"PORT\");\n"
                + "        if (env != null) {\n            return Integer.parseInt(env);\n        }\n        return 7071;\n    }\n}\n";
        ProjectFacts p = detect(new MemoryProjectFiles("x", Map.of("pom.xml", pom(deps), "src/main/java/p/App.java", app)));
        assertEquals(Fact.of("javalin", "pom.xml", 6), p.framework());
        assertEquals(Fact.of(7071, "src/main/java/p/App.java", 14), p.port());
        assertEquals(Fact.of("p.App", "src/main/java/p/App.java", 4), details(p).mainClass());
        assertEquals(List.of("java", "-cp", "/app/app.jar:/app/lib/*", "p.App"), p.start());
    }

    @Test
    void dropwizardReadsTheApplicationConnectorOfItsConfigurationFile() {
        String deps = "  <dependencies><dependency><groupId>io.dropwizard</groupId><artifactId>dropwizard-core</artifactId>"
                + "<version>4.0.16</version></dependency></dependencies>\n";
        String config = "<#-- a template, not YAML yet -->\nserver:\n  application_connectors:\n  - type: http\n    port: 8989\n"
                + "  admin_connectors:\n  - type: http\n    port: 8990\n";
        ProjectFacts p = detect(new MemoryProjectFiles("x", Map.of("pom.xml", pom(deps), "config.yml", config,
                "src/main/java/p/App.java", "package p;\nclass App {\n    public static void main(String[] a) {\n    }\n}\n")));
        assertEquals(Fact.of(8989, "config.yml", 5), p.port());
        assertEquals(List.of("java", "-cp", "/app/app.jar:/app/lib/*", "p.App", "server", "/app/config.yml"), p.start());
    }
    @Test
    void anImagePluginBoundInPluginManagementIsSkippedInTheModuleThatDeclaresIt() {
        ProjectFacts p = fixture("maven-image-plugin");
        assertEquals(Fact.of("-Ddocker.skip=true", "service/pom.xml", 25), details(p).imageSkip());
    }

    @Test
    void imagePluginsAreSkippedOnlyWhereAnExecutionBindsThemBeforeInstall() {
        String main = "src/main/java/p/App.java";
        String app = "package p;\nclass App {\n    public static void main(String[] a) {\n    }\n}\n";
        String jib = "<plugin><groupId>com.google.cloud.tools</groupId><artifactId>jib-maven-plugin</artifactId>"
                + "<executions><execution><phase>package</phase><goals><goal>dockerBuild</goal></goals></execution>"
                + "</executions></plugin>\n";
        String dockerfile = "<plugin><groupId>com.spotify</groupId><artifactId>dockerfile-maven-plugin</artifactId>"
                + "<executions><execution><goals><goal>build</goal></goals></execution></executions></plugin>\n";
        String onInstall = "<plugin><groupId>com.spotify</groupId><artifactId>docker-maven-plugin</artifactId>"
                + "<executions><execution><phase>install</phase><goals><goal>build</goal></goals></execution>"
                + "</executions></plugin>\n";
        String noExecution = "<plugin><groupId>io.fabric8</groupId><artifactId>docker-maven-plugin</artifactId></plugin>\n";
        String bootImage = "<plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId>"
                + "<executions><execution><goals><goal>repackage</goal><goal>build-image</goal></goals></execution>"
                + "</executions></plugin>\n";
        String bootRepackage = bootImage.replace("<goal>build-image</goal>", "");
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(jib + dockerfile, "-Djib.skip=true -Ddockerfile.skip=true");
        expected.put(onInstall + noExecution, null);
        expected.put(bootImage, "-Dspring-boot.build-image.skip=true");
        expected.put(bootRepackage, null);
        expected.forEach((plugins, flags) -> {
            ProjectFacts p = detect(new MemoryProjectFiles("x", Map.of("pom.xml", pom("  <build><plugins>\n" + plugins
                    + "</plugins></build>\n"), main, app)));
            assertEquals(flags, details(p).imageSkip() == null ? null : details(p).imageSkip().value(), plugins);
        });
    }
}
