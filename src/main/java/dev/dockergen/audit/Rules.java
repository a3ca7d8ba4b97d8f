package dev.dockergen.audit;

import dev.dockergen.audit.Finding.Severity;
import dev.dockergen.audit.ParsedDockerfile.Instruction;
import dev.dockergen.audit.Rule.AuditInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of shared/design/dockerfile-contract.md that can be read off a Dockerfile. Every
 * dockergen-generated file passes all of them; hadolint and BuildKit names are given where a rule
 * matches one of theirs.
 */
public final class Rules {
    private static final Pattern SECRET = Pattern.compile("(?i).*(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_KEY).*");
    private static final Pattern INSTALL = Pattern.compile("\\b(npm (ci|install|i)\\b|yarn install\\b|yarn(?=\\s*($|&&|;))|pnpm install|"
            + "pip3? install|poetry install|pipenv install|uv sync|go mod download|mvn\\b.*dependency:|bundle install|"
            + "composer install|cargo fetch)");
    private static final Pattern COMPILE = Pattern.compile("\\b(go build|mvn |gradle |\\./gradlew|cargo build|gcc |make\\b|"
            + "npm run build|javac )");
    private static final Pattern TOOLCHAIN_IMAGE = Pattern.compile(
            "(?i)(^|/)(golang|maven|gradle|gcc|rust|buildpack-deps)(:|@|$)|(^|/)(eclipse-temurin|openjdk|amazoncorretto):[^@]*jdk");
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private Rules() {
    }

    /** A place a rule fires at (null: the file as a whole) and what to say. */
    private record Hit(Instruction at, String message) {
    }

    private static final String HADOLINT = "https://github.com/hadolint/hadolint/wiki/";
    private static final String BUILD_CHECKS = "https://docs.docker.com/reference/build-checks/";
    /** A pipe between commands: one | that is not part of || (quoted text removed first). */
    private static final Pattern PIPE = Pattern.compile("(?<!\\|)\\|(?!\\|)");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(tar|tar\\.(gz|bz2|xz|zst)|tgz|tbz2?|txz)$");

    /** Every rule, in report order. */
    public static List<Rule> all() {
        return List.of(
                rule("latest-tag", Severity.error, "Base images carry a fixed tag, never latest (hadolint DL3007).",
                        in -> froms(in, (ins, image) -> image.endsWith(":latest") || image.contains(":latest@")
                                ? image + " uses the moving tag latest; pin a version tag (and a digest)" : null))
                        .help("latest changes under you: the same Dockerfile builds a different image tomorrow, and a "
                                + "rebuild can pull in breaking changes or a compromised image. Pin a version tag, and a "
                                + "digest where supply chain matters.", HADOLINT + "DL3007").security("5.0"),
                rule("untagged-image", Severity.error, "Base images name a tag or digest (hadolint DL3006).",
                        in -> froms(in, (ins, image) -> !image.contains("@") && !lastPart(image).contains(":")
                                ? image + " has no tag, so it means latest; pin a version tag" : null))
                        .help("An image without a tag is the latest tag: see latest-tag.", HADOLINT + "DL3006").security("5.0"),
                rule("root-user", Severity.error, "The final stage switches to a non-root user (hadolint DL3002).",
                        Rules::rootUser)
                        .help("A process running as root in the container is root on the host's kernel: an escape or a "
                                + "mounted volume gives it the host. End the final stage with USER and a numeric non-root "
                                + "UID, e.g. USER 65532:65532.", HADOLINT + "DL3002").security("7.0"),
                rule("shell-form-command", Severity.warning,
                        "CMD and ENTRYPOINT use the exec (JSON array) form, so signals reach the program (hadolint DL3025, BuildKit JSONArgsRecommended).",
                        in -> each(in, ins -> (ins.keyword().equals("CMD") || ins.keyword().equals("ENTRYPOINT"))
                                && !ins.args().startsWith("[")
                                ? ins.keyword() + " in shell form runs under /bin/sh, which does not forward signals; "
                                + "write it as a JSON array, e.g. " + ins.keyword() + " [\"/app\"]" : null))
                        .help("In shell form the program runs under /bin/sh -c, which does not pass SIGTERM on: docker stop "
                                + "waits and kills it. The JSON array form runs the program itself as PID 1.",
                                HADOLINT + "DL3025"),
                rule("build-tools-in-final-image", Severity.warning,
                        "The final stage holds only runtime artefacts: no compiler or build tool (multi-stage build).",
                        Rules::buildToolsInFinal)
                        .help("Compilers, package managers and sources in the final image make it larger and give an attacker "
                                + "tools. Build in an earlier stage and COPY --from it only what runs.",
                                "https://docs.docker.com/build/building/multi-stage/"),
                rule("missing-dockerignore", Severity.warning,
                        "A .dockerignore keeps VCS data, build output and secrets out of the build context.",
                        in -> in.hasDockerignore() ? List.of() : List.of(new Hit(null,
                                "no .dockerignore beside this Dockerfile: .git, local builds and secrets go to the builder; "
                                        + "add one (dockergen init writes one)")))
                        .help("Without a .dockerignore (or Dockerfile.dockerignore beside a Dockerfile built with -f) the "
                                + "whole directory goes to the builder, .git, .env files and keys included, and COPY . . puts "
                                + "them in the image.", "https://docs.docker.com/build/concepts/context/#dockerignore-files")
                        .security("4.0"),
                rule("secret-in-arg-env", Severity.error,
                        "Secrets never go in ARG or ENV; they stay in the image (BuildKit SecretsUsedInArgOrEnv).",
                        in -> each(in, ins -> (ins.keyword().equals("ARG") || ins.keyword().equals("ENV"))
                                && SECRET.matcher(ins.args().split("[=\\s]")[0]).matches()
                                ? ins.keyword() + " " + ins.args().split("[=\\s]")[0] + " looks like a secret and stays in the "
                                + "image history; use RUN --mount=type=secret" : null))
                        .help("ARG and ENV values are stored in the image's history and configuration, where anyone who can "
                                + "pull the image reads them. Pass secrets with RUN --mount=type=secret and docker build --secret.",
                                BUILD_CHECKS + "secrets-used-in-arg-or-env/").security("8.0"),
                rule("copy-before-install", Severity.warning,
                        "Manifests are copied and dependencies installed before the source, so source edits reuse the install layer.",
                        Rules::copyBeforeInstall)
                        .help("Layers are cached until something they depend on changes. Copy the manifests and lockfile, "
                                + "install, then copy the source: editing a source file then reuses the dependency layer.",
                                "https://docs.docker.com/build/cache/optimize/"),
                rule("apt-without-cleanup", Severity.warning,
                        "apt-get install removes /var/lib/apt/lists or uses a cache mount (hadolint DL3009).",
                        in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().contains("apt-get install")
                                && !ins.args().contains("rm -rf /var/lib/apt/lists") && !ins.args().contains("target=/var/lib/apt")
                                ? "apt-get install leaves the package lists in the layer; end with && rm -rf /var/lib/apt/lists/* "
                                + "or mount a cache on /var/lib/apt" : null))
                        .help("The package lists apt-get update fetches are tens of megabytes nobody uses at run time.",
                                HADOLINT + "DL3009"),
                rule("apt-recommends", Severity.info, "apt-get install uses -y --no-install-recommends (hadolint DL3015).",
                        in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().contains("apt-get install")
                                && !ins.args().contains("--no-install-recommends")
                                ? "apt-get install pulls in recommended packages; add --no-install-recommends" : null))
                        .help("Recommended packages are rarely needed in an image and often large.", HADOLINT + "DL3015"),
                rule("apk-without-no-cache", Severity.warning, "apk add uses --no-cache or a cache mount (hadolint DL3019).",
                        in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().contains("apk add")
                                && !ins.args().contains("--no-cache") && !ins.args().contains("target=/var/cache/apk")
                                ? "apk add keeps its index in the layer; use apk add --no-cache" : null))
                        .help("Without --no-cache, apk keeps its package index in the layer.", HADOLINT + "DL3019"),
                rule("pip-without-no-cache", Severity.warning, "pip install uses --no-cache-dir or a cache mount (hadolint DL3042).",
                        in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().matches(".*\\bpip3? install.*")
                                && !ins.args().contains("--no-cache-dir") && !ins.args().contains("target=/root/.cache/pip")
                                ? "pip install keeps its download cache in the layer; add --no-cache-dir or mount a cache on /root/.cache/pip"
                                : null))
                        .help("pip keeps every downloaded wheel in /root/.cache/pip, in the layer.", HADOLINT + "DL3042"),
                rule("workdir-relative", Severity.warning, "WORKDIR is an absolute path (hadolint DL3000, BuildKit WorkdirRelativePath).",
                        in -> each(in, ins -> ins.keyword().equals("WORKDIR") && !ins.args().startsWith("/") && !ins.args().startsWith("$")
                                ? "WORKDIR " + ins.args() + " depends on the previous WORKDIR; use an absolute path" : null))
                        .help("A relative WORKDIR depends on the one before it, which may come from the base image.",
                                HADOLINT + "DL3000"),
                rule("legacy-env-format", Severity.warning, "ENV uses key=value (BuildKit LegacyKeyValueFormat).",
                        in -> each(in, ins -> ins.keyword().equals("ENV") && !ins.args().split("\\s+")[0].contains("=")
                                ? "ENV key value is the legacy form; write ENV " + ins.args().split("\\s+")[0] + "=..." : null))
                        .help("ENV key value sets one variable to the rest of the line, spaces included; key=value is "
                                + "unambiguous and sets several.", BUILD_CHECKS + "legacy-key-value-format/"),
                rule("missing-syntax-directive", Severity.info,
                        "The file starts with # syntax=docker/dockerfile:1, so builders use the current Dockerfile frontend.",
                        in -> in.dockerfile().directives().stream().anyMatch(d -> d.startsWith("syntax")) ? List.of()
                                : List.of(new Hit(null, "no # syntax=docker/dockerfile:1 line; add it as the first line")))
                        .help("Cache and secret mounts, heredocs and other current features need the Dockerfile frontend "
                                + "the syntax line names; without it the builder's bundled one is used.",
                                "https://docs.docker.com/build/buildkit/frontend/"),
                rule("add-instead-of-copy", Severity.error,
                        "COPY for files and folders; ADD only to unpack a local archive or fetch a URL pinned by --checksum (hadolint DL3020).",
                        Rules::addInsteadOfCopy)
                        .help("ADD also unpacks archives and downloads URLs, so what it does depends on what the source is. "
                                + "COPY copies files and nothing else. A URL fetched by ADD without --checksum is not "
                                + "verified: pin it with ADD --checksum=sha256:..., or download and check it in a RUN.",
                                HADOLINT + "DL3020").security("5.0"),
                rule("maintainer", Severity.error, "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors (hadolint DL4000).",
                        in -> each(in, ins -> ins.keyword().equals("MAINTAINER")
                                ? "MAINTAINER is deprecated; write LABEL org.opencontainers.image.authors=\"" + ins.args() + "\"" : null))
                        .help("MAINTAINER has been deprecated since Docker 1.13; the OCI label says the same and tools read it.",
                                HADOLINT + "DL4000"),
                rule("sudo", Severity.error, "RUN does not use sudo; switch USER instead (hadolint DL3004).",
                        in -> runs(in, (ins, sh) -> Pattern.compile("(^|[;&|(]\\s*)sudo\\b").matcher(sh).find()
                                ? "sudo in a RUN: build steps already run as the current USER; put USER root before the "
                                + "step and USER back after it, and keep sudo out of the image" : null))
                        .help("sudo adds a setuid binary and unpredictable TTY and signal behaviour; a build step that needs "
                                + "root runs under USER root.", HADOLINT + "DL3004").security("6.0"),
                rule("cd-in-run", Severity.warning, "WORKDIR, not cd in RUN, changes the directory (hadolint DL3003).",
                        in -> runs(in, (ins, sh) -> Pattern.compile("(^|[;&|(]\\s*)cd\\s").matcher(sh).find()
                                ? "cd in a RUN lasts only for that RUN and hides where later steps run; use WORKDIR" : null))
                        .help("WORKDIR sets the directory for every later instruction and is visible in the image config; "
                                + "cd affects only the RUN it is in.", HADOLINT + "DL3003"),
                rule("pipefail", Severity.warning,
                        "A RUN with a pipe sets -o pipefail, so a failing first command fails the build (hadolint DL4006).",
                        Rules::pipefail)
                        .help("A pipeline's status is its last command's: wget URL | tar x succeeds when the download fails. "
                                + "Start the RUN with set -o pipefail && (or set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", "
                                + "\"-c\"] before it).", HADOLINT + "DL4006"),
                rule("expose-port-range", Severity.error, "EXPOSE names ports from 0 to 65535 (hadolint DL3011).",
                        in -> each(in, ins -> {
                            if (!ins.keyword().equals("EXPOSE")) {
                                return null;
                            }
                            for (String port : ins.args().split("\\s+")) {
                                for (String n : port.replaceAll("/.*", "").split("-")) {
                                    if (n.matches("[0-9]+") && (n.length() > 5 || Integer.parseInt(n) > 65535)) {
                                        return "EXPOSE " + port + ": ports run from 0 to 65535";
                                    }
                                }
                            }
                            return null;
                        }))
                        .help("A port above 65535 does not exist; the build or the run fails.", HADOLINT + "DL3011"),
                rule("multiple-healthcheck", Severity.error, "A stage has at most one HEALTHCHECK (hadolint DL3012).",
                        in -> repeated(in, "HEALTHCHECK"))
                        .help("Only the last HEALTHCHECK of a stage counts; the others mislead the reader.", HADOLINT + "DL3012"),
                rule("multiple-cmd", Severity.warning, "A stage has at most one CMD (hadolint DL4003).",
                        in -> repeated(in, "CMD"))
                        .help("Only the last CMD of a stage counts; the others mislead the reader.", HADOLINT + "DL4003"),
                rule("multiple-entrypoint", Severity.error, "A stage has at most one ENTRYPOINT (hadolint DL4004).",
                        in -> repeated(in, "ENTRYPOINT"))
                        .help("Only the last ENTRYPOINT of a stage counts; the others mislead the reader.", HADOLINT + "DL4004"),
                rule("unpinned-apt-package", Severity.info, "apt-get install pins package versions, pkg=version (hadolint DL3008).",
                        in -> unpinned(in, Pattern.compile("\\bapt-get\\s+(?:\\S+\\s+)*?install\\s+(.*)"), "="))
                        .help("Unpinned packages install whatever the mirror has on build day. Pinning distro packages "
                                + "trades that for builds that break when the mirror drops the version; a pinned base image "
                                + "release is the usual middle ground, hence info.", HADOLINT + "DL3008"),
                rule("unpinned-apk-package", Severity.info, "apk add pins package versions, pkg=version (hadolint DL3018).",
                        in -> unpinned(in, Pattern.compile("\\bapk\\s+add\\s+(.*)"), "="))
                        .help("As unpinned-apt-package, for Alpine's apk.", HADOLINT + "DL3018"),
                rule("unpinned-pip-package", Severity.info,
                        "pip install pins versions, pkg==version, or installs from a requirements file or lockfile (hadolint DL3013).",
                        in -> unpinned(in, Pattern.compile("\\bpip3?\\s+install\\s+(.*)"), "=="))
                        .help("pip install NAME takes the newest release on build day; pin it, or install from a "
                                + "requirements file or lockfile.", HADOLINT + "DL3013"),
                rule("unpinned-npm-package", Severity.info, "npm install of a named package pins its version, pkg@version (hadolint DL3016).",
                        in -> unpinned(in, Pattern.compile("\\bnpm\\s+(?:install|i|add)\\s+(.*)"), "@"))
                        .help("npm install NAME takes the newest release on build day; pin it with NAME@version.",
                                HADOLINT + "DL3016"),
                rule("apt-update-alone", Severity.warning, "apt-get update runs in the same RUN as the apt-get install it serves.",
                        in -> runs(in, (ins, sh) -> sh.contains("apt-get update") && !sh.contains("apt-get install")
                                && !sh.contains("apt-get upgrade") && !sh.contains("apt-get dist-upgrade")
                                ? "apt-get update alone in a RUN is cached as its own layer, so a later install uses stale "
                                + "lists and fails or installs old versions; run it with the install: apt-get update && "
                                + "apt-get install ..." : null))
                        .help("Docker caches each RUN: an update in its own layer is reused for months while the install "
                                + "after it changes.", "https://docs.docker.com/build/building/best-practices/#apt-get"),
                rule("apt-upgrade", Severity.warning, "No apt-get upgrade or dist-upgrade in an image; update the base image instead (hadolint DL3005).",
                        in -> runs(in, (ins, sh) -> Pattern.compile("\\bapt(-get)?\\s+(?:\\S+\\s+)*?(dist-)?upgrade\\b").matcher(sh).find()
                                ? "apt-get upgrade makes the image depend on the build day; use a newer base image tag "
                                + "(or its digest) instead" : null))
                        .help("Upgrading in the image hides which packages it holds and differs on every build; the base "
                                + "image's maintainers ship the upgrades.", HADOLINT + "DL3005"),
                rule("npm-install-with-lockfile", Severity.warning, "With a package-lock.json, dependencies install with npm ci.",
                        Rules::npmInstallWithLockfile)
                        .help("npm install may change the lockfile and install other versions than it records; npm ci "
                                + "installs exactly the locked tree and fails when package.json and the lockfile disagree.",
                                "https://docs.npmjs.com/cli/commands/npm-ci"),
                rule("consecutive-run", Severity.info, "Consecutive RUNs with the same mounts are one RUN (hadolint DL3059).",
                        Rules::consecutiveRun)
                        .help("Each RUN is a layer; steps that always change together can share one. Separate RUNs are "
                                + "fine when they cache differently.", HADOLINT + "DL3059"));
    }

    /** One rule; its help, help page and security severity are added with the methods below. */
    private record Def(String id, Severity severity, String description, String help, String helpUri,
                       String securitySeverity, Function<AuditInput, List<Hit>> checks) implements Rule {
        Def help(String text, String uri) {
            return new Def(id, severity, description, description + " " + text, uri, securitySeverity, checks);
        }

        Def security(String score) {
            return new Def(id, severity, description, help, helpUri, score, checks);
        }

        @Override
        public List<Finding> check(AuditInput input) {
            return checks.apply(input).stream().map(h -> input.at(this, h.at(), h.message())).toList();
        }
    }

    private static Def rule(String id, Severity severity, String description, Function<AuditInput, List<Hit>> check) {
        return new Def(id, severity, description, description, null, null, check);
    }

    /** Applies a check to the shell text of every shell-form RUN (quoted text kept), flags left out. */
    private static List<Hit> runs(AuditInput in, java.util.function.BiFunction<Instruction, String, String> check) {
        return each(in, ins -> ins.keyword().equals("RUN") && !ins.withoutFlags().startsWith("[")
                ? check.apply(ins, ins.withoutFlags()) : null);
    }

    /** A second (third...) instruction of one kind in a stage. */
    private static List<Hit> repeated(AuditInput in, String keyword) {
        List<Hit> out = new ArrayList<>();
        Map<Integer, Instruction> first = new HashMap<>();
        for (Instruction ins : in.dockerfile().instructions()) {
            if (ins.keyword().equals(keyword)) {
                Instruction earlier = first.putIfAbsent(ins.stage(), ins);
                if (earlier != null) {
                    out.add(new Hit(ins, "a second " + keyword + " in this stage (the first is on line " + earlier.line()
                            + "); only the last one counts, so keep one"));
                }
            }
        }
        return out;
    }

    /**
     * Package names after an install command that carry no version ({@code pin} is the separator: =, ==, @).
     * Options, paths, requirement files, variables and URLs are not package names.
     */
    private static List<Hit> unpinned(AuditInput in, Pattern command, String pin) {
        return runs(in, (ins, sh) -> {
            List<String> names = new ArrayList<>();
            for (String part : sh.split("&&|;|\\|\\||\\||>")) {
                Matcher m = command.matcher(part);
                if (!m.find()) {
                    continue;
                }
                String[] words = m.group(1).strip().split("\\s+");
                for (int i = 0; i < words.length; i++) {
                    String w = words[i].replaceAll("^[\"']|[\"']$", "");
                    if (w.startsWith("-")) {
                        if (w.matches("-r|--requirement|-c|--constraint|-e|--editable|-t|--target|--prefix|-i|--index-url|"
                                + "--extra-index-url|-f|--find-links|--root|--repository|-X|--virtual")) {
                            i++; // the option's value
                        }
                        continue;
                    }
                    boolean pinned = pin.equals("@") ? w.lastIndexOf('@') > 0 : w.contains(pin) || w.matches(".*[<>~]=?.*");
                    if (w.isEmpty() || pinned || w.contains("$") || w.contains("/") || w.equals(".") || w.contains("://")
                            || w.endsWith(".whl") || w.endsWith(".txt") || w.endsWith(".tgz")) {
                        continue;
                    }
                    names.add(w);
                }
            }
            return names.isEmpty() ? null : String.join(", ", names) + (names.size() == 1 ? " has" : " have")
                    + " no pinned version; write " + names.get(0) + pin + "VERSION";
        });
    }

    private static List<Hit> addInsteadOfCopy(AuditInput in) {
        return each(in, ins -> {
            if (!ins.keyword().equals("ADD")) {
                return null;
            }
            String[] words = ins.withoutFlags().split("\\s+");
            if (words.length < 2 || words[0].startsWith("[")) {
                return null;
            }
            for (int i = 0; i < words.length - 1; i++) {
                String src = words[i];
                if (src.matches("(?i)https?://.*")) {
                    if (ins.flag("checksum") == null) {
                        return "ADD " + src + " downloads without checking what arrives; pin it with ADD --checksum=sha256:... "
                                + "or download and verify it in a RUN";
                    }
                } else if (!src.matches("(?i)git@.*|.*\\.git(#.*)?$") && !ARCHIVE.matcher(src).matches()) {
                    return "ADD " + src + " copies a file or folder; use COPY (ADD would also unpack it if it were an archive)";
                }
            }
            return null;
        });
    }

    private static List<Hit> pipefail(AuditInput in) {
        List<Hit> out = new ArrayList<>();
        Map<Integer, Boolean> shellPipefail = new HashMap<>();
        for (Instruction ins : in.dockerfile().instructions()) {
            if (ins.keyword().equals("SHELL")) {
                shellPipefail.put(ins.stage(), ins.args().contains("pipefail"));
            }
            if (!ins.keyword().equals("RUN") || ins.withoutFlags().startsWith("[")
                    || shellPipefail.getOrDefault(ins.stage(), false)) {
                continue;
            }
            String sh = QUOTED.matcher(ins.withoutFlags()).replaceAll("''");
            if (PIPE.matcher(sh).find() && !Pattern.compile("\\bset\\s+(-\\S+\\s+)*-[a-z]*o\\s+pipefail\\b").matcher(sh).find()) {
                out.add(new Hit(ins, "a pipe in RUN reports only its last command's failure; start with set -o pipefail && "
                        + "(bash, or busybox sh) or set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]"));
            }
        }
        return out;
    }

    private static List<Hit> npmInstallWithLockfile(AuditInput in) {
        List<Hit> out = new ArrayList<>();
        Map<Integer, Boolean> lock = new HashMap<>();
        Pattern lockfile = Pattern.compile("(^|\\s|/)(package-lock|npm-shrinkwrap)\\.json\\b|package\\*\\.json");
        Pattern install = Pattern.compile("\\bnpm\\s+(install|i)\\b(.*)");
        for (Instruction ins : in.dockerfile().instructions()) {
            if ((ins.keyword().equals("COPY") || ins.keyword().equals("ADD")) && lockfile.matcher(ins.withoutFlags()).find()) {
                lock.put(ins.stage(), true);
            }
            if (ins.keyword().equals("RUN") && lock.getOrDefault(ins.stage(), false)) {
                for (String part : ins.withoutFlags().split("&&|;|\\|\\|")) {
                    Matcher m = install.matcher(part);
                    if (m.find() && java.util.Arrays.stream(m.group(2).strip().split("\\s+"))
                            .allMatch(w -> w.isEmpty() || w.startsWith("-"))) {
                        out.add(new Hit(ins, "npm " + m.group(1) + " with the lockfile copied may install other versions "
                                + "than it records; use npm ci"));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static List<Hit> consecutiveRun(AuditInput in) {
        List<Hit> out = new ArrayList<>();
        Instruction previous = null;
        for (Instruction ins : in.dockerfile().instructions()) {
            if (ins.keyword().equals("RUN") && previous != null && previous.keyword().equals("RUN")
                    && previous.stage() == ins.stage() && flags(previous).equals(flags(ins))) {
                out.add(new Hit(ins, "this RUN follows the RUN on line " + previous.line() + " with the same mounts; "
                        + "join them with && unless they should cache apart"));
            }
            previous = ins;
        }
        return out;
    }

    private static String flags(Instruction ins) {
        return ins.args().substring(0, ins.args().length() - ins.withoutFlags().length()).strip();
    }

    /** Applies a per-instruction check; null means the instruction is fine. */
    private static List<Hit> each(AuditInput in, Function<Instruction, String> check) {
        List<Hit> out = new ArrayList<>();
        for (Instruction ins : in.dockerfile().instructions()) {
            String message = check.apply(ins);
            if (message != null) {
                out.add(new Hit(ins, message));
            }
        }
        return out;
    }

    private interface FromCheck {
        String check(Instruction ins, String image);
    }

    /** Applies a check to every FROM that names an image (not scratch, not an earlier stage), ARGs resolved. */
    private static List<Hit> froms(AuditInput in, FromCheck check) {
        Map<String, String> args = new HashMap<>();
        Set<String> stages = new HashSet<>();
        List<Hit> out = new ArrayList<>();
        for (Instruction ins : in.dockerfile().instructions()) {
            if (ins.keyword().equals("ARG") && ins.stage() < 0) {
                String[] kv = ins.args().split("=", 2);
                args.put(kv[0].strip(), kv.length > 1 ? kv[1].strip().replaceAll("^\"|\"$", "") : "");
            }
            if (!ins.keyword().equals("FROM")) {
                continue;
            }
            String[] words = ins.withoutFlags().split("\\s+");
            String image = resolve(words[0], args);
            if (words.length >= 3 && words[1].equalsIgnoreCase("AS")) {
                stages.add(words[2].toLowerCase(java.util.Locale.ROOT));
            }
            if (image.equalsIgnoreCase("scratch") || stages.contains(image.toLowerCase(java.util.Locale.ROOT))
                    && !(words.length >= 3 && words[2].equalsIgnoreCase(image))) {
                continue;
            }
            String message = check.check(ins, image);
            if (message != null) {
                out.add(new Hit(ins, message));
            }
        }
        return out;
    }

    private static String resolve(String value, Map<String, String> args) {
        Matcher m = VAR.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String v = args.getOrDefault(name, m.group(3) != null ? m.group(3) : "");
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String lastPart(String image) {
        return image.substring(image.lastIndexOf('/') + 1);
    }

    private static List<Hit> rootUser(AuditInput in) {
        ParsedDockerfile d = in.dockerfile();
        if (d.stageCount() == 0) {
            return List.of();
        }
        List<Instruction> last = d.stage(d.stageCount() - 1);
        Instruction user = null;
        for (Instruction ins : last) {
            if (ins.keyword().equals("USER")) {
                user = ins;
            }
        }
        if (user == null) {
            return List.of(new Hit(last.get(0), "the final stage never sets USER, so the program runs as root "
                    + "unless the base image says otherwise; add USER with a numeric non-root UID, e.g. USER 65532:65532"));
        }
        String name = user.args().split(":")[0].strip();
        return name.equals("root") || name.equals("0")
                ? List.of(new Hit(user, "the program runs as root; switch to a non-root user, e.g. USER 65532:65532"))
                : List.of();
    }

    private static List<Hit> buildToolsInFinal(AuditInput in) {
        ParsedDockerfile d = in.dockerfile();
        if (d.stageCount() == 0) {
            return List.of();
        }
        List<Instruction> last = d.stage(d.stageCount() - 1);
        Instruction from = last.get(0);
        String image = from.withoutFlags().split("\\s+")[0];
        if (TOOLCHAIN_IMAGE.matcher(image).find()) {
            return List.of(new Hit(from, "the final stage is based on the toolchain image " + image
                    + "; build in an earlier stage and COPY --from it onto a runtime base"));
        }
        for (Instruction ins : last) {
            if (ins.keyword().equals("RUN")) {
                Matcher m = COMPILE.matcher(ins.args());
                if (m.find()) {
                    return List.of(new Hit(ins, "the final stage builds (" + m.group(1).strip() + "), so its tools and "
                            + "sources stay in the image; build in an earlier stage and COPY --from it"));
                }
            }
        }
        return List.of();
    }

    private static List<Hit> copyBeforeInstall(AuditInput in) {
        List<Hit> out = new ArrayList<>();
        Instruction copyAll = null;
        boolean installed = false; // an install before the source: later ones (pruning) are fine
        int stage = -2;
        for (Instruction ins : in.dockerfile().instructions()) {
            if (ins.stage() != stage) {
                stage = ins.stage();
                copyAll = null;
                installed = false;
            }
            if ((ins.keyword().equals("COPY") || ins.keyword().equals("ADD")) && ins.flag("from") == null) {
                String[] words = ins.withoutFlags().split("\\s+");
                for (int i = 0; i < words.length - 1; i++) {
                    if (words[i].equals(".") || words[i].equals("./")) {
                        copyAll = ins;
                    }
                }
            }
            if (ins.keyword().equals("RUN") && INSTALL.matcher(ins.args()).find() && copyAll == null) {
                installed = true;
            }
            if (ins.keyword().equals("RUN") && copyAll != null && !installed) {
                Matcher m = INSTALL.matcher(ins.args());
                if (m.find()) {
                    out.add(new Hit(ins, "dependencies are installed (" + m.group(1) + ") after the whole source was "
                            + "copied (line " + copyAll.line() + "), so every source edit reinstalls them; copy the "
                            + "manifests and lockfile first, install, then copy the rest"));
                    copyAll = null;
                }
            }
        }
        return out;
    }

}
