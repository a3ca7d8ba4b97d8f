package dev.dockergen.lang.java;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.Warning;
import dev.dockergen.plan.DockerfilePlan;
import dev.dockergen.plan.HealthChecks;
import dev.dockergen.plan.IgnoreSections;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Arg;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.plan.Instruction.Mount;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.plan.Instruction.Workdir;
import dev.dockergen.plan.Labels;
import dev.dockergen.plan.LanguagePlanner;
import dev.dockergen.plan.PlanRequest;
import dev.dockergen.plan.Plans;
import dev.dockergen.plan.Stage;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.ImageSpec;
import dev.dockergen.preset.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plans a Java image: build files first and dependencies resolved under a cache mount, then the
 * source and the package (tests off unless RUN_TESTS=true), then only the runtime artefacts (Spring
 * Boot's layers, Quarkus' fast-jar folders, or one jar and its libraries) on a JRE, as a numeric user.
 */
public final class JavaPlanner implements LanguagePlanner {
    static final String VERSION_ARG = "JAVA_VERSION";
    private static final String JDK_ARG = "JDK_VERSION";
    /** JDK majors each final's image family is published for. */
    private static final Map<FinalStage, List<Integer>> PUBLISHED = Map.of(
            FinalStage.DISTROLESS, List.of(17, 21, 25),
            FinalStage.ALPINE, List.of(8, 11, 17, 21, 25));
    private static final String GRADLE_JDK = "eclipse-temurin:{version}-jdk";
    private static final String GRADLE_IMAGE = "gradle:8.14-jdk{version}";
    private static final String HEAP = "-XX:MaxRAMPercentage=75";
    private static final List<String> BOOT_LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");

    @Override
    public Language language() {
        return Language.JAVA;
    }

    /**
     * A JDK older than the release the build compiles for (maven.compiler.release, the Gradle toolchain) cannot
     * compile it (javac: "release version N not supported"): refused. The JDK is the nearest published one at or
     * above the version asked for, as {@link #plan} chooses it.
     */
    @Override
    public java.util.Optional<Warning> versionFit(ProjectFacts facts, Preset preset, String version) {
        Fact<String> release = facts.languageVersion();
        if (!version.matches("(1\\.)?[0-9]{1,2}") || release == null || release.source() == null
                || !release.source().file().matches("(.*/)?(pom\\.xml|build\\.gradle(\\.kts)?)")
                || !release.value().matches("(1\\.)?[0-9]{1,2}") || !PUBLISHED.containsKey(preset.finalStage())) {
            return java.util.Optional.empty();
        }
        int want = Integer.parseInt(version.replaceFirst("^1\\.", ""));
        int needed = Integer.parseInt(release.value().replaceFirst("^1\\.", ""));
        Integer jdk = PUBLISHED.get(preset.finalStage()).stream().filter(v -> v >= want).findFirst().orElse(null);
        if (jdk == null || jdk >= needed) {
            return java.util.Optional.empty();
        }
        throw new dev.dockergen.UnusableVersionException("Java " + version + (jdk == want ? "" : " (JDK " + jdk + ")")
                + " is older than the release the build compiles for, " + needed + " (" + release.source()
                + "): " + (release.source().file().endsWith("pom.xml") ? "javac stops with 'release version " + needed
                + " not supported'" : "Gradle finds no Java " + needed + " toolchain in the image") + "; use " + needed
                + " or newer, or lower the release");
    }

    @Override
    public Plans plan(PlanRequest request) {
        ProjectFacts facts = request.facts();
        JavaDetails java = (JavaDetails) facts.details();
        Preset preset = request.preset();
        List<Warning> notes = new ArrayList<>();
        if (preset.finalStage() == FinalStage.SCRATCH || preset.runtime().isScratch()) {
            throw new DockergenException(ExitCode.USAGE, "scratch cannot run Java: a Java program needs a JVM and its "
                    + "C library, which scratch lacks (dockergen does not build jlink runtimes yet); use "
                    + alternatives(request) + " (--final distroless or --final alpine)");
        }
        if (java.layout() == null && !java.module().isEmpty()) {
            throw new DockergenException(ExitCode.USAGE, "--project " + java.module() + ": that module of the "
                    + (java.maven() ? "Maven" : "Gradle") + " build is a library, not an application; "
                    + (java.otherApps().isEmpty() ? "the build has no application module"
                    : "application modules: " + String.join(", ", java.otherApps())));
        }
        if (java.layout() == null) {
            throw new DockergenException(ExitCode.NOTHING_DETECTED, java.buildTool().source() + ": no application in "
                    + "this build (no Spring Boot, Quarkus or Micronaut plugin, no main class in a shade, assembly, jar or "
                    + "application plugin); a library is not containerised"
                    + (java.modules().size() > 1 ? "; name the application module with --project MODULE" : ""));
        }
        String asked = request.languageVersion() != null ? checked(request.languageVersion())
                : facts.languageVersion() != null ? facts.languageVersion().value() : preset.versionDefault();
        String origin = request.languageVersion() != null ? "chosen with --language-version"
                : facts.languageVersion() != null ? facts.languageVersion().source().toString()
                : "no version in the build files, so preset " + preset.name() + "'s default (the current LTS)";
        String version = published(preset, asked, origin, notes);
        JdkPlanner.refuseFramework(facts, java, preset, asked, version, PUBLISHED.entrySet().stream()
                .filter(e -> e.getKey() != preset.finalStage()
                        && e.getValue().stream().anyMatch(v -> v >= Integer.parseInt(asked) && v < 16))
                .map(e -> e.getKey().id()).sorted().toList());

        boolean alpine = preset.finalStage() == FinalStage.ALPINE;
        String builder;
        if (java.maven()) {
            builder = preset.build().image();
        } else {
            String image = (java.wrapper() != null ? GRADLE_JDK : GRADLE_IMAGE) + (alpine ? "-alpine" : "");
            builder = request.catalog().policy().rewrite(image);
            String violation = request.catalog().policy().violation(builder.replace("{version}", version));
            if (violation != null) {
                throw new DockergenException(ExitCode.BAD_CATALOG, "the Gradle builder breaks the organisation policy: "
                        + violation);
            }
        }
        String jdk = JdkPlanner.builderJdk(builder, asked, version);
        List<Stage> stages = new ArrayList<>();
        String buildImage = builder.replace("{version}", "${" + (jdk == null ? VERSION_ARG : JDK_ARG) + "}");
        Stage files = BuildFilesPlanner.stage(java, buildImage);
        if (files != null) {
            stages.add(files);
        }
        stages.add(buildStage(java, buildImage, preset));
        ImageSpec runtime = preset.runtime();
        stages.add(runtimeStage(request, java, runtime, version));

        String title = java.name();
        String tool = java.maven() ? "Maven" : "Gradle";
        List<String> header = new ArrayList<>(List.of(
                "Generated by dockergen " + request.toolVersion() + " with preset " + preset.name() + ".",
                "Build: docker build -t " + title + " .",
                "Java " + version + ": " + (version.equals(asked) ? origin : "the build asks for " + asked + " (" + origin
                        + "); " + withoutVersion(runtime.image()) + " is published for "
                        + PUBLISHED.get(preset.finalStage()).stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + ", so the nearest newer one, which runs " + asked + " bytecode"
                        + (jdk == null ? "" : "; the build runs on JDK " + jdk + " as asked")) + ".",
                "Built with " + tool + " (" + java.buildTool().source() + ")"
                        + (java.wrapper() != null ? " through its wrapper, " + java.wrapper() : "") + (facts.framework() == null ? "" : "; "
                        + frameworkName(facts.framework().value()) + (java.frameworkVersion() == null ? "" : " "
                        + java.frameworkVersion()) + " (" + facts.framework().source() + ")") + "."));
        if (!java.module().isEmpty()) {
            List<String> rest = java.modules().stream().filter(m -> !m.isEmpty() && !m.equals(java.module())).toList();
            header.add("Application module: " + java.module() + " (" + java.layout().source() + ")"
                    + (rest.isEmpty() ? "" : "; " + IgnoreSections.joinAnd(rest) + " built with it as needed")
                    + (java.otherApps().isEmpty() ? "" : "; other application modules: "
                    + String.join(", ", java.otherApps()) + " (choose with --project MODULE)") + ".");
        }
        DockerfilePlan dockerfile = new DockerfilePlan(header, jdk == null ? List.of(new Arg(VERSION_ARG, version))
                : List.of(new Arg(JDK_ARG, jdk), new Arg(VERSION_ARG, version)), stages);
        return new Plans(dockerfile, JavaIgnore.plan(java, request.toolVersion(), notes), notes);
    }

    private static String alternatives(PlanRequest request) {
        return request.catalog().forLanguage(Language.JAVA).stream().filter(p -> p.finalStage() != FinalStage.SCRATCH)
                .map(Preset::name).collect(Collectors.joining(" or "));
    }

    private static String checked(String v) {
        if (!v.matches("(1\\.)?[0-9]{1,2}")) {
            throw new DockergenException(ExitCode.USAGE, "--language-version " + v + ": write a JDK major such as 21");
        }
        return v.replaceFirst("^1\\.", "");
    }

    /** The nearest published JDK at or above the one asked for; refused when the image family has none. */
    private static String published(Preset preset, String asked, String origin, List<Warning> notes) {
        List<Integer> versions = PUBLISHED.get(preset.finalStage());
        int want = Integer.parseInt(asked);
        Integer chosen = versions.stream().filter(v -> v >= want).findFirst().orElse(null);
        if (chosen == null) {
            throw new DockergenException(ExitCode.USAGE, "Java " + asked + " (" + origin + ") has no "
                    + withoutVersion(preset.runtime().image()) + " image: it is published for "
                    + versions.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "; use --language-version " + versions.get(versions.size() - 1) + " or another --final");
        }
        if (chosen != want) {
            notes.add(new Warning(null, "Java " + asked + " (" + origin + ") runs on JDK " + chosen + ": "
                    + withoutVersion(preset.runtime().image()) + " is published for "
                    + versions.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        return String.valueOf(chosen);
    }

    private static String frameworkName(String id) {
        return switch (id) {
            case "spring-boot" -> "Spring Boot";
            case "quarkus" -> "Quarkus";
            case "micronaut" -> "Micronaut";
            default -> id;
        };
    }

    private static String withoutVersion(String image) {
        return image.replace("{version}", "<java>").replaceAll("@sha256:[a-f0-9]+", "");
    }

    private static String tool(JavaDetails java) {
        if (java.maven()) {
            // -ntp (--no-transfer-progress) came with Maven 3.6.1; older ones quiet the transfer log through slf4j
            String quiet = noTransferProgress(java) ? " -ntp"
                    : " -Dorg.slf4j.simpleLogger.log.org.apache.maven.cli.transfer.Slf4jMavenTransferListener=warn";
            return (java.wrapper() != null ? "MAVEN_CONFIG='' sh ./mvnw -B" : "mvn -B") + quiet;
        }
        return java.wrapper() != null ? "sh ./gradlew --no-daemon" : "gradle --no-daemon";
    }

    /** True unless the wrapper downloads a Maven older than 3.6.1. */
    static boolean noTransferProgress(JavaDetails java) {
        return wrapperAtLeast(java, 1);
    }

    /** True unless the wrapper downloads a Maven older than 3.6.{patch}. */
    private static boolean wrapperAtLeast(JavaDetails java, int patch) {
        if (java.wrapper() == null || java.wrapperTool() == null) {
            return true;
        }
        String[] parts = java.wrapperTool().value().split("\\.");
        int[] v = new int[3];
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            v[i] = Integer.parseInt(parts[i]);
        }
        return v[0] != 3 ? v[0] > 3 : v[1] != 6 ? v[1] > 6 : v[2] >= patch;
    }

    /**
     * A goal line with the pinned maven-dependency-plugin: 3.7.0 and later require Maven 3.6.3, so a wrapper's older
     * Maven gets 3.6.1, the last that runs on Maven 3.2.5 and later.
     */
    private static boolean dependencyGoals(JavaDetails java) {
        return java.maven(); // go-offline at least, pinned like the rest
    }

    static String dependencyPlugin(JavaDetails java, String goals) {
        return wrapperAtLeast(java, 3) ? goals
                : goals.replace("maven-dependency-plugin:" + MavenBuild.DEPENDENCY_PLUGIN + ":", "maven-dependency-plugin:3.6.1:");
    }

    private static Stage buildStage(JavaDetails java, String image, Preset preset) {
        List<Instruction> ins = new ArrayList<>();
        ins.add(new Workdir("/src"));
        String cache = java.maven() ? "/root/.m2" : "/root/.gradle";
        if (!java.maven()) {
            ins.add(new Instruction.Env("GRADLE_USER_HOME", cache));
        }
        List<String> rootFiles = java.buildFiles().stream().filter(f -> !f.contains("/")).toList();
        List<String> why = new ArrayList<>();
        why.add("Build files first: the dependency layer below is reused until "
                + IgnoreSections.joinAnd(concat(BuildFilesPlanner.named(java), java.buildDirs().stream().map(d -> d + "/").toList()))
                + (java.buildFiles().size() + java.buildDirs().size() == 1 ? " changes." : " change."));
        why.add(java.wrapper() != null ? "sh ./" + java.wrapper() + ": works even where the wrapper lost its run bit "
                + "(a checkout on Windows, say)." : (java.maven() ? "No Maven wrapper: the image's mvn builds."
                : "No Gradle wrapper: the gradle image's gradle builds."));
        if (java.maven()) {
            why.add("go-offline runs at the pinned maven-dependency-plugin, not the build's own: 2.x resolves the "
                    + "modules' own jars before they are built.");
        }
        if (java.maven() && java.wrapper() != null) {
            why.add("MAVEN_CONFIG='': the maven image sets MAVEN_CONFIG=/root/.m2, which the wrapper would pass to Maven "
                    + "as a goal.");
            if (java.wrapperTool() != null) {
                why.add("The wrapper runs Maven " + java.wrapperTool().value() + " (" + java.wrapperTool().source() + ")"
                        + (noTransferProgress(java) ? "" : ", older than 3.6.1, which has no -ntp: its logger quiets "
                        + "the transfer log") + (wrapperAtLeast(java, 3) || !dependencyGoals(java) ? "." : "; older than 3.6.3, which "
                        + "maven-dependency-plugin 3.7.0 and later require, so its goals run with 3.6.1."));
            }
        }
        ins.add(new Comment(why));
        ins.add(new Copy(null, rootFiles, "./"));
        for (String dir : java.buildDirs()) {
            ins.add(new Copy(null, List.of(dir), "./" + dir));
        }
        ins.addAll(BuildFilesPlanner.copies(java));
        String module = java.module();
        List<String> resolve = new ArrayList<>();
        if (java.maven()) {
            // only the application module and what it needs: another module's plugins (a Tycho build in a profile, say)
            // may not resolve from Maven Central at all
            resolve.add(tool(java) + (module.isEmpty() ? "" : " -pl " + module + " -am") + " "
                    + dependencyPlugin(java, MavenBuild.GO_OFFLINE));
        } else {
            resolve.add(tool(java) + " " + (module.isEmpty() ? "" : ":" + module.replace('/', ':') + ":") + "dependencies");
        }
        ins.add(new Run(List.of(Mount.cache(cache)), resolve));
        if (java.layout().value().equals(JavaDetails.WAR)) {
            ins.addAll(TomcatPlanner.fetch(java, tool(java)));
        }
        ins.add(new Comment(concat(List.of("Then the source and the package; editing a source file keeps the layers above.",
                "Tests do not run here: build with --build-arg RUN_TESTS=true to run them."
                        + (java.maven() ? " Javadoc and sources jars are skipped: the image never holds them." : "")),
                java.imageSkip() == null ? List.of() : List.of(java.imageSkip().value() + ": " + java.imageSkip().source()
                        + " builds a container image while packaging, with a Docker daemon no build stage has."))));
        ins.add(new Copy(null, List.of("."), "."));
        ins.add(new Arg("RUN_TESTS", "false"));
        List<String> build = new ArrayList<>();
        if (java.maven()) {
            build.add("if [ \"$RUN_TESTS\" = true ]; then skip=false; else skip=true; fi");
            build.add("&& " + tool(java) + " -DskipTests=\"$skip\" -Dmaven.javadoc.skip=true -Dmaven.source.skip=true"
                    + (java.imageSkip() == null ? "" : " " + java.imageSkip().value())
                    + (module.isEmpty() ? "" : " -pl " + module + " -am")
                    + " package" + (java.goals() == null ? "" : " " + dependencyPlugin(java, java.goals().value())));
        } else {
            String prefix = module.isEmpty() ? "" : ":" + module.replace('/', ':') + ":";
            build.add("if [ \"$RUN_TESTS\" = true ]; then task=build; else task=assemble; fi");
            build.add("&& " + tool(java) + " \"" + prefix + "$task\""
                    + (java.layout().value().equals(JavaDetails.GRADLE_INSTALL) ? " " + prefix + "installDist" : ""));
        }
        if (java.goals() != null) {
            ins.add(Comment.of("After package: " + java.goals().value().replaceFirst(" .*", "") + " ("
                    + java.goals().source() + (java.goals().value().contains("copy-dependencies")
                    ? " names a main class but nothing packages the dependencies)."
                    : " declares no execution, so package alone would not run it).")));
        }
        ins.add(new Run(List.of(Mount.cache(cache)), build));
        String jar = java.artifact().value();
        String layout = java.layout().value();
        boolean needsJar = !layout.equals(JavaDetails.QUARKUS) && !layout.equals(JavaDetails.GRADLE_INSTALL);
        boolean war = layout.equals(JavaDetails.WAR);
        if (needsJar && jar.contains("*")) {
            String dir = jar.substring(0, jar.lastIndexOf('/'));
            String suffix = jar.substring(jar.lastIndexOf('*') + 1);
            ins.add(Comment.of("The jar's name depends on values the build files do not fix, so the one application "
                    + "jar is picked here (never *-plain.jar, original-*, sources, javadoc or tests jars)."));
            ins.add(new Run(List.of(), List.of(
                    "jar=\"$(find " + dir + " -maxdepth 1 -name '*" + suffix + "' ! -name '*-plain.jar' ! -name 'original-*'"
                            + " ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-tests.jar')\"",
                    "&& { [ -f \"$jar\" ] || { echo \"expected one application jar in " + dir + ", found: $jar\" >&2; exit 1; }; }",
                    "&& mkdir -p /out && cp \"$jar\" /out/app." + (war ? "war" : "jar"))));
            jar = war ? "/out/app.war" : "/out/app.jar";
        }
        if (war) {
            ins.addAll(TomcatPlanner.deploy(jar.startsWith("/") ? jar : "/src/" + jar, preset));
        }
        if (layout.equals(JavaDetails.SPRING_BOOT_LAYERS)) {
            String source = jar.startsWith("/") ? jar : jar;
            ins.add(Comment.of("Spring Boot's layers, extracted with the tools jar mode from "
                    + (jar.startsWith("/") ? "the executable jar" : jar.substring(jar.lastIndexOf('/') + 1))
                    + (java.maven() ? " (the repackaged executable jar)" : " (bootJar's executable jar, not the -plain.jar)")
                    + ": dependencies, loader, snapshots, application."));
            ins.add(new Run(List.of(), List.of(
                    "java -Djarmode=tools -jar " + source + " extract --layers --launcher --destination /out/layers",
                    "&& mkdir -p " + BOOT_LAYERS.stream().map(l -> "/out/layers/" + l).collect(Collectors.joining(" ")))));
        }
        return new Stage(List.of("Build stage: " + (java.maven() ? "Maven" : "Gradle") + " resolves dependencies from the "
                + "build files alone, then packages the application."), null, image, "build", ins);
    }

    private static Stage runtimeStage(PlanRequest request, JavaDetails java, ImageSpec runtime, String version) {
        Preset preset = request.preset();
        ProjectFacts facts = request.facts();
        List<Instruction> ins = new ArrayList<>();
        if (preset.user().create()) {
            ins.add(new Run(List.of(), preset.user().createLines()));
        }
        ins.add(new Workdir("/app"));
        String jar = java.artifact().value();
        String built = jar.contains("*") ? "/out/app.jar" : "/src/" + jar;
        String layout = java.layout().value();
        boolean distroless = preset.finalStage() == FinalStage.DISTROLESS;
        List<String> command = new ArrayList<>(List.of(distroless ? "/usr/bin/java" : "java", HEAP));
        switch (layout) {
            case JavaDetails.SPRING_BOOT_LAYERS -> {
                ins.add(Comment.of("One image layer per Spring Boot layer, the least often changed first: a code change "
                        + "ships only the last one."));
                for (String layer : BOOT_LAYERS) {
                    ins.add(new Copy("build", List.of("/out/layers/" + layer + "/"), "./"));
                }
                command.addAll(List.of("-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"));
            }
            case JavaDetails.QUARKUS -> {
                String dir = jar.substring(0, jar.lastIndexOf('/'));
                String app = "/src/" + dir;
                ins.add(Comment.of("Quarkus fast-jar (" + dir + "): libraries first, the application last."));
                ins.add(new Copy("build", List.of(app + "/lib/"), "./lib/"));
                ins.add(new Copy("build", List.of(app + "/quarkus-run.jar"), "./"));
                ins.add(new Copy("build", List.of(app + "/app/"), "./app/"));
                ins.add(new Copy("build", List.of(app + "/quarkus/"), "./quarkus/"));
                command.addAll(List.of("-Dquarkus.http.host=0.0.0.0",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/app/quarkus-run.jar"));
            }
            case JavaDetails.WAR -> {
                ins.addAll(TomcatPlanner.runtime(java, preset));
                command.addAll(TomcatPlanner.command(version));
            }
            case JavaDetails.GRADLE_INSTALL -> {
                ins.add(Comment.of("installDist's lib/ (" + jar + "): the application jar and every dependency."));
                ins.add(new Copy("build", List.of("/src/" + jar + "/"), "./lib/"));
                command.addAll(List.of("-cp", "/app/lib/*", java.mainClass().value()));
            }
            case JavaDetails.CLASSPATH -> {
                if (java.libDir() != null) {
                    ins.add(Comment.of("Dependency jars (" + java.libDir() + ", copied by the build: the jar's manifest "
                            + "names no class path) in their own layer."));
                    ins.add(new Copy("build", List.of("/src/" + java.libDir() + "/"), "./lib/"));
                }
                ins.add(Comment.of("The application's own jar" + (jar.contains("*") ? "" : " (" + jar + ")") + "; "
                        + java.mainClass().source() + " names the main class, which no manifest carries, so it is "
                        + "started from the class path."));
                ins.add(new Copy("build", List.of(built), "./app.jar"));
                command.addAll(List.of("-cp", java.libDir() != null ? "/app/app.jar:/app/lib/*" : "/app/app.jar",
                        java.mainClass().value()));
            }
            case JavaDetails.JAR_WITH_LIBS -> {
                String lib = java.libDir().substring(java.libDir().lastIndexOf('/') + 1);
                ins.add(Comment.of("Dependency jars (" + java.libDir() + ", " + java.layout().source()
                        + ") in their own layer, next to the jar whose manifest names them."));
                ins.add(new Copy("build", List.of("/src/" + java.libDir() + "/"), "./" + lib + "/"));
                ins.add(new Copy("build", List.of(built), "./app.jar"));
                command.addAll(List.of("-jar", "/app/app.jar"));
            }
            default -> {
                String what = jar.endsWith(".war") && layout.equals(JavaDetails.SPRING_BOOT_JAR) ? "The executable war "
                        + "(Spring Boot's tools jar mode extracts jars only, so it is not split into layers)"
                        : layout.equals(JavaDetails.SPRING_BOOT_JAR) ? "The executable jar (Spring Boot "
                        + java.frameworkVersion() + " predates the tools jar mode, so it is not split into layers)"
                        : java.container() != null ? "WildFly's bootable jar, the server and the war in one, started with "
                        + "-b 0.0.0.0 (CMD below): WildFly binds loopback otherwise"
                        : "The jar with every dependency inside";
                ins.add(Comment.of(what + (jar.contains("*") ? "." : " (" + jar + ", " + java.layout().source() + ").")));
                ins.add(new Copy("build", List.of(built), "./app.jar"));
                command.addAll(List.of("-jar", "/app/app.jar"));
            }
        }
        Fact<Integer> detected = facts.port();
        int port = request.port() != null ? request.port() : detected == null ? 0 : detected.value();
        String portVariable = facts.framework() == null ? null : switch (facts.framework().value()) {
            case "spring-boot", "helidon" -> "SERVER_PORT";
            case "quarkus" -> "QUARKUS_HTTP_PORT";
            case "micronaut" -> "MICRONAUT_SERVER_PORT";
            default -> null; // SparkJava, Javalin, Dropwizard: the port is set in the code or the configuration file
        };
        if (request.port() != null && portVariable != null && (detected == null || detected.value() != port)) {
            ins.add(new Instruction.Env(portVariable, String.valueOf(port)));
        }
        if (java.serverConfig() != null) {
            String config = java.serverConfig().value();
            ins.add(Comment.of("The configuration file the server is started with (" + config + "): server /app/"
                    + config.substring(config.lastIndexOf('/') + 1) + "; pass another with --arg."));
            ins.add(new Copy(null, List.of(config), "./"));
        }
        ins.addAll(RuntimeFilesPlanner.instructions(java.runtimeFiles(), java.module()));
        ins.add(new Instruction.User(preset.user().uid(), preset.user().gid()));
        if (port > 0) {
            if (detected != null && request.port() == null) {
                ins.add(Comment.of("Port " + port + ": " + detected.source()
                        + (java.container() != null ? " (" + (layout.equals(JavaDetails.WAR) ? "Tomcat" : "WildFly")
                        + "'s HTTP listener; nothing in the build sets another)."
                        : facts.framework() != null && detected.source().equals(facts.framework().source())
                        ? " (the framework's default; nothing sets another)." : ".")));
            }
            if (port < 1024) {
                ins.add(Comment.of("Port " + port + " is privileged: Docker lets non-root processes bind it, other runtimes",
                        "may not; prefer a port above 1023 (dockergen init --port 8080"
                                + (portVariable != null ? " sets the framework's port variable)." : ") if the program reads one.")));
            }
            ins.add(new Instruction.Expose(port));
        }
        ins.addAll(HealthChecks.instructions(java.healthPath(), runtime, port, preset));
        ins.addAll(Labels.instructions(Map.of("org.opencontainers.image.title", java.name()), preset, request.labels()));
        ins.add(Comment.of("java runs as PID 1 in exec form, so SIGTERM reaches it; the heap follows the container's "
                        + "memory limit.",
                (distroless ? "The image's own entrypoint is java -jar; this one is explicit so the whole command is "
                        + "visible. " : "") + "Add JVM options at run time with JAVA_TOOL_OPTIONS."));
        ins.add(new Instruction.Entrypoint(command));
        if (!request.args().isEmpty()) {
            ins.add(new Instruction.Cmd(request.args()));
        } else if (java.serverConfig() != null) {
            String config = java.serverConfig().value();
            ins.add(new Instruction.Cmd(List.of("server", "/app/" + config.substring(config.lastIndexOf('/') + 1))));
        } else if (java.container() != null && java.container().value().equals(JavaDetails.WILDFLY)) {
            ins.add(new Instruction.Cmd(List.of("-b", "0.0.0.0")));
        }
        String comment = "Runtime stage: " + withoutVersion(runtime.image()) + (runtime.shell() ? "" : ", which has no shell")
                + "; runs as " + preset.user().name() + " (" + preset.user().uid() + ").";
        return new Stage(List.of(comment), null, runtime.image().replace("{version}", "${" + VERSION_ARG + "}"), "runtime", ins);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
