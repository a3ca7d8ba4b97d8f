package dev.dockergen.lang.java;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.preset.Preset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which JDK builds and which JRE runs. The build runs on the JDK the project asks for wherever the builder image is
 * published for it (an annotation processor such as an old Lombok reaches into javac's internals and fails on a newer
 * javac even with {@code --release}); the final runs the nearest JRE its image family has, which runs the older
 * bytecode. A framework that cannot run on that JRE is refused with the final that can.
 */
final class JdkPlanner {
    /** JDK majors the Maven (maven:3.9-eclipse-temurin-N), eclipse-temurin:N-jdk and gradle:8.14-jdkN builders exist for. */
    private static final List<Integer> BUILDERS = List.of(8, 11, 17, 21, 25);
    /** The builder families whose tag carries the JDK major, as the presets and the Gradle planner write them. */
    private static final Pattern BUILDER = Pattern.compile(
            "(^|/)(maven:[^:/]*-eclipse-temurin-|eclipse-temurin:|gradle:[^:/]*-jdk)\\{version\\}");
    private static final Pattern SPRING_BOOT = Pattern.compile("([0-9]+)\\.([0-9]+)(\\..*)?");

    private JdkPlanner() {
    }

    /**
     * The JDK the build stage runs on when it differs from the final's: the version asked for, where the builder
     * family is published for it; null when the builder uses the final's version.
     */
    static String builderJdk(String builderTemplate, String asked, String runtime) {
        if (asked.equals(runtime) || !BUILDER.matcher(builderTemplate).find()
                || !BUILDERS.contains(Integer.parseInt(asked))) {
            return null;
        }
        return asked;
    }

    /**
     * Spring Boot before 2.1 (Spring Framework before 5.1) defines its cglib proxy classes through
     * ClassLoader.defineClass by reflection, which Java 16 and later deny: the application stops at start-up on a
     * 17+ JRE. Refused there, naming the final whose image family has the JDK the build asks for.
     */
    static void refuseFramework(ProjectFacts facts, JavaDetails java, Preset preset, String asked, String runtime,
            List<String> alternatives) {
        if (facts.framework() == null || !facts.framework().value().equals("spring-boot") || java.frameworkVersion() == null
                || Integer.parseInt(runtime) < 16) {
            return;
        }
        Matcher m = SPRING_BOOT.matcher(java.frameworkVersion());
        if (!m.matches()) {
            return;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major > 2 || major == 2 && minor >= 1) {
            return;
        }
        String other = alternatives.isEmpty() ? "" : "use --final " + String.join(" or --final ", alternatives)
                + (Integer.parseInt(asked) < 16 ? " (its JRE is published for Java " + asked + ")" : "") + ", or ";
        throw new DockergenException(ExitCode.USAGE, "Spring Boot " + java.frameworkVersion() + " ("
                + facts.framework().source() + ") cannot run on Java " + runtime + (runtime.equals(asked) ? "" : ", the oldest JRE "
                + preset.name() + " has") + ": its Spring Framework (before 5.1) defines proxy classes through "
                + "ClassLoader.defineClass, which Java 16 and later deny, so the application stops at start-up; "
                + other + "upgrade to Spring Boot 2.5 or newer");
    }
}
