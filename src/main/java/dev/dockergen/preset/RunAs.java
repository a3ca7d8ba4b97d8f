package dev.dockergen.preset;

import java.util.List;

/**
 * The non-root user the final image runs as.
 *
 * @param create true when the image lacks the user and the Dockerfile must add it (busybox adduser)
 */
public record RunAs(String name, int uid, int gid, boolean create) {

    /**
     * The shell lines (one {@code RUN}, the second line continuing the first) that add this user and its group with
     * busybox's {@code addgroup}/{@code adduser}: a system account with no home and no login shell. Empty when the
     * image already has the user.
     */
    public List<String> createLines() {
        if (!create) {
            return List.of();
        }
        return List.of("addgroup -S -g " + gid + " " + name,
                "&& adduser -S -D -H -u " + uid + " -G " + name + " -h /nonexistent -s /sbin/nologin " + name);
    }
}
