package dev.dockergen.plan;

import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.plan.Instruction.Directive;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.preset.ImageSpec;
import java.util.List;
import java.util.Locale;

/**
 * tini as PID 1 in front of a runtime that does not act as an init. A process that is PID 1 gets no default signal
 * actions, so an interpreter without its own SIGTERM handler ignores docker stop until the 10-second kill; tini
 * forwards the signal (the program then ends with 143, or 0 where it handles it) and reaps zombies.
 *
 * <ul>
 *   <li>a runtime with a shell and apk (Alpine): {@code apk add --no-cache tini}, {@code /sbin/tini};</li>
 *   <li>one with a shell and apt (Debian): {@code apt-get install tini}, {@code /usr/bin/tini};</li>
 *   <li>one without a shell (distroless): Debian's static {@code tini-static}, installed in a stage of its own on the
 *       build image where that is Debian, copied in as {@code /usr/bin/tini};</li>
 *   <li>anything else: no init, and a comment naming {@code docker run --init}.</li>
 * </ul>
 *
 * @param stage the stage that fetches tini, placed before the runtime stage, or null
 * @param runtime instructions for the start of the runtime stage (install or copy), empty without tini
 * @param prefix words to put in front of the ENTRYPOINT, empty without tini
 * @param note the comment line about PID 1 for the start command
 */
public record InitProcess(Stage stage, List<Instruction> runtime, List<String> prefix, String note) {
    /** The stage name for the static init. */
    public static final String STAGE = "init";
    private static final String STATIC = "/usr/bin/tini-static";
    private static final String PATH_APK = "/sbin/tini";
    private static final String PATH_APT = "/usr/bin/tini";
    private static final String APT_INSTALL = "apt-get update && apt-get install -y --no-install-recommends tini"
            + " && rm -rf /var/lib/apt/lists/*";

    public InitProcess {
        runtime = List.copyOf(runtime);
        prefix = List.copyOf(prefix);
    }

    /**
     * @param program what runs as the child ("node", "python3")
     * @param buildImage the build image as the FROM line writes it (ARGs in place), for the static init's stage
     */
    public static InitProcess choose(String program, ImageSpec build, String buildImage, ImageSpec runtime) {
        String why = program + " would be PID 1, which ignores SIGTERM unless the program handles it (docker stop";
        String tool = tool(runtime);
        String note = "tini is PID 1 and forwards SIGTERM to " + program + ".";
        if (runtime.shell() && "apk".equals(tool)) {
            return new InitProcess(null, List.of(Comment.of(why, "would wait 10 s, then kill it): tini runs as PID 1 instead,"
                    + " forwards signals", "and reaps zombies. Its version follows the base image's Alpine release."),
                    new Directive("hadolint ignore=DL3018"), new Run(List.of(), List.of("apk add --no-cache tini"))),
                    List.of(PATH_APK, "--"), note);
        }
        if (runtime.shell() && "apt".equals(tool)) {
            return new InitProcess(null, List.of(Comment.of(why, "would wait 10 s, then kill it): tini runs as PID 1 instead,"
                    + " forwards signals", "and reaps zombies. Its version follows the base image's Debian release."),
                    new Directive("hadolint ignore=DL3008"), new Run(List.of(), List.of(APT_INSTALL))),
                    List.of(PATH_APT, "--"), note);
        }
        if (!runtime.shell() && "apt".equals(tool(build))) {
            Stage stage = new Stage(List.of("Init stage: Debian's tini package, for its static binary (tini-static needs no C library and",
                    "no shell, so it runs on the shell-less final). Its version follows the base image's Debian release."),
                    null, buildImage, STAGE, List.of(new Directive("hadolint ignore=DL3008"),
                            new Run(List.of(), List.of(APT_INSTALL))));
            return new InitProcess(stage, List.of(Comment.of(why, "would wait 10 s, then kill it): the static tini runs as"
                    + " PID 1 instead,", "forwards signals and reaps zombies."), new Copy(STAGE, List.of(STATIC), PATH_APT)),
                    List.of(PATH_APT, "--"), note);
        }
        return new InitProcess(null, List.of(), List.of(), program + " is PID 1: it stops promptly on SIGTERM only if the program"
                + " handles it; run the container with docker run --init to put an init in front.");
    }

    /** Whether tini is in the image. */
    public boolean present() {
        return !prefix.isEmpty();
    }

    /** The image's package tool: the preset's, else what its name says (an alpine tag, a Debian release or slim tag). */
    static String tool(ImageSpec image) {
        if (image.packageTool() != null) {
            return image.packageTool();
        }
        String ref = image.image().toLowerCase(Locale.ROOT);
        String tag = ref.substring(ref.lastIndexOf('/') + 1);
        if (tag.contains("alpine")) {
            return "apk";
        }
        if (tag.matches(".*\\b(debian|ubuntu|bookworm|trixie|bullseye|slim)\\b.*")) {
            return "apt";
        }
        return null;
    }
}
