package dev.dockergen.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Findings as JSON (dockergen's own shape) and as SARIF 2.1.0 (for code scanning). */
public final class AuditReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private AuditReport() {
    }

    public static String json(List<Finding> findings) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode items = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode o = items.addObject();
            o.put("file", f.file());
            o.put("line", f.line());
            o.put("column", f.column());
            o.put("severity", f.severity().name());
            o.put("rule", f.rule());
            o.put("message", f.message());
        }
        root.put("count", findings.size());
        return write(root);
    }

    public static String sarif(List<Finding> findings, List<Rule> rules, String toolVersion) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SARIF_SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "dockergen");
        driver.put("version", toolVersion);
        ArrayNode ruleArray = driver.putArray("rules");
        for (Rule r : rules) {
            ObjectNode o = ruleArray.addObject();
            o.put("id", r.id());
            o.putObject("shortDescription").put("text", r.description());
            o.putObject("fullDescription").put("text", r.help());
            o.putObject("help").put("text", r.help());
            if (r.helpUri() != null) {
                o.put("helpUri", r.helpUri());
            }
            o.putObject("defaultConfiguration").put("level", level(r.severity()));
            if (r.securitySeverity() != null) {
                // GitHub code scanning ranks security alerts by this property
                ObjectNode properties = o.putObject("properties");
                properties.putArray("tags").add("security");
                properties.put("security-severity", r.securitySeverity());
            }
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            ObjectNode o = results.addObject();
            o.put("ruleId", f.rule());
            o.put("ruleIndex", indexOf(rules, f.rule()));
            o.put("level", level(f.severity()));
            o.putObject("message").put("text", f.message());
            ObjectNode physical = o.putArray("locations").addObject().putObject("physicalLocation");
            artifact(physical.putObject("artifactLocation"), f.file());
            ObjectNode region = physical.putObject("region");
            region.put("startLine", f.line());
            region.put("startColumn", f.column());
        }
        return write(root);
    }

    /**
     * A relative path is a URI reference against %SRCROOT% (the checkout root code scanning knows); an absolute one
     * is a file: URI. Both percent-encoded where a path holds spaces and the like.
     */
    private static void artifact(ObjectNode location, String file) {
        java.nio.file.Path path = java.nio.file.Path.of(file);
        if (path.isAbsolute()) {
            location.put("uri", path.toUri().toASCIIString());
            return;
        }
        try {
            location.put("uri", new java.net.URI(null, null, file.replace('\\', '/').replaceFirst("^\\./", ""), null)
                    .toASCIIString());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(file, e);
        }
        location.put("uriBaseId", "%SRCROOT%");
    }

    private static int indexOf(List<Rule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** SARIF's levels for dockergen's severities. */
    static String level(Finding.Severity s) {
        return switch (s) {
            case error -> "error";
            case warning -> "warning";
            case info -> "note";
        };
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
