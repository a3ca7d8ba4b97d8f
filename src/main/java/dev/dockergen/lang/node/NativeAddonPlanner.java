package dev.dockergen.lang.node;

import dev.dockergen.detect.Fact;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Directive;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.preset.ImageSpec;
import java.util.List;

/** The compiler toolchain node-gyp needs where the install builds a native addon, before the dependencies. */
final class NativeAddonPlanner {
    /** The same package names on Debian and Alpine. */
    private static final String PACKAGES = "python3 make g++";

    private NativeAddonPlanner() {
    }

    static List<Instruction> forAddon(ImageSpec build, Fact<String> addon) {
        if (addon == null) {
            return List.of();
        }
        boolean apk = "apk".equals(build.packageTool()) || build.image().contains("alpine");
        String why = addon.value().equals("binding.gyp") ? "this package is a native addon (binding.gyp)"
                : "the install may compile a native addon (" + addon.value() + ", " + addon.source() + ")";
        String run = apk ? "apk add --no-cache " + PACKAGES
                : "apt-get update && apt-get install -y --no-install-recommends " + PACKAGES + " && rm -rf /var/lib/apt/lists/*";
        return List.of(
                Comment.of("node-gyp needs python3, make and a C++ compiler: " + why + ".",
                        "Package versions are not pinned: they follow the base image's release."),
                new Directive(apk ? "hadolint ignore=DL3018" : "hadolint ignore=DL3008"),
                new Run(List.of(), List.of(run)));
    }
}
