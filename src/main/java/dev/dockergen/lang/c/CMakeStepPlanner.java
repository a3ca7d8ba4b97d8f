package dev.dockergen.lang.c;

import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Mount;
import dev.dockergen.plan.Instruction.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The build stage's CMake step: configure in build/, build only the program's target, copy it out. */
final class CMakeStepPlanner {
    private CMakeStepPlanner() {
    }

    /**
     * @param finish the copy-out command, with %s for the program's path
     * @param cxxFlags linker flags that put libstdc++ into the binary, or null
     */
    static List<Instruction> steps(CDetails c, String cacheId, String finish, String at, boolean staticBuild, String cxxFlags,
                                   boolean apk) {
        List<Instruction> ins = new ArrayList<>();
        String artefact = c.artefact().value();
        List<String> lines = new ArrayList<>();
        String configure = "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release";
        List<String> comment = new ArrayList<>(List.of(
                "Configure and build in build/ (a cache mount per final stage keeps rebuilds incremental);",
                "the program is " + artefact + " (add_executable, " + at + "), the only target built."));
        if (staticBuild) {
            comment.add("Static: find_package must find lib*.a, not lib*.so, so the suffix list is set after project()");
            comment.add("through CMAKE_PROJECT_INCLUDE (a -D on the command line is shadowed by CMake's platform files).");
            lines.add("printf 'set(CMAKE_FIND_LIBRARY_SUFFIXES .a)\\n' > /tmp/static-libs.cmake");
            configure = "&& " + configure + " -DCMAKE_PROJECT_INCLUDE=/tmp/static-libs.cmake -DCMAKE_EXE_LINKER_FLAGS=-static";
        }
        if (cxxFlags != null) {
            configure += " '-DCMAKE_EXE_LINKER_FLAGS=" + cxxFlags + "'";
        }
        if (apk && CPlanner.APK_CMAKE.startsWith("4.") && c.cmakeMinimum() != null && CPlanner.newer("3.5", c.cmakeMinimum().value())) {
            comment.add("CMake 4 (Alpine's) refuses cmake_minimum_required below 3.5 (" + c.cmakeMinimum().source()
                    + ") unless told the policy version to assume.");
            configure += " -DCMAKE_POLICY_VERSION_MINIMUM=3.5";
        }
        if (!c.testOptions().isEmpty()) {
            boolean docs = c.testOptions().stream().anyMatch(o -> CMakeOptions.docOption(o.value()));
            boolean tests = c.testOptions().stream().anyMatch(o -> !CMakeOptions.docOption(o.value()));
            comment.add("The project's " + (tests && docs ? "tests and documentation are" : docs ? "documentation is" : "tests are")
                    + " not built (" + c.testOptions().stream().map(o -> o.value() + ", " + o.source())
                    .collect(Collectors.joining("; ")) + "): " + (tests ? "tests may download their framework" : "")
                    + (tests && docs ? "; " : "") + (docs ? "documentation needs tools the image never uses" : "") + ".");
            configure += c.testOptions().stream().map(o -> " -D" + o.value() + "=OFF").collect(Collectors.joining());
        }
        ins.add(new Comment(comment));
        lines.add(configure);
        lines.add("&& cmake --build build --target " + c.binaryName() + " --parallel"); // only the program, not every target
        lines.add(String.format(finish, "build/" + artefact));
        ins.add(new Run(List.of(new Mount("cache", c.buildDir() == null ? "/src/build" : "/src/" + c.buildDir().value() + "/build", cacheId)), lines));
        return ins;
    }
}
