package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.preset.ImageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Data files that the linked libraries read at run time and that a final stage without packages (distroless, scratch)
 * lacks, copied from the build stage: the CA bundle for TLS, and the terminfo database for a terminal program. An
 * Alpine final gets them with the runtime packages (ncurses-libs brings ncurses-terminfo-base).
 */
final class CRuntimeDataPlanner {
    private static final String TERMINFO = "/usr/share/terminfo";
    private static final String CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
    private static final List<String> TLS_LIBS = List.of("ssl", "crypto", "curl");

    private CRuntimeDataPlanner() {
    }

    /** It links a TLS library, so it needs the CA bundle. */
    static boolean tls(CDetails c) {
        return c.libraries().stream().anyMatch(l -> TLS_LIBS.contains(l.value().key()));
    }

    static List<Instruction> copies(CDetails c, ImageSpec runtime) {
        List<Instruction> ins = new ArrayList<>();
        if (!runtime.has(ImageSpec.CA_CERTIFICATES) && tls(c)) {
            ins.add(new Copy("build", List.of(CA_BUNDLE), CA_BUNDLE));
        }
        Fact<CLibraries.Library> curses = c.libraries().stream().filter(l -> l.value().key().equals("ncurses"))
                .findFirst().orElse(null);
        if (curses != null && runtime.packageTool() == null) {
            // Debian 13's ncurses-base puts the common entries (xterm, linux, screen, tmux…) there; the static ncurses of
            // a scratch build and the copied shared one both look there
            ins.add(Comment.of("A terminal program (it links ncurses: " + curses.source() + "): the final image has no terminfo"
                    + " database,", "so the build stage's comes along; without it the program cannot start its screen."));
            ins.add(new Copy("build", List.of(TERMINFO), TERMINFO));
        }
        return ins;
    }
}
