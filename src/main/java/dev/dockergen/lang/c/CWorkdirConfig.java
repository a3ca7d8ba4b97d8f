package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program that reads its own configuration file from the working directory: NAME.conf at the root, named without a
 * folder in the code ({@code "lwan.conf"}, or {@code "%s.conf"} built from the program's name), and the folders that
 * file names as relative paths ({@code path = ./wwwroot}, {@code root html;}) where the repository holds them.
 */
final class CWorkdirConfig {
    /** Where the image puts them and runs the program. */
    static final String WORKDIR = "/app";
    private static final Pattern FOLDER = Pattern.compile(
            "(?m)^[ \\t]*(?:path|root|document_root|docroot|www_root|webroot)[ \\t]*[=: \\t][ \\t]*\"?(?:\\./)?([A-Za-z0-9_-]+)/?\"?[ \\t]*;?[ \\t]*$");

    private CWorkdirConfig() {
    }

    static List<Fact<String>> find(ProjectFiles files, String binary, List<CSourceScan> scans) {
        String conf = binary + ".conf";
        if (!files.isFile(conf)) {
            return List.of();
        }
        Source named = scans.stream().map(s -> s.bareConfs.getOrDefault(conf, s.bareConfs.get("%s.conf")))
                .filter(x -> x != null).findFirst().orElse(null);
        if (named == null) {
            return List.of();
        }
        List<Fact<String>> out = new ArrayList<>(List.of(Fact.of(conf, named)));
        String text;
        try {
            text = files.read(conf).orElse("");
        } catch (ProjectInputException e) {
            return out;
        }
        Matcher m = FOLDER.matcher(text);
        while (m.find()) {
            String dir = m.group(1);
            if (files.isDirectory(dir) && out.stream().noneMatch(f -> f.value().equals(dir + "/"))) {
                out.add(Fact.of(dir + "/", conf, AutotoolsParser.lineOf(text, m.start())));
            }
        }
        return out;
    }
}
