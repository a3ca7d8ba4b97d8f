package dev.dockergen.lang.node;

import java.util.List;
import java.util.Set;

/** Rules for the words of package.json scripts. */
final class NodeScripts {
    /** env-cmd's and dotenv-cli's options that take a value (the env file, the environment name). */
    private static final Set<String> VALUED = Set.of("-f", "--file", "-e", "--environments", "-r", "--rc-file", "-v",
            "-c");

    private NodeScripts() {
    }

    /**
     * Takes an env-file loader off the front of a command: `env-cmd -f .env node x.js`, the older
     * `env-cmd local.env node x.js`, `dotenv -e ../../.env -- next start`; the command after it is what runs.
     */
    static void dropEnvLoader(List<String> words) {
        boolean envCmd = words.remove(0).equals("env-cmd");
        while (!words.isEmpty() && words.get(0).startsWith("-")) {
            String option = words.remove(0);
            if (option.equals("--")) {
                return;
            }
            if (VALUED.contains(option) && !words.isEmpty() && !(option.equals("-c") && !envCmd)) {
                words.remove(0);
            }
        }
        // env-cmd's older form names the file first: env-cmd local.env node app.js
        if (envCmd && words.size() > 1 && words.get(0).matches(".*[./].*")) {
            words.remove(0);
        }
    }
}
