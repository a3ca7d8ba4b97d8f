package dev.dockergen.lang.node;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.SourceSearch;
import dev.dockergen.detect.TextLines;
import dev.dockergen.detect.Walk;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build-time check of the server's environment: t3-env's {@code createEnv} (in {@code env.ts}/{@code env.mjs}, as
 * create-t3-app writes it) throws when {@code next build} loads it and a secret is unset, which a build stage never
 * has. Its own {@code skipValidation: !!process.env.X} names the variable that turns the check off; the build step sets
 * it, and the running container still checks its variables.
 */
final class NodeEnvCheck {
    private static final Pattern ENV_FILE = Pattern.compile("(?:^|/)env\\.(?:ts|mts|mjs|js)$");
    private static final Pattern SKIP = Pattern.compile("skipValidation\\s*:\\s*([^,}]*)");
    /** A variable whose mere presence skips the check: {@code !!process.env.X}, {@code Boolean(process.env.X)}. */
    private static final Pattern PRESENT = Pattern.compile(
            "(?:!!\\s*process\\.env\\.|Boolean\\(\\s*process\\.env\\.)([A-Z][A-Z0-9_]*)\\b");

    private NodeEnvCheck() {
    }

    /** The variable that skips the check, with the line of its skipValidation, or null. */
    static Fact<String> skipVariable(ProjectFiles files) {
        for (String path : files.walk("", 4, Walk.skipping(Walk.INSTALLED, Walk.BUILD_OUTPUT))) {
            if (!ENV_FILE.matcher(path).find() || path.startsWith(".") || path.contains("/.")) {
                continue;
            }
            String text = SourceSearch.textOf(files, path);
            if (!text.contains("createEnv(")) {
                continue;
            }
            Matcher skip = SKIP.matcher(text);
            while (skip.find()) {
                Matcher v = PRESENT.matcher(skip.group(1));
                if (v.find()) {
                    return Fact.of(v.group(1), path, TextLines.lineAt(text, skip.start()));
                }
            }
        }
        return null;
    }
}
