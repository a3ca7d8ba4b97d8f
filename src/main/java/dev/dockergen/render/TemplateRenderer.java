package dev.dockergen.render;

import dev.dockergen.plan.DockerfilePlan;
import dev.dockergen.plan.DockerignorePlan;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Prints plans through the jte templates precompiled from the top-level templates/ folder. */
public final class TemplateRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Plain);

    public String dockerfile(DockerfilePlan plan) {
        return render("dockerfile.jte", plan);
    }

    public String dockerignore(DockerignorePlan plan) {
        return render("dockerignore.jte", plan);
    }

    private String render(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }
}
