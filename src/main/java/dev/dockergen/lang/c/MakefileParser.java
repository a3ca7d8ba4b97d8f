package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of a Makefile that say what it builds: variables, rules, the default goal, link
 * commands and the libraries they name. No make functions are evaluated; every loop is bounded.
 */
final class MakefileParser {
    static final int MAX_LINES = 20_000;
    private static final int MAX_EXPANSION = 8_192;
    private static final int MAX_DEPTH = 16;
    private static final Pattern ASSIGN = Pattern.compile(
            "^(?:(?:override|export)\\s+)*([A-Za-z_][A-Za-z0-9_.-]*)\\s*(\\?=|:::=|::=|:=|\\+=|!=|=)\\s*(.*)$");
    private static final Pattern RULE = Pattern.compile("^([^:=#\\t][^:=]*?)\\s*(::?)(?!=)\\s*(.*)$");
    private static final Pattern LIB = Pattern.compile("(?<![A-Za-z0-9_-])-l([A-Za-z0-9_+.-]+)");
    private static final Pattern PKG_CONFIG = Pattern.compile("pkg-config\\s+((?:--?[A-Za-z-]+(?:=\\S+)?\\s+)*)([^)`;|&]*)");
    private static final Pattern OUTPUT = Pattern.compile("(?:^|\\s)-o\\s*(\\S+)");
    private static final Pattern LINKER = Pattern.compile(
            "\\$[({](CC|CXX|LD|LINK\\.[a-z]+)[)}]|(?:^|[\\s;&|])(cc|gcc|g\\+\\+|c\\+\\+|clang|clang\\+\\+)(?=\\s)");
    private static final Pattern VAR_REF = Pattern.compile("\\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]");
    private static final Pattern COMPILED = Pattern.compile("[A-Za-z0-9._/+-]+\\.(c|cc|cpp|cxx|C)");
    private static final Pattern CXX = Pattern.compile("\\$[({]CXX[)}]|(?:^|[\\s;&|])(g\\+\\+|c\\+\\+|clang\\+\\+)(?=\\s)");

    record Rule(List<String> targets, List<String> deps, int line, List<Recipe> recipe) {
    }

    record Recipe(String text, int line) {
    }

    /** A recipe that runs make in another folder ({@code $(MAKE) -C src}, {@code cd src && $(MAKE) all}). */
    record SubMake(String dir, String goal) {
    }

    private static final Pattern SUB_MAKE = Pattern.compile("(?:^|[\\s;&|(])(?:\\$[({]MAKE[)}]|make)(?=\\s|$)");
    private static final Pattern CD = Pattern.compile("(?:^|[\\s;&|(])cd\\s+([^\\s;&|]+)\\s*(?:&&|;)\\s*(?:\\$[({]MAKE[)}]|make)(?=\\s|$)");
    private static final Pattern FOR = Pattern.compile("\\bfor\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+in\\s+([^;]*);");
    final List<SubMake> subMakes = new ArrayList<>();
    /** The goal make is asked for (a sub-make's), or null for the Makefile's default goal. */
    String goalOverride;

    private final String file;
    private final Map<String, String> vars = new HashMap<>();
    private final Map<String, Integer> varLines = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> phony = new ArrayList<>();
    /** Variable look-ups left for the whole file: self-doubling definitions cannot make expansion explode. */
    private int budget = 10_000;
    /** The conditionals around the current line (ifeq/ifdef...), innermost last. */
    private final MakeConditionals conds = new MakeConditionals();
    /** Variables given a value inside a branch dockergen cannot decide (a pkg-config test): their value is uncertain. */
    private final java.util.Set<String> uncertainVars = new java.util.HashSet<>();
    /** Set by {@link #expand} when it met something it cannot know (a shell command, an uncertain variable). */
    private boolean unknown;
    /** Variables referenced on a line outside any undecided branch. */
    private final java.util.Set<String> certainRefs = new java.util.HashSet<>();
    private final java.util.Set<String> anyRefs = new java.util.HashSet<>(); // referenced anywhere
    /** Libraries named in an unconditional assignment, by the variable assigned: optional if that variable is used only in undecided branches. */
    private final List<Map.Entry<String, Integer>> assignedRefs = new ArrayList<>();

    MakefileParser(String file) {
        this.file = file;
        // make's built-in defaults, so a link line through an undefined $(CC) still reads as one
        vars.put("CC", "cc");
        vars.put("CXX", "g++");
    }

    static BuildFacts parse(String file, String text) {
        MakefileParser p = new MakefileParser(file);
        return p.run(text);
    }

    BuildFacts run(String text) {
        BuildFacts facts = new BuildFacts();
        facts.system = "make";
        facts.systemSource = Source.of(file);
        facts.files.add(file);
        String[] raw = text.split("\r?\n", -1);
        if (raw.length > MAX_LINES) {
            throw new ProjectInputException(Source.of(file), "more than " + MAX_LINES + " lines; not read");
        }
        Rule current = null;
        boolean inDefine = false;
        StringBuilder ldflags = null;
        int ldflagsLine = 0;
        for (int i = 0; i < raw.length; i++) {
            int lineNo = i + 1;
            String line = raw[i];
            while (line.endsWith("\\") && i + 1 < raw.length) {
                line = line.substring(0, line.length() - 1) + " " + raw[++i].strip();
            }
            if (inDefine) {
                if (line.strip().startsWith("endef")) {
                    inDefine = false;
                }
                continue;
            }
            String directive = MakeTree.stripComment(line).strip();
            if (!(line.startsWith("\t") && directive.matches("else\\s+(?!ifn?eq|ifn?def).*")) && conditional(directive)) {
                continue; // make reads conditionals everywhere, recipes included
            }
            if (!conds.active()) {
                if (directive.split("\\s+", 2)[0].equals("define")) {
                    inDefine = true;
                }
                continue; // a branch make does not take on Linux with the default settings
            }
            noteRefs(line);
            if (line.startsWith("\t") && current != null) { // a tab line outside a rule is an ordinary line to make
                String cmd = MakeTree.stripComment(line.substring(1)).strip();
                if (current != null && !cmd.isEmpty()) {
                    current.recipe().add(new Recipe(cmd, lineNo));
                }
                if (LINKER.matcher(cmd).find() || cmd.contains("pkg-config")) {
                    scanLibraries(cmd, lineNo, facts); // only compiler lines: `ls -la` names no library
                }
                continue;
            }
            String s = MakeTree.stripComment(line).strip();
            if (s.isEmpty()) {
                continue;
            }
            String first = s.split("\\s+", 2)[0];
            if (first.equals("define")) {
                inDefine = true;
                continue;
            }
            if (List.of("ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "include", "-include", "sinclude",
                    "vpath", "unexport").contains(first)) {
                continue;
            }
            Matcher a = ASSIGN.matcher(s);
            if (a.matches()) {
                String name = a.group(1);
                String op = a.group(2);
                String value = a.group(3).strip();
                if (conds.uncertain()) {
                    uncertainVars.add(name);
                }
                int before = facts.libraries.size();
                if (op.equals("+=") && vars.containsKey(name)) {
                    vars.put(name, vars.get(name) + " " + value);
                } else if (!op.equals("?=") || !vars.containsKey(name)) {
                    vars.put(name, op.equals("!=") ? "" : value);
                    varLines.put(name, lineNo);
                }
                if (name.equals("CC") && !value.strip().matches("cc|gcc")) {
                    // CC ?= cc names the image's own compiler: CC=cc -static on the command line keeps it
                    facts.setsCc = true;
                }
                if (name.equals("LDFLAGS")) {
                    if (op.equals("+=") && ldflags != null) {
                        ldflags.append(' ').append(value);
                    } else {
                        ldflags = new StringBuilder(value);
                        ldflagsLine = lineNo;
                    }
                }
                scanLibraries(value, lineNo, facts);
                for (int k = before; k < facts.libraries.size(); k++) {
                    assignedRefs.add(Map.entry(name, k));
                }
                current = null;
                continue;
            }
            Matcher r = RULE.matcher(s);
            if (r.matches()) {
                String rest = r.group(3);
                if (ASSIGN.matcher(rest).matches()) { // target-specific variable
                    current = null;
                    continue;
                }
                String recipeInline = null;
                int semi = rest.indexOf(';');
                if (semi >= 0) {
                    recipeInline = rest.substring(semi + 1).strip();
                    rest = rest.substring(0, semi);
                }
                List<String> targets = MakeTree.words(expand(r.group(1), 0));
                List<String> deps = MakeTree.words(expand(rest, 0));
                current = new Rule(targets, deps, lineNo, new ArrayList<>());
                if (recipeInline != null && !recipeInline.isEmpty()) {
                    current.recipe().add(new Recipe(recipeInline, lineNo));
                }
                if (targets.contains(".PHONY")) {
                    phony.addAll(deps);
                }
                rules.add(current);
                continue;
            }
            current = null;
        }
        if (ldflags != null) {
            facts.ldflags = Fact.of(ldflags.toString().strip(), file, ldflagsLine);
        }
        // LIBSYSTEMD_LIBS = -lsystemd, used only inside a branch on a pkg-config test: optional like that branch
        for (Map.Entry<String, Integer> e : assignedRefs) {
            BuildFacts.LibraryRef ref = facts.libraries.get(e.getValue());
            if (!ref.optional() && anyRefs.contains(e.getKey()) && !certainRefs.contains(e.getKey())) {
                facts.libraries.set(e.getValue(), new BuildFacts.LibraryRef(ref.kind(), ref.name(), ref.source(), true));
            }
        }
        programs(facts);
        MakeTree.dropOwnLibraries(facts, rules.stream().flatMap(r -> r.targets().stream()).toList());
        return facts;
    }

    /** Handles an ifeq/ifneq/ifdef/ifndef/else/endif line; false for any other line. */
    private boolean conditional(String s) {
        String[] parts = s.split("\\s+", 2);
        String word = parts[0];
        String rest = parts.length > 1 ? parts[1].strip() : "";
        switch (word) {
            case "ifeq", "ifneq", "ifdef", "ifndef" -> conds.open(conds.active() ? evaluate(word, rest) : MakeConditionals.FALSE);
            case "else" -> {
                String[] inner = rest.split("\\s+", 2);
                if (inner[0].matches("ifn?eq|ifn?def")) {
                    conds.orElse(conds.activeOutside() ? evaluate(inner[0], inner.length > 1 ? inner[1].strip() : "") : MakeConditionals.FALSE);
                } else {
                    conds.orElse(MakeConditionals.TRUE);
                }
            }
            case "endif" -> conds.close();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** TRUE, FALSE or UNKNOWN for a condition, with make's defaults (undefined variables are empty) on Linux. */
    private int evaluate(String word, String rest) {
        unknown = false;
        if (word.endsWith("def")) {
            String name = expand(rest, 0).strip();
            if (unknown || uncertainVars.contains(name) || !name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                return MakeConditionals.UNKNOWN;
            }
            boolean defined = !vars.getOrDefault(name, "").isEmpty();
            return defined == word.equals("ifdef") ? MakeConditionals.TRUE : MakeConditionals.FALSE;
        }
        List<String> args = MakeConditionals.comparison(rest);
        if (args == null) {
            return MakeConditionals.UNKNOWN;
        }
        String a = expand(args.get(0), 0).strip();
        String b = expand(args.get(1), 0).strip();
        if (unknown) {
            return MakeConditionals.UNKNOWN;
        }
        return a.equals(b) == word.equals("ifeq") ? MakeConditionals.TRUE : MakeConditionals.FALSE;
    }

    /** Records which variables a line uses, and whether it is inside an undecided branch. */
    private void noteRefs(String line) {
        Matcher m = VAR_REF.matcher(line);
        while (m.find()) {
            anyRefs.add(m.group(1));
            if (!conds.uncertain()) {
                certainRefs.add(m.group(1));
            }
        }
    }

    private void scanLibraries(String text, int line, BuildFacts facts) {
        boolean optional = conds.uncertain();
        Matcher m = LIB.matcher(text);
        while (m.find()) {
            facts.link(m.group(1), Source.of(file, line), optional);
        }
        Matcher p = PKG_CONFIG.matcher(text);
        while (p.find()) {
            if (p.group(1).contains("--cflags") || p.group(1).contains("--exists")) {
                facts.usesPkgConfig = true;
            }
            if (p.group(1).contains("--libs")) { // the line that links names the library
                facts.usesPkgConfig = true;
                for (String module : MakeTree.words(p.group(2))) {
                    if (module.matches("[A-Za-z0-9_.+-]+") && !module.matches("[<>=!]+|[0-9][0-9.]*")) {
                        facts.libraries.add(new BuildFacts.LibraryRef(BuildFacts.RefKind.PKG_CONFIG, module, Source.of(file, line), optional));
                    }
                }
            }
        }
        if (CXX.matcher(text).find() && facts.cxx == null) {
            facts.cxx = Source.of(file, line);
        }
    }

    /** The default goal, followed through phony targets and dependencies to the programs it links. */
    private void programs(BuildFacts facts) {
        Map<String, Rule> byTarget = new LinkedHashMap<>();
        for (Rule rule : rules) {
            for (String t : rule.targets()) {
                byTarget.putIfAbsent(t, rule);
            }
        }
        String goal = goalOverride != null ? goalOverride
                : vars.containsKey(".DEFAULT_GOAL") ? expand(vars.get(".DEFAULT_GOAL"), 0).strip() : null;
        if (goal == null || goal.isEmpty()) {
            goal = rules.stream().flatMap(r -> r.targets().stream())
                    .filter(t -> !t.startsWith(".") && !t.contains("%")).findFirst().orElse(null);
        }
        if (goal == null) {
            return;
        }
        facts.defaultGoal = goal;
        List<String> queue = new ArrayList<>(List.of(goal));
        List<String> seen = new ArrayList<>();
        while (!queue.isEmpty() && seen.size() < 200) {
            String t = queue.remove(0);
            if (seen.contains(t)) {
                continue;
            }
            seen.add(t);
            Rule rule = byTarget.get(t);
            if (rule == null && !t.contains(".") && !t.contains("/") && !t.contains("$")) {
                rule = byTarget.get(".DEFAULT"); // a goal with no rule of its own runs .DEFAULT's recipe
            }
            if (rule == null) {
                continue;
            }
            subMakes(t, rule);
            String produced = linked(t, rule);
            if (produced != null) {
                facts.programs.add(Fact.of(produced, file, rule.line()));
                facts.makeTargets.putIfAbsent(produced, t);
                facts.programSources.putIfAbsent(produced, rule.deps().stream().filter(d -> COMPILED.matcher(d).matches()).toList());
                continue;
            }
            facts.goalRuns |= !rule.recipe().isEmpty(); // all: prog, then $(RUN) ./prog
            queue.addAll(rule.deps());
        }
    }

    /** The folders (and goals) the rule's recipe runs make in, as paths from the root. */
    private void subMakes(String target, Rule rule) {
        String here = dev.dockergen.detect.ProjectFiles.parent(file);
        for (Recipe r : rule.recipe()) {
            String raw = r.text().replaceAll("\\$[({]MAKE[)}]", "make").replace("$@", target).replace("$(@)", target);
            String cmd = expand(raw, 0);
            Map<String, List<String>> loops = new HashMap<>();
            Matcher f = FOR.matcher(cmd);
            while (f.find()) {
                loops.put(f.group(1), MakeTree.words(f.group(2)));
            }
            for (String part : cmd.split("&&|;|\\|\\|")) {
                List<String> dirs = new ArrayList<>();
                String goal = "";
                Matcher m = SUB_MAKE.matcher(part);
                if (!m.find()) {
                    continue;
                }
                List<String> args = MakeTree.words(part.substring(m.end()));
                for (int i = 0; i < args.size(); i++) {
                    String a = args.get(i);
                    if (a.equals("-C") && i + 1 < args.size()) {
                        dirs.add(args.get(++i));
                    } else if (a.startsWith("-C") && a.length() > 2) {
                        dirs.add(a.substring(2));
                    } else if (!a.startsWith("-") && !a.contains("=") && goal.isEmpty()) {
                        goal = a;
                    }
                }
                if (dirs.isEmpty()) {
                    Matcher cd = CD.matcher(cmd);
                    while (cd.find()) {
                        if (cmd.indexOf(part.strip()) >= cd.start()) {
                            dirs.add(cd.group(1));
                        }
                    }
                    if (dirs.size() > 1) {
                        dirs = List.of(dirs.get(dirs.size() - 1));
                    }
                }
                for (String d : dirs) {
                    String name = d.replaceAll("^\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?$", "$1");
                    List<String> each = d.startsWith("$") ? loops.getOrDefault(name, List.of()) : List.of(d);
                    for (String dir : each) {
                        String clean = dir.replaceAll("/+$", "");
                        if (clean.matches("[A-Za-z0-9._/+-]+") && !clean.equals(".") && !clean.contains("..")
                                && !goal.contains("$")) {
                            subMakes.add(new SubMake(dev.dockergen.detect.ProjectFiles.join(here, clean), goal));
                        }
                    }
                }
            }
        }
    }

    /** What a rule links: the -o of its link command, or the target of a recipe-less rule on object files. */
    private String linked(String target, Rule rule) {
        if (target.endsWith(".o") || target.endsWith(".a") || target.endsWith(".so") || target.contains("%")
                || phony.contains(target) || target.startsWith(".")) {
            return null;
        }
        for (Recipe r : rule.recipe()) {
            String cmd = expand(r.text().replace("$@", target).replace("$(@)", target), 0);
            if (!LINKER.matcher(r.text()).find() && !LINKER.matcher(cmd).find()) {
                continue;
            }
            if (cmd.contains(" -c ") || cmd.endsWith(" -c")) {
                continue;
            }
            Matcher o = OUTPUT.matcher(cmd);
            String out = o.find() ? o.group(1) : target;
            return out.endsWith(".o") ? null : out;
        }
        if (rule.recipe().isEmpty() && !rule.deps().isEmpty()
                && rule.deps().stream().anyMatch(d -> d.endsWith(".o") || d.endsWith(".c"))) {
            return target; // make's built-in link rule
        }
        return null;
    }

    private String expand(String s, int depth) {
        if (depth > MAX_DEPTH || budget <= 0 || !s.contains("$")) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < MAX_EXPANSION; i++) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(i + 1);
            if (n == '$') {
                out.append('$');
                i++;
            } else if (n == '(' || n == '{') {
                char close = n == '(' ? ')' : '}';
                int level = 0;
                int end = -1;
                for (int j = i + 1; j < s.length(); j++) {
                    char d = s.charAt(j);
                    if (d == n) {
                        level++;
                    } else if (d == close && --level == 0) {
                        end = j;
                        break;
                    }
                }
                if (end < 0) {
                    out.append(s, i, s.length());
                    break;
                }
                String inner = s.substring(i + 2, end);
                if (inner.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                    budget--;
                    if (uncertainVars.contains(inner)) {
                        unknown = true;
                    }
                    out.append(expand(vars.getOrDefault(inner, ""), depth + 1));
                } else if (inner.startsWith("shell ")) {
                    String uname = MakeConditionals.uname(inner);
                    if (uname != null) {
                        out.append(uname); // the image builds on Linux
                    } else {
                        unknown = true;
                        out.append(s, i, end + 1); // kept for the pkg-config scan, never run
                    }
                } else if (inner.startsWith("findstring ") || inner.startsWith("strip ")) {
                    String arg = expand(inner.substring(inner.indexOf(' ') + 1), depth + 1);
                    if (inner.startsWith("strip ")) {
                        out.append(arg.strip().replaceAll("\\s+", " "));
                    } else {
                        int comma = arg.indexOf(',');
                        if (comma < 0) {
                            unknown = true;
                        } else if (arg.substring(comma + 1).contains(arg.substring(0, comma))) {
                            out.append(arg, 0, comma);
                        }
                    }
                } else {
                    unknown = true; // another make function: not evaluated
                }
                i = end;
            } else if (n == '@' || n == '<' || n == '^' || n == '*') {
                out.append(c).append(n);
                i++;
            } else {
                out.append(expand(vars.getOrDefault(String.valueOf(n), ""), depth + 1));
                i++;
            }
        }
        return out.toString();
    }
}
