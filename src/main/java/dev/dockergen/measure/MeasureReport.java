package dev.dockergen.measure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The before/after comparison measure prints: a text table, JSON, or a Markdown table for a pull request. */
public record MeasureReport(String engine, String changedFile, Image before, Image after) {
    /**
     * One image: the Dockerfile it was built from, its size and layers, the base image of its final stage, the cold
     * build and the warm rebuild in seconds, whether the rebuild reused the dependency step (null: the Dockerfile
     * has none), the user it runs as ("root" when none is set) and the number of audit findings.
     */
    public record Image(String dockerfile, long sizeBytes, int layers, String baseImage, double buildSeconds,
                        double rebuildSeconds, Boolean dependencyLayerReused, String user, int auditFindings) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Row(String name, Function<Image, String> value, Function<MeasureReport, String> change) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("image size", i -> megabytes(i.sizeBytes()), r -> percent(r.before.sizeBytes(), r.after.sizeBytes())),
            new Row("layers", i -> String.valueOf(i.layers()), r -> signed(r.after.layers() - r.before.layers())),
            new Row("final base image", i -> i.baseImage() == null ? "-" : i.baseImage(), r -> ""),
            new Row("cold build", i -> seconds(i.buildSeconds()), r -> percent(r.before.buildSeconds(), r.after.buildSeconds())),
            new Row("warm rebuild", i -> seconds(i.rebuildSeconds()), r -> percent(r.before.rebuildSeconds(), r.after.rebuildSeconds())),
            new Row("dependency layer reused", i -> i.dependencyLayerReused() == null ? "no dependency step"
                    : i.dependencyLayerReused() ? "yes" : "no", r -> ""),
            new Row("runs as", Image::user, r -> ""),
            new Row("audit findings", i -> String.valueOf(i.auditFindings()), r -> signed(r.after.auditFindings() - r.before.auditFindings())));

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String percent(double before, double after) {
        if (before <= 0) {
            return "";
        }
        long p = Math.round((after - before) * 100 / before);
        return (p > 0 ? "+" : "") + p + " %";
    }

    private static String signed(int d) {
        return d > 0 ? "+" + d : String.valueOf(d);
    }

    /** The table for a terminal, with the exact sizes below it. */
    public String text() {
        int w0 = ROWS.stream().mapToInt(r -> r.name().length()).max().orElse(0);
        int w1 = Math.max("before".length(), ROWS.stream().mapToInt(r -> r.value().apply(before).length()).max().orElse(0));
        int w2 = Math.max("after".length(), ROWS.stream().mapToInt(r -> r.value().apply(after).length()).max().orElse(0));
        String format = "%-" + w0 + "s  %-" + w1 + "s  %-" + w2 + "s  %s";
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, format, "", "before", "after", "change").stripTrailing()).append('\n');
        for (Row r : ROWS) {
            b.append(String.format(Locale.ROOT, format, r.name(), r.value().apply(before), r.value().apply(after),
                    r.change().apply(this)).stripTrailing()).append('\n');
        }
        b.append('\n').append(footer());
        return b.toString();
    }

    private String footer() {
        return "before: " + before.dockerfile() + " (" + before.sizeBytes() + " bytes)\n"
                + "after:  " + after.dockerfile() + " (" + after.sizeBytes() + " bytes)\n"
                + "engine: " + engine + "; warm rebuild after a one-line change to " + changedFile + "\n";
    }

    /** A Markdown table for a pull-request comment. */
    public String markdown() {
        StringBuilder b = new StringBuilder("| | before | after | change |\n|---|---|---|---|\n");
        for (Row r : ROWS) {
            b.append("| ").append(r.name()).append(" | ").append(cell(r.value().apply(before))).append(" | ")
                    .append(cell(r.value().apply(after))).append(" | ").append(cell(r.change().apply(this))).append(" |\n");
        }
        b.append("\nMeasured by `dockergen measure` with ").append(engine).append(": before `")
                .append(before.dockerfile()).append("`, after `").append(after.dockerfile())
                .append("`; the warm rebuild follows a one-line change to `").append(changedFile).append("`.\n");
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    /** {@code {"engine", "changedFile", "before": {…}, "after": {…}}}. */
    public String json() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("engine", engine);
        root.put("changedFile", changedFile);
        root.set("before", json(before));
        root.set("after", json(after));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode json(Image i) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("dockerfile", i.dockerfile());
        o.put("sizeBytes", i.sizeBytes());
        o.put("layers", i.layers());
        o.put("baseImage", i.baseImage());
        o.put("buildSeconds", i.buildSeconds());
        o.put("rebuildSeconds", i.rebuildSeconds());
        if (i.dependencyLayerReused() == null) {
            o.putNull("dependencyLayerReused");
        } else {
            o.put("dependencyLayerReused", i.dependencyLayerReused());
        }
        o.put("user", i.user());
        o.put("auditFindings", i.auditFindings());
        return o;
    }
}
