package dev.dockergen.realworld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.DockerfileContract;
import dev.dockergen.Linters;
import dev.dockergen.plan.IgnoreMatcher;
import dev.dockergen.realworld.CaseRun.FinalRun;
import dev.dockergen.realworld.CaseRun.LabRun;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code .ci/realworld DIR-OF-GIT-SNAPSHOTS [options]}: materialises every real-world case from its git snapshot,
 * runs the built dockergen as a process ({@code detect --format json}, {@code init --dry-run} for each final),
 * scores the truth and the contract, optionally builds and probes the images in the container lab, and writes
 * target/realworld.md and target/realworld.json. See docs/realworld.md.
 */
public final class RealWorldRunner {
    static final List<String> FINALS = List.of("scratch", "alpine", "distroless");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options o;

    record Options(Path snapshots, List<String> cases, List<String> only, boolean lab, boolean labAllFinals,
            List<String> dockergen, Path out, long timeout, long labTimeout, int jobs, boolean keepImages,
            Path labDir, boolean labBuildableOnly, long probeTimeout, int labJobs) {
    }

    private RealWorldRunner(Options o) {
        this.o = o;
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("realworld: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            System.exit(new RealWorldRunner(o).run());
        } catch (RealWorldCase.BadCaseFile e) {
            System.err.println("realworld: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("realworld: " + e.getMessage());
            System.exit(1);
        }
    }

    static final String USAGE = """
            usage: .ci/realworld DIR-OF-GIT-SNAPSHOTS [--cases FILE|DIR|GLOB]... [--only ID-PREFIX[,PREFIX]]
                   [--lab] [--lab-finals default|all] [--jobs N] [--timeout S] [--lab-timeout S]
                   [--lab-probe-timeout S] [--lab-buildable-only] [--lab-jobs N] [--jar FILE] [--out DIR] [--keep-images]
                   [--lab-dir DIR]
            DIR holds <owner>+<name>/repo (bare git), as fetch lays snapshots out. Writes OUT/realworld.md and .json
            (OUT: target). --cases defaults to realworld/*.yaml; --jar runs `java -jar FILE` instead of ./dockergen;
            --lab-buildable-only keeps only the cases whose truth says labBuildable; --lab-jobs builds N lab cases at once.""";

    static Options parse(String[] args) {
        Path snapshots = null;
        List<String> cases = new ArrayList<>();
        List<String> only = new ArrayList<>();
        boolean lab = false;
        boolean all = false;
        List<String> dockergen = null;
        Path out = Path.of("target");
        long timeout = 180;
        long labTimeout = 1500;
        int jobs = 1;
        boolean keepImages = false;
        Path labDir = null;
        boolean labBuildableOnly = false;
        long probeTimeout = 180;
        int labJobs = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--cases" -> cases.add(need(args, ++i, a));
                case "--only" -> only.addAll(List.of(need(args, ++i, a).split(",")));
                case "--lab" -> lab = true;
                case "--lab-finals" -> {
                    String v = need(args, ++i, a);
                    if (!v.equals("all") && !v.equals("default")) {
                        throw new IllegalArgumentException("--lab-finals takes default or all, not " + v);
                    }
                    all = v.equals("all");
                }
                case "--jar" -> dockergen = List.of(javaCommand(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-jar", Path.of(need(args, ++i, a)).toAbsolutePath().toString());
                case "--out" -> out = Path.of(need(args, ++i, a));
                case "--timeout" -> timeout = number(need(args, ++i, a), a);
                case "--lab-timeout" -> labTimeout = number(need(args, ++i, a), a);
                case "--lab-probe-timeout" -> probeTimeout = number(need(args, ++i, a), a);
                case "--jobs" -> jobs = (int) Math.max(1, Math.min(8, number(need(args, ++i, a), a)));
                case "--lab-jobs" -> labJobs = (int) Math.max(1, Math.min(4, number(need(args, ++i, a), a)));
                case "--keep-images" -> keepImages = true;
                case "--lab-buildable-only" -> labBuildableOnly = true;
                case "--lab-dir" -> labDir = Path.of(need(args, ++i, a));
                case "-h", "--help" -> throw new IllegalArgumentException("help");
                default -> {
                    if (a.startsWith("-") || snapshots != null) {
                        throw new IllegalArgumentException("unknown argument " + a);
                    }
                    snapshots = Path.of(a);
                }
            }
        }
        if (snapshots == null) {
            throw new IllegalArgumentException("DIR-OF-GIT-SNAPSHOTS is missing");
        }
        if (!Files.isDirectory(snapshots)) {
            throw new IllegalArgumentException(snapshots + " is not a directory");
        }
        if (cases.isEmpty()) {
            cases.add("realworld/*.yaml");
        }
        if (dockergen == null) {
            Path launcher = Path.of("dockergen").toAbsolutePath();
            dockergen = Files.isExecutable(launcher) ? List.of(launcher.toString())
                    : List.of(javaCommand(), "-jar", Path.of("target", "dockergen.jar").toAbsolutePath().toString());
        }
        if (labDir == null) {
            labDir = Stream.of(Path.of("..", "shared", "container-lab"), Path.of("..", "..", "shared", "container-lab"))
                    .filter(p -> Files.isExecutable(p.resolve("build-run"))).findFirst()
                    .orElse(Path.of("..", "shared", "container-lab"));
        }
        if (lab && !Files.isExecutable(labDir.resolve("build-run"))) {
            // said before any case runs: a run that scored everything and then skipped the lab in one line was easy to miss
            throw new IllegalArgumentException("--lab: no container lab at " + labDir.toAbsolutePath().normalize()
                    + " (no build-run there); pass --lab-dir DIR, the folder that holds the lab's build-run");
        }
        return new Options(snapshots, cases, only, lab, all, dockergen, out, timeout, labTimeout, jobs, keepImages,
                labDir.toAbsolutePath().normalize(), labBuildableOnly, probeTimeout, labJobs);
    }

    private static String need(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String v, String option) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + v);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    // ---- the run -------------------------------------------------------------------------------------------------

    int run() throws IOException, RealWorldCase.BadCaseFile {
        List<RealWorldCase> cases = loadCases(o.cases(), o.only()).stream()
                .filter(c -> !o.labBuildableOnly() || c.truthFlag("labBuildable")).toList();
        if (cases.isEmpty()) {
            System.err.println("realworld: no case matches " + o.cases() + (o.only().isEmpty() ? "" : " --only " + o.only()));
            return 2;
        }
        Path base = o.out().resolve("realworld");
        Files.createDirectories(base);
        System.err.printf("realworld: %d cases, dockergen = %s%n", cases.size(), String.join(" ", o.dockergen()));
        List<CaseRun> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(o.jobs());
        try {
            List<Future<CaseRun>> futures = new ArrayList<>();
            for (RealWorldCase c : cases) {
                futures.add(pool.submit(() -> runCase(c, base)));
            }
            int n = 0;
            for (Future<CaseRun> f : futures) {
                CaseRun r = f.get();
                runs.add(r);
                System.err.printf("realworld: [%d/%d] %s %s%n", ++n, cases.size(), r.c.id(), summary(r));
            }
        } catch (Exception e) {
            throw new IOException("a case failed to run: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        List<String> lintNotes = lint(runs, base.resolve("lint"));
        for (CaseRun r : runs) {
            r.finals.values().forEach(f -> {
                if (f.status == null) {
                    f.status = f.problems.isEmpty() ? "ok" : "violations";
                }
            });
        }
        String labNote = null;
        if (o.lab()) {
            // the report so far is written before the lab and after each lab case, so a stopped run keeps its results
            write(new RealWorldReport(runs, lintNotes, "not finished", true));
            labNote = lab(runs, base.resolve("lab"), () -> write(new RealWorldReport(runs, lintNotes, null, true)));
        }
        RealWorldReport report = new RealWorldReport(runs, lintNotes, labNote, o.lab());
        write(report);
        System.out.print(report.summary());
        System.err.println("realworld: wrote " + o.out().resolve("realworld.md") + " and " + o.out().resolve("realworld.json"));
        return 0;
    }

    private void write(RealWorldReport report) {
        try {
            Files.writeString(o.out().resolve("realworld.md"), report.markdown());
            Files.writeString(o.out().resolve("realworld.json"), report.json());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String summary(CaseRun r) {
        if (r.skipped != null) {
            return "skipped: " + r.skipped;
        }
        long wrong = r.fields.stream().filter(f -> f.verdict() == Scoring.Verdict.WRONG).count();
        StringBuilder s = new StringBuilder("wrong fields " + wrong + ";");
        r.finals.forEach((k, v) -> s.append(' ').append(k).append('=').append(v.status == null ? "generated" : v.status));
        return s.toString();
    }

    /** Every case of the matching files, sorted by id; a duplicate id is an error naming both places. */
    static List<RealWorldCase> loadCases(List<String> patterns, List<String> only) throws IOException, RealWorldCase.BadCaseFile {
        List<Path> files = new ArrayList<>();
        for (String p : patterns) {
            files.addAll(expand(p));
        }
        Map<String, RealWorldCase> byId = new TreeMap<>();
        for (Path f : files.stream().distinct().sorted().toList()) {
            for (RealWorldCase c : RealWorldCase.load(f)) {
                RealWorldCase before = byId.put(c.id(), c);
                if (before != null) {
                    throw new RealWorldCase.BadCaseFile(c.file() + ": case id " + c.id() + " is also at " + before.file()
                            + "; ids must be unique");
                }
            }
        }
        return byId.values().stream()
                .filter(c -> only.isEmpty() || only.stream().anyMatch(p -> c.id().startsWith(p)))
                .toList();
    }

    private static List<Path> expand(String pattern) throws IOException {
        Path p = Path.of(pattern);
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                return s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
            }
        }
        if (!pattern.contains("*") && !pattern.contains("?")) {
            if (!Files.isRegularFile(p)) {
                throw new IOException("no case file " + pattern);
            }
            return List.of(p);
        }
        Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p.getFileName());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> m.matches(f.getFileName()) && Files.isRegularFile(f)).sorted().toList();
        }
    }

    // ---- one case ------------------------------------------------------------------------------------------------

    private CaseRun runCase(RealWorldCase c, Path base) throws IOException {
        CaseRun r = new CaseRun(c);
        Path work = base.resolve("work").resolve(c.id());
        String problem = materialise(c, work, r);
        if (problem != null) {
            r.skipped = problem;
            return r;
        }
        Path app = work.resolve(c.dir()).normalize();
        if (!Files.isDirectory(app)) {
            r.skipped = "folder " + c.dir() + " is not in " + c.repo() + " at " + r.usedCommit;
            return r;
        }
        detect(r, app, List.of());
        JsonNode projects = r.detect == null ? null : r.detect.get("projects");
        r.selector = selector(c, projects, r);
        if (r.selector.contains("--main")) {
            // detect reports the chosen program's facts only when told the main package too
            detect(r, app, r.selector.subList(0, 2));
            projects = r.detect == null ? null : r.detect.get("projects");
        } else if (!r.selector.isEmpty() && detectTakesProject() && !listed(projects, c.project())) {
            // a member only init --project reaches (a Maven/Gradle module): detect describes it when it can be told
            detect(r, app, r.selector);
            projects = r.detect == null ? null : r.detect.get("projects");
        }
        // the language's default final first: it names the default, and its files are scored for the image fields
        FinalRun first = init(app, null, r.selector);
        String defaultFinal = first.exit == 0 ? first.stage : null;
        r.defaultFinal = defaultFinal;
        r.defaultError = first.error;
        for (String stage : FINALS) {
            r.finals.put(stage, stage.equals(defaultFinal) ? first : init(app, stage, r.selector));
        }
        // the project the truth is about: the one named by the case, the root, the one init chose, the only one
        JsonNode project = null;
        if (projects != null && projects.isArray()) {
            String wanted = c.project() != null ? norm(c.project()) : null;
            if (wanted != null && r.selector.get(0).equals("--main")) {
                wanted = r.mainOf;
            }
            String chosen = defaultFinal != null ? first.member : null;
            for (String candidate : wanted != null ? List.of(wanted) : Stream.of(".", chosen).filter(x -> x != null).toList()) {
                for (JsonNode p : projects) {
                    if (project == null && candidate.equals(norm(p.path("path").asText()))) {
                        project = p;
                    }
                }
            }
            if (project == null && wanted == null && projects.size() == 1) {
                project = projects.get(0);
            }
        }
        r.projectPath = project == null ? null : project.path("path").asText();
        if (project == null && r.detect != null) {
            List<String> paths = new ArrayList<>();
            projects.forEach(p -> paths.add(p.path("path").asText()));
            r.notes.add("no detected project matches" + (c.project() == null ? "" : " --project " + c.project())
                    + "; detect listed " + (paths.isEmpty() ? "none" : String.join(", ", paths)));
        }
        r.fields = Scoring.scoreDetection(c, project, r.detect == null ? null : Scoring.ownWarnings(project, r.detect));
        // the default final's files, else (the default was refused) the first final that has files
        FinalRun scored = defaultFinal != null ? first
                : r.finals.values().stream().filter(f -> f.exit == 0 && f.dockerfile != null).findFirst().orElse(null);
        r.imageFields = Scoring.scoreImage(c, scored == null ? null : scored.dockerfile, scored == null ? null : scored.dockerignore);
        // the contract's own rules; the linters run on every file at once later
        for (FinalRun f : r.finals.values()) {
            if (f.exit == 0 && f.dockerfile != null) {
                JsonNode genProject = project;
                if (projects != null) {
                    for (JsonNode p : projects) {
                        if (f.member.equals(norm(p.path("path").asText()))) {
                            genProject = p;
                        }
                    }
                }
                boolean hasPort = genProject != null && (genProject.hasNonNull("port") || !genProject.hasNonNull("start"));
                IgnoreMatcher ignore = new IgnoreMatcher(f.dockerignore == null ? List.of() : f.dockerignore.lines().toList());
                f.problems.addAll(DockerfileContract.violations(f.dockerfile, ignore, hasPort));
            } else if (f.exit == 2) {
                List<String> unservable = c.truthList("unservable"); // finals the truth says cannot run this app
                f.status = Scoring.finalCanServe(c.language(), f.stage)
                        && (unservable == null || !unservable.contains(f.stage)) ? "refused" : "refused-right";
            } else {
                f.status = "failed";
            }
        }
        return r;
    }

    private Boolean detectTakesProject;

    /** Whether this dockergen's detect has a --project option (read once from its --help). */
    private synchronized boolean detectTakesProject() {
        if (detectTakesProject == null) {
            detectTakesProject = dockergen(List.of("detect", "--help")).out().contains("--project");
        }
        return detectTakesProject;
    }

    private static boolean listed(JsonNode projects, String project) {
        if (projects != null) {
            for (JsonNode p : projects) {
                if (norm(project).equals(norm(p.path("path").asText()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void detect(CaseRun r, Path app, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("detect", "--format", "json"));
        args.addAll(extra);
        args.add(app.toString());
        Exec.Result detect = dockergen(args);
        r.detectExit = detect.exit();
        r.detect = null;
        r.detectError = null;
        if (detect.ok()) {
            try {
                r.detect = JSON.readTree(detect.out());
            } catch (IOException e) {
                r.detectError = "detect printed no JSON: " + e.getMessage().lines().findFirst().orElse("");
            }
        } else {
            r.detectError = detect.lastLine().replace(app.toString(), "CASE");
        }
    }

    private static String norm(String path) {
        String p = path.strip().replaceFirst("^\\./", "").replaceAll("/+$", "");
        return p.isEmpty() ? "." : p;
    }

    /**
     * How init is told the case's app: nothing, {@code --project P} when detect lists P (or lists nothing to check
     * against), or {@code --main P} when P is not a project but one of a Go module's main packages (then the truth is
     * compared with that module's project).
     */
    static List<String> selector(RealWorldCase c, JsonNode projects, CaseRun r) {
        if (c.project() == null) {
            return List.of();
        }
        String wanted = norm(c.project());
        if (projects != null) {
            for (JsonNode p : projects) {
                if (wanted.equals(norm(p.path("path").asText()))) {
                    return List.of("--project", c.project());
                }
            }
            for (JsonNode p : projects) {
                for (JsonNode m : p.path("facts").path("mainCandidates")) {
                    String path = norm(p.path("path").asText());
                    String main = norm(m.asText());
                    String inCase = path.equals(".") ? main : norm(path + "/" + main);
                    if (inCase.equals(wanted)) {
                        r.mainOf = path;
                        r.notes.add(c.project() + " is a main package of the module at " + path + ": dockergen gets --main " + main
                                + " (init also --project " + path + ")");
                        return List.of("--main", main, "--project", path);
                    }
                }
            }
        }
        return List.of("--project", c.project());
    }

    /** init --dry-run for one final stage (null: the language's default), as JSON. */
    private FinalRun init(Path app, String stage, List<String> selector) {
        List<String> args = new ArrayList<>(List.of("init", "--dry-run", "--yes", "--no-save", "--format", "json"));
        if (stage != null) {
            args.addAll(List.of("--final", stage));
        }
        args.addAll(selector);
        args.add(app.toString());
        Exec.Result res = dockergen(args);
        FinalRun f = new FinalRun(stage);
        f.exit = res.exit();
        if (!res.ok()) {
            f.error = res.lastLine().replace(app.toString(), "CASE");
            return f;
        }
        try {
            JsonNode json = JSON.readTree(res.out());
            FinalRun named = new FinalRun(json.path("final").asText(stage));
            named.exit = 0;
            for (JsonNode file : json.path("files")) {
                Path path = Path.of(file.path("path").asText());
                String name = path.getFileName().toString();
                if (name.equals("Dockerfile")) {
                    named.dockerfile = file.path("content").asText();
                    Path parent = path.getParent() == null ? Path.of(".") : path.getParent();
                    named.member = norm(app.toAbsolutePath().normalize().relativize(parent.toAbsolutePath().normalize()).toString());
                } else if (name.endsWith(".dockerignore")) {
                    named.dockerignore = file.path("content").asText();
                }
            }
            if (named.dockerfile == null) {
                named.exit = -1;
                named.error = "init printed no Dockerfile";
            }
            return named;
        } catch (IOException e) {
            f.exit = -1;
            f.error = "init printed no JSON";
            return f;
        }
    }

    private Exec.Result dockergen(List<String> args) {
        List<String> cmd = new ArrayList<>(o.dockergen());
        cmd.addAll(args);
        return Exec.run(cmd, null, o.timeout());
    }

    /** Fresh copy of the pinned commit (HEAD, with a note, when the snapshot lacks it); null when done. */
    private String materialise(RealWorldCase c, Path work, CaseRun r) throws IOException {
        Path snap = o.snapshots().resolve(c.snapshotName()).resolve("repo");
        if (Files.isDirectory(snap.resolve(".git"))) {
            snap = snap.resolve(".git");
        }
        if (!Files.isDirectory(snap)) {
            return "no snapshot " + o.snapshots().resolve(c.snapshotName()).resolve("repo") + " (fetch github:" + c.repo() + ")";
        }
        String rev = c.commit();
        Exec.Result has = Exec.run(List.of("git", "--git-dir=" + snap, "rev-parse", "--verify", "--quiet", rev + "^{commit}"), null, 60);
        if (!has.ok()) {
            Exec.Result head = Exec.run(List.of("git", "--git-dir=" + snap, "rev-parse", "HEAD"), null, 60);
            if (!head.ok()) {
                return "the snapshot of " + c.repo() + " has no HEAD";
            }
            rev = head.out().strip();
            r.notes.add("pinned commit " + c.commit() + " is not in the snapshot; used HEAD " + rev);
        } else {
            rev = has.out().strip();
        }
        r.usedCommit = rev;
        deleteTree(work);
        Files.createDirectories(work);
        Exec.Result x = Exec.run(List.of("bash", "-c", "set -o pipefail; git --git-dir=\"$1\" archive --format=tar \"$2\" | tar -x -C \"$3\"",
                "materialise", snap.toString(), rev, work.toString()), null, 600);
        if (x.ok()) {
            return null;
        }
        // a snapshot may lack its largest blobs, which git archive cannot skip: copy blob by blob instead
        deleteTree(work);
        Files.createDirectories(work);
        try {
            int absent = copyBlobs(snap, rev, work);
            if (absent > 0) {
                r.notes.add(absent + " file(s) absent from the snapshot (large blobs) were left out");
            }
            return null;
        } catch (IOException e) {
            return "git archive failed (" + x.lastLine() + "), and so did the copy blob by blob: " + e.getMessage();
        }
    }

    /** Writes every file of the commit's tree; returns how many blobs the snapshot lacks. */
    static int copyBlobs(Path snap, String rev, Path work) throws IOException {
        Exec.Result tree = Exec.run(List.of("git", "--git-dir=" + snap, "ls-tree", "-r", "-z", "--full-tree", rev), null, 300);
        if (!tree.ok()) {
            throw new IOException("git ls-tree: " + tree.lastLine());
        }
        record Entry(String mode, String sha, String path) {
        }
        List<Entry> entries = new ArrayList<>();
        for (String rec : tree.out().split("\0")) {
            int tab = rec.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String[] meta = rec.substring(0, tab).split(" ");
            if (meta.length == 3 && meta[1].equals("blob")) {
                entries.add(new Entry(meta[0], meta[2], rec.substring(tab + 1)));
            }
        }
        Process p = new ProcessBuilder("git", "--git-dir=" + snap, "cat-file", "--batch").start();
        int absent = 0;
        Path root = work.toAbsolutePath().normalize();
        try (var in = new java.io.BufferedInputStream(p.getInputStream())) {
            // closed by the writer when every name is sent: that end of input is what lets git finish
            var outStream = p.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    for (Entry e : entries) {
                        outStream.write((e.sha() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                    outStream.close();
                } catch (IOException ignored) {
                    // the reader reports the short answer
                }
            });
            writer.setDaemon(true);
            writer.start();
            for (Entry e : entries) {
                String header = readLine(in);
                if (header == null) {
                    throw new IOException("git cat-file ended early");
                }
                if (header.endsWith(" missing")) {
                    absent++;
                    continue;
                }
                long size = Long.parseLong(header.substring(header.lastIndexOf(' ') + 1));
                byte[] content = in.readNBytes((int) size);
                in.read(); // the newline after the content
                Path target = root.resolve(e.path()).normalize();
                if (!target.startsWith(root)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                if (e.mode().equals("120000")) {
                    Files.createSymbolicLink(target, Path.of(new String(content, java.nio.charset.StandardCharsets.UTF_8)));
                } else {
                    Files.write(target, content);
                    if (e.mode().equals("100755")) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        } finally {
            p.destroy();
        }
        return absent;
    }

    private static String readLine(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        return c < 0 && b.size() == 0 ? null : b.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---- linters -------------------------------------------------------------------------------------------------

    private static final Pattern FINDING = Pattern.compile("^(.+?):(\\d+):(\\d+): (.*)$");

    /** ShellCheck and the VS Code validator on every generated Dockerfile; findings go to each final's problems. */
    private static List<String> lint(List<CaseRun> runs, Path dir) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        Map<String, FinalRun> byDockerfile = new LinkedHashMap<>();
        Map<String, FinalRun> byScript = new HashMap<>();
        Map<String, Integer> scriptIndex = new HashMap<>();
        for (CaseRun r : runs) {
            for (FinalRun f : r.finals.values()) {
                if (f.exit == 0 && f.dockerfile != null) {
                    Path file = dir.resolve(r.c.id().replace('/', '~') + "." + f.stage + ".Dockerfile");
                    Files.writeString(file, f.dockerfile);
                    byDockerfile.put(file.toString(), f);
                    List<Path> scripts = Linters.writeRunScripts(file, dir);
                    for (int i = 0; i < scripts.size(); i++) {
                        byScript.put(scripts.get(i).toString(), f);
                        scriptIndex.put(scripts.get(i).toString(), i + 1);
                    }
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (Linters.validatorPresent()) {
            for (List<String> chunk : chunks(new ArrayList<>(byDockerfile.keySet()))) {
                String out = linterOutput(Linters.validatorCommand(chunk.stream().map(Path::of).toList()));
                for (String line : out.lines().toList()) {
                    Matcher m = FINDING.matcher(line);
                    if (m.matches() && byDockerfile.containsKey(m.group(1))) {
                        byDockerfile.get(m.group(1)).problems.add("VS Code validator: line " + m.group(2) + ": " + m.group(4));
                    } else if (!line.isBlank() && !m.matches()) {
                        notes.add("VS Code validator: " + line);
                    }
                }
            }
        } else {
            notes.add("the VS Code validator did not run: `npm ci --prefix .ci/lint` (and node) are needed");
        }
        if (Linters.shellCheckPresent()) {
            for (List<String> chunk : chunks(new ArrayList<>(new java.util.TreeSet<>(byScript.keySet())))) {
                String out = linterOutput(Linters.shellCheckCommand(chunk.stream().map(Path::of).toList()));
                for (String line : out.lines().toList()) {
                    Matcher m = FINDING.matcher(line);
                    if (m.matches() && byScript.containsKey(m.group(1))) {
                        byScript.get(m.group(1)).problems.add("ShellCheck: RUN " + scriptIndex.get(m.group(1)) + ": " + m.group(4));
                    } else if (!line.isBlank() && !m.matches()) {
                        notes.add("ShellCheck: " + line);
                    }
                }
            }
        } else {
            notes.add("ShellCheck did not run: install shellcheck");
        }
        return notes;
    }

    private static String linterOutput(List<String> cmd) {
        Exec.Result res = Exec.run(cmd, null, 600);
        return res.out() + res.err();
    }

    private static List<List<String>> chunks(List<String> all) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 100) {
            out.add(all.subList(i, Math.min(all.size(), i + 100)));
        }
        return out;
    }

    // ---- the container lab ---------------------------------------------------------------------------------------

    /** Builds, runs and probes the images of every lab-buildable case; returns a note when the lab cannot run. */
    private String lab(List<CaseRun> runs, Path labWork, Runnable flush) throws IOException {
        Path buildRun = o.labDir().resolve("build-run");
        if (!Files.isExecutable(buildRun)) {
            return "no container lab at " + o.labDir() + " (--lab-dir DIR)";
        }
        // under 1 s on an idle machine, over 60 s on a loaded one (2 cores, nine agents): a timeout is not "not set up"
        Exec.Result check = Exec.run(List.of(o.labDir().resolve("setup").toString(), "--check"), null, 600);
        if (check.timedOut()) {
            return "the container lab check (setup --check) did not answer in 600 s: the machine is too loaded";
        }
        if (!check.ok()) {
            return "the container lab is not set up: run sudo " + o.labDir().resolve("setup");
        }
        List<CaseRun> buildable = runs.stream().filter(r -> r.skipped == null && r.c.truthFlag("labBuildable")).toList();
        // each case has its own image tags and work folder, so --lab-jobs N builds N cases at once
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(o.labJobs());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (CaseRun r : buildable) {
                futures.add(pool.submit(() -> {
                    CaseRun labbed = new CaseRun(r.c);
                    labCase(r, labbed, labWork, buildable.size());
                    System.err.printf("realworld: lab [%d/%d] %s done%n", done.incrementAndGet(), buildable.size(), r.c.id());
                    synchronized (this) {
                        // the report reads every case's rows: they change only under this lock
                        r.lab.addAll(labbed.lab);
                        r.notes.addAll(labbed.notes);
                        flush.run();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IOException("a lab case failed to run: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        return null;
    }

    /** One case in the lab: theirs (where the truth names it), then ours for each final asked for, into {@code out}. */
    private void labCase(CaseRun r, CaseRun out, Path labWork, int total) throws IOException {
        Path work = labWork.resolve(r.c.id());
        String problem = materialise(r.c, work, new CaseRun(r.c));
        if (problem != null) {
            out.notes.add("lab: " + problem);
            return;
        }
        Path app = work.resolve(r.c.dir()).normalize();
        String tag = "localhost/realworld/" + r.c.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        if (r.c.theirs() != null && r.c.theirs().get("path") instanceof String theirsPath) {
            LabRun theirs = new LabRun("theirs");
            Path file = app.resolve(theirsPath).normalize();
            Path context = app;
            if (!Files.isRegularFile(file)) {
                file = work.resolve(theirsPath).normalize();
                context = work;
            }
            if (r.c.theirs().get("context") instanceof String ctx) {
                context = work.resolve(ctx).normalize();
            }
            if (!file.startsWith(work) || !Files.isRegularFile(file)) {
                theirs.detail = "their Dockerfile " + theirsPath + " is not in the snapshot";
            } else {
                String port = r.c.theirs().get("expose") instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0))
                        : Files.readString(file).matches("(?is).*^\\s*EXPOSE\\s.*") ? null : r.c.truthString("port");
                buildRun(r, theirs, context, file, tag + ":theirs", port, true);
            }
            out.lab.add(theirs);
            System.err.printf("realworld: lab [of %d] %s theirs: build=%s run=%s probe=%s size=%d%n", total,
                    r.c.id(), theirs.build, theirs.run, theirs.probe, theirs.size);
        }
        List<String> stages = new ArrayList<>();
        if (o.labAllFinals()) {
            r.finals.values().stream().filter(f -> f.exit == 0).forEach(f -> stages.add(f.stage));
        } else if (r.defaultFinal != null) {
            stages.add(r.defaultFinal);
        } else if (r.c.truthList("unservable") != null && !r.c.truthList("unservable").isEmpty()) {
            // the default final refused an app the truth says it cannot serve (a Spring Boot 2.0 app on a 17+ JRE):
            // the first final that has files stands in, as it does for the image fields (no unservable: nothing is built)
            r.finals.values().stream().filter(f -> f.exit == 0 && !r.c.truthList("unservable").contains(f.stage))
                    .findFirst().ifPresent(f -> stages.add(f.stage));
        }
        if (stages.isEmpty()) {
            LabRun ours = new LabRun("ours");
            ours.detail = "init without --final generated nothing to build" + (r.defaultError == null ? "" : ": " + r.defaultError);
            out.lab.add(ours);
        }
        for (String stage : stages) {
            LabRun ours = new LabRun(stage);
            List<String> args = new ArrayList<>(List.of("init", "--yes", "--force", "--no-save", "--format", "json",
                    "--final", stage));
            args.addAll(r.selector);
            args.add(app.toString());
            Exec.Result init = dockergen(args);
            Path dockerfile = null;
            if (init.ok()) {
                for (JsonNode f : JSON.readTree(init.out()).path("files")) {
                    if (f.path("path").asText().endsWith("/Dockerfile") || f.path("path").asText().equals("Dockerfile")) {
                        dockerfile = Path.of(f.path("path").asText()).toAbsolutePath().normalize();
                    }
                }
            }
            if (dockerfile == null) {
                ours.detail = "init failed: " + init.lastLine();
            } else {
                String content = Files.readString(dockerfile);
                Path context = buildContext(dockerfile, content);
                String port = content.matches("(?is).*^EXPOSE\\s.*") ? null : r.c.truthString("port");
                buildRun(r, ours, context, dockerfile, tag + ":" + stage, port, false);
            }
            out.lab.add(ours);
            System.err.printf("realworld: lab [of %d] %s %s: build=%s run=%s probe=%s size=%d%n", total,
                    r.c.id(), stage, ours.build, ours.run, ours.probe, ours.size);
        }
    }

    /**
     * Why a failed build-run is worth one more build, or null: podman's own storage failed (parallel builds and removals)
     * or the network did (a name lookup or a connection failed in the last lines); neither says anything of the
     * Dockerfile. Only the last lines count: a package manager's retried warnings earlier in the log do not.
     */
    static String transientFailure(String buildRunErr) {
        List<String> lines = buildRunErr.lines().toList();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        if (Pattern.compile("(?m)^\\s*Error: .*\\b(layer not known|image not known|identifier is not a layer|"
                + "locating item named \"manifest\")").matcher(tail).find()) {
            return "a podman storage error";
        }
        if (Pattern.compile("Temporary failure in name resolution|\\bEAI_AGAIN\\b|Could not resolve host|"
                + "\\bECONNRESET\\b|Connection reset|Connection timed out|\\bETIMEDOUT\\b").matcher(tail).find()) {
            return "a network error";
        }
        return null;
    }

    /** The context the generated file names ("# Build from the workspace root: docker build -f a/Dockerfile"), else its folder. */
    static Path buildContext(Path dockerfile, String content) {
        Matcher m = Pattern.compile("(?m)^# Build[^\\n]*docker build[^\\n]*?-f (\\S+)").matcher(content);
        if (m.find()) {
            Path rel = Path.of(m.group(1)).normalize();
            Path dir = dockerfile;
            for (int i = 0; i < rel.getNameCount() && dir != null; i++) {
                dir = dir.getParent();
            }
            if (dir != null && dir.resolve(rel).normalize().equals(dockerfile)) {
                return dir;
            }
        }
        return dockerfile.getParent();
    }

    /**
     * The CLI probe: the first of {@code --version}, {@code --help} and no argument at all that exits 0; else the first
     * that printed a usage text (the binary and its libraries loaded in the image and parsed its arguments: an editor or
     * a TUI that needs a file or a terminal, "Usage: kilo <filename>"); else null. No argument is for programs whose
     * usage exits non-zero by design (Go's flag.Usage calls os.Exit(2)) but that work with none; stdin is empty.
     */
    static String cliProbe(java.util.function.Function<List<String>, Exec.Result> run) {
        String usage = null;
        for (List<String> args : List.of(List.of("--version"), List.of("--help"), List.<String>of())) {
            Exec.Result r = run.apply(args);
            String what = args.isEmpty() ? "no arguments" : args.get(0);
            if (r.ok()) {
                return what;
            }
            if (usage == null && !r.timedOut() && Pattern.compile("(?i)\\busage\\b").matcher(r.out() + r.err()).find()) {
                usage = what + " (usage text, exit " + r.exit() + ")";
            }
        }
        return usage;
    }

    /**
     * One build-run. {@code unpin} (the maintainers' files): build a copy without {@code @sha256:} digests, since the
     * lab's stand-ins are tagged by name and a digest-pinned base would never resolve; ours is built as generated.
     */
    private void buildRun(CaseRun r, LabRun run, Path context, Path dockerfile, String tag, String port, boolean unpin) {
        String kind = r.c.truthString("kind") == null ? "" : Scoring.normKind(r.c.truthString("kind"));
        boolean http = (kind.equals("server") || kind.equals("static-site")) && r.c.truthFlag("selfContained");
        boolean cli = "cli".equalsIgnoreCase(r.c.truthString("kind"));
        List<String> cmd = new ArrayList<>(List.of(o.labDir().resolve("build-run").toString(), context.toString(),
                "-f", dockerfile.toString(), "-t", tag, "--timeout", String.valueOf(o.probeTimeout())));
        if (http) {
            String probe = r.c.truthString("probe");
            cmd.addAll(List.of("--probe", probe == null ? "/" : probe));
            if (port != null) {
                cmd.addAll(List.of("--port", port));
            }
            run.probeMode = "http " + (probe == null ? "/" : probe);
        } else {
            cmd.add("--no-probe");
            run.probeMode = cli ? "--version/--help" : "stays up";
        }
        if (unpin) {
            cmd.add("--unpin");
        }
        if (!cli && !o.keepImages()) {
            cmd.add("--rmi");
        }
        Exec.Result res = Exec.run(cmd, null, o.labTimeout());
        String retried = res.ok() || res.timedOut() ? null : transientFailure(res.err());
        if (retried != null) {
            res = Exec.run(cmd, null, o.labTimeout());
        }
        Map<String, String> result = new HashMap<>();
        String last = res.out().strip().lines().reduce((a, b) -> b).orElse("");
        if (last.startsWith("RESULT ")) {
            for (String kv : last.substring(7).split(" ")) {
                String[] p = kv.split("=", 2);
                if (p.length == 2) {
                    result.put(p[0], p[1]);
                }
            }
        }
        run.build = res.timedOut() ? "timeout" : result.getOrDefault("build", "fail");
        run.run = result.getOrDefault("run", "skipped");
        run.probe = http ? result.getOrDefault("probe", "skipped") : "skipped";
        run.buildSeconds = result.get("build_s");
        try {
            run.size = Long.parseLong(result.getOrDefault("size", "0"));
        } catch (NumberFormatException e) {
            run.size = 0;
        }
        if (!res.ok()) {
            List<String> lines = res.err().lines().filter(l -> !l.isBlank()).toList();
            run.detail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        }
        if (retried != null) {
            run.detail = "built a second time after " + retried + (run.detail == null ? "" : ": " + run.detail);
        }
        if (cli && "ok".equals(run.build)) {
            String answered = cliProbe(args -> {
                List<String> podman = new ArrayList<>(List.of("podman", "run", "--rm", "--pull=never", tag));
                podman.addAll(args);
                return Exec.run(podman, null, 60);
            });
            run.probe = answered == null ? "fail" : "ok";
            run.probeMode = answered == null ? "--version/--help/no arguments" : answered;
            if (answered != null) {
                // build-run's own start (no arguments, "exits 0 or stays up 3 s") fails for a CLI that needs arguments;
                // the program did start in the image, as the CLI probe just showed
                run.run = "ok";
            }
            if (!o.keepImages()) {
                Exec.run(List.of("podman", "rmi", "-f", tag), null, 120);
            }
        }
    }
}
