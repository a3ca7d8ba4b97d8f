package dev.dockergen.lang.java;

import static dev.dockergen.lang.java.JavaDetector.under;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.SourceSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files a Java program reads at run time from its working directory, found in its code and configuration:
 * jte templates compiled at run time ({@code new DirectoryCodeResolver(Path.of("src", "main", "jte"))}), jte
 * templates precompiled by the build into a folder the code loads ({@code TemplateEngine.createPrecompiled(
 * Path.of("jte-classes"), ...)} with jte-maven-plugin's {@code targetDirectory}), a Dropwizard connector's key or
 * trust store ({@code keyStorePath: example.keystore}); and secrets it reads from {@code /run/secrets/}, which are
 * mounted at run time, never copied.
 *
 * @param context files and folders copied from the build context, relative to the module (the path the program opens)
 * @param built folders the build writes that the program opens, relative to the module
 * @param secrets {@code /run/secrets/NAME} paths the code reads
 * @param compiler where the code compiles templates at run time (which needs a JDK's javac), or null
 */
public record JavaRuntimeFiles(List<Fact<String>> context, List<Fact<String>> built, List<Fact<String>> secrets,
                        Fact<String> compiler) {
    static final JavaRuntimeFiles NONE = new JavaRuntimeFiles(List.of(), List.of(), List.of(), null);
    private static final String PATH_ARGS = "\\(\\s*(?:Path\\.of|Paths\\.get)\\(\\s*(\"[^\"]*\"(?:\\s*,\\s*\"[^\"]*\")*)\\s*\\)";
    private static final Pattern RESOLVER = Pattern.compile("new\\s+DirectoryCodeResolver" + PATH_ARGS);
    private static final Pattern PRECOMPILED = Pattern.compile("TemplateEngine\\.createPrecompiled" + PATH_ARGS);
    private static final Pattern SECRET = Pattern.compile("\"(/run/secrets/[A-Za-z0-9._-]+)\"");
    private static final Pattern STORE = Pattern.compile("^\\s*(?:-\\s+)?(?:keyStorePath|trustStorePath):\\s*\"?([A-Za-z0-9._/-]+)\"?\\s*(#.*)?$");
    /** A relative path that is safe to write into a COPY line. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    public JavaRuntimeFiles {
        context = List.copyOf(context);
        built = List.copyOf(built);
        secrets = List.copyOf(secrets);
    }

    static JavaRuntimeFiles find(ProjectFiles files, String dir, List<String> sources, Pom pom, DropwizardConfig config) {
        Map<String, Fact<String>> context = new LinkedHashMap<>();
        Map<String, Fact<String>> built = new LinkedHashMap<>();
        Map<String, Fact<String>> secrets = new LinkedHashMap<>();
        Fact<String> compiler = null;
        for (String path : sources) {
            String[] lines = SourceSearch.textOf(files, path).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.startsWith("//") || line.startsWith("/*") || line.startsWith("*")) {
                    continue;
                }
                Matcher m = RESOLVER.matcher(lines[i]);
                if (m.find()) {
                    String folder = joined(m.group(1));
                    if (folder != null && files.isDirectory(under(dir, folder))) {
                        context.putIfAbsent(folder, Fact.of(folder, path, i + 1));
                        compiler = compiler == null ? Fact.of(folder, path, i + 1) : compiler;
                    }
                }
                m = PRECOMPILED.matcher(lines[i]);
                if (m.find()) {
                    String folder = joined(m.group(1));
                    if (folder != null && jteWrites(pom, folder)) {
                        built.putIfAbsent(folder, Fact.of(folder, path, i + 1));
                    }
                }
                m = SECRET.matcher(lines[i]);
                while (m.find()) {
                    secrets.putIfAbsent(m.group(1), Fact.of(m.group(1), path, i + 1));
                }
            }
        }
        if (config != null) {
            for (int i = 0; i < config.lines().length; i++) {
                Matcher m = STORE.matcher(config.lines()[i]);
                if (m.find() && SAFE.matcher(m.group(1)).matches() && !m.group(1).contains("..")
                        && files.isFile(under(dir, m.group(1)))) {
                    context.putIfAbsent(m.group(1), Fact.of(m.group(1), config.file(), i + 1));
                }
            }
        }
        if (context.isEmpty() && built.isEmpty() && secrets.isEmpty()) {
            return NONE;
        }
        return new JavaRuntimeFiles(new ArrayList<>(context.values()), new ArrayList<>(built.values()),
                new ArrayList<>(secrets.values()), compiler);
    }

    /** "src", "main", "jte" → src/main/jte; null for an absolute, parent or unsafe path. */
    private static String joined(String args) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(args);
        while (m.find()) {
            parts.add(m.group(1));
        }
        String p = String.join("/", parts).replaceFirst("^\\./", "").replaceFirst("/$", "");
        return SAFE.matcher(p).matches() && !p.contains("..") ? p : null;
    }

    /** Whether jte-maven-plugin's {@code targetDirectory} is that folder of the module (the build writes it there). */
    private static boolean jteWrites(Pom pom, String folder) {
        if (pom == null) {
            return false;
        }
        Optional<Pom.Element> jte = pom.plugin("jte-maven-plugin");
        return jte.isPresent() && jte.get().descendants("targetDirectory").stream()
                .map(e -> e.text().strip().replace("${basedir}/", "").replace("${project.basedir}/", ""))
                .anyMatch(t -> t.replaceFirst("^\\./", "").replaceFirst("/$", "").equals(folder));
    }

    boolean isEmpty() {
        return context.isEmpty() && built.isEmpty() && secrets.isEmpty();
    }
}
