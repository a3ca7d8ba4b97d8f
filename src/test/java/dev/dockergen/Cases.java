package dev.dockergen;

import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.DirectoryProjectFiles;
import dev.dockergen.detect.Language;
import dev.dockergen.preset.CatalogLoader;
import dev.dockergen.preset.FinalStage;
import dev.dockergen.preset.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one case catalogue of the tests: every fixture found under {@code src/test/resources/fixtures/<language>/<name>/},
 * times every final stage its language's built-in presets offer. A case dockergen refuses is a case too: its
 * message is approved as text. The approval, contract, linter and audit tests all iterate this list.
 */
public final class Cases {
    /** Fixtures that hold several projects: the member each case generates for (as --project would choose; any number). */
    private static final Map<String, String> MEMBERS = Map.ofEntries(
            Map.entry("go/underscore-example", "_examples/hello"),
            Map.entry("c/make-parent-header", "examples"),
            Map.entry("java/dropwizard-module-state", "server"),
            Map.entry("c/make-linked-source", "examples/bell"),
            Map.entry("node/next-pnpm-workspace", "apps/shop"),
            Map.entry("node/npm-workspaces", "apps/api"),
            Map.entry("node/pnpm-workspaces", "apps/api"),
            Map.entry("node/vite-hoisted-workspace", "site"),
            Map.entry("node/yarn-berry-workspaces", "apps/web"),
            Map.entry("python/uv-workspace", "packages/api"),
            Map.entry("node/workspace-serves-client", "server"));

    private Cases() {
    }

    /** One fixture repository. */
    public record Fixture(Language language, String name) {
        public Path dir() {
            return Fixtures.ROOT.resolve(language.id()).resolve(name);
        }

        /** The catalogue's name for it, {@code <language>.<name>}: approved files start with it. */
        public String id() {
            return language.id() + "." + name;
        }

        public DetectOptions detectOptions() {
            return new DetectOptions(MEMBERS.get(language.id() + "/" + name), null);
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** One fixture on one final stage. */
    public record Case(Fixture fixture, FinalStage stage) {
        /** {@code <language>.<name>.<final>}. */
        public String id() {
            return fixture.id() + "." + stage.id();
        }

        /** Generates the case; a refusal throws {@link DockergenException}. */
        public GenerationResult generate() {
            return Fixtures.dockergen().generate(new GenerateRequest(
                    new DirectoryProjectFiles(fixture.dir(), fixture.name()), fixture.detectOptions(), null, stage, null));
        }

        /** The generated files, or empty when dockergen refuses the case. */
        public java.util.Optional<GenerationResult> generated() {
            try {
                return java.util.Optional.of(generate());
            } catch (DockergenException e) {
                return java.util.Optional.empty();
            }
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /**
     * Every fixture, by language in {@link Language} order, then by name; {@code -Dcases=node.vite} (a prefix of
     * the id) narrows a local run to some fixtures.
     */
    public static List<Fixture> fixtures() {
        String only = System.getProperty("cases", "");
        return allFixtures().stream().filter(f -> f.id().startsWith(only)).toList();
    }

    private static List<Fixture> allFixtures() {
        List<Fixture> out = new ArrayList<>();
        for (Language language : Language.values()) {
            Path dir = Fixtures.ROOT.resolve(language.id());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> names = Files.list(dir)) {
                names.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                        .forEach(name -> out.add(new Fixture(language, name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The final stages the built-in presets offer for {@code language}, in catalogue order. */
    public static List<FinalStage> finals(Language language) {
        return CatalogLoader.builtIn().forLanguage(language).stream().map(Preset::finalStage).distinct().toList();
    }

    /** Every fixture on every final stage of its language. */
    public static List<Case> all() {
        List<Case> out = new ArrayList<>();
        for (Fixture f : fixtures()) {
            finals(f.language()).forEach(stage -> out.add(new Case(f, stage)));
        }
        return out;
    }

    /** The cases dockergen generates files for (refusals left out), each with its result. */
    public static Stream<Generated> generated() {
        return all().stream().flatMap(c -> c.generated().map(r -> new Generated(c, r)).stream());
    }

    /** A case with its generated files. */
    public record Generated(Case c, GenerationResult result) {
        public String dockerfile() {
            return result.files().get(0).content();
        }

        public String dockerignore() {
            return result.files().get(1).content();
        }

        @Override
        public String toString() {
            return c.id();
        }
    }
}
