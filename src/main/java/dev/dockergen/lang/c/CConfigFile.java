package dev.dockergen.lang.c;

import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Walk;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A server whose usage text names an option for its configuration file ({@code -c config_file}, {@code -f <name>
 * filename of the config-file}) and whose repository ships that file as NAME.conf (NAME the program's name), or as
 * NAME.conf.in that the autotools build turns into NAME.conf in the build tree: the image copies it to
 * /etc/NAME/NAME.conf and the default arguments name it with that option.
 *
 * @param path the file in the repository ({@code doc/config/lighttpd.conf}), or in the build tree when {@code built}
 * @param built the build writes it from {@code path + ".in"}, so it is copied from the build stage
 * @param flag the usage text's option ({@code -c})
 * @param target where the image puts it
 * @param usage where the usage text names the option
 * @param shipped where the repository has it (the file itself, or its template)
 */
record CConfigFile(String path, boolean built, String flag, String target, Source usage, Source shipped) {
    private static final int DEPTH = 3;

    /** The default arguments: the option and the file. */
    List<String> args() {
        return List.of(flag, target);
    }

    static Optional<CConfigFile> find(ProjectFiles files, String binary, List<CSourceScan> scans, boolean configure) {
        CSourceScan usage = scans.stream().filter(s -> s.configFlag != null).findFirst().orElse(null);
        if (usage == null || binary == null) {
            return Optional.empty();
        }
        String name = binary + ".conf";
        // the shallowest copy (a sample in doc/ too) outside tests, vendored code and packaging or container folders,
        // whose NAME.conf is another program's file (service/upstart/x.conf is an init job, docker/x.conf an image's)
        List<String> found = files.walk("", DEPTH, d -> Walk.hidden(d) || Walk.VENDORED.contains(ProjectFiles.fileName(d))
                        || Walk.INSTALLED.contains(ProjectFiles.fileName(d)) || ProjectFiles.fileName(d).matches("(?i)tests?|"
                        + "testdata|fixtures|docker|service|snap|debian|rpm|packaging|contrib|installer|systemd|init\\.d"))
                .stream().filter(p -> p.equals(name) || p.endsWith("/" + name)
                        || configure && (p.equals(name + ".in") || p.endsWith("/" + name + ".in")))
                .sorted(Comparator.comparingInt((String p) -> p.split("/").length).thenComparing(p -> p.endsWith(".in") ? 1 : 0)
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String at = found.get(0);
        boolean built = at.endsWith(".in");
        String path = built ? at.substring(0, at.length() - 3) : at;
        return Optional.of(new CConfigFile(path, built, usage.configFlag, "/etc/" + binary + "/" + name,
                usage.configFlagSource, Source.of(at, 1)));
    }
}
