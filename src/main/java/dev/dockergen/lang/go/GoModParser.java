package dev.dockergen.lang.go;

import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Shown;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses go.mod with the go command's lexical rules, rejecting what the go command rejects. */
public final class GoModParser {
    private static final Set<String> DIRECTIVES =
            Set.of("module", "go", "toolchain", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore");
    private static final Set<String> BLOCK_DIRECTIVES =
            Set.of("require", "exclude", "replace", "retract", "godebug", "tool", "ignore");
    /** Go's language versions: 1.N, 1.N.P, 1.NrcK, 1.NbetaK. */
    private static final Pattern GO_VERSION = Pattern.compile("1\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*)|(rc|beta)[1-9][0-9]*)?");
    private static final Pattern TOOLCHAIN = Pattern.compile("go1\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*)|(rc|beta)[1-9][0-9]*)?(\\+[A-Za-z0-9._-]+)?|default");
    /** Module paths as the go command accepts them (letters, digits and -._~/+), no leading slash. */
    private static final Pattern MODULE_PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~+/-]*");

    private final String file;

    private GoModParser(String file) {
        this.file = file;
    }

    public static GoMod parse(String file, String text) {
        return new GoModParser(file).parse(text);
    }

    private ProjectInputException error(int line, String message) {
        return new ProjectInputException(Source.of(file, line), message);
    }

    private GoMod parse(String text) {
        String module = null;
        int moduleLine = 0;
        String go = null;
        int goLine = 0;
        String toolchain = null;
        int toolchainLine = 0;
        List<GoMod.Require> requires = new ArrayList<>();
        List<GoMod.Replace> replaces = new ArrayList<>();

        String[] lines = text.split("\r?\n", -1);
        String block = null;
        int blockLine = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            Line line = tokenize(lines[i], lineNo);
            List<String> tokens = line.tokens;
            if (tokens.isEmpty()) {
                continue;
            }
            if (block != null) {
                if (tokens.size() == 1 && tokens.get(0).equals(")")) {
                    block = null;
                    continue;
                }
                collect(block, tokens, line.indirect, lineNo, requires, replaces);
                continue;
            }
            String verb = tokens.get(0);
            if (!DIRECTIVES.contains(verb)) {
                throw error(lineNo, "unknown directive '" + verb + "'; go.mod allows "
                        + String.join(", ", new java.util.TreeSet<>(DIRECTIVES)) + " (run `go mod tidy` to repair the file)");
            }
            if (BLOCK_DIRECTIVES.contains(verb) && tokens.size() == 2 && tokens.get(1).equals("(")) {
                block = verb;
                blockLine = lineNo;
                continue;
            }
            List<String> args = tokens.subList(1, tokens.size());
            switch (verb) {
                case "module" -> {
                    if (module != null) {
                        throw error(lineNo, "second module directive (the first is on line " + moduleLine + "); keep one");
                    }
                    if (args.size() != 1) {
                        throw error(lineNo, "the module directive takes one module path, e.g. `module example.com/app`");
                    }
                    module = args.get(0);
                    moduleLine = lineNo;
                    if (!MODULE_PATH.matcher(module).matches() || module.contains("//") || module.endsWith("/")) {
                        throw error(lineNo, "invalid module path '" + Shown.of(module)
                                + "'; use letters, digits and - . _ ~ / only, e.g. example.com/app");
                    }
                }
                case "go" -> {
                    if (go != null) {
                        throw error(lineNo, "second go directive (the first is on line " + goLine + "); keep one");
                    }
                    if (args.size() != 1 || !GO_VERSION.matcher(args.get(0)).matches()) {
                        throw error(lineNo, "invalid go version '" + Shown.of(String.join(" ", args))
                                + "'; write it as `go 1.22` or `go 1.22.3`");
                    }
                    go = args.get(0);
                    goLine = lineNo;
                }
                case "toolchain" -> {
                    if (args.size() != 1 || !TOOLCHAIN.matcher(args.get(0)).matches()) {
                        throw error(lineNo, "invalid toolchain '" + Shown.of(String.join(" ", args))
                                + "'; write it as `toolchain go1.22.3`");
                    }
                    toolchain = args.get(0);
                    toolchainLine = lineNo;
                }
                default -> collect(verb, args, line.indirect, lineNo, requires, replaces);
            }
        }
        if (block != null) {
            throw error(blockLine, "the " + block + " block opened here is never closed with ')'");
        }
        if (module == null) {
            throw error(0, "no module directive; start the file with `module example.com/app` (or run `go mod init`)");
        }
        return new GoMod(module, moduleLine, go, goLine, toolchain, toolchainLine, requires, replaces);
    }

    private void collect(String verb, List<String> args, boolean indirect, int lineNo,
                         List<GoMod.Require> requires, List<GoMod.Replace> replaces) {
        switch (verb) {
            case "require" -> {
                if (args.size() != 2) {
                    throw error(lineNo, "a require line takes a module path and a version, e.g. `github.com/x/y v1.2.3`");
                }
                requires.add(new GoMod.Require(args.get(0), args.get(1), indirect, lineNo));
            }
            case "replace" -> {
                int arrow = args.indexOf("=>");
                if (arrow < 1 || arrow > 2 || args.size() - arrow - 1 < 1 || args.size() - arrow - 1 > 2) {
                    throw error(lineNo, "a replace line reads `old [version] => new [version]`");
                }
                String to = args.get(arrow + 1);
                boolean local = to.startsWith("./") || to.startsWith("../") || to.startsWith("/") || to.equals(".") || to.equals("..");
                replaces.add(new GoMod.Replace(args.get(0), to, local, lineNo));
            }
            default -> {
                // exclude, retract, godebug, tool, ignore: valid, but they do not shape the Dockerfile
            }
        }
    }

    private record Line(List<String> tokens, boolean indirect) {
    }

    /** Splits a line into tokens: bare words, "quoted" and `raw` strings, and the ( ) => punctuation. */
    private Line tokenize(String raw, int lineNo) {
        List<String> tokens = new ArrayList<>();
        boolean indirect = false;
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (raw.startsWith("//", i)) {
                indirect = raw.substring(i + 2).trim().startsWith("indirect");
                break;
            } else if (c == '"' || c == '`') {
                int end = raw.indexOf(c, i + 1);
                while (c == '"' && end > 0 && raw.charAt(end - 1) == '\\') {
                    end = raw.indexOf(c, end + 1);
                }
                if (end < 0) {
                    throw error(lineNo, "unterminated quoted string");
                }
                tokens.add(raw.substring(i + 1, end));
                i = end + 1;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (raw.startsWith("=>", i)) {
                tokens.add("=>");
                i += 2;
            } else {
                int start = i;
                while (i < n && " \t\r()\"`".indexOf(raw.charAt(i)) < 0 && !raw.startsWith("//", i) && !raw.startsWith("=>", i)) {
                    if (Character.isISOControl(raw.charAt(i))) {
                        throw error(lineNo, "control character in go.mod; remove it");
                    }
                    i++;
                }
                tokens.add(raw.substring(start, i));
            }
        }
        return new Line(tokens, indirect);
    }

}
