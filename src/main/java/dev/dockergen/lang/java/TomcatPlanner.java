package dev.dockergen.lang.java;

import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.plan.Instruction.Mount;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.preset.Preset;
import java.util.ArrayList;
import java.util.List;

/**
 * A war on Apache Tomcat (ADR 0017): the Tomcat release is fetched from Maven Central with the build's own Maven, its
 * sample applications left out, the war deployed under its own name (its context path) and the folders Tomcat writes
 * (logs, temp, work, webapps, where it expands the war) owned by the runtime user; the rest stays root's.
 */
final class TomcatPlanner {
    static final String HOME = "/opt/tomcat";
    private static final List<String> WRITES = List.of("logs", "temp", "work", "webapps");

    private TomcatPlanner() {
    }

    /** Build stage, before the source: Tomcat unpacked into /opt/tomcat (a layer kept until the version changes). */
    static List<Instruction> fetch(JavaDetails java, String mvn) {
        String v = java.container().value();
        return List.of(
                Comment.of("Apache Tomcat " + v + " serves the war (" + java.container().source() + " decides the servlet "
                                + "API: " + (v.startsWith("9.") ? "javax.servlet, Tomcat 9" : "jakarta.servlet, Tomcat "
                                + v.replaceFirst("\\.[0-9]+$", "")) + "), from Maven Central (org.apache.tomcat:tomcat),",
                        "without its sample applications."),
                new Run(List.of(Mount.cache("/root/.m2")), List.of(
                        mvn + " " + JavaPlanner.dependencyPlugin(java, MavenBuild.UNPACK) + " -Dartifact=org.apache.tomcat:tomcat:"
                                + v + ":tar.gz -DoutputDirectory=/opt '-Dmdep.unpack.excludes=*/webapps/**'",
                        "&& mv /opt/apache-tomcat-" + v + " " + HOME)));
    }

    /** Build stage, after package: the war in webapps/ under its own name, the folders Tomcat writes given away. */
    static List<Instruction> deploy(String war, Preset preset) {
        String name = war.substring(war.lastIndexOf('/') + 1);
        return List.of(
                Comment.of("The war in webapps/ as " + name + ": its name is its context path (/"
                        + name.replaceFirst("\\.war$", "") + "/). Tomcat writes " + String.join(", ", WRITES)
                        + " (it expands the war there), so those are the runtime user's."),
                new Run(List.of(), List.of(
                        "mkdir -p " + String.join(" ", WRITES.stream().map(d -> HOME + "/" + d).toList()),
                        "&& cp " + war + " " + HOME + "/webapps/" + name,
                        "&& chown -R " + preset.user().uid() + ":" + preset.user().gid() + " "
                                + String.join(" ", WRITES.stream().map(d -> HOME + "/" + d).toList()))));
    }

    /** Runtime stage: Tomcat as /app (COPY --from keeps the owners set above). */
    static List<Instruction> runtime(JavaDetails java, Preset preset) {
        return List.of(
                Comment.of("Tomcat " + java.container().value() + " with the war (" + java.artifact().value() + ") as /app; "
                        + "logs, temp, work and webapps are " + preset.user().name() + "'s, the rest root's."),
                new Copy("build", List.of(HOME + "/"), "./"));
    }

    /**
     * What catalina.sh would run, without a shell: Bootstrap with catalina.home/base, Tomcat's logging and, on Java 9
     * or later, the --add-opens it passes.
     */
    static List<String> command(String javaVersion) {
        List<String> out = new ArrayList<>(List.of("-Dcatalina.home=/app", "-Dcatalina.base=/app",
                "-Djava.io.tmpdir=/app/temp", "-Djava.util.logging.config.file=/app/conf/logging.properties",
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager"));
        if (Integer.parseInt(javaVersion) >= 9) {
            for (String open : List.of("java.base/java.lang", "java.base/java.io", "java.base/java.util",
                    "java.base/java.util.concurrent", "java.rmi/sun.rmi.transport")) {
                out.add("--add-opens=" + open + "=ALL-UNNAMED");
            }
        }
        out.addAll(List.of("-cp", "/app/bin/bootstrap.jar:/app/bin/tomcat-juli.jar", "org.apache.catalina.startup.Bootstrap",
                "start"));
        return out;
    }
}
