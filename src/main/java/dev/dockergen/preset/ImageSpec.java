package dev.dockergen.preset;

import java.util.List;
import java.util.Set;

/**
 * A base image as a preset names it.
 *
 * @param image reference; "{version}" stands for the language version ARG
 * @param packages packages the stage installs with {@code packageTool}
 * @param packageTool "apk" or "apt", or null when the stage installs nothing
 * @param provides what the image already has: "ca-certificates", "tzdata", "passwd" (a non-root user)
 * @param shell whether the image has /bin/sh (no shell: no RUN, no shell HEALTHCHECK)
 * @param user the image's own non-root user, where the stage runs as it rather than the preset's user (a web
 *     server image for static sites); null otherwise
 */
public record ImageSpec(String image, List<String> packages, String packageTool, Set<String> provides, boolean shell,
                        RunAs user) {
    public static final String CA_CERTIFICATES = "ca-certificates";
    public static final String TZDATA = "tzdata";
    public static final String PASSWD = "passwd";

    public ImageSpec {
        packages = List.copyOf(packages);
        provides = Set.copyOf(provides);
    }

    public ImageSpec(String image, List<String> packages, String packageTool, Set<String> provides, boolean shell) {
        this(image, packages, packageTool, provides, shell, null);
    }

    /** The same image under another reference (a mirror, say). */
    public ImageSpec withImage(String reference) {
        return new ImageSpec(reference, packages, packageTool, provides, shell, user);
    }

    public boolean has(String what) {
        return provides.contains(what);
    }

    public boolean isScratch() {
        return image.equals("scratch");
    }
}
