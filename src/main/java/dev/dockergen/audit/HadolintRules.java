package dev.dockergen.audit;

import static dev.dockergen.audit.Checks.HADOLINT;
import static dev.dockergen.audit.Checks.each;
import static dev.dockergen.audit.Checks.froms;
import static dev.dockergen.audit.Checks.repeated;
import static dev.dockergen.audit.Checks.rule;
import static dev.dockergen.audit.Checks.runs;

import dev.dockergen.audit.Checks.Hit;
import dev.dockergen.audit.Finding.Severity;
import dev.dockergen.audit.ParsedDockerfile.Instruction;
import dev.dockergen.audit.Rule.AuditInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules hadolint also has, each with its DL id in the description and its wiki page as help: base image tags,
 * the user, command form, package manager hygiene, shell habits, repeated instructions.
 */
final class HadolintRules {
    static final Rule LATEST_TAG = rule("latest-tag", Severity.error, "Base images carry a fixed tag, never latest (hadolint DL3007).",
            in -> froms(in, (ins, image) -> image.endsWith(":latest") || image.contains(":latest@")
                    ? image + " uses the moving tag latest; pin a version tag (and a digest)" : null))
            .help("latest changes under you: the same Dockerfile builds a different image tomorrow, and a "
                    + "rebuild can pull in breaking changes or a compromised image. Pin a version tag, and a "
                    + "digest where supply chain matters.", HADOLINT + "DL3007").security("5.0");
    static final Rule UNTAGGED_IMAGE = rule("untagged-image", Severity.error, "Base images name a tag or digest (hadolint DL3006).",
            in -> froms(in, (ins, image) -> !image.contains("@") && !Checks.lastPart(image).contains(":")
                    ? image + " has no tag, so it means latest; pin a version tag" : null))
            .help("An image without a tag is the latest tag: see latest-tag.", HADOLINT + "DL3006").security("5.0");
    static final Rule ROOT_USER = rule("root-user", Severity.error, "The final stage switches to a non-root user (hadolint DL3002).",
            HadolintRules::rootUser)
            .help("A process running as root in the container is root on the host's kernel: an escape or a "
                    + "mounted volume gives it the host. End the final stage with USER and a numeric non-root "
                    + "UID, e.g. USER 65532:65532.", HADOLINT + "DL3002").security("7.0");
    static final Rule SHELL_FORM_COMMAND = rule("shell-form-command", Severity.warning,
            "CMD and ENTRYPOINT use the exec (JSON array) form, so signals reach the program (hadolint DL3025, BuildKit JSONArgsRecommended).",
            in -> each(in, ins -> (ins.keyword().equals("CMD") || ins.keyword().equals("ENTRYPOINT"))
                    && !ins.args().startsWith("[")
                    ? ins.keyword() + " in shell form runs under /bin/sh, which does not forward signals; "
                    + "write it as a JSON array, e.g. " + ins.keyword() + " [\"/app\"]" : null))
            .help("In shell form the program runs under /bin/sh -c, which does not pass SIGTERM on: docker stop "
                    + "waits and kills it. The JSON array form runs the program itself as PID 1.",
                    HADOLINT + "DL3025");
    static final Rule APT_WITHOUT_CLEANUP = rule("apt-without-cleanup", Severity.warning,
            "apt-get install removes /var/lib/apt/lists or uses a cache mount (hadolint DL3009).",
            in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().contains("apt-get install")
                    && !ins.args().contains("rm -rf /var/lib/apt/lists") && !ins.args().contains("target=/var/lib/apt")
                    ? "apt-get install leaves the package lists in the layer; end with && rm -rf /var/lib/apt/lists/* "
                    + "or mount a cache on /var/lib/apt" : null))
            .help("The package lists apt-get update fetches are tens of megabytes nobody uses at run time.",
                    HADOLINT + "DL3009");
    static final Rule APT_RECOMMENDS = rule("apt-recommends", Severity.info, "apt-get install uses -y --no-install-recommends (hadolint DL3015).",
            in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().contains("apt-get install")
                    && !ins.args().contains("--no-install-recommends")
                    ? "apt-get install pulls in recommended packages; add --no-install-recommends" : null))
            .help("Recommended packages are rarely needed in an image and often large.", HADOLINT + "DL3015");
    static final Rule APK_WITHOUT_NO_CACHE = rule("apk-without-no-cache", Severity.warning, "apk add uses --no-cache or a cache mount (hadolint DL3019).",
            in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().contains("apk add")
                    && !ins.args().contains("--no-cache") && !ins.args().contains("target=/var/cache/apk")
                    ? "apk add keeps its index in the layer; use apk add --no-cache" : null))
            .help("Without --no-cache, apk keeps its package index in the layer.", HADOLINT + "DL3019");
    static final Rule PIP_WITHOUT_NO_CACHE = rule("pip-without-no-cache", Severity.warning,
            "pip install uses --no-cache-dir or a cache mount (hadolint DL3042).",
            in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().matches(".*\\bpip3? install.*")
                    && !ins.args().contains("--no-cache-dir") && !ins.args().contains("target=/root/.cache/pip")
                    ? "pip install keeps its download cache in the layer; add --no-cache-dir or mount a cache on /root/.cache/pip"
                    : null))
            .help("pip keeps every downloaded wheel in /root/.cache/pip, in the layer.", HADOLINT + "DL3042");
    static final Rule WORKDIR_RELATIVE = rule("workdir-relative", Severity.warning,
            "WORKDIR is an absolute path (hadolint DL3000, BuildKit WorkdirRelativePath).",
            in -> each(in, ins -> ins.keyword().equals("WORKDIR") && !ins.args().startsWith("/") && !ins.args().startsWith("$")
                    ? "WORKDIR " + ins.args() + " depends on the previous WORKDIR; use an absolute path" : null))
            .help("A relative WORKDIR depends on the one before it, which may come from the base image.",
                    HADOLINT + "DL3000");
    static final Rule ADD_INSTEAD_OF_COPY = rule("add-instead-of-copy", Severity.error,
            "COPY for files and folders; ADD only to unpack a local archive or fetch a URL pinned by --checksum (hadolint DL3020).",
            HadolintRules::addInsteadOfCopy)
            .help("ADD also unpacks archives and downloads URLs, so what it does depends on what the source is. "
                    + "COPY copies files and nothing else. A URL fetched by ADD without --checksum is not "
                    + "verified: pin it with ADD --checksum=sha256:..., or download and check it in a RUN.",
                    HADOLINT + "DL3020").security("5.0");
    static final Rule MAINTAINER = rule("maintainer", Severity.error, "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors (hadolint DL4000).",
            in -> each(in, ins -> ins.keyword().equals("MAINTAINER")
                    ? "MAINTAINER is deprecated; write LABEL org.opencontainers.image.authors=\"" + ins.args() + "\"" : null))
            .help("MAINTAINER has been deprecated since Docker 1.13; the OCI label says the same and tools read it.",
                    HADOLINT + "DL4000");
    static final Rule SUDO = rule("sudo", Severity.error, "RUN does not use sudo; switch USER instead (hadolint DL3004).",
            in -> runs(in, (ins, sh) -> Pattern.compile("(^|[;&|(]\\s*)sudo\\b").matcher(sh).find()
                    ? "sudo in a RUN: build steps already run as the current USER; put USER root before the "
                    + "step and USER back after it, and keep sudo out of the image" : null))
            .help("sudo adds a setuid binary and unpredictable TTY and signal behaviour; a build step that needs "
                    + "root runs under USER root.", HADOLINT + "DL3004").security("6.0");
    static final Rule CD_IN_RUN = rule("cd-in-run", Severity.warning, "WORKDIR, not cd in RUN, changes the directory (hadolint DL3003).",
            in -> runs(in, (ins, sh) -> Pattern.compile("(^|[;&|(]\\s*)cd\\s").matcher(sh).find()
                    ? "cd in a RUN lasts only for that RUN and hides where later steps run; use WORKDIR" : null))
            .help("WORKDIR sets the directory for every later instruction and is visible in the image config; "
                    + "cd affects only the RUN it is in.", HADOLINT + "DL3003");
    static final Rule PIPEFAIL = rule("pipefail", Severity.warning,
            "A RUN with a pipe sets -o pipefail, so a failing first command fails the build (hadolint DL4006).",
            HadolintRules::pipefail)
            .help("A pipeline's status is its last command's: wget URL | tar x succeeds when the download fails. "
                    + "Start the RUN with set -o pipefail && (or set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", "
                    + "\"-c\"] before it).", HADOLINT + "DL4006");
    static final Rule EXPOSE_PORT_RANGE = rule("expose-port-range", Severity.error, "EXPOSE names ports from 0 to 65535 (hadolint DL3011).",
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
            .help("A port above 65535 does not exist; the build or the run fails.", HADOLINT + "DL3011");
    static final Rule MULTIPLE_HEALTHCHECK = rule("multiple-healthcheck", Severity.error, "A stage has at most one HEALTHCHECK (hadolint DL3012).",
            in -> repeated(in, "HEALTHCHECK"))
            .help("Only the last HEALTHCHECK of a stage counts; the others mislead the reader.", HADOLINT + "DL3012");
    static final Rule MULTIPLE_CMD = rule("multiple-cmd", Severity.warning, "A stage has at most one CMD (hadolint DL4003).",
            in -> repeated(in, "CMD"))
            .help("Only the last CMD of a stage counts; the others mislead the reader.", HADOLINT + "DL4003");
    static final Rule MULTIPLE_ENTRYPOINT = rule("multiple-entrypoint", Severity.error, "A stage has at most one ENTRYPOINT (hadolint DL4004).",
            in -> repeated(in, "ENTRYPOINT"))
            .help("Only the last ENTRYPOINT of a stage counts; the others mislead the reader.", HADOLINT + "DL4004");
    static final Rule UNPINNED_APT_PACKAGE = rule("unpinned-apt-package", Severity.info,
            "apt-get install pins package versions, pkg=version (hadolint DL3008).",
            in -> unpinned(in, Pattern.compile("\\bapt-get\\s+(?:\\S+\\s+)*?install\\s+(.*)"), "="))
            .help("Unpinned packages install whatever the mirror has on build day. Pinning distro packages "
                    + "trades that for builds that break when the mirror drops the version; a pinned base image "
                    + "release is the usual middle ground, hence info.", HADOLINT + "DL3008");
    static final Rule UNPINNED_APK_PACKAGE = rule("unpinned-apk-package", Severity.info, "apk add pins package versions, pkg=version (hadolint DL3018).",
            in -> unpinned(in, Pattern.compile("\\bapk\\s+add\\s+(.*)"), "="))
            .help("As unpinned-apt-package, for Alpine's apk.", HADOLINT + "DL3018");
    static final Rule UNPINNED_PIP_PACKAGE = rule("unpinned-pip-package", Severity.info,
            "pip install pins versions, pkg==version, or installs from a requirements file or lockfile (hadolint DL3013).",
            in -> unpinned(in, Pattern.compile("\\bpip3?\\s+install\\s+(.*)"), "=="))
            .help("pip install NAME takes the newest release on build day; pin it, or install from a "
                    + "requirements file or lockfile.", HADOLINT + "DL3013");
    static final Rule UNPINNED_NPM_PACKAGE = rule("unpinned-npm-package", Severity.info,
            "npm install of a named package pins its version, pkg@version (hadolint DL3016).",
            in -> unpinned(in, Pattern.compile("\\bnpm\\s+(?:install|i|add)\\s+(.*)"), "@"))
            .help("npm install NAME takes the newest release on build day; pin it with NAME@version.",
                    HADOLINT + "DL3016");
    static final Rule APT_UPGRADE = rule("apt-upgrade", Severity.warning,
            "No apt-get upgrade or dist-upgrade in an image; update the base image instead (hadolint DL3005).",
            in -> runs(in, (ins, sh) -> Pattern.compile("\\bapt(-get)?\\s+(?:\\S+\\s+)*?(dist-)?upgrade\\b").matcher(sh).find()
                    ? "apt-get upgrade makes the image depend on the build day; use a newer base image tag "
                    + "(or its digest) instead" : null))
            .help("Upgrading in the image hides which packages it holds and differs on every build; the base "
                    + "image's maintainers ship the upgrades.", HADOLINT + "DL3005");
    static final Rule CONSECUTIVE_RUN = rule("consecutive-run", Severity.info, "Consecutive RUNs with the same mounts are one RUN (hadolint DL3059).",
            HadolintRules::consecutiveRun)
            .help("Each RUN is a layer; steps that always change together can share one. Separate RUNs are "
                    + "fine when they cache differently.", HADOLINT + "DL3059");

    /** A pipe between commands: one | that is not part of || (quoted text removed first). */
    private static final Pattern PIPE = Pattern.compile("(?<!\\|)\\|(?!\\|)");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(tar|tar\\.(gz|bz2|xz|zst)|tgz|tbz2?|txz)$");
    private HadolintRules() {
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
}
