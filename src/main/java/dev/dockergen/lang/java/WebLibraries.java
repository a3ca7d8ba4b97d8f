package dev.dockergen.lang.java;

import static dev.dockergen.lang.java.JavaDetector.under;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.SourceSearch;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web frameworks that are plain libraries (no build plugin packages them): a dependency names them, and the port
 * comes from the call or the configuration file the framework reads, else the framework's documented default.
 */
final class WebLibraries {
    /** A framework named by a dependency: its name, the group and the artifact's prefix. */
    record Library(String name, String group, String artifact) {
    }

    /** In order: the first dependency found names the framework. */
    static final List<Library> KNOWN = List.of(
            new Library("spring-boot", "org.springframework.boot", "spring-boot-starter"),
            new Library("sparkjava", "com.sparkjava", "spark-core"),
            new Library("javalin", "io.javalin", "javalin"),
            new Library("dropwizard", "io.dropwizard", "dropwizard-core"),
            new Library("helidon", "io.helidon.webserver", "helidon-webserver"),
            new Library("helidon", "io.helidon.microprofile.bundles", "helidon-microprofile"),
            new Library("micronaut", "io.micronaut", "micronaut-http-server"),
            // a gRPC server on grpc-java's Netty transport (grpc-netty, grpc-netty-shaded) with no web framework
            new Library("grpc", "io.grpc", "grpc-netty"));

    /** SparkJava's {@code port(4567)} (static import or Spark.port). */
    private static final Pattern SPARK_PORT = Pattern.compile("(?<![\\w.])(?:Spark\\.)?port\\(\\s*([0-9]{2,5})\\s*\\)");
    /** Javalin's {@code .start(7070)}, possibly on the last line of a builder chain. */
    private static final Pattern JAVALIN_START = Pattern.compile("\\.start\\(\\s*([0-9]{2,5})\\s*\\)");
    /** Javalin's {@code .start(portMethod())}: the port is what that method returns. */
    private static final Pattern JAVALIN_START_CALL = Pattern.compile("\\.start\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\(\\s*\\)\\s*\\)");
    /** grpc-java's {@code ServerBuilder.forPort(50051)} (also NettyServerBuilder). */
    private static final Pattern GRPC_PORT = Pattern.compile("ServerBuilder\\.forPort\\(\\s*([0-9]{2,5})\\s*\\)");
    private static final Pattern RETURN_LITERAL = Pattern.compile("^\\s*return\\s+([0-9]{2,5})\\s*;");

    /** Dependencies (artifactId words) that open an HTTP port in a Spring Boot or Quarkus application. */
    private static final Pattern SERVES = Pattern.compile("web|rest|http|jersey|tomcat|undertow|jetty|netty|server|vaadin|graphql"
            + "|websocket|rsocket|gateway|actuator|health|hateoas|thymeleaf|freemarker|mustache|jte|openapi|swagger|grpc|servlet"
            + "|jaxrs|oidc|security|spring|funqy|qute|metrics|micrometer|management|info|kubernetes|admin");

    private WebLibraries() {
    }

    /**
     * Whether a Spring Boot or Quarkus application opens an HTTP port, judged from its dependencies' artifactIds:
     * false only when it has some and none brings a server (spring-boot-starter-amqp alone, quarkus-messaging-kafka,
     * a command-mode Quarkus application), and none is a module of the same build (which may bring one).
     */
    static boolean servesHttp(String framework, List<String> artifactIds, boolean siblingDependency) {
        if (!framework.equals("spring-boot") && !framework.equals("quarkus")) {
            return true;
        }
        if (artifactIds.isEmpty() || siblingDependency) {
            return true;
        }
        String prefix = framework.equals("quarkus") ? "quarkus-" : "spring-";
        return artifactIds.stream().anyMatch(a -> SERVES.matcher(a.startsWith(prefix) ? a.substring(prefix.length()) : a).find())
                || artifactIds.stream().noneMatch(a -> a.startsWith(prefix));
    }

    /**
     * The port a library framework listens on: its own call or configuration, else its default (SparkJava 4567,
     * Javalin and Dropwizard 8080); null when neither is known (Helidon has no default: it takes a free port).
     */
    static Fact<Integer> port(ProjectFiles files, String dir, Fact<String> framework, List<String> sources) {
        switch (framework.value()) {
            case "sparkjava" -> {
                Fact<Integer> set = literal(SourceSearch.firstMatch(files, sources, SPARK_PORT));
                return set != null ? set : Fact.of(4567, framework.source());
            }
            case "javalin" -> {
                Fact<Integer> set = literal(SourceSearch.firstMatch(files, sources, JAVALIN_START));
                if (set == null) {
                    set = returned(files, sources);
                }
                if (set == null) {
                    set = literal(SourceSearch.firstMatch(files, sources, JavaDetector.PORT_IN_CODE));
                }
                return set != null ? set : Fact.of(8080, framework.source());
            }
            case "dropwizard" -> {
                Fact<Integer> set = DropwizardConfig.find(files, dir).map(DropwizardConfig::port).orElse(null);
                return set != null ? set : Fact.of(8080, framework.source());
            }
            case "grpc" -> { // no default: ServerBuilder.forPort(N) or the code's fallback names it
                Fact<Integer> set = literal(SourceSearch.firstMatch(files, sources, GRPC_PORT));
                return set != null ? set : literal(SourceSearch.firstMatch(files, sources, JavaDetector.PORT_IN_CODE));
            }
            case "helidon" -> {
                return AppConfig.port(files, under(dir, "src/main/resources"), List.of("server.port"));
            }
            default -> {
                return null;
            }
        }
    }

    private static Fact<Integer> literal(Fact<String> found) {
        if (found == null) {
            return null;
        }
        int p = Integer.parseInt(found.value());
        return p >= 1 && p <= 65535 ? Fact.of(p, found.source()) : null;
    }

    /** {@code .start(name())}: the number that method returns (its fallback after an environment variable). */
    private static Fact<Integer> returned(ProjectFiles files, List<String> sources) {
        Fact<String> call = SourceSearch.firstMatch(files, sources, JAVALIN_START_CALL);
        if (call == null) {
            return null;
        }
        String text = files.read(call.source().file()).orElse("");
        String[] lines = text.split("\n", -1);
        Pattern declaration = Pattern.compile("\\bint\\s+" + Pattern.quote(call.value()) + "\\s*\\(\\s*\\)");
        for (int i = 0; i < lines.length; i++) {
            if (declaration.matcher(lines[i]).find()) {
                int depth = 0;
                for (int j = i; j < lines.length; j++) {
                    Matcher r = RETURN_LITERAL.matcher(lines[j]);
                    if (r.find() && j > i) {
                        return literal(Fact.of(r.group(1), call.source().file(), j + 1));
                    }
                    depth += count(lines[j], '{') - count(lines[j], '}');
                    if (j > i && depth <= 0) {
                        break;
                    }
                }
            }
        }
        return null;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
