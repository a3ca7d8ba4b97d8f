package dev.dockergen.lang.go;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Which main package is the program, and the name of its binary. */
final class GoMains {
    /** Main package folders whose name says nothing of the program; the binary is named after the module. */
    private static final Pattern GENERIC_MAIN = Pattern.compile("app|server|cmd|main|src");
    private static final Pattern GENERIC_MODULE = Pattern.compile("backend|server|app|src|go");
    /** The first module path element below host/owner/repository on a forge (below host/repository elsewhere). */
    private static final int FIRST_FOLDER = 3;
    private static final java.util.Set<String> FORGES = java.util.Set.of("github.com", "gitlab.com", "bitbucket.org",
            "codeberg.org");
    private static final Pattern SAFE_BINARY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern AUXILIARY = Pattern.compile(
            "(?i)_?examples?|samples?|demos?|tools?|tests?|testing|testdata|e2e|integration|hack|scripts?|bench(?:marks?)?|"
                    + "internal|docs?|plugins?|contrib|misc|gen|generators?|fixtures?|mocks?");

    private GoMains() {
    }

    static String choose(List<String> mains, String importRoot, DetectOptions options) {
        if (options.mainPackage() != null) {
            String wanted = GoDetector.normalizeDir(options.mainPackage());
            if (!mains.contains(wanted)) {
                throw new DockergenException(ExitCode.USAGE, "--main " + options.mainPackage()
                        + ": no main package there; main packages found: "
                        + (mains.isEmpty() ? "none" : String.join(", ", GoDetector.display(mains))));
            }
            return wanted;
        }
        if (mains.size() == 1) {
            return mains.get(0);
        }
        if (mains.size() > 1) {
            // cmd/<name> named like the module is the conventional main binary
            String name = importRoot == null ? null : lastElement(importRoot);
            for (String dir : mains) {
                if (dir.equals("cmd/" + name)) {
                    return dir;
                }
            }
            // examples, tools, tests and plugin samples are not the program; the root main, or the only other, is
            List<String> programs = mains.stream().filter(d -> !auxiliary(d)).toList();
            if (programs.contains("")) {
                return "";
            }
            if (programs.size() == 1) {
                return programs.get(0);
            }
        }
        return null;
    }

    /** A main package that sits under a folder of examples, tools, tests or plugins. */
    static boolean auxiliary(String dir) {
        for (String part : dir.split("/")) {
            if (AUXILIARY.matcher(part).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The last path element without a /vN major-version suffix. */
    private static String lastElement(String modulePath) {
        String[] parts = modulePath.split("/");
        int i = parts.length - 1;
        if (parts[i].matches("v[0-9]+") && i > 0) {
            i--;
        }
        // a module in a repository's folder named for its role (.../remark42/backend) is named for the repository
        // (not when it is the repository itself, github.com/owner/server/v2: go build names that binary "server")
        int firstFolder = FORGES.contains(parts[0]) ? FIRST_FOLDER : FIRST_FOLDER - 1;
        if (i >= firstFolder && GENERIC_MODULE.matcher(parts[i]).matches()) {
            i--;
        }
        return parts[i];
    }

    /**
     * The main folder's name; for the root (or a folder named for its role) the module path's last element; in GOPATH
     * mode the import path's last element as it is ({@code go build} names the binary after its folder).
     */
    static String binaryName(String mainDir, Fact<String> rootPath, boolean gopath, ProjectFiles files,
                                     List<Warning> warnings) {
        String name;
        Source source;
        if (!mainDir.isEmpty() && !(rootPath != null && GENERIC_MAIN.matcher(ProjectFiles.fileName(mainDir)).matches())) {
            name = ProjectFiles.fileName(mainDir);
            source = Source.of(mainDir);
        } else if (rootPath != null) {
            name = gopath ? ProjectFiles.fileName(rootPath.value()) : lastElement(rootPath.value());
            source = rootPath.source();
        } else {
            name = folderName(files);
            source = null;
        }
        if (!SAFE_BINARY.matcher(name).matches()) {
            warnings.add(new Warning(source, "'" + Shown.of(name)
                    + "' is not a safe file name for the binary; using 'app'"));
            return "app";
        }
        return name;
    }

    static String folderName(ProjectFiles files) {
        return ProjectFiles.fileName(Path.of(files.displayName()).toAbsolutePath().normalize().toString());
    }
}
