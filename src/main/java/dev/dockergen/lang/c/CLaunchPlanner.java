package dev.dockergen.lang.c;

import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.plan.Instruction.Entrypoint;
import dev.dockergen.preset.ImageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The start of the program in the runtime stage ({@link CLaunch}): the entrypoint with the arguments that keep it in
 * the foreground, and for a server that runs a command it is given, a shell to run. A final without one (distroless,
 * scratch) gets the static busybox of the Debian build stage as /bin/sh: Debian's busybox-static needs no library.
 */
final class CLaunchPlanner {
    private static final String BUSYBOX_PACKAGE = "busybox-static";
    private static final String BUSYBOX = "/usr/bin/busybox";
    private static final String SHELL = "/bin/sh";

    private CLaunchPlanner() {
    }

    /** The build stage's package for the shell the final lacks, with the reason; none where the final has one. */
    static Map<String, String> buildPackages(CDetails c, ImageSpec runtime, boolean apk) {
        if (c.launch().runsCommand() == null || runtime.shell() || apk) {
            return Map.of();
        }
        return Map.of(BUSYBOX_PACKAGE, "a shell for the command it runs (" + c.launch().runsCommand() + "), copied to the final stage");
    }

    /** The shell copied into a final without one, for a server that runs a command. */
    static List<Instruction> shell(CDetails c, ImageSpec runtime, boolean apk) {
        if (buildPackages(c, runtime, apk).isEmpty()) {
            return List.of();
        }
        return List.of(Comment.of("It runs the command it is given (" + c.launch().runsCommand() + "), and this final has no shell:",
                        "busybox from the build stage is /bin/sh (static, so it needs no library)."),
                new Copy("build", List.of(BUSYBOX), SHELL));
    }

    /** The entrypoint: the program, and the arguments that keep it in the foreground. */
    static List<Instruction> entrypoint(CDetails c, String installed) {
        List<Instruction> ins = new ArrayList<>();
        List<String> command = new ArrayList<>(List.of(installed));
        if (c.launch().foreground() != null) {
            ins.add(Comment.of("It goes to the background unless told otherwise, which would stop the container at once: "
                    + c.launch().foreground().value().stream().map(a -> a.contains(" ") ? "'" + a + "'" : a)
                    .collect(java.util.stream.Collectors.joining(" ")) + " keeps it", "in the foreground as PID 1 ("
                    + c.launch().foreground().source() + "), in the entrypoint so that arguments given to docker run keep it too."));
            command.addAll(c.launch().foreground().value());
        }
        ins.add(new Entrypoint(command));
        return ins;
    }

    /** The default command of a server that runs a command it is given: the shell, or none for other programs. */
    static List<String> command(CDetails c, List<Instruction> ins) {
        if (c.launch().runsCommand() == null) {
            return List.of();
        }
        ins.add(Comment.of("It serves the command it is given (" + c.launch().runsCommand() + "): a shell by default;",
                "docker run IMAGE ARGS replaces it (its options, then the command)."));
        return List.of("sh");
    }
}
