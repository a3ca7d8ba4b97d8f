package dev.dockergen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockergen.plan.DockerfilePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogue templates are compiled at run time, once per template file and renderer. */
class TemplateRendererTest {
    @TempDir
    Path tmp;

    private Path template(String dir, String line) throws IOException {
        Path file = Files.createDirectories(tmp.resolve(dir)).resolve("dockerfile.jte");
        Files.writeString(file, "@param dev.dockergen.plan.DockerfilePlan plan\n" + line + " ${plan.header().get(0)}\n");
        return file;
    }

    private static DockerfilePlan plan(String header) {
        return new DockerfilePlan(List.of(header), List.of(), List.of());
    }

    @Test
    void eachTemplateFileIsCompiledOnceAndTwoFilesOfOneNameStaySeparate() throws IOException {
        TemplateRenderer renderer = new TemplateRenderer();
        Path acme = template("acme", "# acme:");
        Path other = template("other", "# other:");
        assertEquals("# acme: one\n", renderer.dockerfile(plan("one"), acme));
        assertEquals("# acme: two\n", renderer.dockerfile(plan("two"), acme));
        assertEquals(1, renderer.compilations(), "a second member reuses the compiled template");
        assertEquals("# other: three\n", renderer.dockerfile(plan("three"), other));
        assertEquals(2, renderer.compilations());
    }
}
