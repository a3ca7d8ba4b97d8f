package dev.dockergen.plan;

import dev.dockergen.ShellWords;
import dev.dockergen.audit.Auditor;
import dev.dockergen.audit.Finding;
import dev.dockergen.detect.DockerfileEvidence;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.plan.Carry.Change;
import dev.dockergen.preset.Preset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The "why" beside the diff when {@code init} replaces a Dockerfile dockergen did not write: each change from the old
 * file to the new one with its reason, taken from what the plan already says (the preset, the final stage's comment,
 * the comment above the start command, the facts' sources) and from the audit rules the old file breaks and the new
 * one keeps. Whatever the language.
 */
public final class Changes {
    /** Rules whose change has its own entry. */
    private static final Set<String> COVERED = Set.of("root-user", "copy-before-install");

    private Changes() {
    }

    /**
     * @param port the user's --port, or null
     * @param oldHasIgnore whether the project had a .dockerignore beside the old file
     * @param carried what {@link Carry} did
     */
    public static List<Change> between(DockerfileEvidence old, DockerfilePlan plan, String rendered, ProjectFacts project,
                                       Preset preset, Integer port, boolean oldHasIgnore, List<Change> carried) {
        List<Change> out = new ArrayList<>();
        DockerfileEvidence.Runtime was = old.runtime();
        String file = old.file();
        Stage last = plan.stages().get(plan.stages().size() - 1);
        String image = substitute(last.image(), plan);
        if (was.image() == null || !was.image().value().equals(image)) {
            out.add(new Change("final image " + (was.image() == null ? "" : was.image().value() + " (" + was.image().source()
                    + ") → ") + image, "preset " + preset.name() + ": " + preset.description()));
        }
        if (was.stages() <= 1 && plan.stages().size() > 1) {
            out.add(new Change(plan.stages().size() + " stages instead of one", "the toolchain, sources and caches stay in "
                    + "the build stage; the final image holds only what the program runs with"));
        }
        List<Finding> before = Auditor.builtIn().audit(file, was.text(), oldHasIgnore);
        List<Finding> after = Auditor.builtIn().audit("Dockerfile", rendered, true);
        Instruction.User user = last.instructions().stream().filter(i -> i instanceof Instruction.User)
                .map(i -> (Instruction.User) i).reduce((a, b) -> b).orElse(null);
        if (user != null) {
            String now = user.uid() + ":" + user.gid();
            String then = was.user() == null ? "root" : was.user().value();
            boolean wasRoot = then.equals("root") || then.startsWith("0") || then.startsWith("root:");
            if (wasRoot) {
                out.add(new Change("runs as " + now + " instead of root" + (was.user() == null ? "" : " (" + was.user().source() + ")"),
                        finding(before, "root-user").map(Finding::message).orElse("a process that escapes the program is not root")));
            } else if (!then.equals(now)) {
                out.add(new Change("runs as " + now + " instead of " + then + " (" + was.user().source() + ")",
                        "the user preset " + preset.name() + " runs as" + stageComment(last)));
            }
        }
        Optional<Finding> order = finding(before, "copy-before-install");
        if (order.isPresent() && finding(after, "copy-before-install").isEmpty()) {
            out.add(new Change("dependencies installed before the sources are copied",
                    "the manifests are copied first, so a source edit reuses the dependency layer; the earlier " + file
                            + ":" + order.get().line() + ": " + order.get().message()));
        }
        Optional<Fact<String>> version = old.version(project.language());
        if (version.isPresent() && project.languageVersion() != null
                && !sameRelease(version.get().value(), project.languageVersion().value())) {
            out.add(new Change(project.language().id() + " " + version.get().value() + " (" + version.get().source() + ") → "
                    + project.languageVersion().value(), "the project asks for it (" + project.languageVersion().source()
                    + "); its own files rank above the old Dockerfile"));
        }
        List<Integer> exposed = last.instructions().stream().filter(i -> i instanceof Instruction.Expose)
                .map(i -> ((Instruction.Expose) i).port()).toList();
        List<Integer> oldPorts = old.ports().stream().map(Fact::value).distinct().toList();
        if (!oldPorts.isEmpty() && !exposed.isEmpty() && !oldPorts.contains(exposed.get(0))) {
            String why = port != null ? "chosen with --port" : project.port() == null ? "the preset's default"
                    : "the project says so (" + project.port().source() + "); its own code ranks above the old Dockerfile";
            out.add(new Change("port " + oldPorts.get(0) + " (" + old.ports().get(0).source() + ") → " + exposed.get(0), why));
        }
        List<String> start = start(last);
        if (old.start() != null && !start.isEmpty() && !sameCommand(old.start().value(), start)) {
            String comment = commentAbove(last, start);
            out.add(new Change("start command " + ShellWords.join(old.start().value()) + " (" + old.start().source()
                    + ") → " + ShellWords.join(start), comment != null ? comment
                    : "the command the project's own files name, in exec form so signals reach the program"));
        }
        out.addAll(carried);
        Map<String, Finding> fixed = new LinkedHashMap<>();
        for (Finding f : before) {
            if (!COVERED.contains(f.rule()) && finding(after, f.rule()).isEmpty()) {
                fixed.putIfAbsent(f.rule(), f);
            }
        }
        fixed.values().forEach(f -> out.add(new Change("audit " + f.rule() + " (" + file + ":" + f.line() + ") fixed",
                f.message())));
        return out;
    }

    private static Optional<Finding> finding(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).findFirst();
    }

    private static String stageComment(Stage last) {
        return last.comment().isEmpty() ? "" : ": " + String.join(" ", last.comment());
    }

    /** The final stage's image with the global ARG defaults in place of ${NAME}. */
    static String substitute(String image, DockerfilePlan plan) {
        String out = image;
        for (Instruction.Arg a : plan.globalArgs()) {
            if (a.defaultValue() != null) {
                out = out.replace("${" + a.name() + "}", a.defaultValue()).replace("$" + a.name(), a.defaultValue());
            }
        }
        return out;
    }

    private static List<String> start(Stage last) {
        List<String> entrypoint = List.of();
        List<String> cmd = List.of();
        for (Instruction i : last.instructions()) {
            if (i instanceof Instruction.Entrypoint e) {
                entrypoint = e.command();
                cmd = List.of();
            } else if (i instanceof Instruction.Cmd c) {
                cmd = c.command();
            }
        }
        List<String> all = new ArrayList<>(entrypoint);
        all.addAll(cmd);
        return all;
    }

    /** The same command when one ends with the other (distroless node's entrypoint is node itself) or paths aside. */
    private static boolean sameCommand(List<String> a, List<String> b) {
        List<String> x = a.stream().map(w -> w.replaceFirst("^.*/", "")).toList();
        List<String> y = b.stream().map(w -> w.replaceFirst("^.*/", "")).toList();
        return x.equals(y) || x.size() > y.size() && x.subList(x.size() - y.size(), x.size()).equals(y)
                || y.size() > x.size() && y.subList(y.size() - x.size(), y.size()).equals(x);
    }

    /** The comment the plan put right above the start command, as one line. */
    private static String commentAbove(Stage last, List<String> start) {
        List<Instruction> ins = last.instructions();
        for (int i = ins.size() - 1; i > 0; i--) {
            if (ins.get(i) instanceof Instruction.Entrypoint || ins.get(i) instanceof Instruction.Cmd) {
                for (int j = i - 1; j >= 0; j--) {
                    if (ins.get(j) instanceof Instruction.Comment c) {
                        return String.join(" ", c.lines());
                    }
                    if (!(ins.get(j) instanceof Instruction.Entrypoint || ins.get(j) instanceof Instruction.Cmd
                            || ins.get(j) instanceof Instruction.Directive)) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** 1.23 and 1.23.4 are the same release; 20 and 22 are not. */
    private static boolean sameRelease(String a, String b) {
        String x = a.replaceFirst("^[^0-9]*", "");
        String y = b.replaceFirst("^[^0-9]*", "");
        return x.equals(y) || x.startsWith(y + ".") || y.startsWith(x + ".");
    }
}
