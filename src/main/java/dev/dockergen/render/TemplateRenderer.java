package dev.dockergen.render;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.plan.DockerfilePlan;
import dev.dockergen.plan.DockerignorePlan;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Prints plans through the jte templates precompiled from the top-level templates/ folder, or
 * through an organisation's own Dockerfile template, compiled when first used.
 */
public final class TemplateRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Plain);
    /** Catalogue templates compiled so far, by file: `init --all` compiles each once, not once per member. */
    private final Map<Path, TemplateEngine> custom = new HashMap<>();
    private Path classes;
    private int compilations;

    public String dockerfile(DockerfilePlan plan) {
        return render(engine, "dockerfile.jte", plan);
    }

    public String dockerignore(DockerignorePlan plan) {
        return render(engine, "dockerignore.jte", plan);
    }

    /** Renders with a template file of an organisation catalogue; it gets the same {@code DockerfilePlan plan}. */
    public String dockerfile(DockerfilePlan plan, Path template) {
        if (ToolProvider.getSystemJavaCompiler() == null) {
            throw new DockergenException(ExitCode.BAD_CATALOG, template + ": compiling a catalogue template needs a JDK "
                    + "(javac); run dockergen with a JDK's java, or drop templates.dockerfile from the preset");
        }
        try {
            return render(engineFor(template.toAbsolutePath().normalize()), template.getFileName().toString(), plan);
        } catch (TemplateException e) {
            throw new DockergenException(ExitCode.BAD_CATALOG, template + ": " + oneLine(e.getMessage()), e);
        }
    }

    /** How many catalogue template engines this renderer made (one per template file). */
    int compilations() {
        return compilations;
    }

    private synchronized TemplateEngine engineFor(Path template) {
        TemplateEngine engine = custom.get(template);
        if (engine == null) {
            if (classes == null) {
                try {
                    classes = Files.createTempDirectory("dockergen-jte");
                } catch (IOException e) {
                    throw new DockergenException(ExitCode.INTERNAL, "cannot create a directory to compile " + template + " in", e);
                }
                Path dir = classes;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            }
            // each template file gets its own class folder: two catalogues may both name theirs dockerfile.jte
            engine = TemplateEngine.create(new DirectoryCodeResolver(template.getParent()),
                    classes.resolve(String.valueOf(custom.size())), ContentType.Plain, getClass().getClassLoader());
            engine.setTrimControlStructures(true);
            engine.setClassPath(classPath());
            custom.put(template, engine);
            compilations++;
        }
        return engine;
    }

    private static String render(TemplateEngine engine, String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }

    /** What a catalogue template compiles against: dockergen's own classes and jte's runtime. */
    private static List<String> classPath() {
        List<String> out = new ArrayList<>();
        for (Class<?> c : List.of(DockerfilePlan.class, TemplateEngine.class)) {
            try {
                out.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | SecurityException | NullPointerException e) {
                // fall back to the JVM's class path, which jte uses by default
            }
        }
        return out.stream().distinct().toList();
    }

    private static String oneLine(String message) {
        return message == null ? "template error" : message.replaceAll("\\s+", " ").strip();
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
