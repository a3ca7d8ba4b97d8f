package dev.dockergen.lang.java;

import static dev.dockergen.lang.java.JavaDetector.under;

import dev.dockergen.detect.Fact;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Copy;
import java.util.ArrayList;
import java.util.List;

/** The final stage's lines for {@link JavaRuntimeFiles}: what the program reads, copied where it opens it. */
final class RuntimeFilesPlanner {
    private RuntimeFilesPlanner() {
    }

    /** The final stage's COPY lines (to the same relative path under the working directory) and their comments. */
    static List<Instruction> instructions(JavaRuntimeFiles files, String module) {
        List<Instruction> ins = new ArrayList<>();
        if (!files.context().isEmpty() || !files.built().isEmpty()) {
            List<String> why = new ArrayList<>();
            why.add("Files the program opens at run time, by paths relative to its working directory /app: "
                    + String.join(", ", files.context().stream().map(f -> f.value() + " (" + f.source() + ")").toList())
                    + (files.context().isEmpty() || files.built().isEmpty() ? "" : "; ")
                    + String.join(", ", files.built().stream().map(f -> f.value() + " (" + f.source() + ", written by the build)")
                    .toList()) + ".");
            if (files.compiler() != null) {
                why.add("jte compiles " + files.compiler().value() + " at run time (" + files.compiler().source() + ") with javac, which a "
                        + "JRE lacks: " + (files.built().isEmpty() ? "precompile the templates (jte-maven-plugin's precompile goal)"
                        : "start the program in the mode that loads the precompiled " + files.built().get(0).value() + " ("
                        + files.built().get(0).source() + ")") + ".");
            }
            ins.add(new Comment(why));
            for (Fact<String> f : files.context()) {
                ins.add(new Copy(null, List.of(under(module, f.value())), "./" + f.value()));
            }
            for (Fact<String> f : files.built()) {
                ins.add(new Copy("build", List.of("/src/" + under(module, f.value()) + "/"), "./" + f.value() + "/"));
            }
        }
        for (Fact<String> s : files.secrets()) {
            ins.add(Comment.of("The program reads the secret " + s.value() + " (" + s.source() + "): mount it when the "
                    + "container runs (compose/swarm secrets:, or -v FILE:" + s.value() + ":ro), never copy it into the image."));
        }
        return ins;
    }
}
