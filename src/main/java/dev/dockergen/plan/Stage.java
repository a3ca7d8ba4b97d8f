package dev.dockergen.plan;

import java.util.List;

/**
 * A build stage: FROM [--platform=...] image AS name, then its instructions.
 *
 * @param comment lines printed above the FROM (separated from it by a blank line)
 * @param platform value for FROM --platform, or null
 */
public record Stage(List<String> comment, String platform, String image, String name, List<Instruction> instructions) {
    public Stage {
        comment = Safe.lines(comment);
        if (platform != null) {
            Safe.word(platform);
        }
        Safe.word(image);
        Safe.word(name);
        instructions = List.copyOf(instructions);
    }
}
