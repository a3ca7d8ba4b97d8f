package dev.dockergen.lang.java;

import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.plan.Instruction.Workdir;
import dev.dockergen.plan.Stage;
import java.util.List;
import java.util.TreeSet;

/**
 * The modules' build files (pom.xml, build.gradle) copied before the dependency layer. One COPY each is one layer
 * each, and an image holds at most 127 (overlayfs stacks no deeper: "max depth exceeded" in the build), less those of
 * the base: past {@link #MAX_COPIES} files, a stage of their own copies the tree, keeps only files of those names, and
 * the build stage copies its result in one layer, which stays cached while their contents do not change.
 */
final class BuildFilesPlanner {
    static final int MAX_COPIES = 40;
    static final String STAGE = "build-files";

    private BuildFilesPlanner() {
    }

    private static List<String> nested(JavaDetails java) {
        return java.buildFiles().stream().filter(f -> f.contains("/")).toList();
    }

    /** The build files as the comments name them: each, or past {@link #MAX_COPIES} the root's and a count of the rest. */
    static List<String> named(JavaDetails java) {
        List<String> nested = nested(java);
        if (nested.size() <= MAX_COPIES) {
            return java.buildFiles();
        }
        List<String> named = new java.util.ArrayList<>(java.buildFiles().stream().filter(f -> !f.contains("/")).toList());
        named.add("the " + nested.size() + " modules' " + String.join(" and ", names(nested)) + " files");
        return named;
    }

    private static TreeSet<String> names(List<String> nested) {
        return new TreeSet<>(nested.stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).toList());
    }

    /** The stage that keeps only the build files, or null where one COPY per file fits. */
    static Stage stage(JavaDetails java, String image) {
        List<String> nested = nested(java);
        if (nested.size() <= MAX_COPIES) {
            return null;
        }
        StringBuilder keep = new StringBuilder();
        for (String name : names(nested)) {
            keep.append(keep.length() == 0 ? "" : " -o").append(" -name '").append(name).append("'");
        }
        return new Stage(List.of("Build files stage: " + nested.size() + " module build files, one layer each, would pass the 127 layers"
                        + " an image may have;", "this stage keeps only them, and the build stage copies them in one layer."),
                null, image, STAGE, List.of(new Workdir("/src"), new Copy(null, List.of("."), "."),
                new Run(List.of(), List.of("find . -type f ! \\(" + keep + " \\) -delete"))));
    }

    /** The build stage's copies of the modules' build files: one per file, or the stage's result. */
    static List<Instruction> copies(JavaDetails java) {
        List<String> nested = nested(java);
        if (nested.size() > MAX_COPIES) {
            return List.of(Comment.of("The modules' build files, from the build-files stage."), new Copy(STAGE, List.of("/src/"), "./"));
        }
        return nested.stream().<Instruction>map(f -> new Copy(null, List.of(f), f.substring(0, f.lastIndexOf('/') + 1))).toList();
    }
}
