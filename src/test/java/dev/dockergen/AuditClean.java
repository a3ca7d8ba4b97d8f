package dev.dockergen;

import dev.dockergen.audit.Auditor;
import dev.dockergen.audit.Finding;
import java.util.List;
import java.util.Set;

/** What `dockergen audit` says about a generated Dockerfile, less the informational rules dockergen chooses to break. */
public final class AuditClean {
    /**
     * Info rules generated files may break, on purpose: distro packages are not pinned to versions (the base image's
     * release is pinned; package versions vanish from the mirrors), and C builds keep the build, the library copy
     * and the static check in RUNs of their own so a failure names its step. Nothing of warning or error severity.
     */
    public static final Set<String> ACCEPTED = Set.of("unpinned-apt-package", "unpinned-apk-package", "consecutive-run");

    private AuditClean() {
    }

    /** The findings that count, for a Dockerfile with its ignore file beside it. */
    public static List<Finding> findings(String dockerfile) {
        return Auditor.builtIn().audit("Dockerfile", dockerfile, true).stream()
                .filter(f -> !(f.severity() == Finding.Severity.info && ACCEPTED.contains(f.rule()))).toList();
    }
}
