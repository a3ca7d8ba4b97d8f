package dev.dockergen.detect;

import java.util.List;

/**
 * Everything detection learnt about one project in the repository, with a source for each fact.
 *
 * @param path repository-relative directory of the project ("." for the root)
 * @param details language-specific facts the planner needs (each language's own record in lang/&lt;id&gt;/)
 * @param writes files and folders the program writes at run time (its language's {@link WritesScanner})
 */
public record ProjectFacts(
        String path,
        Language language,
        String buildTool,
        String packageManager,
        Fact<String> languageVersion,
        Fact<String> framework,
        Fact<Integer> port,
        List<String> start,
        List<String> evidence,
        LanguageDetails details,
        List<WritePath> writes) {

    public ProjectFacts {
        start = start == null ? null : List.copyOf(start);
        evidence = List.copyOf(evidence);
        writes = writes == null ? List.of() : List.copyOf(writes);
    }

    /** Facts without written paths (a scanner adds them with {@link #withWrites}). */
    public ProjectFacts(String path, Language language, String buildTool, String packageManager,
                        Fact<String> languageVersion, Fact<String> framework, Fact<Integer> port, List<String> start,
                        List<String> evidence, LanguageDetails details) {
        this(path, language, buildTool, packageManager, languageVersion, framework, port, start, evidence, details,
                List.of());
    }

    /** The same facts with {@code writes} as the written paths. */
    public ProjectFacts withWrites(List<WritePath> writes) {
        return new ProjectFacts(path, language, buildTool, packageManager, languageVersion, framework, port, start,
                evidence, details, writes);
    }

    /** An application rather than a library: something starts, or it is served as it is (a static site). */
    public boolean isApp() {
        return start != null || (details != null && details.appWithoutStart());
    }

    /** The same facts for a project found at {@code dir}; sources stay relative to that directory. */
    public ProjectFacts at(String dir) {
        return new ProjectFacts(dir, language, buildTool, packageManager, languageVersion, framework, port, start,
                evidence, details, writes);
    }
}
