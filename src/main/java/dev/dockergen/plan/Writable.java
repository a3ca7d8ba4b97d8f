package dev.dockergen.plan;

import dev.dockergen.detect.Warning;
import dev.dockergen.detect.WritePath;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.CopyOwned;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.plan.Instruction.User;
import dev.dockergen.plan.Instruction.Volume;
import dev.dockergen.plan.Instruction.Workdir;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folders a program writes ({@link dev.dockergen.detect.ProjectFacts#writes()}), made writable in the final stage
 * for its runtime user, whatever the language (ADR 0018):
 *
 * <ul>
 *   <li>each folder is created owned by the runtime user: {@code RUN mkdir -p … && chown} where the final has a
 *       shell, else an empty folder from a {@code writable} stage, {@code COPY --from=writable --chown=UID:GID};</li>
 *   <li>a folder that holds state is a {@code VOLUME} (a folder below another listed one is made and owned too,
 *       the volume is the outer one);</li>
 *   <li>a file written straight into a working directory that holds the code makes that directory writable: with a
 *       shell, group-writable with the sticky bit (1775, root-owned), so the program can create its file (and SQLite
 *       its journal) beside the code but cannot delete or replace the code's files; without one, owned by the
 *       runtime user (COPY cannot set the mode of the folder it creates in every builder). No VOLUME there (a
 *       volume would freeze the code); a note says the file is lost with the container;</li>
 *   <li>relative paths are read against the final's WORKDIR; a final without one gets {@code WORKDIR /app}, a
 *       folder of the runtime user's that holds no code;</li>
 *   <li>{@code ~/} paths are in {@code HOME}, set to the runtime user's home.</li>
 * </ul>
 * Each is named in a comment with the file and line that writes it.
 */
final class Writable {
    /** The stage that makes the empty folders for a final without a shell. */
    static final String STAGE = "writable";
    private static final String EMPTY = "/writable/empty";
    private static final String DEFAULT_WORKDIR = "/app";

    private Writable() {
    }

    static Plans apply(Plans plans, PlanRequest request) {
        List<WritePath> writes = request.facts().writes();
        List<Stage> stages = plans.dockerfile().stages();
        if (writes.isEmpty() || stages.isEmpty()) {
            return plans;
        }
        Stage last = stages.get(stages.size() - 1);
        List<Instruction> ins = new ArrayList<>(last.instructions());
        User user = ins.stream().filter(i -> i instanceof User).map(i -> (User) i).reduce((a, b) -> b).orElse(null);
        if (user == null || user.uid() == 0) {
            return plans; // root writes anywhere
        }
        boolean shell = !last.image().equals("scratch") && !last.image().contains("distroless")
                && request.preset().runtime().shell();
        String workdir = ins.stream().filter(i -> i instanceof Workdir).map(i -> ((Workdir) i).path())
                .reduce((a, b) -> b).orElse(null);
        boolean ownWorkdir = workdir == null && writes.stream().anyMatch(w -> relative(w.path()));
        if (ownWorkdir) {
            workdir = DEFAULT_WORKDIR;
        }
        String home = user.uid() == 65532 ? "/home/nonroot" : "/home/app";
        // folder -> what is written there
        Map<String, List<WritePath>> folders = new LinkedHashMap<>();
        List<WritePath> inWorkdir = new ArrayList<>();
        Map<String, List<WritePath>> beside = new LinkedHashMap<>();
        for (WritePath w : writes) {
            String folder = absolute(w.folder(), workdir, home);
            if (folder.equals("/tmp")) {
                continue; // writable by everyone already
            }
            if (folder.equals(workdir) && !ownWorkdir) {
                inWorkdir.add(w);
            } else if (w.besideCode()) {
                beside.computeIfAbsent(folder, f -> new ArrayList<>()).add(w);
            } else if (!folder.equals("/") && Safe.isPath(folder)) {
                folders.computeIfAbsent(folder, f -> new ArrayList<>()).add(w);
            }
        }
        // a folder below another listed one is made and owned too (a copy of it from the build context would be
        // root's), but the volume is the outer one
        beside.keySet().removeAll(folders.keySet());
        List<String> made = new ArrayList<>();
        for (String f : folders.keySet()) {
            int below = made.stream().filter(o -> o.startsWith(f + "/")).findFirst().map(made::indexOf).orElse(made.size());
            made.add(below, f); // a folder before the folders below it
        }
        if (folders.isEmpty() && inWorkdir.isEmpty() && beside.isEmpty()) {
            return plans;
        }
        List<Instruction> early = new ArrayList<>();
        List<Instruction> late = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add("Written at run time, so owned by the runtime user (the code stays root's):");
        made.forEach(f -> lines.add("  " + f + ": " + described(folders.get(f))));
        beside.forEach((f, ws) -> lines.add("  " + f + " (holds project files too" + (shell ? ", group-writable with the"
                + " sticky bit: new files only" : "") + "): " + described(ws)));
        if (!inWorkdir.isEmpty()) {
            lines.add("  " + workdir + " (the working directory" + (shell ? ", group-writable with the sticky bit: new"
                    + " files only" : "") + "): " + described(inWorkdir));
        }
        if (writes.stream().anyMatch(w -> w.path().startsWith("~"))) {
            late.add(new Instruction.Env("HOME", home));
        }
        if (shell) {
            List<String> run = new ArrayList<>();
            if (!made.isEmpty()) {
                run.add("mkdir -p " + String.join(" ", made) + " && chown " + user.uid() + ":" + user.gid() + " "
                        + String.join(" ", made));
            }
            List<String> sticky = new ArrayList<>(beside.keySet());
            if (!inWorkdir.isEmpty()) {
                sticky.add(0, workdir);
            }
            if (!sticky.isEmpty()) {
                run.add("chown root:" + user.gid() + " " + String.join(" ", sticky) + " && chmod 1775 "
                        + String.join(" ", sticky));
            }
            late.add(0, new Comment(lines));
            late.add(1, new Run(List.of(), List.of(String.join(" && ", run))));
        } else {
            early.add(new Comment(lines));
            if (!inWorkdir.isEmpty()) {
                // COPY cannot give the folder it creates a mode in every builder: the runtime user owns it
                early.add(new CopyOwned(STAGE, List.of(EMPTY), workdir, user.uid(), user.gid(), null));
            }
            for (String f : made) {
                early.add(new CopyOwned(STAGE, List.of(EMPTY), f, user.uid(), user.gid(), null));
            }
            for (String f : beside.keySet()) {
                early.add(new CopyOwned(STAGE, List.of(EMPTY), f, user.uid(), user.gid(), null));
            }
        }
        if (ownWorkdir) {
            late.add(new Workdir(workdir));
        }
        List<String> state = folders.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(WritePath::state))
                .map(Map.Entry::getKey).toList();
        List<String> volumes = state.stream().filter(f -> state.stream().noneMatch(o -> f.startsWith(o + "/"))).toList();
        if (!volumes.isEmpty()) {
            late.add(Comment.of("State kept outside the container's layer: mount a named volume or a host folder here."));
            late.add(new Volume(volumes));
        }
        int at = 0;
        while (at < ins.size() && (ins.get(at) instanceof CopyOwned || ins.get(at) instanceof Instruction.Copy c
                && c.from() != null && !c.sources().contains(".") && !ins.stream().anyMatch(i -> i instanceof Workdir))) {
            at++;
        }
        int userAt = ins.indexOf(user);
        while (userAt > 0 && (ins.get(userAt - 1) instanceof Comment || ins.get(userAt - 1) instanceof Instruction.Directive)) {
            userAt--;
        }
        ins.addAll(userAt, late);
        ins.addAll(Math.min(at, userAt), early);
        List<Stage> out = new ArrayList<>(stages.subList(0, stages.size() - 1));
        if (!shell) {
            Stage first = stages.get(0);
            List<String> mk = new ArrayList<>();
            mk.add("mkdir -p " + EMPTY);
            out.add(new Stage(List.of("Writable stage: empty folders for the shell-less final, copied in owned by its"
                    + " runtime user."), first.platform(), first.image(), STAGE, List.of(new Run(List.of(), mk))));
        }
        out.add(new Stage(last.comment(), last.platform(), last.image(), last.name(), ins));
        List<Warning> notes = new ArrayList<>(plans.notes());
        beside.forEach((f, ws) -> ws.stream().filter(WritePath::state).forEach(w -> notes.add(new Warning(w.source(),
                w.path() + " (" + w.what() + ") is written into " + f + ", which holds project files too, so it is not a"
                + " volume and is lost with the container; point it at a folder of its own to keep it"))));
        for (WritePath w : inWorkdir) {
            notes.add(new Warning(w.source(), w.path() + " (" + w.what() + ") is written into the working directory "
                    + workdir + ", which holds the code, so it is not a volume and is lost with the container; point"
                    + " it at a folder of its own to keep it"));
        }
        DockerfilePlan d = plans.dockerfile();
        return new Plans(new DockerfilePlan(d.header(), d.globalArgs(), out), ignoring(plans.dockerignore(), writes),
                notes, plans.context());
    }

    /** The .dockerignore with the files the program writes in its own folder: a local copy is not the image's. */
    private static DockerignorePlan ignoring(DockerignorePlan ignore, List<WritePath> writes) {
        if (ignore == null) {
            return null;
        }
        List<String> files = writes.stream().filter(w -> w.file() && relative(w.path()) && !w.path().startsWith("..")
                && Safe.isPath(w.path()) && !w.path().contains("*")).map(WritePath::path).distinct()
                .filter(p -> ignore.patterns().stream().noneMatch(q -> IgnoreMatcher.patternIgnores(q, p))).toList();
        if (files.isEmpty()) {
            return ignore;
        }
        List<DockerignorePlan.Section> sections = new ArrayList<>(ignore.sections());
        sections.add(new DockerignorePlan.Section(List.of("Files the program writes at run time: a local copy must not"
                + " become the image's"), files));
        return new DockerignorePlan(ignore.header(), sections);
    }

    private static String described(List<WritePath> ws) {
        return String.join("; ", ws.stream().map(w -> w.path() + " (" + w.what() + (w.source() == null ? ""
                : ", " + w.source()) + ")").toList());
    }

    private static boolean relative(String p) {
        return !p.startsWith("/") && !p.startsWith("~");
    }

    /** A written folder as an absolute path in the image. */
    static String absolute(String folder, String workdir, String home) {
        String p;
        if (folder.startsWith("~")) {
            p = home + folder.substring(1);
        } else if (folder.startsWith("/")) {
            p = folder;
        } else {
            p = folder.isEmpty() || folder.equals(".") ? workdir : workdir + "/" + folder;
        }
        // fold "a/../b"
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
