package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockergen.preset.FinalStage;
import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.NamedEnvironment;
import org.approvaltests.namer.NamerFactory;

/**
 * The checks every language's approval test makes on generated files. Called from the test method, so
 * ApprovalTests still names the approved file after the calling test class and method.
 */
final class ApprovedFiles {
    private ApprovedFiles() {
    }

    /** The Dockerfile passes `dockergen audit` and matches approved/&lt;Test&gt;.dockerfile.&lt;fixture&gt;.&lt;stage&gt;.approved.Dockerfile. */
    static void verifyDockerfile(GenerationResult result, String fixture, FinalStage stage) {
        String dockerfile = result.files().get(0).content();
        assertEquals(List.of(), AuditClean.findings(dockerfile));
        try (NamedEnvironment env = NamerFactory.withParameters(fixture, stage.id())) {
            Approvals.verify(dockerfile, new Options().forFile().withExtension(".Dockerfile"));
        }
    }

    /** The ignore file matches approved/&lt;Test&gt;.dockerignore.&lt;fixture&gt;.approved.dockerignore. */
    static void verifyDockerignore(GenerationResult result, String fixture) {
        try (NamedEnvironment env = NamerFactory.withParameters(fixture)) {
            Approvals.verify(result.files().get(1).content(), new Options().forFile().withExtension(".dockerignore"));
        }
    }
}
