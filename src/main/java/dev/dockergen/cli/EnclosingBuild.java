package dev.dockergen.cli;

import dev.dockergen.Dockergen;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build DIR is a module of, when dockergen runs in a module's folder: a Maven parent whose {@code <modules>}
 * names it, a Gradle settings file that includes it, the Go module a main package without a go.mod of its own
 * belongs to. Such a folder does not build alone (its parent pom, its sibling modules, its go.mod are above it), so
 * it is detected and built from that root with the folder as the project, and the files still go in the folder.
 *
 * @param root    the enclosing build's folder, as a path the user can type from where DIR was given (".." from ".")
 * @param member  DIR relative to {@code root}, with "/" separators
 * @param rootAbs {@code root}, absolute
 */
record EnclosingBuild(Path root, String member, Path rootAbs) {
    /** How many folders above DIR a build is looked for; the folder holding .git is the last. */
    static final int LEVELS = 4;

    private static final Pattern FILE_LINE = Pattern.compile("(.+?)(:\\d+)?");

    /**
     * The outermost build above {@code dir} that builds it as a module, if any: a module of a module (samples/app in a
     * reactor whose root lists samples) builds from the top, where its parents' settings are. None above a
     * repository root.
     */
    static Optional<EnclosingBuild> of(Path dir, Dockergen dockergen, Language language) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs.resolve(".git"))) {
            return Optional.empty();
        }
        EnclosingBuild found = null;
        Path up = abs.getParent();
        for (int level = 1; level <= LEVELS && up != null && up.getParent() != null; level++, up = up.getParent()) {
            String member = up.relativize(abs).toString().replace('\\', '/');
            Path shown = dir.resolve("../".repeat(level)).normalize();
            shown = shown.toString().isEmpty() ? Path.of(".") : shown;
            if (Files.isDirectory(up) && Files.isReadable(up)
                    && dockergen.buildsModule(new DirectoryProjectFiles(up, shown.toString()), member, language)) {
                found = new EnclosingBuild(shown, member, up);
            } else if (found != null) {
                break;
            }
            if (Files.exists(up.resolve(".git"))) {
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The enclosing build's files, read-only. */
    DirectoryProjectFiles open() {
        return new DirectoryProjectFiles(rootAbs, root.toString());
    }

    /**
     * A source named from the enclosing root ("pom.xml:32", "mall-admin/pom.xml:39") named from DIR instead
     * ("../pom.xml:32", "pom.xml:39"), so the user finds it from where they ran; anything not a file there stays.
     */
    String fromDir(String source) {
        if (source == null) {
            return null;
        }
        Matcher m = FILE_LINE.matcher(source);
        if (!m.matches() || m.group(1).startsWith("/") || !Files.exists(rootAbs.resolve(m.group(1)))) {
            return source;
        }
        String file = Path.of(member).relativize(Path.of(m.group(1))).toString().replace('\\', '/');
        return (file.isEmpty() ? "." : file) + (m.group(2) == null ? "" : m.group(2));
    }

    /** A warning whose source is named from DIR. */
    Warning fromDir(Warning w) {
        if (w.source() == null) {
            return w;
        }
        String file = fromDir(w.source().file());
        return file.equals(w.source().file()) ? w : new Warning(Source.of(file, w.source().line()), w.message());
    }

    /** What init and detect say first: the folder is built from the enclosing build, and how. */
    String note(Path dir) {
        return dir + " is the module " + member + " of the build in " + root + ", so it is detected and built from "
                + "there: the Dockerfile's paths and comments name files from " + root;
    }
}
