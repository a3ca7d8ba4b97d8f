package dev.dockergen.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dockergen generate-completion}: picocli's bash/zsh script for every command and option, with preset
 * names asked of {@code dockergen presets list --names} when completing (so organisation catalogues and
 * .dockergen.yaml count), the built-in names when that fails.
 */
@Command(name = "generate-completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a bash/zsh completion script for dockergen.",
            "Run: source <(dockergen generate-completion)"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final CommandContext context;

    CompletionCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String script = script(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        // not println: a script with Windows line ends fails in strange ways
        spec.commandLine().getOut().print(script + "\n");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Where the script offers the built-in preset names, it asks the dockergen being completed instead (only then,
     * not on every TAB), falling back to the built-in names.
     */
    String script(String generated) {
        List<String> names = new ArrayList<>();
        new PresetNames(context).forEach(names::add);
        String literal = "(" + String.join(" ", names.stream().map(n -> "\"" + n + "\"").toList()) + ")";
        Matcher arrays = Pattern.compile("local ([A-Za-z_]+)=" + Pattern.quote(literal)).matcher(generated);
        java.util.Set<String> variables = new java.util.TreeSet<>();
        while (arrays.find()) {
            variables.add(arrays.group(1));
        }
        String script = generated;
        for (String variable : variables) {
            String use = "\"${" + variable + "[@]}\"";
            script = script.replace(use, "$(_dockergen_preset_names " + use + ")");
        }
        return script.replace("# Bash completion entry point function.", """
                # Preset names, asked of the dockergen being completed (so organisation catalogues and
                # .dockergen.yaml count); the built-in names when that fails.
                function _dockergen_preset_names() {
                  "${COMP_WORDS[0]}" presets list --names 2>/dev/null || printf '%s\\n' "$@"
                }

                # Bash completion entry point function.""");
    }
}
