package dev.dockergen.audit;

import static dev.dockergen.audit.Checks.BUILD_CHECKS;
import static dev.dockergen.audit.Checks.each;
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
 * The rules of shared/design/dockerfile-contract.md that hadolint has no DL id for: multi-stage builds, the ignore
 * file, cache-friendly layer order, the syntax line, and BuildKit's own checks (secrets in ARG/ENV, ENV's form).
 */
final class ContractRules {
    static final Rule BUILD_TOOLS_IN_FINAL_IMAGE = rule("build-tools-in-final-image", Severity.warning,
            "The final stage holds only runtime artefacts: no compiler or build tool (multi-stage build).",
            ContractRules::buildToolsInFinal)
            .help("Compilers, package managers and sources in the final image make it larger and give an attacker "
                    + "tools. Build in an earlier stage and COPY --from it only what runs.",
                    "https://docs.docker.com/build/building/multi-stage/");
    static final Rule MISSING_DOCKERIGNORE = rule("missing-dockerignore", Severity.warning,
            "A .dockerignore keeps VCS data, build output and secrets out of the build context.",
            in -> in.hasDockerignore() ? List.of() : List.of(new Hit(null,
                    "no .dockerignore beside this Dockerfile: .git, local builds and secrets go to the builder; "
                            + "add one (dockergen init writes one)")))
            .help("Without a .dockerignore (or Dockerfile.dockerignore beside a Dockerfile built with -f) the "
                    + "whole directory goes to the builder, .git, .env files and keys included, and COPY . . puts "
                    + "them in the image.", "https://docs.docker.com/build/concepts/context/#dockerignore-files")
            .security("4.0");
    static final Rule SECRET_IN_ARG_ENV = rule("secret-in-arg-env", Severity.error,
            "Secrets never go in ARG or ENV; they stay in the image (BuildKit SecretsUsedInArgOrEnv).",
            in -> each(in, ins -> (ins.keyword().equals("ARG") || ins.keyword().equals("ENV"))
                    && ContractRules.SECRET.matcher(ins.args().split("[=\\s]")[0]).matches()
                    ? ins.keyword() + " " + ins.args().split("[=\\s]")[0] + " looks like a secret and stays in the "
                    + "image history; use RUN --mount=type=secret" : null))
            .help("ARG and ENV values are stored in the image's history and configuration, where anyone who can "
                    + "pull the image reads them. Pass secrets with RUN --mount=type=secret and docker build --secret.",
                    BUILD_CHECKS + "secrets-used-in-arg-or-env/").security("8.0");
    static final Rule COPY_BEFORE_INSTALL = rule("copy-before-install", Severity.warning,
            "Manifests are copied and dependencies installed before the source, so source edits reuse the install layer.",
            ContractRules::copyBeforeInstall)
            .help("Layers are cached until something they depend on changes. Copy the manifests and lockfile, "
                    + "install, then copy the source: editing a source file then reuses the dependency layer.",
                    "https://docs.docker.com/build/cache/optimize/");
    static final Rule LEGACY_ENV_FORMAT = rule("legacy-env-format", Severity.warning, "ENV uses key=value (BuildKit LegacyKeyValueFormat).",
            in -> each(in, ins -> ins.keyword().equals("ENV") && !ins.args().split("\\s+")[0].contains("=")
                    ? "ENV key value is the legacy form; write ENV " + ins.args().split("\\s+")[0] + "=..." : null))
            .help("ENV key value sets one variable to the rest of the line, spaces included; key=value is "
                    + "unambiguous and sets several.", BUILD_CHECKS + "legacy-key-value-format/");
    static final Rule MISSING_SYNTAX_DIRECTIVE = rule("missing-syntax-directive", Severity.info,
            "The file starts with # syntax=docker/dockerfile:1, so builders use the current Dockerfile frontend.",
            in -> in.dockerfile().directives().stream().anyMatch(d -> d.startsWith("syntax")) ? List.of()
                    : List.of(new Hit(null, "no # syntax=docker/dockerfile:1 line; add it as the first line")))
            .help("Cache and secret mounts, heredocs and other current features need the Dockerfile frontend "
                    + "the syntax line names; without it the builder's bundled one is used.",
                    "https://docs.docker.com/build/buildkit/frontend/");
    static final Rule APT_UPDATE_ALONE = rule("apt-update-alone", Severity.warning, "apt-get update runs in the same RUN as the apt-get install it serves.",
            in -> runs(in, (ins, sh) -> sh.contains("apt-get update") && !sh.contains("apt-get install")
                    && !sh.contains("apt-get upgrade") && !sh.contains("apt-get dist-upgrade")
                    ? "apt-get update alone in a RUN is cached as its own layer, so a later install uses stale "
                    + "lists and fails or installs old versions; run it with the install: apt-get update && "
                    + "apt-get install ..." : null))
            .help("Docker caches each RUN: an update in its own layer is reused for months while the install "
                    + "after it changes.", "https://docs.docker.com/build/building/best-practices/#apt-get");
    static final Rule NPM_INSTALL_WITH_LOCKFILE = rule("npm-install-with-lockfile", Severity.warning,
            "With a package-lock.json, dependencies install with npm ci.",
            ContractRules::npmInstallWithLockfile)
            .help("npm install may change the lockfile and install other versions than it records; npm ci "
                    + "installs exactly the locked tree and fails when package.json and the lockfile disagree.",
                    "https://docs.npmjs.com/cli/commands/npm-ci");

    private static final Pattern SECRET = Pattern.compile("(?i).*(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_KEY).*");
    private static final Pattern INSTALL = Pattern.compile("\\b(npm (ci|install|i)\\b|yarn install\\b|yarn(?=\\s*($|&&|;))|pnpm install|"
            + "pip3? install|poetry install|pipenv install|uv sync|go mod download|mvn\\b.*dependency:|bundle install|"
            + "composer install|cargo fetch)");
    private static final Pattern COMPILE = Pattern.compile("\\b(go build|mvn |gradle |\\./gradlew|cargo build|gcc |make\\b|"
            + "npm run build|javac )");
    private static final Pattern TOOLCHAIN_IMAGE = Pattern.compile(
            "(?i)(^|/)(golang|maven|gradle|gcc|rust|buildpack-deps)(:|@|$)|(^|/)(eclipse-temurin|openjdk|amazoncorretto):[^@]*jdk");
    private ContractRules() {
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
}
