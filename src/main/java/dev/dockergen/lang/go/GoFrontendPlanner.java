package dev.dockergen.lang.go;

import dev.dockergen.detect.Language;
import dev.dockergen.detect.Warning;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.plan.Instruction.Mount;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.plan.Instruction.Workdir;
import dev.dockergen.plan.PlanRequest;
import dev.dockergen.plan.Stage;
import dev.dockergen.preset.Preset;
import java.util.ArrayList;
import java.util.List;

/**
 * The stage that builds a frontend whose output the Go program embeds before {@code go build} (the folder is not in
 * the repository, or a script of the frontend writes it): on the default Node preset's build image.
 */
final class GoFrontendPlanner {
    static final String NAME = "frontend";
    private static final String SRC = "/src";

    private GoFrontendPlanner() {
    }

    /** The stage, or null (with a note) when the catalogue has no Node image to build it on. */
    static Stage of(GoFrontends.Build b, PlanRequest request, List<Warning> notes) {
        Preset node = request.catalog().forLanguage(Language.NODE).stream().findFirst().orElse(null);
        if (node == null || node.build() == null) {
            notes.add(new Warning(b.embed(), b.output() + " is " + (b.served() ? "served" : "embedded") + " but built by " + b.dir() + " (" + run(b) + "), and "
                    + "the preset catalogue has no Node image to build it on; build it before docker build"));
            return null;
        }
        String image = node.build().image().replace("{version}", node.versionDefault());
        String dir = SRC + "/" + b.dir();
        List<Instruction> ins = new ArrayList<>();
        ins.add(new Workdir(dir));
        List<String> manifests = new ArrayList<>(List.of(b.dir() + "/package.json"));
        if (b.lockfile() != null) {
            manifests.add(b.dir() + "/" + b.lockfile());
        }
        ins.add(Comment.of("Dependencies first: this layer is reused until " + String.join(" or ", manifests)
                + (manifests.size() > 1 ? " change." : " changes.")));
        ins.add(new Copy(null, manifests, "./"));
        if (b.lockfile() != null && !b.lockfile().equals("package-lock.json")) {
            ins.add(Comment.of("corepack provides the package manager version package.json asks for."));
            ins.add(new Run(List.of(), List.of("corepack enable")));
        }
        ins.add(new Run(List.of(Mount.cache(cache(b))), List.of(install(b))));
        ins.add(new Copy(null, List.of(b.dir() + "/"), "./"));
        ins.add(new Run(List.of(), List.of(run(b))));
        return new Stage(List.of("Frontend stage: " + run(b) + " in " + b.dir() + "/ writes " + b.output() + ", which "
                + b.embed() + (b.served() ? " serves at run time; the final image copies it." : " embeds; go build needs it first.")),
                "$BUILDPLATFORM", image, NAME, ins);
    }

    /** What the Go build stage copies from this stage: the embedded folder, at its place in the source tree. */
    static Copy output(GoFrontends.Build b) {
        return output(b, "./" + b.output());
    }

    /** The built folder, copied to {@code to}. */
    static Copy output(GoFrontends.Build b, String to) {
        return new Copy(NAME, List.of(SRC + "/" + b.output()), to);
    }

    private static String manager(GoFrontends.Build b) {
        if (b.lockfile() == null || b.lockfile().equals("package-lock.json")) {
            return "npm";
        }
        return b.lockfile().equals("pnpm-lock.yaml") ? "pnpm" : "yarn";
    }

    private static String install(GoFrontends.Build b) {
        return switch (manager(b)) {
            case "pnpm" -> "pnpm install --frozen-lockfile";
            case "yarn" -> "yarn install --frozen-lockfile";
            default -> b.lockfile() == null ? "npm install" : "npm ci";
        };
    }

    private static String cache(GoFrontends.Build b) {
        return switch (manager(b)) {
            case "pnpm" -> "/root/.local/share/pnpm/store";
            case "yarn" -> "/usr/local/share/.cache/yarn";
            default -> "/root/.npm";
        };
    }

    static String run(GoFrontends.Build b) {
        return manager(b) + " run " + b.script();
    }
}
