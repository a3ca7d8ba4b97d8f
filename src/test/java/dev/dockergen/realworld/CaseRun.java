package dev.dockergen.realworld;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.realworld.Scoring.FieldScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened to one case in one run: materialisation, detection, the files for each final, the lab. */
final class CaseRun {
    final RealWorldCase c;
    /** null when the case ran; else why not (no snapshot, folder absent...), and the case is left out of the ratios. */
    String skipped;
    final List<String> notes = new ArrayList<>();
    String usedCommit;
    int detectExit = -1;
    String detectError;
    JsonNode detect;
    /** The detected project the truth is compared with (its path relative to the case's folder), or null. */
    String projectPath;
    String defaultFinal;
    /** Why init without --final wrote nothing, or null. */
    String defaultError;
    /** What init is given to choose the app: [], [--project P], or [--main M (--project P)]. */
    List<String> selector = List.of();
    /** With --main: the path of the module project the main belongs to. */
    String mainOf;
    List<FieldScore> fields = List.of();
    List<FieldScore> imageFields = List.of();
    final Map<String, FinalRun> finals = new LinkedHashMap<>();
    final List<LabRun> lab = new ArrayList<>();

    CaseRun(RealWorldCase c) {
        this.c = c;
    }

    /** init for one final stage and the contract's verdict on what it wrote. */
    static final class FinalRun {
        final String stage;
        int exit;
        String error;
        String dockerfile;
        String dockerignore;
        /** The Dockerfile's folder relative to the case's folder ("." or the member). */
        String member = ".";
        final List<String> problems = new ArrayList<>();
        /** ok, refused-right, refused, failed, violations. */
        String status;

        FinalRun(String stage) {
            this.stage = stage;
        }

        boolean right() {
            return "ok".equals(status) || "refused-right".equals(status);
        }
    }

    /** One lab build: ours on a final stage, or theirs. */
    static final class LabRun {
        final String what;
        String build = "skipped";
        String run = "skipped";
        String probe = "skipped";
        long size;
        String buildSeconds;
        String detail;
        String probeMode;

        LabRun(String what) {
            this.what = what;
        }

        boolean works() {
            return "ok".equals(build) && ("ok".equals(probe) || ("skipped".equals(probe) && "ok".equals(run)));
        }
    }
}
