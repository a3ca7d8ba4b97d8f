package dev.dockergen.lang.java;

import static dev.dockergen.lang.java.JavaDetector.checkedName;
import static dev.dockergen.lang.java.JavaDetector.under;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.SourceSearch;
import dev.dockergen.lang.java.JavaDetector.App;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code <packaging>war</packaging>} build is an application served by a servlet container (ADR 0017): the
 * project's own WildFly bootable jar where a wildfly plugin builds one, else Apache Tomcat from Maven Central, its
 * major chosen by the servlet API the code imports (javax: Tomcat 9; jakarta: 10.1, or 11 for Servlet 6.1).
 */
final class WarApps {
    /** Tomcat releases on Maven Central (org.apache.tomcat:tomcat:VERSION:tar.gz), one per servlet API generation. */
    static final String TOMCAT_9 = "9.0.117";
    static final String TOMCAT_10 = "10.1.59";
    static final String TOMCAT_11 = "11.0.24";
    private static final Pattern SERVLET_IMPORT = Pattern.compile("(?m)^\\s*import\\s+(javax|jakarta)\\.servlet\\.");
    private static final Pattern MAJOR_MINOR = Pattern.compile("^([0-9]{1,6})(?:\\.([0-9]{1,6}))?");

    private WarApps() {
    }

    static boolean war(Pom pom) {
        return "war".equals(pom.resolveOr(pom.root.childText("packaging")));
    }

    /** The application a war build makes, or null when it is not a war. */
    static App classify(ProjectFiles files, String dir, Pom pom, String base, Source nameAt, String name) {
        if (!war(pom)) {
            return null;
        }
        String target = under(dir, "target");
        Source packaging = Source.of(pom.file, pom.root.child("packaging").map(Pom.Element::line).orElse(0));
        Fact<String> framework = pom.dependency("org.springframework", "spring-webmvc")
                .map(d -> Fact.of("spring-mvc", pom.file, d.line())).orElse(null);
        App bootable = wildflyBootable(pom, dir, target, name, base);
        if (bootable != null) {
            return bootable;
        }
        Fact<String> tomcat = tomcat(files, dir, pom, packaging);
        Fact<String> war = base == null ? Fact.of(target + "/*.war", nameAt) : Fact.of(target + "/" + base + ".war", nameAt);
        return new App(dir, framework, null, Fact.of(JavaDetails.WAR, packaging), war, null, null, name, null, tomcat, null);
    }

    /**
     * wildfly-maven-plugin with bootable-jar true, or wildfly-jar-maven-plugin, in the build or a profile active by
     * default: the plugin writes a jar with the server and the war inside, run with java -jar (its default name:
     * NAME-bootable.jar; wildfly-maven-plugin 5.0 wrote server-bootable.jar).
     */
    private static App wildflyBootable(Pom pom, String dir, String target, String artifactId, String base) {
        List<Pom.Element> plugins = new ArrayList<>(pom.plugins());
        pom.activeProfiles(f -> false).forEach(p -> plugins.addAll(p.all("build", "plugins", "plugin")));
        for (Pom.Element p : plugins) {
            String a = p.childText("artifactId");
            boolean jarPlugin = "wildfly-jar-maven-plugin".equals(a);
            boolean bootable = jarPlugin || "wildfly-maven-plugin".equals(a) && p.descendants("bootable-jar").stream()
                    .anyMatch(e -> e.text().equals("true")) || "wildfly-maven-plugin".equals(a) && p
                    .descendants("bootableJar").stream().anyMatch(e -> e.text().equals("true"));
            if (!bootable) {
                continue;
            }
            Source at = Source.of(pom.file, p.line());
            Optional<String> named = p.descendants(jarPlugin ? "output-file-name" : "bootable-jar-name").stream()
                    .map(e -> pom.resolve(e.text())).filter(v -> v != null).findFirst();
            if (named.isEmpty() && !jarPlugin) {
                named = p.descendants("bootableJarName").stream().map(e -> pom.resolve(e.text())).filter(v -> v != null)
                        .findFirst();
            }
            String version = pom.resolve(p.childText("version"));
            if (version == null) {
                version = pom.root.all("build", "pluginManagement", "plugins", "plugin").stream()
                        .filter(m -> a.equals(m.childText("artifactId"))).map(m -> pom.resolve(m.childText("version")))
                        .filter(v -> v != null).findFirst().orElse(null);
            }
            String file = named.orElse(jarPlugin ? (base == null ? artifactId : base) + "-bootable.jar"
                    : version != null && version.startsWith("5.0.") ? "server-bootable.jar" : artifactId + "-bootable.jar");
            checkedName(file, at, "bootable jar name");
            return new App(dir, Fact.of("wildfly", at), null, Fact.of(JavaDetails.FAT_JAR, at),
                    Fact.of(target + "/" + file, at), null, null, artifactId, null, Fact.of(JavaDetails.WILDFLY, at), null);
        }
        return null;
    }

    /**
     * The Tomcat release for the servlet API the code imports (javax.servlet: 9; jakarta.servlet: 10.1, or 11 where
     * the build asks for Servlet 6.1 or Jakarta EE 11), with the line that decides it.
     */
    private static Fact<String> tomcat(ProjectFiles files, String dir, Pom pom, Source packaging) {
        Fact<String> imported = SourceSearch.firstMatch(files, JavaDetector.sources(files, dir), SERVLET_IMPORT);
        Optional<Pom.Element> api = Optional.empty();
        for (String[] ga : List.of(new String[] {"jakarta.servlet", "jakarta.servlet-api"},
                new String[] {"jakarta.platform", "jakarta.jakartaee"}, new String[] {"javax.servlet", ""},
                new String[] {"javax", "javaee"})) {
            api = pom.dependency(ga[0], ga[1]);
            if (api.isPresent()) {
                break;
            }
        }
        String apiVersion = api.map(d -> pom.resolve(d.childText("version"))).orElse(null);
        String apiGroup = api.map(d -> pom.resolveOr(d.childText("groupId"))).orElse("");
        Source apiAt = api.map(d -> Source.of(pom.file, d.line())).orElse(null);
        boolean jakarta;
        Source why;
        if (imported != null) {
            jakarta = imported.value().equals("jakarta");
            why = imported.source();
        } else if (api.isPresent()) {
            // jakarta.servlet-api 4.x is still the javax namespace; 5 and later are jakarta
            jakarta = apiGroup.startsWith("jakarta") && (apiVersion == null || number(apiVersion) >= (apiGroup
                    .equals("jakarta.platform") ? 900 : 500));
            why = apiAt;
        } else {
            jakarta = pom.dependency("org.springframework", "spring-webmvc").map(d -> pom.resolve(d.childText("version")))
                    .map(v -> number(v) >= 600).orElse(true);
            why = packaging;
        }
        if (!jakarta) {
            return Fact.of(TOMCAT_9, why);
        }
        boolean servlet61 = apiVersion != null && (apiGroup.equals("jakarta.platform") ? number(apiVersion) >= 1100
                : apiGroup.equals("jakarta.servlet") && number(apiVersion) >= 601);
        return servlet61 ? Fact.of(TOMCAT_11, apiAt) : Fact.of(TOMCAT_10, why);
    }

    /** major * 100 + minor ("6.1.0" → 601); 0 when it is no version. */
    private static int number(String version) {
        Matcher m = MAJOR_MINOR.matcher(version.strip());
        if (!m.find()) {
            return 0;
        }
        return Integer.parseInt(m.group(1)) * 100 + (m.group(2) == null ? 0 : Math.min(99, Integer.parseInt(m.group(2))));
    }
}
