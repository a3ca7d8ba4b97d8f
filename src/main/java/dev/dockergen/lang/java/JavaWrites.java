package dev.dockergen.lang.java;

import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.WritePath;
import dev.dockergen.detect.WriteSearch;
import dev.dockergen.detect.WriteSearch.Rule;
import dev.dockergen.detect.WritesScanner;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Java program writes: H2 and SQLite files from JDBC URLs ({@code jdbc:h2:./data/app} is
 * {@code data/app.mv.db}, {@code jdbc:sqlite:dev.db}), log files and folders (logback's {@code <file>} and log-path
 * properties, log4j2's {@code fileName}, Spring's {@code logging.file.name}/{@code logging.file.path}, a
 * {@code *.logpath} setting), folders it creates ({@code Files.createDirectories(Path.of("x"))}), jte's class folder
 * ({@code TemplateEngine.create(..., Path.of("jte-classes"), ...)}) and data-location settings in YAML, also in the
 * configuration file a module's server is started with when that file sits at the build root.
 */
public final class JavaWrites implements WritesScanner {
    private static final String PATH = "([A-Za-z0-9._/~-]+)";
    private static final List<Rule> CONFIG = List.of(
            Rule.of("jdbc:sqlite:" + PATH, true, true, "SQLite database"),
            Rule.of("<file>\\s*([^<]+?)\\s*</file>", true, false, "log file"),
            Rule.of("fileName\\s*=\\s*\"([^\"]+)\"", true, false, "log file"),
            Rule.of("<property\\s+name=\"[^\"]*(?:log|LOG)[^\"]*\"\\s+value=\"([^\"]+)\"", null, false, "log folder"),
            Rule.of("^\\s*currentLogFilename\\s*:\\s*" + PATH + "\\s*$", true, false, "log file"),
            Rule.of("^\\s*logging\\.file\\.name\\s*[=:]\\s*" + PATH + "\\s*$", true, false, "log file"),
            Rule.of("^\\s*logging\\.(?:file\\.)?path\\s*[=:]\\s*" + PATH + "\\s*$", false, false, "log folder"),
            Rule.of("^\\s*[a-z.-]*\\.log[-.]?path\\s*[=:]\\s*" + PATH + "\\s*$", false, false, "log folder"),
            Rule.of("^\\s*[a-z_.-]*(?:data|graph|storage|cache)[a-z_.]*[._](?:location|dir|path)\\s*:\\s*" + PATH
                    + "\\s*$", null, true, "data location"));
    private static final List<Rule> CODE = List.of(
            Rule.of("\"jdbc:sqlite:" + PATH, true, true, "SQLite database"),
            Rule.of("Files\\.createDirector(?:y|ies)\\(\\s*(?:Path\\.of|Paths\\.get)\\(\\s*\"([^\"]+)\"", false, true,
                    "folder the program creates"),
            Rule.of("new\\s+File\\(\\s*\"([^\"]+)\"\\s*\\)\\.mkdirs?\\(", false, true, "folder the program creates"),
            Rule.of("TemplateEngine\\.create\\([^;]*(?:Path\\.of|Paths\\.get)\\(\\s*\"([^\"]+)\"", false, false,
                    "jte's compiled templates"),
            // without a class folder, jte compiles the templates it finds into jte-classes in the working directory
            Rule.fixed("TemplateEngine\\.create\\(\\s*\\w+\\s*,\\s*(?:gg\\.jte\\.)?ContentType\\.\\w+\\s*\\)", "jte-classes",
                    false, false, "jte's compiled templates"));

    @Override
    public List<WritePath> scan(ProjectFiles files, ProjectFacts facts) {
        Map<String, WritePath> found = WriteSearch.found();
        List<String> config = WriteSearch.sources(files, n -> n.contains("-test") || n.contains("test."),
                ".properties", ".yml", ".yaml", ".xml").stream().filter(f -> !f.endsWith("pom.xml")
                && !f.contains("/test/") && configPlace(f)).toList();
        WriteSearch.scan(files, config, CONFIG, found);
        startedWith(files, facts).ifPresent(f -> WriteSearch.scan(files.repository(), List.of(f), CONFIG, found));
        List<String> h2 = WriteSearch.sources(files, n -> n.endsWith("Test.java") || n.contains("-test"),
                ".properties", ".yml", ".yaml", ".java").stream().filter(f -> !f.contains("/test/")).toList();
        WriteSearch.scan(files, h2, "jdbc:h2:", List.of(Rule.of("jdbc:h2:(?:file:)?([A-Za-z0-9._/~-]+)", true, true,
                "H2 database")), h2Files(found));
        List<String> code = WriteSearch.sources(files, n -> n.endsWith("Test.java"), ".java").stream()
                .filter(f -> !f.contains("/test/")).toList();
        WriteSearch.scan(files, code, CODE, found);
        return WriteSearch.sorted(found);
    }

    /**
     * The configuration file the server is started with (Dropwizard's server FILE) when it lies outside the folder
     * scanned: a module's, whose file sits at the build root beside the parent pom. Its data and log settings are the
     * program's as much as those of a file in the module.
     */
    private static Optional<String> startedWith(ProjectFiles files, ProjectFacts facts) {
        if (!(facts.details() instanceof JavaDetails details) || details.serverConfig() == null || files.location().isEmpty()) {
            return Optional.empty();
        }
        // named from the build root the module was detected from
        String config = details.serverConfig().value();
        return !files.isFile(config) && files.repository().isFile(config) ? Optional.of(config)
                : Optional.empty();
    }

    /**
     * Where a Java program's configuration lives: its resources, the project's top folder (a Dropwizard config.yml) or
     * a conf/config folder; other YAML and XML in a repository (CI, docs, data sets) configures nothing it runs.
     */
    private static boolean configPlace(String path) {
        return path.contains("src/main/resources/") || !path.contains("/")
                || path.matches("(?:.*/)?(?:conf|config|configuration)/[^/]+");
    }

    /** H2 names a database without its extension: the file it writes is that name plus ".mv.db". */
    private static Map<String, WritePath> h2Files(Map<String, WritePath> found) {
        return new java.util.HashMap<>() {
            @Override
            public WritePath putIfAbsent(String key, WritePath value) {
                String p = key.endsWith(".db") ? key : key + ".mv.db";
                return found.putIfAbsent(p, new WritePath(p, true, true, value.what(), value.source()));
            }
        };
    }
}
