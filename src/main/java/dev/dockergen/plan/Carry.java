package dev.dockergen.plan;

import dev.dockergen.detect.DockerfileEvidence;
import dev.dockergen.detect.DockerfileEvidence.Copied;
import dev.dockergen.detect.DockerfileEvidence.Installed;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import dev.dockergen.detect.Warning;
import dev.dockergen.plan.DockerignorePlan.Section;
import dev.dockergen.preset.ImageSpec;
import dev.dockergen.preset.Preset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an existing Dockerfile put into its final image that the new one would lose, carried over: the system
 * packages its final stage installed (minus build-only tools, a rule list below; apt and apk names mapped where the
 * new final is the other distribution; none where the final has no package manager, said in a comment), and the
 * files it copied in from the build context that the new file does not ship otherwise (the ignore file keeps them
 * in). Each carried block names the old file and line in a comment that a later run reads back, so replacing the
 * old file does not drop them from the next {@code init} or {@code check}. Whatever the language.
 */
public final class Carry {
    /**
     * Build-only packages: never carried into a final stage. Compilers and build tools, fetchers and version
     * control, the language toolchains the new images bring themselves, editors, and every header package.
     */
    public static final Set<String> BUILD_ONLY = Set.of(
            "build-essential", "build-base", "gcc", "g++", "cpp", "make", "cmake", "autoconf", "automake", "libtool",
            "pkg-config", "pkgconf", "pkgconfig", "musl-dev", "linux-headers", "libc6-dev", "libc-dev", "binutils",
            "clang", "llvm", "meson", "ninja", "ninja-build", "bison", "flex", "patch",
            "git", "curl", "wget", "gnupg", "gnupg2", "dirmngr", "unzip", "openssh-client", "subversion", "mercurial",
            "apt-transport-https", "software-properties-common", "lsb-release",
            "python3", "python3-pip", "python3-venv", "python3-setuptools", "python3-wheel", "py3-pip", "python-is-python3",
            "nodejs", "npm", "yarn", "golang", "go", "default-jdk", "default-jdk-headless", "default-jre",
            "default-jre-headless", "maven", "gradle", "vim", "nano", "less", "sudo");
    /** Debian name → Alpine name, for the runtime packages old Dockerfiles install most; the rest keep their name. */
    public static final Map<String, String> APT_TO_APK = Map.ofEntries(
            Map.entry("libpq5", "libpq"), Map.entry("libmagic1", "libmagic"), Map.entry("libxslt1.1", "libxslt"),
            Map.entry("libjpeg62-turbo", "libjpeg-turbo"), Map.entry("libpng16-16", "libpng"),
            Map.entry("libsqlite3-0", "sqlite-libs"), Map.entry("sqlite3", "sqlite"), Map.entry("libcurl4", "libcurl"),
            Map.entry("libgomp1", "libgomp"), Map.entry("libstdc++6", "libstdc++"), Map.entry("libgcc-s1", "libgcc"),
            Map.entry("default-mysql-client", "mariadb-client"), Map.entry("libvips42", "vips"),
            Map.entry("xz-utils", "xz"), Map.entry("libffi8", "libffi"), Map.entry("zlib1g", "zlib"),
            Map.entry("libyaml-0-2", "yaml"), Map.entry("libssl3", "libssl3"), Map.entry("mime-support", "mailcap"));
    /** Alpine name → Debian name: the table above turned round. */
    public static final Map<String, String> APK_TO_APT = inverse(APT_TO_APK);
    /** Header and development packages (libpq-dev, openssl-dev, zlib-devel): the build needs them, never the image. */
    private static final Pattern DEV = Pattern.compile(".*-(dev|devel|doc|headers)$|^openjdk-.*|^temurin-.*");
    /** Source files of the languages: the new file builds them; they are never runtime files to carry. */
    private static final Pattern SOURCE = Pattern.compile("(?i).*\\.(go|java|kt|kts|scala|groovy|c|h|cc|cpp|cxx|hpp|ts|tsx)$"
            + "|^(\\./)?(src|cmd|internal|pkg)(/.*)?$");
    private static final String SECRETS = "Secrets";

    /**
     * The plan with the old file's runtime packages and files carried over, what was done as {@code why} entries,
     * and notes for what could not be.
     */
    public record Result(Plans plans, List<Change> why, List<Warning> notes) {
        public Result {
            why = List.copyOf(why);
            notes = List.copyOf(notes);
        }
    }

    /** One change from the old file to the new one, and the reason for it. */
    public record Change(String change, String why) {
        @Override
        public String toString() {
            return change + ": " + why;
        }
    }

    private Carry() {
    }

    private static Map<String, String> inverse(Map<String, String> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(v, k));
        return Map.copyOf(out);
    }

    /**
     * {@code old} is what {@code DockerfileEvidence.readForCarrying} read in the project's directory ({@code dir} in the
     * repository, for the notes' sources); {@code files} that directory.
     */
    public static Result apply(Plans plans, Preset preset, DockerfileEvidence old, ProjectFiles files, String dir) {
        if (old == null || old.runtime() == null) {
            return new Result(plans, List.of(), List.of());
        }
        List<Stage> stages = new ArrayList<>(plans.dockerfile().stages());
        Stage last = stages.get(stages.size() - 1);
        List<Change> why = new ArrayList<>();
        List<Warning> notes = new ArrayList<>();
        List<Instruction> head = packages(old, preset, last, Changes.substitute(last.image(), plans.dockerfile()), why, dir,
                notes);
        List<Section> sections = new ArrayList<>(plans.dockerignore().sections());
        List<Instruction> copies = copies(old, plans, last, files, sections, why, notes, dir);
        if (head.isEmpty() && copies.isEmpty() && sections.equals(plans.dockerignore().sections())) {
            return new Result(plans, why, notes);
        }
        List<Instruction> rest = new ArrayList<>(last.instructions());
        List<Instruction> ins = new ArrayList<>(head);
        if (!head.isEmpty() && head.get(head.size() - 1) instanceof Instruction.Run carriedRun && !rest.isEmpty()
                && rest.get(0) instanceof Instruction.Run first && first.mounts().isEmpty()) {
            // one RUN with the stage's own first one (creating its user): two in a row are one layer too many
            List<String> lines = new ArrayList<>(carriedRun.lines());
            first.lines().forEach(l -> lines.add(l.startsWith("&&") ? l : "&& " + l));
            ins.set(ins.size() - 1, new Instruction.Run(List.of(), lines));
            rest.remove(0);
        }
        int at = insertionPoint(rest);
        ins.addAll(rest.subList(0, at));
        ins.addAll(copies);
        ins.addAll(rest.subList(at, rest.size()));
        stages.set(stages.size() - 1, new Stage(last.comment(), last.platform(), last.image(), last.name(), ins));
        DockerfilePlan d = plans.dockerfile();
        return new Result(new Plans(new DockerfilePlan(d.header(), d.globalArgs(), stages),
                new DockerignorePlan(plans.dockerignore().header(), sections), plans.notes(), plans.context()), why, notes);
    }

    /** Before the stage's USER, or else before what describes the image (EXPOSE, HEALTHCHECK, LABEL, the command). */
    private static int insertionPoint(List<Instruction> ins) {
        for (int i = 0; i < ins.size(); i++) {
            Instruction x = ins.get(i);
            if (x instanceof Instruction.User || x instanceof Instruction.Expose || x instanceof Instruction.Healthcheck
                    || x instanceof Instruction.Label || x instanceof Instruction.Entrypoint || x instanceof Instruction.Cmd) {
                int at = i;
                while (at > 0 && (ins.get(at - 1) instanceof Instruction.Comment || ins.get(at - 1) instanceof Instruction.Directive)) {
                    at--;
                }
                return at;
            }
        }
        return ins.size();
    }

    /** The final image's spec in the preset, matched by its reference ({version} and a mirror prefix aside). */
    private static ImageSpec spec(Preset preset, String image) {
        for (ImageSpec s : new ImageSpec[] {preset.runtime(), preset.staticRuntime(), preset.cgoRuntime()}) {
            if (s == null) {
                continue;
            }
            String[] parts = s.image().split("\\{version\\}", -1);
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                re.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
            }
            if (Pattern.compile(re.toString()).matcher(image).matches()) {
                return s;
            }
        }
        return null;
    }

    /** "apk", "apt", or null where the final image has no package manager (distroless, scratch, no shell). */
    static String tool(String image, ImageSpec spec) {
        String lower = image.toLowerCase(Locale.ROOT);
        if (lower.equals("scratch") || lower.contains("distroless") || spec != null && !spec.shell()) {
            return null;
        }
        return lower.contains("alpine") ? "apk" : "apt";
    }

    static boolean buildOnly(String name) {
        return BUILD_ONLY.contains(name) || DEV.matcher(name).matches();
    }

    private static List<Instruction> packages(DockerfileEvidence old, Preset preset, Stage last, String image,
                                              List<Change> why, String dir, List<Warning> notes) {
        List<Installed> installed = old.runtime().packages();
        if (installed.isEmpty()) {
            return List.of();
        }
        ImageSpec spec = spec(preset, last.image());
        String tool = tool(last.image(), spec);
        List<String> started = old.start() == null ? List.of() : old.start().value();
        Map<Source, List<String>> byLine = new LinkedHashMap<>();
        Map<Source, String> toolAt = new LinkedHashMap<>();
        Set<String> carried = new LinkedHashSet<>();
        Set<String> buildOnly = new LinkedHashSet<>();
        Set<String> present = new LinkedHashSet<>();
        List<String> renamed = new ArrayList<>();
        boolean pinned = false;
        for (Installed p : installed) {
            byLine.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p.name());
            toolAt.put(p.source(), p.tool());
            String name = p.bare();
            pinned |= !name.equals(p.name());
            if (buildOnly(name) && started.stream().noneMatch(w -> w.equals(name) || w.endsWith("/" + name))) {
                buildOnly.add(name);
            } else if (spec != null && spec.has(name) || name.equals(ImageSpec.CA_CERTIFICATES) && last.instructions().stream()
                    .anyMatch(i -> i instanceof Instruction.Copy c && c.dest().endsWith("/ca-certificates.crt"))) {
                present.add(name);
            } else {
                String mapped = tool == null || tool.equals(p.tool()) ? name
                        : (tool.equals("apk") ? APT_TO_APK : APK_TO_APT).getOrDefault(name, name);
                if (!mapped.equals(name) && carried.add(mapped)) {
                    renamed.add(name + " is " + mapped);
                } else {
                    carried.add(mapped);
                }
            }
        }
        Source first = installed.get(0).source();
        Source where = Source.of(ProjectFiles.join(dir, first.file()), first.line());
        String lines = String.join(", ", byLine.keySet().stream().map(s -> s.file() + ":" + s.line()).toList());
        List<String> comment = new ArrayList<>();
        List<Instruction> out = new ArrayList<>();
        String from = old.file();
        if (tool == null) {
            comment.add("System packages the earlier " + from + " installed in its final stage, not carried over:");
        } else {
            comment.add("System packages the earlier " + from + " installed in its final stage, carried over:");
        }
        byLine.forEach((s, names) -> comment.add("  " + s.file() + ":" + s.line() + ": "
                + (toolAt.get(s).equals("apk") ? "apk add " : "apt-get install ") + String.join(" ", names)));
        if (!buildOnly.isEmpty()) {
            comment.add("Left out as build-only (docs/migrate.md): " + String.join(", ", buildOnly) + ".");
            why.add(new Change("left out the build-only packages " + String.join(", ", buildOnly) + " (" + lines + ")",
                    "the build stage has its own tools; the final image holds only what the program runs with"));
        }
        if (!present.isEmpty()) {
            comment.add("Already in " + image + ": " + String.join(", ", present) + ".");
        }
        if (carried.isEmpty()) {
            if (buildOnly.isEmpty() && present.isEmpty()) {
                return List.of();
            }
            return present.isEmpty() ? List.of() : List.of(new Instruction.Comment(comment));
        }
        if (tool == null) {
            comment.add("Not carried: " + String.join(", ", carried) + ": " + image + " has no package manager.");
            comment.add("If the program needs them, choose --final alpine, or copy their files from a build stage.");
            out.add(new Instruction.Comment(comment));
            why.add(new Change("not carried: the packages " + String.join(", ", carried) + " (" + lines + ")",
                    image + " has no shell or package manager; choose --final alpine, or copy their files from a build stage"));
            notes.add(new Warning(where, "the existing " + from + " installs " + String.join(", ", carried) + " in its final "
                    + "stage; " + image + " cannot install packages: if the program needs them, choose --final alpine, "
                    + "or copy their files from a build stage (your own template)"));
            return out;
        }
        if (!renamed.isEmpty()) {
            comment.add((tool.equals("apk") ? "Debian names as Alpine's: " : "Alpine names as Debian's: ")
                    + String.join(", ", renamed) + ".");
        }
        comment.add((tool.equals("apk") ? "Alpine" : "Debian") + " package versions are not pinned"
                + (pinned ? " (the earlier pins were for its own base image)" : "") + ": old ones leave the index.");
        out.add(new Instruction.Comment(comment));
        ImageSpec s = spec;
        if (s != null && s.user() != null) {
            out.add(new Instruction.User(0, 0)); // the image runs as its own user; installing needs root
        }
        String names = String.join(" ", carried);
        out.add(new Instruction.Directive(tool.equals("apk") ? "hadolint ignore=DL3018" : "hadolint ignore=DL3008"));
        out.add(new Instruction.Run(List.of(), tool.equals("apk") ? List.of("apk add --no-cache " + names)
                : List.of("apt-get update", "&& apt-get install -y --no-install-recommends " + names,
                "&& rm -rf /var/lib/apt/lists/*")));
        why.add(new Change("installs " + String.join(", ", carried) + " in the final stage (" + lines + ")",
                "the earlier " + from + " installed them in its final image, so the program may need them at run time"
                        + (renamed.isEmpty() ? "" : "; " + String.join(", ", renamed) + " on " + (tool.equals("apk") ? "Alpine" : "Debian"))));
        return out;
    }

    private static String norm(String path) {
        String p = path.replaceFirst("^\\./", "");
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }

    private static List<Instruction> copies(DockerfileEvidence old, Plans plans, Stage last, ProjectFiles files,
                                            List<Section> sections, List<Change> why, List<Warning> notes, String dir) {
        Set<String> copiedNow = new LinkedHashSet<>();
        boolean wholeContextInFinal = false;
        String workdir = null;
        for (Stage s : plans.dockerfile().stages()) {
            for (Instruction i : s.instructions()) {
                if (i instanceof Instruction.Copy c && c.from() == null) {
                    c.sources().forEach(src -> copiedNow.add(norm(src)));
                    if (s == last && c.sources().stream().anyMatch(src -> norm(src).equals(".") || src.equals("./"))
                            && (c.dest().equals(".") || c.dest().equals("./"))) {
                        wholeContextInFinal = true;
                    }
                }
                if (s == last && i instanceof Instruction.Workdir w) {
                    workdir = w.path();
                }
            }
        }
        List<Instruction> out = new ArrayList<>();
        List<String> carriedLines = new ArrayList<>();
        List<String> carriedNames = new ArrayList<>();
        List<String> keptNames = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Source first = null;
        for (Copied c : old.runtime().copies()) {
            List<String> carriedSources = new ArrayList<>();
            for (String src : c.sources()) {
                String n = norm(src);
                if (n.equals(".") || n.isEmpty() || copiedNow.contains(n) || SOURCE.matcher(n).matches()) {
                    continue; // the whole context, or something the new file already copies or builds
                }
                if (!Safe.isPath(src) || n.startsWith("..") || n.startsWith("/") || !n.contains("*") && !files.isFile(n)
                        && !files.isDirectory(n) || n.contains("*") && !globFolderExists(files, n)) {
                    skipped.add(src + " (" + c.source() + ")");
                    continue;
                }
                if (secret(sections, n)) {
                    skipped.add(src + " (" + c.source() + ", a secret: pass it at run time)");
                    continue;
                }
                keepInContext(sections, n, c.source());
                String base = workdir == null ? "/" : workdir.endsWith("/") ? workdir : workdir + "/";
                String nd = newDest(c, workdir, c.sources().size() > 1);
                boolean samePlace = norm(nd).equals(norm(base + n))
                        || nd.endsWith("/") && nd.equals(base) && !n.contains("/") && files.isFile(n);
                if (wholeContextInFinal && samePlace) {
                    keptNames.add(src);
                    continue; // COPY . . ships it in the same place; the ignore file now keeps it
                }
                carriedSources.add(src);
            }
            if (carriedSources.isEmpty()) {
                continue;
            }
            String dest = newDest(c, workdir, carriedSources.size() > 1);
            if (!Safe.isPath(dest)) {
                skipped.add(String.join(" ", carriedSources) + " (" + c.source() + ")");
                continue;
            }
            first = first == null ? c.source() : first;
            carriedLines.add("  " + c.source().file() + ":" + c.source().line() + ": COPY " + String.join(" ", carriedSources)
                    + " " + c.dest() + (c.workdir() == null || c.dest().startsWith("/") ? "" : " (WORKDIR " + c.workdir() + ")"));
            out.add(new Instruction.Copy(null, carriedSources, dest));
            carriedNames.add(String.join(", ", carriedSources) + " to " + dest + " (" + c.source() + ")");
        }
        if (!out.isEmpty()) {
            List<String> comment = new ArrayList<>(List.of("Files the earlier " + old.file() + " copied into its final stage, "
                    + "carried over (the program may read them at run time):"));
            comment.addAll(carriedLines);
            out.add(0, new Instruction.Comment(comment));
            why.add(new Change("copies " + String.join("; ", carriedNames), "the earlier " + old.file()
                    + " shipped them in its final image and the new build would not; .dockerignore keeps them in"));
        }
        if (!keptNames.isEmpty()) {
            why.add(new Change(".dockerignore keeps " + String.join(", ", keptNames), "the earlier " + old.file()
                    + " shipped them; COPY . . ships them in the same place"));
        }
        if (!skipped.isEmpty()) {
            notes.add(new Warning(null, "the existing " + old.file() + " copies " + String.join(", ", skipped)
                    + " into its final stage; not carried over (missing, outside the project, a name dockergen does not "
                    + "write, or a secret): copy what the program needs in your own template"));
        }
        return out;
    }

    /** The destination in the new final stage: where the old one was relative to its WORKDIR, under the new one. */
    private static String newDest(Copied c, String workdir, boolean several) {
        String oldWd = c.workdir() == null ? "/" : c.workdir().endsWith("/") ? c.workdir() : c.workdir() + "/";
        String abs = c.absoluteDest();
        if (c.dest().startsWith("/") && (c.workdir() == null || !abs.startsWith(oldWd))) {
            return abs; // a fixed place outside the program's directory (/etc/app/, /usr/share/fonts/)
        }
        String rel = abs.length() >= oldWd.length() ? abs.substring(Math.min(abs.length(), oldWd.length())) : "";
        rel = rel.replaceFirst("^\\./", "");
        if (rel.equals(".")) {
            rel = "";
        }
        String base = workdir == null ? "/" : workdir.endsWith("/") ? workdir : workdir + "/";
        String dest = base + rel;
        return several && !dest.endsWith("/") ? dest + "/" : dest;
    }

    /**
     * Whether the folder a glob looks in is in the repository: target/app-*.jar names a build output (the new file
     * builds it), not a file of the project to carry.
     */
    private static boolean globFolderExists(ProjectFiles files, String glob) {
        int star = glob.indexOf('*');
        int slash = glob.lastIndexOf('/', star);
        return slash < 0 || files.isDirectory(glob.substring(0, slash));
    }

    private static boolean secret(List<Section> sections, String path) {
        return sections.stream().filter(s -> !s.comments().isEmpty() && s.comments().get(0).startsWith(SECRETS))
                .flatMap(s -> s.patterns().stream()).anyMatch(p -> IgnoreMatcher.patternIgnores(p, path));
    }

    /** Drops the patterns that would leave {@code path} out of the context, saying why in their section. */
    private static void keepInContext(List<Section> sections, String path, Source from) {
        if (path.contains("*")) {
            return;
        }
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            List<String> kept = new ArrayList<>();
            List<String> comments = new ArrayList<>(s.comments());
            for (String p : s.patterns()) {
                if (!p.startsWith("!") && IgnoreMatcher.patternIgnores(p, path)) {
                    comments.add("(not listed: " + p + ", because the earlier " + from + " copies " + path
                            + " into the image)");
                } else {
                    kept.add(p);
                }
            }
            if (kept.size() != s.patterns().size()) {
                sections.set(i, new Section(comments, kept));
            }
        }
        sections.removeIf(s -> s.patterns().isEmpty());
    }
}
