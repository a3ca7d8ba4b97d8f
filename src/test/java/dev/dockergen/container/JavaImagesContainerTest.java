package dev.dockergen.container;

import dev.dockergen.Fixtures;
import dev.dockergen.preset.FinalStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Java apps whose dependencies come from Maven Central, on the finals the lab stands in for (no Gradle in the lab). */
@Tag("container")
class JavaImagesContainerTest {
    private static final Path WORK = Path.of("target", "container-work-java");
    private static final Path JAVA = Fixtures.ROOT.resolve("java");
    private static final String SERVER = "src/main/java/dev/example/greeter/Server.java";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain-shade-maven", FinalStage.DISTROLESS, "/?name=lab", "hello, lab", SERVER,
                        "\"hello, \"", "\"hi, \"", "hi, lab"),
                Arguments.of("plain-shade-maven", FinalStage.ALPINE, "/?name=lab", "hello, lab", SERVER,
                        "\"hello, \"", "\"hi, \"", "hi, lab"),
                Arguments.of("multi-module-maven", FinalStage.DISTROLESS, "/", "word: lantern",
                        "lib/src/main/java/dev/example/words/Words.java", "\"lantern\"", "\"compass\"", "word: compass"),
                // a docker-maven-plugin execution bound to package (pluginManagement) would call a Docker daemon: skipped
                Arguments.of("maven-image-plugin", FinalStage.DISTROLESS, "/", "ledger: balanced",
                        "service/src/main/java/dev/example/ledger/Ledger.java", "balanced", "settled", "ledger: settled"),
                // 44 module poms, more than one layer each allows: a build-files stage keeps them, copied in one layer
                Arguments.of("maven-many-modules", FinalStage.DISTROLESS, "/", "atlas: north",
                        "parts/part-01/src/main/java/dev/example/atlas/part/Region.java", "\"north\"", "\"south\"", "atlas: south"),
                // pluginManagement pins maven-dependency-plugin 2.8, whose go-offline needs the sibling lib's jar first
                Arguments.of("multi-module-old-dependency-plugin", FinalStage.DISTROLESS, "/", "word: lantern",
                        "lib/src/main/java/dev/example/words/Words.java", "\"lantern\"", "\"compass\"", "word: compass"),
                Arguments.of("spring-boot-maven", FinalStage.DISTROLESS, "/", "catalog: 3 items",
                        "src/main/java/dev/example/catalog/CatalogApplication.java", "3 items", "4 items", "catalog: 4 items"),
                Arguments.of("spring-boot-maven", FinalStage.ALPINE, "/actuator/health", "UP",
                        "src/main/java/dev/example/catalog/CatalogApplication.java", "3 items", "4 items", "UP"),
                // mvnw without its run bit, started as sh ./mvnw (the fixture's wrapper stands in by calling mvn)
                Arguments.of("quarkus-maven", FinalStage.ALPINE, "/tickets", "open tickets: 7",
                        "src/main/java/dev/example/tickets/TicketResource.java", "tickets: 7", "tickets: 8", "open tickets: 8"),
                // assembly plugin without an execution: built with package assembly:single, jar named by its finalName
                Arguments.of("assembly-no-execution", FinalStage.DISTROLESS, "/", "\"app\":\"tally\"",
                        "src/main/java/dev/example/tally/App.java", "\"tally\"", "\"tallied\"", "tallied"),
                // exec-maven-plugin main class: a thin jar run from the class path beside copy-dependencies' jars
                Arguments.of("exec-main-thin", FinalStage.ALPINE, "/", "\"app\":\"counter\"",
                        "src/main/java/dev/example/counter/App.java", "\"counter\"", "\"counted\"", "counted"),
                // a wrapper of the Maven 3.5 era: no -ntp, MAVEN_CONFIG cleared (the stand-in wrapper calls mvn)
                Arguments.of("maven-wrapper-old", FinalStage.DISTROLESS, "/", "\"app\":\"relay\"",
                        "src/main/java/dev/example/relay/App.java", "\"relay\"", "\"relayed\"", "relayed"),
                // the same wrapper with a thin jar: copy-dependencies on maven-dependency-plugin 3.6.1 (3.7+ needs Maven 3.6.3)
                Arguments.of("maven-wrapper-old-thin", FinalStage.DISTROLESS, "/", "\"app\":\"beacon\"",
                        "src/main/java/dev/example/beacon/App.java", "\"beacon\"", "\"beaconed\"", "beaconed"),
                // jte templates precompiled by the build into jte-classes/, which the program loads from its working directory
                Arguments.of("jte-templates", FinalStage.DISTROLESS, "/", "note: groceries",
                        "src/main/jte/note.jte", "note: ", "memo: ", "memo: groceries"));
    }

    /** A work folder left by an earlier run would make the fixture copy fail: start from nothing. */
    @BeforeAll
    static void cleanWork() throws IOException {
        if (Files.isDirectory(WORK)) {
            try (Stream<Path> paths = Files.walk(WORK)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        ContainerReport.write(Path.of("target"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void imageBuildsRunsAnswersAndRebuildsFromCache(String app, FinalStage stage, String probe, String expect, String file,
                                                    String from, String to, String expectAfter) throws IOException {
        ContainerScenario.run(WORK, "java-" + app, JAVA.resolve(app), stage, probe, expect, file, from, to, expectAfter,
                ":go-offline");
    }
}
