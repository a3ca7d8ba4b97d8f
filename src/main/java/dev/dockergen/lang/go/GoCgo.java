package dev.dockergen.lang.go;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.Source;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Whether the build needs cgo: it follows from imports the build reaches, not from a module merely listed in go.mod.
 * An {@code import "C"} in a package the program reaches, or a module that wraps a C library when the build reaches
 * one of its packages: imported by the program's own packages; listed with packages in vendor/modules.txt (go mod
 * vendor copies only packages the build needs); or an {@code // indirect} requirement of a go.mod at go 1.17 or later,
 * whose pruned module graph lists a module only when the program's packages reach it. An indirect requirement of an
 * older go.mod is often a left-over of a dependency without a go.mod, and says nothing.
 */
final class GoCgo {
    /** Modules that do nothing useful without cgo (they wrap C libraries). */
    private static final Map<String, String> CGO_MODULES = Map.of(
            "github.com/mattn/go-sqlite3", "SQLite through cgo",
            "github.com/confluentinc/confluent-kafka-go", "librdkafka through cgo",
            "github.com/tecbot/gorocksdb", "RocksDB through cgo",
            "github.com/linxGnu/grocksdb", "RocksDB through cgo",
            "gopkg.in/gographics/imagick.v3", "ImageMagick through cgo",
            "github.com/go-gl/glfw", "GLFW through cgo",
            "github.com/veandco/go-sdl2", "SDL2 through cgo");

    private GoCgo() {
    }

    /**
     * @param reached the scanned files of the packages the program is built from (all of them when the main package
     *                is not known)
     */
    static Fact<Boolean> of(List<GoSourceScan> reached, GoMod mod, ProjectFiles files, boolean vendored) {
        for (GoSourceScan s : reached) {
            if (s.importC != null && !s.ignored) {
                return GoSourceScan.yes(s.importC);
            }
        }
        if (mod == null) {
            // no go.mod (GOPATH mode, or a throw-away module): a C-wrapping package the program imports
            return reached.stream().filter(s -> !s.ignored)
                    .filter(s -> s.imports.stream().anyMatch(i -> CGO_MODULES.keySet().stream()
                            .anyMatch(m -> i.equals(m) || i.startsWith(m + "/"))))
                    .findFirst().map(s -> GoSourceScan.yes(Source.of(s.path)))
                    .orElse(new Fact<>(Boolean.FALSE, null));
        }
        List<String> vendorLines = vendored ? files.read("vendor/modules.txt").orElse("").lines().toList() : List.of();
        for (GoMod.Require r : mod.requires()) {
            String module = new TreeSet<>(CGO_MODULES.keySet()).stream()
                    .filter(m -> r.path().equals(m) || r.path().startsWith(m + "/")).findFirst().orElse(null);
            if (module == null) {
                continue;
            }
            boolean imported = reached.stream().filter(s -> !s.ignored).flatMap(s -> s.imports.stream())
                    .anyMatch(i -> i.equals(r.path()) || i.startsWith(r.path() + "/"));
            if (imported) {
                return GoSourceScan.yes(Source.of("go.mod", r.line()));
            }
            if (vendored) {
                for (int i = 0; i < vendorLines.size(); i++) {
                    String line = vendorLines.get(i).trim();
                    if (!line.startsWith("#") && (line.equals(r.path()) || line.startsWith(r.path() + "/"))) {
                        return GoSourceScan.yes(Source.of("vendor/modules.txt", i + 1));
                    }
                }
            } else if (r.indirect() && mod.goAtLeast(17)) {
                return GoSourceScan.yes(Source.of("go.mod", r.line()));
            }
        }
        return new Fact<>(Boolean.FALSE, null);
    }
}
