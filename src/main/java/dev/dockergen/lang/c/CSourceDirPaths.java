package dev.dockergen.lang.c;

import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.SourceSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths of the source tree that CMake compiles into the program as absolute paths:
 * {@code -DDATABASE_MIGRATIONS="${CMAKE_CURRENT_SOURCE_DIR}/sql"} in add_definitions or a compile definition. The
 * program opens them where the build ran, {@link #SRC}, so the final image keeps them there. A definition whose name
 * says it is for tests ({@code TESTDATABASE_FILE}) is left out.
 */
final class CSourceDirPaths {
    /** The build stage's source folder (its WORKDIR), where CMAKE_CURRENT_SOURCE_DIR points during the build. */
    static final String SRC = "/src";
    private static final Pattern DEFINITION = Pattern.compile("-D(?![A-Z0-9_]*TEST)[A-Za-z_][A-Za-z0-9_]*=\\\\?\"?"
            + "\\$\\{(?:CMAKE_CURRENT_SOURCE_DIR|CMAKE_SOURCE_DIR|PROJECT_SOURCE_DIR)}/([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*)/?");

    /** One compiled-in path, relative to the source folder, and the line that defines it. */
    record Path(String path, Source source) {
    }

    private CSourceDirPaths() {
    }

    /** The compiled-in paths named in the root CMakeLists.txt, in order. */
    static List<Path> find(ProjectFiles files) {
        String text = SourceSearch.textOf(files, "CMakeLists.txt");
        List<Path> out = new ArrayList<>();
        Matcher m = DEFINITION.matcher(text);
        while (m.find()) {
            String p = m.group(1);
            if (!p.contains("..") && out.stream().noneMatch(x -> x.path().equals(p))) {
                out.add(new Path(p, Source.of("CMakeLists.txt", AutotoolsParser.lineOf(text, m.start()))));
            }
        }
        return out;
    }
}
