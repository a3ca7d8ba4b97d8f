package dev.dockergen.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The table the container suite leaves in target/: app × final stage → results and sizes. */
final class ContainerReport {
    /** One app on one final stage. {@code ratio} = image size / app artefact size. */
    record Row(String app, String finalStage, boolean build, boolean run, String probe, String user,
               long imageBytes, long artefactBytes, double ratio, String rebuildCached, double buildSeconds,
               double rebuildSeconds, boolean newBehaviourServed) {
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private ContainerReport() {
    }

    static synchronized void add(Row row) {
        ROWS.add(row);
    }

    static synchronized void write(Path dir) throws IOException {
        if (ROWS.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>(ROWS);
        rows.sort(Comparator.comparing(Row::app).thenComparing(Row::finalStage));
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("container-report.json").toFile(), rows);
        StringBuilder md = new StringBuilder("| app | final | build | run | probe | user | image bytes | artefact bytes"
                + " | image/artefact | rebuild: deps cached | build s | rebuild s | new code served |\n"
                + "|---|---|---|---|---|---|---:|---:|---:|---|---:|---:|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %,d | %,d | %.2f | %s | %.1f | %.1f | %s |%n",
                    r.app(), r.finalStage(), ok(r.build()), ok(r.run()), r.probe(), r.user(), r.imageBytes(),
                    r.artefactBytes(), r.ratio(), r.rebuildCached(), r.buildSeconds(), r.rebuildSeconds(),
                    ok(r.newBehaviourServed())));
        }
        Files.writeString(dir.resolve("container-report.md"), md.toString());
    }

    private static String ok(boolean b) {
        return b ? "ok" : "FAIL";
    }
}
