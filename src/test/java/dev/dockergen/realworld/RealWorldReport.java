package dev.dockergen.realworld;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dockergen.realworld.CaseRun.FinalRun;
import dev.dockergen.realworld.CaseRun.LabRun;
import dev.dockergen.realworld.Scoring.FieldScore;
import dev.dockergen.realworld.Scoring.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** target/realworld.md and .json from the runs: ratios first, then per-case rows and the failures. */
final class RealWorldReport {
    private final List<CaseRun> runs;
    private final List<CaseRun> ran;
    private final List<String> lintNotes;
    private final String labNote;
    private final boolean lab;

    RealWorldReport(List<CaseRun> runs, List<String> lintNotes, String labNote, boolean lab) {
        this.runs = runs;
        this.ran = runs.stream().filter(r -> r.skipped == null).toList();
        this.lintNotes = lintNotes;
        this.labNote = labNote;
        this.lab = lab;
    }

    record Ratio(int right, int total) {
        String percent() {
            return total == 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", 100.0 * right / total);
        }
    }

    Map<String, Ratio> fieldRatios(boolean image) {
        Map<String, Ratio> out = new LinkedHashMap<>();
        for (String field : image ? Scoring.IMAGE_FIELDS : Scoring.DETECT_FIELDS) {
            int right = 0;
            int total = 0;
            for (CaseRun r : ran) {
                for (FieldScore f : image ? r.imageFields : r.fields) {
                    if (f.field().equals(field) && f.verdict() != Verdict.UNSCORED) {
                        total++;
                        right += f.verdict() == Verdict.RIGHT ? 1 : 0;
                    }
                }
            }
            out.put(field, new Ratio(right, total));
        }
        return out;
    }

    Map<String, Ratio> contractRatios() {
        Map<String, Ratio> out = new LinkedHashMap<>();
        int allRight = 0;
        int all = 0;
        for (String stage : RealWorldRunner.FINALS) {
            int right = 0;
            int total = 0;
            for (CaseRun r : ran) {
                FinalRun f = r.finals.get(stage);
                if (f != null) {
                    total++;
                    right += f.right() ? 1 : 0;
                }
            }
            out.put(stage, new Ratio(right, total));
            allRight += right;
            all += total;
        }
        out.put("all", new Ratio(allRight, all));
        return out;
    }

    /** The contract's failures grouped by rule: "UndefinedVar", "ShellCheck SC2086", "refused", "failed: exit 3". */
    Map<String, List<String>> contractClasses() {
        Map<String, List<String>> out = new TreeMap<>();
        for (CaseRun r : ran) {
            for (FinalRun f : r.finals.values()) {
                if (f.right()) {
                    continue;
                }
                List<String> classes = new ArrayList<>();
                if ("refused".equals(f.status)) {
                    classes.add("refused a final that can serve: " + errorClass(f.error));
                } else if ("failed".equals(f.status)) {
                    classes.add("init exit " + f.exit + ": " + errorClass(f.error));
                }
                for (String p : f.problems) {
                    classes.add(problemClass(p));
                }
                for (String cls : classes.stream().distinct().toList()) {
                    out.computeIfAbsent(cls, k -> new ArrayList<>()).add(r.c.id() + " (" + f.stage + ")");
                }
            }
        }
        return out;
    }

    /** An error line without what varies between cases: parentheses, file:line, the case's path; 100 characters. */
    static String errorClass(String error) {
        if (error == null) {
            return "";
        }
        String e = error.replaceFirst("^dockergen: ", "").replaceAll("CASE\\S*:? ?", "");
        for (String before = ""; !before.equals(e); ) {
            before = e;
            e = e.replaceAll("\\([^()]*\\)", "\u0001");
        }
        e = e.replace("\u0001", "(…)").replaceAll("[\\w./-]+:\\d+(:\\d+)?", "FILE:N").strip();
        return e.length() > 100 ? e.substring(0, 100) + "…" : e;
    }

    static String problemClass(String p) {
        java.util.regex.Matcher sc = java.util.regex.Pattern.compile("\\[(SC\\d+)]").matcher(p);
        if (p.startsWith("ShellCheck") && sc.find()) {
            return "ShellCheck " + sc.group(1);
        }
        if (p.startsWith("VS Code validator")) {
            return "VS Code validator: " + p.replaceFirst("^VS Code validator: line \\d+: ", "").replaceAll("\\d+", "N")
                    .replaceAll("\"[^\"]*\"", "\"…\"");
        }
        int colon = p.indexOf(": ");
        return colon > 0 ? p.substring(0, colon) : p;
    }

    // ---- lab -----------------------------------------------------------------------------------------------------

    /** [built, buildable] of the default final (or first built final) per lab-buildable case. */
    Ratio labBuilds() {
        int right = 0;
        int total = 0;
        for (CaseRun r : ran) {
            List<LabRun> ours = ours(r);
            if (r.c.truthFlag("labBuildable") && !ours.isEmpty()) {
                total++;
                right += ours.stream().anyMatch(l -> "ok".equals(l.build)) ? 1 : 0;
            }
        }
        return new Ratio(right, total);
    }

    Ratio labAnswers() {
        int right = 0;
        int total = 0;
        for (CaseRun r : ran) {
            List<LabRun> ours = ours(r);
            String kind = Scoring.normKind(String.valueOf(r.c.truthString("kind")));
            if (!ours.isEmpty() && (kind.equals("server") || kind.equals("static-site")) && r.c.truthFlag("selfContained")) {
                total++;
                right += ours.stream().anyMatch(l -> "ok".equals(l.probe)) ? 1 : 0;
            }
        }
        return new Ratio(right, total);
    }

    Ratio labSmaller() {
        int right = 0;
        int total = 0;
        for (CaseRun r : ran) {
            LabRun theirs = theirs(r);
            LabRun ours = ours(r).stream().filter(l -> "ok".equals(l.build)).findFirst().orElse(null);
            if (theirs != null && "ok".equals(theirs.build) && ours != null) {
                total++;
                right += ours.size <= theirs.size ? 1 : 0;
            }
        }
        return new Ratio(right, total);
    }

    private static List<LabRun> ours(CaseRun r) {
        return r.lab.stream().filter(l -> !l.what.equals("theirs")).toList();
    }

    private static LabRun theirs(CaseRun r) {
        return r.lab.stream().filter(l -> l.what.equals("theirs")).findFirst().orElse(null);
    }

    // ---- markdown ------------------------------------------------------------------------------------------------

    String summary() {
        StringBuilder s = new StringBuilder();
        s.append("Cases: ").append(runs.size()).append(", run: ").append(ran.size()).append("\n\n");
        s.append(fieldTable("Detection", fieldRatios(false)));
        s.append(fieldTable("Image fields (default final's Dockerfile)", fieldRatios(true)));
        s.append("| contract | right | of | ratio |\n|---|---:|---:|---:|\n");
        contractRatios().forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v.right()).append(" | ")
                .append(v.total()).append(" | ").append(v.percent()).append(" |\n"));
        s.append('\n');
        if (lab) {
            s.append(labSummary());
        }
        return s.toString();
    }

    private static String fieldTable(String title, Map<String, Ratio> ratios) {
        StringBuilder s = new StringBuilder("| " + title + " | right | scored | ratio |\n|---|---:|---:|---:|\n");
        ratios.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v.right()).append(" | ")
                .append(v.total()).append(" | ").append(v.percent()).append(" |\n"));
        return s.append('\n').toString();
    }

    private String labSummary() {
        if (labNote != null) {
            return "Lab: not run: " + labNote + "\n\n";
        }
        Ratio b = labBuilds();
        Ratio a = labAnswers();
        Ratio s = labSmaller();
        return "| lab | right | of | ratio |\n|---|---:|---:|---:|\n"
                + "| lab-buildable cases whose image builds | " + b.right() + " | " + b.total() + " | " + b.percent() + " |\n"
                + "| self-contained servers and static sites that answer | " + a.right() + " | " + a.total() + " | " + a.percent() + " |\n"
                + "| pairs where ours ≤ theirs in bytes | " + s.right() + " | " + s.total() + " | " + s.percent() + " |\n\n";
    }

    String markdown() {
        StringBuilder s = new StringBuilder("# dockergen on the real-world corpus\n\n");
        s.append("Written by `.ci/realworld` (docs/realworld.md explains the rules). A null truth is not scored; a refusal is right only\n"
                + "where the final truly cannot serve (scratch for Node, Python, Java).\n\n");
        s.append(summary());
        List<CaseRun> skipped = runs.stream().filter(r -> r.skipped != null).toList();
        if (!skipped.isEmpty()) {
            s.append("## Not run (left out of every ratio)\n\n");
            skipped.forEach(r -> s.append("- ").append(r.c.id()).append(": ").append(cell(r.skipped)).append('\n'));
            s.append('\n');
        }
        if (!lintNotes.isEmpty()) {
            s.append("## Linter notes\n\n");
            lintNotes.stream().distinct().limit(20).forEach(n -> s.append("- ").append(cell(n)).append('\n'));
            s.append('\n');
        }
        s.append("## Detection failures by field\n\n| field | wrong | examples (truth → detected) |\n|---|---:|---|\n");
        for (String field : Scoring.DETECT_FIELDS) {
            List<String> examples = new ArrayList<>();
            for (CaseRun r : ran) {
                r.fields.stream().filter(f -> f.field().equals(field) && f.verdict() == Verdict.WRONG)
                        .forEach(f -> examples.add(r.c.id() + ": " + f.truth() + " → " + (f.detected() == null ? "–" : f.detected())));
            }
            if (!examples.isEmpty()) {
                s.append("| ").append(field).append(" | ").append(examples.size()).append(" | ")
                        .append(cell(String.join("; ", examples.subList(0, Math.min(3, examples.size()))))).append(" |\n");
            }
        }
        long notListed = ran.stream().filter(r -> r.projectPath == null && r.detect != null).count();
        long detectFailed = ran.stream().filter(r -> r.detect == null).count();
        s.append("\nDetect failed (no JSON): ").append(detectFailed).append(" case(s); the case's app not among the detected projects: ")
                .append(notListed).append(" case(s) (every scored field wrong; see Notes).\n\n");
        s.append("## Contract failures by rule\n\n| rule | app × final | examples |\n|---|---:|---|\n");
        contractClasses().entrySet().stream()
                .sorted((x, y) -> y.getValue().size() != x.getValue().size() ? y.getValue().size() - x.getValue().size()
                        : x.getKey().compareTo(y.getKey()))
                .forEach(e -> s.append("| ").append(cell(e.getKey())).append(" | ").append(e.getValue().size()).append(" | ")
                        .append(cell(String.join(", ", e.getValue().subList(0, Math.min(4, e.getValue().size())))))
                        .append(" |\n"));
        s.append("\n## Cases\n\n| case | project | wrong fields | default | scratch | alpine | distroless |\n|---|---|---|---|---|---|---|\n");
        for (CaseRun r : ran) {
            List<String> wrong = new ArrayList<>();
            r.fields.stream().filter(f -> f.verdict() == Verdict.WRONG).forEach(f -> wrong.add(f.field()));
            r.imageFields.stream().filter(f -> f.verdict() == Verdict.WRONG).forEach(f -> wrong.add(f.field()));
            s.append("| ").append(r.c.id()).append(" | ").append(r.projectPath == null ? "–" : r.projectPath).append(" | ")
                    .append(wrong.isEmpty() ? "–" : String.join(", ", wrong)).append(" | ")
                    .append(r.defaultFinal == null ? "–" : r.defaultFinal);
            for (String stage : RealWorldRunner.FINALS) {
                FinalRun f = r.finals.get(stage);
                s.append(" | ").append(f == null ? "–" : finalCell(f));
            }
            s.append(" |\n");
        }
        s.append("\n## Wrong fields\n\n| case | field | truth | detected |\n|---|---|---|---|\n");
        for (CaseRun r : ran) {
            List<FieldScore> all = new ArrayList<>(r.fields);
            all.addAll(r.imageFields);
            for (FieldScore f : all) {
                if (f.verdict() == Verdict.WRONG) {
                    s.append("| ").append(r.c.id()).append(" | ").append(f.field()).append(" | ").append(cell(f.truth()))
                            .append(" | ").append(cell(f.detected() == null ? (r.detectError != null ? "(detect: " + r.detectError + ")" : "–")
                                    : f.detected())).append(" |\n");
                }
            }
        }
        s.append("\n## Contract problems\n\n| case | final | problem |\n|---|---|---|\n");
        for (CaseRun r : ran) {
            for (FinalRun f : r.finals.values()) {
                if (!f.right()) {
                    List<String> ps = f.problems.isEmpty() ? List.of(f.status + ": " + (f.error == null ? "exit " + f.exit : f.error))
                            : f.problems;
                    for (String p : ps) {
                        s.append("| ").append(r.c.id()).append(" | ").append(f.stage).append(" | ").append(cell(p)).append(" |\n");
                    }
                }
            }
        }
        if (lab && labNote == null) {
            s.append("\n## Lab\n\n| case | image | build | run | probe | bytes | theirs bytes | ours ≤ theirs | detail |\n"
                    + "|---|---|---|---|---|---:|---:|---|---|\n");
            for (CaseRun r : ran) {
                LabRun theirs = theirs(r);
                for (LabRun l : r.lab) {
                    boolean pair = !l.what.equals("theirs") && theirs != null && "ok".equals(theirs.build) && "ok".equals(l.build);
                    s.append("| ").append(r.c.id()).append(" | ").append(l.what).append(" | ").append(l.build).append(" | ")
                            .append(l.run).append(" | ").append(l.probe).append(l.probeMode == null ? "" : " (" + l.probeMode + ")")
                            .append(" | ").append(l.size == 0 ? "–" : String.format(Locale.ROOT, "%,d", l.size)).append(" | ")
                            .append(pair ? String.format(Locale.ROOT, "%,d", theirs.size) : "–").append(" | ")
                            .append(pair ? (l.size <= theirs.size ? "yes" : "no") : "–").append(" | ")
                            .append(l.detail == null ? "" : cell(l.detail.length() > 300 ? l.detail.substring(l.detail.length() - 300) : l.detail))
                            .append(" |\n");
                }
            }
        }
        List<CaseRun> noted = ran.stream().filter(r -> !r.notes.isEmpty()).toList();
        if (!noted.isEmpty()) {
            s.append("\n## Notes\n\n");
            noted.forEach(r -> r.notes.forEach(n -> s.append("- ").append(r.c.id()).append(": ").append(cell(n)).append('\n')));
        }
        return s.toString();
    }

    private static String finalCell(FinalRun f) {
        return switch (f.status) {
            case "ok" -> "ok";
            case "refused-right" -> "refused (right)";
            case "refused" -> "**refused**";
            case "failed" -> "**exit " + f.exit + "**";
            default -> "**" + f.problems.size() + " problem" + (f.problems.size() == 1 ? "" : "s") + "**";
        };
    }

    private static String cell(String s) {
        return s == null ? "–" : s.replace("|", "\\|").replace("\n", " ").replace("`", "'");
    }

    // ---- json ----------------------------------------------------------------------------------------------------

    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cases", runs.size());
        root.put("run", ran.size());
        root.put("fields", ratios(fieldRatios(false)));
        root.put("imageFields", ratios(fieldRatios(true)));
        root.put("contract", ratios(contractRatios()));
        Map<String, Object> classes = new LinkedHashMap<>();
        contractClasses().forEach((k, v) -> classes.put(k, v));
        root.put("contractFailures", classes);
        root.put("lintNotes", lintNotes);
        if (lab) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("note", labNote);
            l.put("builds", ratio(labBuilds()));
            l.put("answers", ratio(labAnswers()));
            l.put("oursNotLarger", ratio(labSmaller()));
            root.put("lab", l);
        }
        List<Object> rows = new ArrayList<>();
        for (CaseRun r : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.c.id());
            row.put("repo", r.c.repo());
            row.put("commit", r.c.commit());
            row.put("usedCommit", r.usedCommit);
            row.put("dir", r.c.dir());
            row.put("project", r.c.project());
            row.put("skipped", r.skipped);
            row.put("notes", r.notes);
            row.put("detectExit", r.detectExit);
            row.put("detectError", r.detectError);
            row.put("detectedProject", r.projectPath);
            row.put("defaultFinal", r.defaultFinal);
            Map<String, Object> fields = new LinkedHashMap<>();
            List<FieldScore> all = new ArrayList<>(r.fields);
            all.addAll(r.imageFields);
            for (FieldScore f : all) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("truth", f.truth());
                m.put("detected", f.detected());
                m.put("verdict", f.verdict().name().toLowerCase(Locale.ROOT));
                fields.put(f.field(), m);
            }
            row.put("fields", fields);
            Map<String, Object> finals = new LinkedHashMap<>();
            r.finals.forEach((k, f) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", f.status);
                m.put("right", f.right());
                m.put("exit", f.exit);
                m.put("error", f.error);
                m.put("member", f.member);
                m.put("problems", f.problems);
                finals.put(k, m);
            });
            row.put("finals", finals);
            if (!r.lab.isEmpty()) {
                List<Object> labRows = new ArrayList<>();
                for (LabRun l : r.lab) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("image", l.what);
                    m.put("build", l.build);
                    m.put("run", l.run);
                    m.put("probe", l.probe);
                    m.put("probeMode", l.probeMode);
                    m.put("bytes", l.size);
                    m.put("buildSeconds", l.buildSeconds);
                    m.put("detail", l.detail);
                    labRows.add(m);
                }
                row.put("lab", labRows);
            }
            rows.add(row);
        }
        root.put("rows", rows);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> ratios(Map<String, Ratio> ratios) {
        Map<String, Object> out = new LinkedHashMap<>();
        ratios.forEach((k, v) -> out.put(k, ratio(v)));
        return out;
    }

    private static Map<String, Object> ratio(Ratio r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("right", r.right());
        m.put("total", r.total());
        m.put("ratio", r.total() == 0 ? null : Math.round(1000.0 * r.right() / r.total()) / 1000.0);
        return m;
    }
}
