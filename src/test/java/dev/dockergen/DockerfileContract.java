package dev.dockergen;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockergen.plan.IgnoreMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mechanical rules of shared/design/dockerfile-contract.md (BuildKit check names and hadolint rule ids
 * where a rule mirrors one), as one function: {@link DockerfileContractTest} applies them to every generated
 * fixture, the real-world runner ({@code dev.dockergen.realworld}) to the files generated for real repositories.
 */
public final class DockerfileContract {
    private static final Pattern FROM = Pattern.compile("^FROM (--platform=\\S+ )?(\\S+) AS ([a-z][a-z0-9-]*)$");
    /** A variable the shell or the builder expands; `\$name` is an escaped, literal dollar sign. */
    private static final Pattern VAR = Pattern.compile("(?<!\\\\)\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> AUTOMATIC_ARGS = Set.of("BUILDPLATFORM", "TARGETPLATFORM");

    private DockerfileContract() {
    }

    /** Every rule the Dockerfile breaks, in file order, then the whole-file rules; empty when it meets the contract. */
    public static List<String> violations(String dockerfile, IgnoreMatcher ignore, boolean hasPort) {
        List<String> v = new ArrayList<>();
        List<String> lines = joinContinuations(dockerfile.lines().toList());
        if (!dockerfile.startsWith("# syntax=docker/dockerfile:1\n")) {
            v.add("first line must be the syntax directive");
        }
        Set<String> globalArgs = new HashSet<>();
        Set<String> stageArgs = new HashSet<>();
        Set<String> stages = new HashSet<>();
        String lastUser = null;
        int stageCount = 0;
        boolean sourceCopied = false;
        boolean dependenciesInstalled = false;
        boolean expose = false;
        String previous = "";
        for (String line : lines) {
            String word = line.split(" ", 2)[0];
            if ((word.equals("FROM") || word.equals("ARG")) && previous.startsWith("#") && !previous.startsWith("# syntax")) {
                v.add("a comment needs a blank line before " + line);
            }
            if (!line.isEmpty()) {
                previous = line;
            } else {
                previous = "";
            }
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (!word.equals(word.toUpperCase())) {
                v.add("instruction not upper case (ConsistentInstructionCasing): " + line);
            }
            switch (word) {
                case "ARG" -> (stageCount == 0 ? globalArgs : stageArgs).add(line.substring(4).split("=")[0]);
                case "FROM" -> {
                    Matcher m = FROM.matcher(line);
                    if (!m.matches()) {
                        v.add("FROM must read FROM [--platform=...] image AS lower-case-name (FromAsCasing, StageNameCasing): " + line);
                        continue;
                    }
                    String image = m.group(2);
                    Matcher var = VAR.matcher(line);
                    while (var.find()) {
                        if (!globalArgs.contains(var.group(1)) && !AUTOMATIC_ARGS.contains(var.group(1))) {
                            v.add("UndefinedArgInFrom: " + var.group(1));
                        }
                    }
                    if (!image.equals("scratch") && !stages.contains(image)
                            && (!image.contains(":") || image.endsWith(":latest"))) {
                        v.add("base image must carry a tag other than latest (DL3006, DL3007): " + image);
                    }
                    if (!stages.add(m.group(3))) {
                        v.add("DuplicateStageName: " + m.group(3));
                    }
                    stageArgs.clear();
                    stageCount++;
                    lastUser = null;
                    // per stage: a stage that copies the tree to keep its build files does not touch this stage's layers
                    sourceCopied = false;
                }
                case "RUN" -> {
                    Matcher var = VAR.matcher(line);
                    while (var.find()) {
                        if (!stageArgs.contains(var.group(1)) && !line.contains(var.group(1) + "=")) {
                            v.add("UndefinedVar: $" + var.group(1) + " in " + line);
                        }
                    }
                    if (line.contains("go mod download") || line.contains("go build") || line.matches(".*\\b(mvn|mvnw|gradle|gradlew)\\b.*")) {
                        if (!line.contains("--mount=type=cache,target=")) {
                            v.add("package-manager work needs a cache mount: " + line);
                        }
                    }
                    if (line.contains("go mod download") || line.contains(":go-offline") || line.contains(" dependencies")) {
                        dependenciesInstalled = true;
                        if (sourceCopied) {
                            v.add("dependencies must be installed before the source is copied: " + line);
                        }
                    }
                    if (line.matches(".*\\b(pip3? install|uv sync|poetry install|pdm sync|pipenv requirements)\\b.*")
                            && !line.contains("--mount=type=cache,target=") && !line.contains("--no-cache-dir")) {
                        v.add("package-manager work needs a cache mount (DL3042): " + line);
                    }
                    if (line.contains("apt-get install") && (!line.contains("-y --no-install-recommends")
                            || !line.contains("rm -rf /var/lib/apt/lists/*"))) {
                        v.add("DL3015/DL3009: apt-get install without --no-install-recommends and list cleanup: " + line);
                    }
                    if (line.contains("apk add") && !line.contains("--no-cache")) {
                        v.add("DL3019: apk add without --no-cache");
                    }
                    if (line.contains("<<") || line.contains("--network")) {
                        v.add("syntax older builders reject: " + line);
                    }
                }
                case "COPY" -> {
                    if (line.contains("--link") || line.contains("--exclude") || line.contains("--parents")) {
                        v.add("syntax older builders reject: " + line);
                    }
                    if (!line.contains("--from=")) {
                        String[] parts = line.split(" ");
                        for (int i = 1; i < parts.length - 1; i++) {
                            String src = parts[i].replaceFirst("^\\./", "");
                            if (src.equals(".")) {
                                sourceCopied = true;
                            } else if (ignore.ignores(src)) {
                                v.add("CopyIgnoredFile: " + src);
                            }
                        }
                    }
                }
                case "USER" -> lastUser = line.substring(5);
                case "EXPOSE" -> expose = true;
                case "ENTRYPOINT", "CMD" -> {
                    try {
                        new ObjectMapper().readTree(line.substring(word.length() + 1)).elements();
                        if (!line.substring(word.length() + 1).startsWith("[")) {
                            v.add("JSONArgsRecommended: " + line);
                        }
                    } catch (Exception e) {
                        v.add("JSONArgsRecommended: " + line);
                    }
                }
                case "ENV" -> {
                    if (!line.matches("ENV [A-Z_][A-Z0-9_]*=\\S+")) {
                        v.add("LegacyKeyValueFormat: " + line);
                    }
                    if (line.matches("(?i).*(token|secret|password|passwd|api_key).*")) {
                        v.add("SecretsUsedInArgOrEnv: " + line);
                    }
                }
                case "WORKDIR" -> {
                    if (!line.substring(8).startsWith("/")) {
                        v.add("WorkdirRelativePath: " + line);
                    }
                }
                default -> {
                    // other instructions have no mechanical rule here
                }
            }
        }
        if (stageCount < 2) {
            v.add("must be multi-stage");
        }
        if (lastUser == null || !lastUser.matches("[1-9][0-9]*:[1-9][0-9]*")) {
            v.add("the final stage must end as a numeric non-root USER (DL3002): " + lastUser);
        }
        if (expose != hasPort) {
            v.add("EXPOSE must be there exactly when a port was detected");
        }
        if (!dependenciesInstalled && dockerfile.contains("COPY go.mod")) {
            v.add("go.mod is copied but modules are not downloaded before the source");
        }
        return v;
    }

    /** Folds backslash-continued lines into one, as the builder reads them. */
    public static List<String> joinContinuations(List<String> raw) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : raw) {
            if (current != null) {
                current.append(' ').append(line.strip());
            } else if (!line.startsWith("#")) {
                current = new StringBuilder(line);
            } else {
                out.add(line);
                continue;
            }
            if (current.toString().endsWith("\\")) {
                current.setLength(current.length() - 1);
            } else {
                out.add(current.toString().replaceAll("\\s+", " ").strip());
                current = null;
            }
        }
        return out;
    }
}
