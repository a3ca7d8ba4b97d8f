package dev.dockergen.lang.go;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.Language;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.Warning;
import dev.dockergen.plan.DockerfilePlan;
import dev.dockergen.plan.HealthChecks;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Arg;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.plan.Instruction.Directive;
import dev.dockergen.plan.Instruction.Entrypoint;
import dev.dockergen.plan.Instruction.Mount;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.plan.Instruction.Workdir;
import dev.dockergen.plan.Labels;
import dev.dockergen.plan.LanguagePlanner;
import dev.dockergen.plan.PlanRequest;
import dev.dockergen.plan.Plans;
import dev.dockergen.plan.Stage;
import dev.dockergen.preset.ImageSpec;
import dev.dockergen.preset.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Plans a Go build: modules cached before source, static cross-compiled binary, minimal runtime. */
public final class GoPlanner implements LanguagePlanner {
    static final String VERSION_ARG = "GO_VERSION";
    private static final String MOD_CACHE = "/go/pkg/mod";
    private static final String BUILD_CACHE = "/root/.cache/go-build";
    private static final String OUT = "/out";
    /** The golang images' GOPATH, where a GOPATH-era project's source goes (src/<import path>). */
    private static final String GOPATH = "/go";
    private static final String BIN_DIR = "/usr/local/bin";
    /** The working directory of a program that reads files from it at run time. */
    private static final String APP_DIR = "/app";
    private static final Pattern TOOLCHAIN = Pattern.compile("go(1\\.[0-9]+(?:\\.[0-9]+)?)(?:\\+.*)?");
    private static final Pattern GO_MINOR = Pattern.compile("1\\.([0-9]+).*");
    /** Since Go 1.21 the go directive is a minimum toolchain version; before, only a language level. */
    private static final int FIRST_ENFORCED_MINOR = 21;
    /** The first Go with a golang:<v>-trixie image (docker-library/golang has 1.23/trixie, no 1.22/trixie). */
    private static final int FIRST_DEBIAN_13_MINOR = 23;
    private static final String DEBIAN_13 = "trixie";
    private static final String DEBIAN_12 = "bookworm";
    private static final Pattern USER_VERSION = Pattern.compile("1\\.[0-9]{1,3}(\\.[0-9]{1,3})?");
    /** A go directive dockergen compares with: 1.N or 1.N.P (not 1.21rc1). */
    private static final Pattern DIRECTIVE = USER_VERSION;

    @Override
    public Language language() {
        return Language.GO;
    }

    @Override
    public Plans plan(PlanRequest request) {
        ProjectFacts facts = request.facts();
        GoDetails go = (GoDetails) facts.details();
        Preset preset = request.preset();
        List<Warning> notes = new ArrayList<>();
        if (go.mainPackage() == null) {
            throw new DockergenException(ExitCode.NOTHING_DETECTED, go.mainCandidates().isEmpty()
                    ? "no main package (package main with func main) in this Go module; there is no program to containerise"
                    : "several main packages (" + String.join(", ", go.mainCandidates()) + "); choose one with --main "
                    + go.mainCandidates().get(0));
        }
        boolean cgo = go.cgoRequired();
        ImageSpec build = cgo ? preset.cgoBuild() : preset.build();
        ImageSpec runtime = cgo ? preset.cgoRuntime() : preset.runtime();
        if (build == null || runtime == null) {
            throw new DockergenException(ExitCode.USAGE, "preset " + preset.name() + " cannot build this project: "
                    + (preset.cgoRefusal() != null ? preset.cgoRefusal() : "it has no cgo images")
                    + " (cgo is needed: " + go.cgo().source() + "); use " + alternatives(request));
        }
        GoVersion version = request.languageVersion() != null
                ? new GoVersion(checkedVersion(request.languageVersion()), "chosen with --language-version")
                : version(facts, go, preset, notes);
        Matcher minor = GO_MINOR.matcher(version.value());
        if (build.image().endsWith("{version}-" + DEBIAN_13) && minor.matches()
                && Integer.parseInt(minor.group(1)) < FIRST_DEBIAN_13_MINOR) {
            // golang's Debian 13 images start at 1.23; an older Go builds on Debian 12, whose older glibc Debian 13 runs
            build = build.withImage(build.image().replace("{version}-" + DEBIAN_13, "{version}-" + DEBIAN_12));
            notes.add(new Warning(null, "Go " + version.value() + " has no golang:<go>-" + DEBIAN_13 + " image (they start at 1."
                    + FIRST_DEBIAN_13_MINOR + "), so it builds on golang:<go>-" + DEBIAN_12 + (runtime.isScratch() ? ""
                    : "; its binary runs on the newer C library of " + runtime.image())));
        }
        boolean staticCgo = cgo && runtime.isScratch();
        if (staticCgo) {
            notes.add(new Warning(go.cgo().source(), "cgo is needed and " + runtime.image() + " has no C library, so the "
                    + "binary links it statically on " + build.image().replace("{version}", "<go>") + " (the build fails if "
                    + "ldd still finds it dynamic); a C library that loads others at run time (dlopen) may "
                    + "not work: choose --final distroless then"));
        } else if (cgo) {
            notes.add(new Warning(go.cgo().source(), "cgo is needed, so the binary links the C library dynamically: built on "
                    + build.image().replace("{version}", "<go>") + ", run on " + runtime.image()));
        }
        int port = port(request, notes);
        String binary = go.binaryName();

        Stage frontend = go.frontend() == null ? null : GoFrontendPlanner.of(go.frontend(), request, notes);
        List<Stage> stages = new ArrayList<>();
        if (frontend != null) {
            stages.add(frontend);
        }
        stages.add(buildStage(go, preset, build, runtime, cgo, binary, frontend != null && !go.frontend().served()));
        stages.add(runtimeStage(go, request, runtime, binary, port, frontend != null));
        List<String> header = List.of(
                "Generated by dockergen " + request.toolVersion() + " with preset " + preset.name() + ".",
                "Build: docker build -t " + binary.toLowerCase(java.util.Locale.ROOT) + " .", // image names are lower case
                "Go " + version.value() + ": " + version.origin() + ".");
        // a builder pinned without {version} (e.g. by digest) takes no version argument
        List<Arg> args = build.image().contains("{version}") ? List.of(new Arg(VERSION_ARG, version.value())) : List.of();
        if (args.isEmpty()) {
            notes.add(new Warning(null, "preset " + preset.name() + " pins the builder to " + build.image()
                    + "; the project asks for Go " + version.value() + " (" + version.origin() + ")"));
        }
        DockerfilePlan dockerfile = new DockerfilePlan(header, args, stages);
        return new Plans(dockerfile, GoIgnore.plan(go, request.toolVersion(), notes), notes);
    }

    /**
     * Below the go directive: from Go 1.21 the directive is a minimum the go command enforces, and golang images set
     * GOTOOLCHAIN=local, so the build stops; refused. Below an older directive (a language level): a warning.
     */
    @Override
    public Optional<Warning> versionFit(ProjectFacts facts, Preset preset, String version) {
        Fact<String> directive = facts.details() instanceof GoDetails go ? go.directive() : null;
        if (!USER_VERSION.matcher(version).matches() || directive == null || !DIRECTIVE.matcher(directive.value()).matches()
                || directive.source() == null || !directive.source().file().endsWith("go.mod")) {
            return Optional.empty();
        }
        String[] chosen = version.split("\\.");
        String[] needed = directive.value().split("\\.");
        int cmp = 0;
        for (int i = 0; i < chosen.length && cmp == 0; i++) {
            cmp = Integer.compare(Integer.parseInt(chosen[i]), i < needed.length ? Integer.parseInt(needed[i]) : 0);
        }
        if (cmp >= 0) {
            return Optional.empty();
        }
        int minor = Integer.parseInt(needed[1]);
        if (minor >= FIRST_ENFORCED_MINOR) {
            throw new dev.dockergen.UnusableVersionException("Go " + version + " is older than the go directive "
                    + directive.value() + " (" + directive.source() + "), which Go enforces as a minimum: the build would "
                    + "stop with 'go.mod requires go >= " + directive.value() + "'; use Go " + directive.value() + " or newer, or "
                    + "lower the directive");
        }
        return Optional.of(new Warning(directive.source(), "Go " + version + " is older than the go directive "
                + directive.value() + ": the build fails if the code uses language features newer than Go " + version));
    }

    private static String alternatives(PlanRequest request) {
        return request.catalog().forLanguage(Language.GO).stream()
                .filter(p -> p.cgoBuild() != null && p.cgoRuntime() != null)
                .map(p -> "--final " + p.finalStage().id() + " (preset " + p.name() + ")")
                .collect(Collectors.joining(" or "));
    }

    private static String checkedVersion(String v) {
        if (!USER_VERSION.matcher(v).matches()) {
            throw new DockergenException(ExitCode.USAGE, "--language-version " + v + ": write a Go version such as 1.23 or 1.23.4");
        }
        return v;
    }

    /** The builder's Go version and where it came from, for the header comment. */
    record GoVersion(String value, String origin) {
    }

    static GoVersion version(ProjectFacts facts, GoDetails go, Preset preset, List<Warning> notes) {
        if (go.toolchain() != null) {
            Matcher m = TOOLCHAIN.matcher(go.toolchain().value());
            if (m.matches()) {
                return new GoVersion(m.group(1), "toolchain directive, " + go.toolchain().source());
            }
        }
        Fact<String> directive = go.directive();
        if (directive != null) {
            Matcher m = GO_MINOR.matcher(directive.value());
            if (m.matches() && Integer.parseInt(m.group(1)) >= FIRST_ENFORCED_MINOR) {
                return new GoVersion("1." + m.group(1), "go directive, " + directive.source());
            }
            notes.add(new Warning(directive.source(), "go " + directive.value() + " is a language level, not a "
                    + "toolchain requirement; building with Go " + preset.versionDefault() + " (the preset default)"));
        }
        return new GoVersion(preset.versionDefault(), "preset " + preset.name() + " default");
    }

    /** The port to expose: the user's, else the detected one; 0 when the program listens on none. */
    private static int port(PlanRequest request, List<Warning> notes) {
        if (request.port() != null) {
            return request.port();
        }
        Fact<Integer> detected = request.facts().port();
        if (detected == null) {
            notes.add(new Warning(null, "no listening port found, so nothing is exposed; pass --port N if the program serves one"));
            return 0;
        }
        return detected.value();
    }

    private static Stage buildStage(GoDetails go, Preset preset, ImageSpec build, ImageSpec runtime, boolean cgo, String binary,
                                    boolean frontend) {
        List<Instruction> ins = new ArrayList<>();
        if (!build.packages().isEmpty()) {
            ins.add(Comment.of("C toolchain for cgo. Alpine package versions are not pinned: old ones leave the index."));
            ins.add(new Directive("hadolint ignore=DL3018"));
            ins.add(new Run(List.of(), List.of(installCommand(build))));
        }
        ins.add(new Workdir(go.gopath() != null ? go.gopath().sourceDir(GOPATH) : "/src"));
        if (!preset.buildArgs().isEmpty()) {
            ins.add(Comment.of("Build settings from preset " + preset.name() + "; override with --build-arg NAME=VALUE."));
            preset.buildArgs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> ins.add(new Arg(e.getKey(), e.getValue())));
        }
        if (!runtime.has(ImageSpec.PASSWD) && !preset.user().create()) {
            ins.add(Comment.of("Account files for the runtime user, which " + runtime.image() + " lacks."));
            ins.add(new Run(List.of(), List.of(String.format(
                    "mkdir -p %s && printf '%s:x:%d:%d::/:/sbin/nologin\\n' > %s/passwd"
                            + " && printf '%s:x:%d:\\n' > %s/group",
                    OUT, preset.user().name(), preset.user().uid(), preset.user().gid(), OUT,
                    preset.user().name(), preset.user().gid(), OUT))));
        }
        boolean download = go.hasGoMod() && !go.vendored();
        if (download) {
            List<String> manifests = new ArrayList<>(List.of("go.mod"));
            if (go.hasGoSum()) {
                manifests.add("go.sum");
            }
            List<String> watched = new ArrayList<>(manifests);
            go.localModules().forEach(local -> watched.add(local + "/go.mod"));
            ins.add(Comment.of("Module downloads first: this layer is reused until "
                    + String.join(" or ", watched) + (watched.size() > 1 ? " change." : " changes.")));
            ins.add(new Copy(null, manifests, "./"));
            for (String local : go.localModules()) {
                ins.add(new Copy(null, List.of(local + "/go.mod"), local + "/"));
            }
            ins.add(new Run(List.of(Mount.cache(MOD_CACHE)), List.of("go mod download")));
            ins.add(Comment.of("Then the source; the build cache mount keeps rebuilds incremental."));
        } else if (go.vendored()) {
            ins.add(Comment.of("Dependencies are vendored (vendor/modules.txt), so the build needs no download."));
        } else if (go.gopath() != null) {
            ins.add(Comment.of("No go.mod and dependencies in vendor/" + (go.gopath().manifest().equals("vendor") ? ""
                            : " (" + go.gopath().manifest() + ")") + ": a GOPATH-era project, built in GOPATH mode at",
                    "its import path" + (go.gopath().importPath().source() == null ? ""
                            : " (" + go.gopath().importPath().source() + ")") + ", with vendor/ as its dependencies: no download."));
        } else {
            ins.add(Comment.of("No go.mod in the repository: a throw-away module is created for the build."));
        }
        ins.add(new Copy(null, List.of("."), "."));
        if (frontend) {
            ins.add(Comment.of("The frontend the program embeds, built in the frontend stage."));
            ins.add(GoFrontendPlanner.output(go.frontend()));
        }
        List<String> env = new ArrayList<>();
        if (cgo) {
            env.add("CGO_ENABLED=1");
        } else {
            ins.add(new Arg("TARGETOS", null));
            ins.add(new Arg("TARGETARCH", null));
            env.add("CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH");
        }
        if (go.gopath() != null) {
            env.set(0, "GO111MODULE=off GOPATH=" + GOPATH + " " + env.get(0));
        }
        List<String> lines = new ArrayList<>(env);
        boolean staticCgo = cgo && runtime.isScratch();
        List<String> tagList = new ArrayList<>();
        if (staticCgo) {
            // the pure-Go resolver and user lookup: glibc's, linked statically, would load NSS modules at run time
            tagList.addAll(List.of("netgo", "osusergo"));
        }
        if (!runtime.has(ImageSpec.TZDATA) && go.needsTzdata().value()) {
            tagList.add("timetzdata");
        }
        String tags = tagList.isEmpty() ? "" : " -tags " + String.join(",", tagList);
        String mod = go.vendored() ? " -mod=vendor" : go.hasGoMod() && go.hasRequires() && !go.hasGoSum() ? " -mod=mod" : "";
        String target = go.mainPackage().value().equals(".") ? "." : "./" + go.mainPackage().value();
        String ldflags = staticCgo ? "-ldflags=\"-s -w -linkmode external -extldflags=-static\"" : "-ldflags=\"-s -w\"";
        String buildCmd = "go build -trimpath " + ldflags + tags + mod + " -o " + OUT + "/" + binary + " " + target;
        if (!go.hasGoMod() && go.gopath() == null) {
            lines.add(0, "go mod init " + binary + " && go mod tidy &&");
        }
        lines.add(buildCmd);
        if (staticCgo) {
            // a binary that asks for a dynamic loader would not start on an empty image: stop the build instead
            lines.set(lines.size() - 1, buildCmd + " &&");
            lines.add("if ldd " + OUT + "/" + binary + " >/dev/null 2>&1; then echo '" + binary
                    + " is not statically linked, so it cannot run on scratch' >&2; exit 1; fi");
        }
        List<Mount> mounts = go.vendored() || go.gopath() != null ? List.of(Mount.cache(BUILD_CACHE))
                : List.of(Mount.cache(MOD_CACHE), Mount.cache(BUILD_CACHE));
        ins.add(new Run(mounts, lines));
        String image = build.image().replace("{version}", "${" + VERSION_ARG + "}");
        List<String> comment = staticCgo
                ? List.of("Build stage: cgo needs a C toolchain for the target, so this stage runs on the target platform;",
                        "the binary links the C library statically, since the runtime stage has none.")
                : cgo
                ? List.of("Build stage: cgo needs a C toolchain for the target, so this stage runs on the target platform",
                        "and on the same C library as the runtime stage.")
                : List.of("Build stage: runs on the build machine's platform and cross-compiles a static binary.");
        return new Stage(comment, cgo ? null : "$BUILDPLATFORM", image, "build", ins);
    }

    private static String installCommand(ImageSpec spec) {
        String pkgs = String.join(" ", spec.packages());
        return spec.packageTool().equals("apk")
                ? "apk add --no-cache " + pkgs
                : "apt-get update && apt-get install -y --no-install-recommends " + pkgs + " && rm -rf /var/lib/apt/lists/*";
    }

    private static Stage runtimeStage(GoDetails go, PlanRequest request, ImageSpec runtime, String binary, int port,
                                      boolean frontend) {
        Preset preset = request.preset();
        ProjectFacts facts = request.facts();
        List<Instruction> ins = new ArrayList<>();
        if (preset.user().create()) {
            ins.add(new Run(List.of(), preset.user().createLines()));
        }
        if (!runtime.has(ImageSpec.CA_CERTIFICATES) && go.needsCaCerts().value()) {
            ins.add(new Copy("build", List.of("/etc/ssl/certs/ca-certificates.crt"), "/etc/ssl/certs/ca-certificates.crt"));
        }
        if (!runtime.has(ImageSpec.PASSWD) && !preset.user().create()) {
            ins.add(new Copy("build", List.of(OUT + "/passwd"), "/etc/passwd"));
            ins.add(new Copy("build", List.of(OUT + "/group"), "/etc/group"));
        }
        String installed = BIN_DIR + "/" + binary;
        ins.add(new Copy("build", List.of(OUT + "/" + binary), installed));
        ins.addAll(runtimeFiles(go, frontend, request));
        if (port > 0 && go.readsPortEnv().value() && (facts.port() == null || facts.port().value() != port
                || go.portEnvRequired())) {
            ins.add(Comment.of("The program reads PORT (" + go.readsPortEnv().source() + ")" + (go.portEnvRequired()
                    ? " and has no default" : "") + "; it listens on the exposed port."));
            ins.add(new Instruction.Env("PORT", Integer.toString(port)));
        }
        ins.add(new Instruction.User(preset.user().uid(), preset.user().gid()));
        if (port > 0) {
            if (port < 1024) {
                ins.add(Comment.of("Port " + port + " is privileged: Docker lets non-root processes bind it, other runtimes",
                        "may not; prefer a port above 1023 (dockergen init --port 8080) if the program can be configured."));
            }
            ins.add(new Instruction.Expose(port));
        }
        ins.addAll(go.healthCommand() != null ? HealthChecks.command(go.healthCommand(), List.of(installed), preset)
                : HealthChecks.instructions(go.healthPath(), runtime, port, preset));
        ins.addAll(Labels.instructions(knownLabels(go, binary), preset, request.labels()));
        ins.add(new Entrypoint(List.of(installed)));
        List<String> subcommand = facts.start() == null || facts.start().size() < 2 ? List.of()
                : facts.start().subList(1, facts.start().size());
        if (!request.args().isEmpty()) {
            ins.add(new Instruction.Cmd(request.args())); // default arguments: docker run IMAGE ARGS replaces them
        } else if (!subcommand.isEmpty()) {
            ins.add(Comment.of("The server is a subcommand (the port is its flag, " + facts.port().source() + "); "
                    + "docker run IMAGE ARGS runs another."));
            List<String> cmd = new ArrayList<>(subcommand);
            if (go.listenArgs() != null) {
                cmd.addAll(go.listenArgs().value());
            }
            ins.add(new Instruction.Cmd(cmd));
        } else if (go.listenArgs() != null) {
            ins.add(Comment.of("The flag defaults to a loopback address (" + go.listenArgs().source() + "), which the published port",
                    "cannot reach: listen on every interface instead."));
            ins.add(new Instruction.Cmd(go.listenArgs().value()));
        }
        String comment = runtime.isScratch()
                ? "Runtime stage: the binary alone on an empty image, with " + (go.needsCaCerts().value()
                        ? "CA certificates (TLS-capable import at " + go.needsCaCerts().source() + ") and " : "") + "an account copied in."
                : "Runtime stage: " + withoutDigest(runtime.image()) + (runtime.image().contains("@sha256:") ? " (pinned by digest)" : "")
                + (runtime.shell() ? ", with a busybox shell and wget" : ", which has no shell")
                + "; runs as " + preset.user().name() + " (" + preset.user().uid() + ").";
        return new Stage(List.of(comment), null, runtime.image(), "runtime", ins);
    }


    /** WORKDIR and a COPY of each file or folder the program reads at run time, at its path from the working directory. */
    private static List<Instruction> runtimeFiles(GoDetails go, boolean frontendStage, PlanRequest request) {
        // a folder the frontend stage builds; without that stage (no Node image) a note says to build it first
        String built = go.frontend() != null && go.frontend().served() ? go.frontend().output() + "/" : null;
        List<GoRuntimeFiles.File> files = go.runtimeFiles().files().stream()
                .filter(f -> frontendStage || !f.path().equals(built)).toList();
        if (files.isEmpty()) {
            return List.of();
        }
        List<Instruction> ins = new ArrayList<>();
        String from = go.runtimeFiles().workdir().isEmpty() ? "the module root" : go.runtimeFiles().workdir() + "/";
        ins.add(Comment.of("Files the program reads at run time, relative to its working directory (" + from + " in the repository):",
                files.stream().map(f -> f.relative() + " (" + f.source() + ")").collect(Collectors.joining(", ")) + "."));
        ins.add(new Workdir(APP_DIR));
        // a folder the program also writes into (conf/app.ini's runtime/ with fonts in it) is the runtime user's
        java.util.Set<String> written = request.facts().writes().stream()
                .map(w -> w.path().replaceFirst("^\\./", "").replaceFirst("/+$", "")).collect(Collectors.toSet());
        Preset preset = request.preset();
        for (GoRuntimeFiles.File f : files) {
            boolean owned = f.relative().endsWith("/") && written.contains(f.relative().replaceFirst("/+$", ""))
                    && preset.user().uid() != 0;
            ins.add(f.path().equals(built) ? GoFrontendPlanner.output(go.frontend(), "./" + f.relative())
                    : owned ? new Instruction.CopyOwned(null, List.of(f.path()), "./" + f.relative(), preset.user().uid(),
                            preset.user().gid(), null)
                    : new Copy(null, List.of(f.path()), "./" + f.relative()));
        }
        return ins;
    }

    /** The OCI labels a Go project tells about itself: its binary, and its repository when the module names one. */
    private static Map<String, String> knownLabels(GoDetails go, String binary) {
        Map<String, String> labels = new TreeMap<>();
        labels.put("org.opencontainers.image.title", binary);
        String source = go.module() == null ? null : sourceUrl(go.module().value());
        if (source != null) {
            labels.put("org.opencontainers.image.source", source);
        }
        return labels;
    }

    private static String withoutDigest(String image) {
        int at = image.indexOf("@sha256:");
        return at < 0 ? image : image.substring(0, at);
    }

    /** The repository URL of a module hosted on a well-known forge, else null. */
    static String sourceUrl(String module) {
        String[] parts = module.split("/");
        if (parts.length >= 3 && List.of("github.com", "gitlab.com", "codeberg.org", "bitbucket.org").contains(parts[0])) {
            return "https://" + parts[0] + "/" + parts[1] + "/" + parts[2];
        }
        return null;
    }
}
