package dev.dockergen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.audit.Finding;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.preset.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * `dockergen init` then `dockergen audit` passes: every project of every fixture and example, on every preset of
 * its language that accepts it, gives a Dockerfile with no audit finding but the informational ones
 * {@link AuditClean#ACCEPTED} names.
 */
class GeneratedFilesAuditTest {
    @Test
    void everyGeneratedDockerfileAuditsClean() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            examples.filter(Files::isDirectory).sorted().forEach(roots::add);
        }
        for (String language : new String[] {"go", "node", "python", "java", "c"}) {
            try (Stream<Path> fixtures = Files.list(Fixtures.ROOT.resolve(language))) {
                fixtures.filter(Files::isDirectory).sorted().forEach(roots::add);
            }
        }
        Dockergen dockergen = Fixtures.dockergen();
        List<String> problems = new ArrayList<>();
        int generated = 0;
        for (Path root : roots) {
            DirectoryProjectFiles files = new DirectoryProjectFiles(root, root.getFileName().toString());
            List<ProjectFacts> projects;
            try {
                projects = dockergen.detect(files, DetectOptions.DEFAULT).projects();
            } catch (DockergenException e) {
                continue; // fixtures of broken projects: their error is tested elsewhere
            }
            for (ProjectFacts p : projects) {
                for (Preset preset : dockergen.presets().forLanguage(p.language())) {
                    GenerationResult r;
                    try {
                        r = dockergen.generate(new GenerateRequest(files, new DetectOptions(p.path(), null),
                                preset.name(), null, null));
                    } catch (DockergenException e) {
                        continue; // a preset that cannot serve this project, or a program to choose: refused, not written
                    }
                    generated++;
                    for (Finding f : AuditClean.findings(r.files().get(0).content())) {
                        problems.add(root + " " + p.path() + " " + preset.name() + ": " + f);
                    }
                }
            }
        }
        assertTrue(generated > 100, "generated " + generated);
        assertEquals(List.of(), problems);
    }
}
