package dev.dockergen.preset;

/**
 * The non-root user the final image runs as.
 *
 * @param create true when the image lacks the user and the Dockerfile must add it (busybox adduser)
 */
public record RunAs(String name, int uid, int gid, boolean create) {
}
