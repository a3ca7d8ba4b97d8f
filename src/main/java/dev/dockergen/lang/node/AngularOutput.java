package dev.dockergen.lang.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Source;
import java.util.Iterator;

/** Where `ng build` writes: the output folder, the folder of the browser files in it, and where that is set. */
record AngularOutput(String base, String browser, Source source) {
    /**
     * From angular.json: the default (else first) application's outputPath, a string or {base, browser}, else
     * "dist/&lt;project&gt;". The application builder puts the browser files in "browser/" (or the folder given);
     * the older browser builder straight in the output path.
     */
    static AngularOutput of(ProjectFiles files) {
        String text = files.read("angular.json").orElseThrow();
        JsonNode ng = NodeDetector.parse("angular.json", text);
        Lines lines = new Lines(text);
        JsonNode projects = ng.path("projects");
        String name = ng.path("defaultProject").asText(null);
        if (name == null || !projects.has(name)) {
            name = null;
            Iterator<String> names = projects.fieldNames();
            while (names.hasNext() && name == null) {
                String n = names.next();
                if (projects.path(n).path("projectType").asText("application").equals("application")) {
                    name = n;
                }
            }
        }
        if (name == null) {
            throw new ProjectInputException(Source.of("angular.json", lines.of("\"projects\"")),
                    "no application project in angular.json; add one with ng generate application");
        }
        JsonNode build = projects.path(name).path("architect").path("build");
        JsonNode out = build.path("options").path("outputPath");
        String base = (out.isTextual() ? out.asText() : out.path("base").asText("dist/" + name))
                .replaceFirst("^\\./", "").replaceAll("/+$", "");
        String browser = !build.path("builder").asText("").endsWith(":application") ? ""
                : out.isObject() && out.has("browser") ? out.path("browser").asText("") : "browser";
        Source source = Source.of("angular.json", out.isMissingNode() ? lines.of("\"" + name + "\"") : lines.of("\"outputPath\""));
        if (!NodeDetector.SAFE_PATH.matcher(base).matches()
                || !(browser.isEmpty() || NodeDetector.SAFE_PATH.matcher(browser).matches())) {
            throw new ProjectInputException(source, "the outputPath is not a plain relative path; write it like dist/app");
        }
        return new AngularOutput(base, browser.isEmpty() ? base : base + "/" + browser, source);
    }
}
