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

    /** Every rule, in report order. */
    public static List<Rule> all() {
        return List.of(
                rule("latest-tag", Severity.error, "Base images carry a fixed tag, never latest (hadolint DL3007).",
                        in -> froms(in, (ins, image) -> image.endsWith(":latest") || image.contains(":latest@")
                                ? image + " uses the moving tag latest; pin a version tag (and a digest)" : null)),
                rule("untagged-image", Severity.error, "Base images name a tag or digest (hadolint DL3006).",
                        in -> froms(in, (ins, image) -> !image.contains("@") && !lastPart(image).contains(":")
                                ? image + " has no tag, so it means latest; pin a version tag" : null)),
                rule("root-user", Severity.error, "The final stage switches to a non-root user (hadolint DL3002).",
                        Rules::rootUser),
                rule("shell-form-command", Severity.warning,
                        "CMD and ENTRYPOINT use the exec (JSON array) form, so signals reach the program (BuildKit JSONArgsRecommended).",
                        in -> each(in, ins -> (ins.keyword().equals("CMD") || ins.keyword().equals("ENTRYPOINT"))
                                && !ins.args().startsWith("[")
                                ? ins.keyword() + " in shell form runs under /bin/sh, which does not forward signals; "
                                + "write it as a JSON array, e.g. " + ins.keyword() + " [\"/app\"]" : null)),
                rule("build-tools-in-final-image", Severity.warning,
                        "The final stage holds only runtime artefacts: no compiler or build tool (multi-stage build).",
                        Rules::buildToolsInFinal),
                rule("missing-dockerignore", Severity.warning,
                        "A .dockerignore keeps VCS data, build output and secrets out of the build context.",
                        in -> in.hasDockerignore() ? List.of() : List.of(new Hit(null,
                                "no .dockerignore beside this Dockerfile: .git, local builds and secrets go to the builder; "
                                        + "add one (dockergen init writes one)"))),
                rule("secret-in-arg-env", Severity.error,
                        "Secrets never go in ARG or ENV; they stay in the image (BuildKit SecretsUsedInArgOrEnv).",
                        in -> each(in, ins -> (ins.keyword().equals("ARG") || ins.keyword().equals("ENV"))
                                && SECRET.matcher(ins.args().split("[=\\s]")[0]).matches()
                                ? ins.keyword() + " " + ins.args().split("[=\\s]")[0] + " looks like a secret and stays in the "
                                + "image history; use RUN --mount=type=secret" : null)),
                rule("copy-before-install", Severity.warning,
                        "Manifests are copied and dependencies installed before the source, so source edits reuse the install layer.",
                        Rules::copyBeforeInstall),
                rule("apt-without-cleanup", Severity.warning,
                        "apt-get install removes /var/lib/apt/lists or uses a cache mount (hadolint DL3009).",
                        in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().contains("apt-get install")
                                && !ins.args().contains("rm -rf /var/lib/apt/lists") && !ins.args().contains("target=/var/lib/apt")
                                ? "apt-get install leaves the package lists in the layer; end with && rm -rf /var/lib/apt/lists/* "
                                + "or mount a cache on /var/lib/apt" : null)),
                rule("apt-recommends", Severity.info, "apt-get install uses -y --no-install-recommends (hadolint DL3015).",
                        in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().contains("apt-get install")
                                && !ins.args().contains("--no-install-recommends")
                                ? "apt-get install pulls in recommended packages; add --no-install-recommends" : null)),
                rule("apk-without-no-cache", Severity.warning, "apk add uses --no-cache or a cache mount (hadolint DL3019).",
                        in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().contains("apk add")
                                && !ins.args().contains("--no-cache") && !ins.args().contains("target=/var/cache/apk")
                                ? "apk add keeps its index in the layer; use apk add --no-cache" : null)),
                rule("pip-without-no-cache", Severity.warning, "pip install uses --no-cache-dir or a cache mount (hadolint DL3042).",
                        in -> each(in, ins -> ins.keyword().equals("RUN") && ins.args().matches(".*\\bpip3? install.*")
                                && !ins.args().contains("--no-cache-dir") && !ins.args().contains("target=/root/.cache/pip")
                                ? "pip install keeps its download cache in the layer; add --no-cache-dir or mount a cache on /root/.cache/pip"
                                : null)),
                rule("workdir-relative", Severity.warning, "WORKDIR is an absolute path (BuildKit WorkdirRelativePath).",
                        in -> each(in, ins -> ins.keyword().equals("WORKDIR") && !ins.args().startsWith("/") && !ins.args().startsWith("$")
                                ? "WORKDIR " + ins.args() + " depends on the previous WORKDIR; use an absolute path" : null)),
                rule("legacy-env-format", Severity.warning, "ENV uses key=value (BuildKit LegacyKeyValueFormat).",
                        in -> each(in, ins -> ins.keyword().equals("ENV") && !ins.args().split("\\s+")[0].contains("=")
                                ? "ENV key value is the legacy form; write ENV " + ins.args().split("\\s+")[0] + "=..." : null)),
                rule("missing-syntax-directive", Severity.info,
                        "The file starts with # syntax=docker/dockerfile:1, so builders use the current Dockerfile frontend.",
                        in -> in.dockerfile().directives().stream().anyMatch(d -> d.startsWith("syntax")) ? List.of()
                                : List.of(new Hit(null, "no # syntax=docker/dockerfile:1 line; add it as the first line"))));
    }

    private static Rule rule(String id, Severity severity, String description, Function<AuditInput, List<Hit>> check) {
        return new Rule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Severity severity() {
                return severity;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public List<Finding> check(AuditInput input) {
                return check.apply(input).stream().map(h -> input.at(this, h.at(), h.message())).toList();
            }
        };
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
