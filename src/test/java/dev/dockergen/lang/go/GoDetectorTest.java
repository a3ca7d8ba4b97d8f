package dev.dockergen.lang.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dockergen.DockergenException;
import dev.dockergen.ExitCode;
import dev.dockergen.Fixtures;
import dev.dockergen.detect.DetectOptions;
import dev.dockergen.detect.Fact;
import dev.dockergen.detect.MemoryProjectFiles;
import dev.dockergen.detect.ProjectFacts;
import dev.dockergen.detect.ProjectFiles;
import dev.dockergen.detect.ProjectInputException;
import dev.dockergen.detect.Warning;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoDetectorTest {
    private final List<Warning> warnings = new ArrayList<>();

    private ProjectFacts detect(ProjectFiles files) {
        return detect(files, DetectOptions.DEFAULT);
    }

    private ProjectFacts detect(ProjectFiles files, DetectOptions options) {
        return new GoDetector().detect(files, options, warnings).orElseThrow();
    }

    private ProjectFacts fixture(String name) {
        return detect(Fixtures.goFiles(name));
    }

    private static GoDetails go(ProjectFacts facts) {
        return (GoDetails) facts.details();
    }

    private static String fact(Fact<?> f) {
        return f == null ? null : f.value() + " @ " + f.source();
    }

    private static MemoryProjectFiles repo(String... pathThenText) {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        for (int i = 0; i < pathThenText.length; i += 2) {
            files.put(pathThenText[i], pathThenText[i + 1]);
        }
        return new MemoryProjectFiles("repo", files);
    }

    @Test
    void plainNetHttpAtTheRootGivesVersionPortHealthAndStartWithSources() {
        ProjectFacts p = fixture("nethttp-root");
        assertEquals("go", p.buildTool());
        assertEquals("go-modules", p.packageManager());
        assertEquals("1.22 @ go.mod:3", fact(p.languageVersion()));
        assertEquals("8080 @ main.go:16", fact(p.port()));
        assertNull(p.framework());
        assertEquals(List.of("greeter"), p.start());
        assertEquals(". @ main.go:9", fact(go(p).mainPackage()));
        assertEquals("/healthz @ main.go:10", fact(go(p).healthPath()));
        assertEquals("false @ null", fact(go(p).cgo()));
        assertFalse(go(p).hasGoSum());
        assertEquals(List.of("go.mod", "main.go"), p.evidence());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aRequiredPortGivesWayToTheProjectsOwnDockerfile() {
        String main = "package main\n\nimport (\n\t\"net\"\n\t\"os\"\n)\n\nfunc main() {\n\tport := os.Getenv(\"PORT\")\n"
                + "\tl, _ := net.Listen(\"tcp\", \":\"+port)\n\t_ = l\n}\n";
        ProjectFacts alone = dev.dockergen.lang.Languages.detectors().detect(repo("go.mod",
                "module example.com/catalog\n\ngo 1.22\n", "main.go", main), dev.dockergen.detect.DetectOptions.DEFAULT)
                .projects().get(0);
        assertEquals("8080 @ main.go:9", fact(alone.port()), "no default anywhere: the image sets PORT=8080");
        ProjectFacts exposed = dev.dockergen.lang.Languages.detectors().detect(repo("go.mod",
                "module example.com/catalog\n\ngo 1.22\n", "main.go", main, "Dockerfile",
                "FROM golang:1.22\nEXPOSE 3550\nCMD [\"catalog\"]\n"), dev.dockergen.detect.DetectOptions.DEFAULT)
                .projects().get(0);
        assertEquals("3550 @ Dockerfile:2", fact(exposed.port()), "the project's own EXPOSE outranks a guessed default");
    }

    @Test
    void ginRunCountsOnlyOnAGinEngineAndCobraOrTagDefaultsGiveThePort() {
        ProjectFacts gin = detect(repo("go.mod", "module example.com/web\n\ngo 1.22\n",
                "main.go", "package main\n\nfunc main() {\n\tr := gin.Default()\n\tr.Run()\n}\n"));
        assertEquals("8080 @ main.go:5", fact(gin.port()));
        ProjectFacts exec = detect(repo("go.mod", "module example.com/job\n\ngo 1.22\n",
                "main.go", "package main\n\nfunc main() {\n\tcmd := exec.Command(\"ls\")\n\tcmd.Run()\n}\n"));
        assertEquals(null, exec.port());
        ProjectFacts cobra = detect(repo("go.mod", "module example.com/srv\n\ngo 1.22\n",
                "main.go", "package main\n\nfunc main() {\n\tcmd.Flags().IntP(\"port\", \"p\", 8090, \"port\")\n}\n"));
        assertEquals("8090 @ main.go:4", fact(cobra.port()));
        ProjectFacts tags = detect(repo("go.mod", "module example.com/srv\n\ngo 1.22\n",
                "main.go", "package main\n\ntype opts struct {\n\tDBPort int `long:\"db-port\" default:\"5432\"`\n"
                        + "\tAPIHost string `conf:\"default:0.0.0.0:3000\"`\n}\n\nfunc main() {}\n"));
        assertEquals("3000 @ main.go:5", fact(tags.port()));
    }

    @Test
    void anExplicitMainMayNameAFolderTheWalkSkips() {
        ProjectFacts p = detect(repo("go.mod", "module example.com/lib\n\ngo 1.22\n",
                        "lib.go", "package lib\n",
                        "_examples/hello/main.go", "package main\n\nfunc main() { http.ListenAndServe(\":3333\", nil) }\n"),
                new DetectOptions("_examples/hello"));
        assertEquals("_examples/hello @ _examples/hello/main.go:3", fact(go(p).mainPackage()));
        assertEquals("3333 @ _examples/hello/main.go:3", fact(p.port()));
    }

    @Test
    void anEmptyGoModIsNoModule() {
        assertTrue(new GoDetector().detect(repo("go.mod", "\n", "main.go", "package main\n\nfunc main() {}\n"),
                DetectOptions.DEFAULT, warnings).isEmpty());
        assertEquals("go.mod: empty go.mod: not a Go module, skipped; add `module <path>` to build this folder "
                + "as a program of its own", warnings.get(0).toString());
    }

    @Test
    void flagPortComesFromTheFlagDefaultNotFromCmdRunPprofOrOtherPackages() {
        ProjectFacts p = fixture("flag-port");
        // not cmd.Run() (gin's default 8080), not the loopback profiler, not r.RemoteAddr, not tools/seed's :7000,
        // not internal/testenv (never imported by the program)
        assertEquals("8081 @ main.go:13", fact(p.port()));
        assertEquals(". @ main.go:15", fact(go(p).mainPackage())); // the root main beats tools/seed
        assertEquals("relay", go(p).binaryName());
        assertEquals("false @ null", fact(go(p).readsPortEnv()));
    }

    @Test
    void cmdServerLayoutFindsTheMainPackageAndTheAddrField() {
        ProjectFacts p = fixture("cmd-server");
        assertEquals("cmd/server @ cmd/server/main.go:12", fact(go(p).mainPackage()));
        assertEquals("inventory", go(p).binaryName()); // cmd/server says nothing: the module names it
        assertEquals("9090 @ cmd/server/main.go:14", fact(p.port()));
        assertEquals("/readyz @ internal/api/api.go:12", fact(go(p).healthPath()));
        assertEquals("github.com/acme/inventory @ go.mod:1", fact(go(p).module()));
        assertEquals(List.of("cmd/server", "internal/api"), go(p).packageDirs());
    }

    @Test
    void missingGoSumWithDependenciesIsAWarningNotAnError() {
        ProjectFacts p = fixture("no-gosum");
        assertFalse(go(p).hasGoSum());
        assertTrue(go(p).hasRequires());
        assertEquals("3000 @ main.go:16", fact(p.port()));
        assertEquals("true @ main.go:16", fact(go(p).readsPortEnv()));
        assertEquals("chi @ go.mod:5", fact(p.framework()));
        assertEquals(List.of("go.mod: go.sum is missing, so downloads are not verified; run `go mod tidy` and commit go.sum"),
                warnings.stream().map(Warning::toString).toList());
    }

    @Test
    void sqliteDriverMeansCgoWithTheRequireLineAsSource() {
        ProjectFacts p = fixture("cgo-sqlite");
        assertEquals("true @ go.mod:5", fact(go(p).cgo()));
        assertEquals("/health @ main.go:18", fact(go(p).healthPath()));
    }

    @Test
    void aCgoModuleCountsOnlyWhereTheBuildReachesIt() {
        String main = "package main\n\nfunc main() {}\n";
        // a left-over indirect requirement of an old go.mod, in no vendored package: no cgo
        assertEquals("false @ null", fact(go(detect(repo("go.mod", "module a.b/c\n\ngo 1.16\n\n"
                + "require github.com/mattn/go-sqlite3 v1.11.0 // indirect\n",
                "vendor/modules.txt", "# github.com/mattn/go-sqlite3 v1.11.0\n## explicit\n", "main.go", main))).cgo()));
        // vendored with its package: a dependency reaches it
        assertEquals("true @ vendor/modules.txt:3", fact(go(detect(repo("go.mod", "module a.b/c\n\ngo 1.16\n\n"
                + "require github.com/mattn/go-sqlite3 v1.11.0 // indirect\n",
                "vendor/modules.txt", "# github.com/mattn/go-sqlite3 v1.11.0\n## explicit\ngithub.com/mattn/go-sqlite3\n",
                "main.go", main))).cgo()));
        // go 1.17+ lists indirect modules only when the program's packages reach them
        assertEquals("true @ go.mod:5", fact(go(detect(repo("go.mod", "module a.b/c\n\ngo 1.22\n\n"
                + "require github.com/mattn/go-sqlite3 v1.14.22 // indirect\n", "main.go", main))).cgo()));
        // a direct requirement that only another program imports
        assertEquals("false @ null", fact(go(detect(repo("go.mod", "module a.b/c\n\ngo 1.22\n\n"
                + "require github.com/mattn/go-sqlite3 v1.14.22\n", "main.go", main,
                "tools/seed/main.go", "package main\n\nimport _ \"github.com/mattn/go-sqlite3\"\n\nfunc main() {}\n"),
                new DetectOptions(null, "."))).cgo()));
    }

    @Test
    void aLoopbackFlagDefaultIsPassedAsAnArgumentOnEveryInterface() {
        ProjectFacts p = fixture("loopback-flag");
        assertEquals("[--addr=:8080] @ main.go:13", fact(go(p).listenArgs()));
        assertNull(go(fixture("nethttp-root")).listenArgs());
    }

    @Test
    void vendorIsUsedOnlyWhereGoBuildItselfUsesIt() {
        String main = "package main\n\nfunc main() {}\n";
        ProjectFacts old = detect(repo("go.mod", "module a.b/c\n\ngo 1.13\n\nrequire example.com/x v1.0.0\n",
                "go.sum", "", "vendor/modules.txt", "# example.com/x v1.0.0\n", "main.go", main));
        assertFalse(go(old).vendored());
        assertTrue(warnings.stream().anyMatch(w -> w.message().contains("go mod edit -go=1.14 && go mod vendor")), warnings::toString);
        ProjectFacts current = detect(repo("go.mod", "module a.b/c\n\ngo 1.14\n\nrequire example.com/x v1.0.0\n",
                "vendor/modules.txt", "# example.com/x v1.0.0\n## explicit\n", "main.go", main));
        assertTrue(go(current).vendored());
    }

    @Test
    void importCMeansCgoWithTheImportLineAsSource() {
        ProjectFacts p = detect(repo("go.mod", "module a.b/c\n\ngo 1.22\n",
                "main.go", "package main\n\n// #include <stdio.h>\nimport \"C\"\n\nfunc main() {}\n"));
        assertEquals("true @ main.go:4", fact(go(p).cgo()));
    }

    @Test
    void workerHasNoPortAndNeedsTimeZoneData() {
        ProjectFacts p = fixture("worker");
        assertNull(p.port());
        assertEquals("true @ main.go:10", fact(go(p).needsTzdata()));
    }

    @Test
    void caCertificatesAreNeededForTlsCapableImportsOrThirdPartyModulesOnly() {
        assertEquals("false @ null", fact(go(fixture("worker")).needsCaCerts()), "log and time only");
        assertEquals("true @ main.go:6", fact(go(fixture("nethttp-root")).needsCaCerts()));
        assertEquals("true @ go.mod:2", fact(go(detect(repo("go.mod", "module a.b/c\nrequire x.y/z v1.0.0\n",
                "main.go", "package main\n\nimport \"x.y/z\"\n\nfunc main() { z.Run() }\n"))).needsCaCerts()));
    }

    @Test
    void importingTimeTzdataMeansNoExtraTimeZoneData() {
        ProjectFacts p = detect(repo("go.mod", "module a.b/c\n",
                "main.go", "package main\n\nimport (\n\t\"time\"\n\t_ \"time/tzdata\"\n)\n\nfunc main() {\n\t_, _ = time.LoadLocation(\"UTC\")\n}\n"));
        assertFalse(go(p).needsTzdata().value());
    }

    @Test
    void chiWithAPortVariableAndGoSum() {
        ProjectFacts p = fixture("chi-port");
        assertEquals("3000 @ main.go:21", fact(p.port()));
        assertEquals("chi @ go.mod:5", fact(p.framework()));
        assertTrue(go(p).hasGoSum());
        assertEquals(List.of("go.mod", "go.sum", "main.go"), p.evidence());
    }

    @Test
    void theToolchainIsTheVersionAndTheGoDirectiveItsMinimum() {
        ProjectFacts p = fixture("toolchain");
        assertEquals("1.23.4 @ go.mod:5", fact(p.languageVersion()));
        assertEquals("1.22.0 @ go.mod:3", fact(go(p).directive()));
        assertEquals("go1.23.4 @ go.mod:5", fact(go(p).toolchain()));
    }

    @Test
    void embedsAndLocalReplacesAreFound() {
        ProjectFacts p = fixture("embed-replace");
        assertEquals(List.of("certs/server.key", "certs/server.pem", "web/index.html"), go(p).embedPaths());
        assertEquals(List.of("libs/greeting"), go(p).localModules());
        assertFalse(go(p).hasRequires(), "a locally replaced module needs no download");
        assertEquals(List.of(), warnings);
    }

    @Test
    void mainGoWithoutGoModIsAProjectWithAWarning() {
        ProjectFacts p = fixture("no-gomod");
        assertNull(p.packageManager());
        assertNull(p.languageVersion());
        assertFalse(go(p).hasGoMod());
        assertTrue(warnings.get(0).message().startsWith("no go.mod: the image build creates a throw-away module"));
    }

    @Test
    void severalMainPackagesLeaveTheChoiceOpenAndSaySo() {
        ProjectFacts p = fixture("several-mains");
        assertNull(go(p).mainPackage());
        assertEquals(List.of("cmd/api", "cmd/migrate"), go(p).mainCandidates());
        assertEquals("several main packages (cmd/api, cmd/migrate); choose one with --main cmd/api",
                warnings.get(0).toString());
    }

    @Test
    void mainOptionChoosesAmongSeveral() {
        ProjectFacts p = detect(Fixtures.goFiles("several-mains"), new DetectOptions("./cmd/migrate/"));
        assertEquals("cmd/migrate", go(p).mainPackage().value());
        assertNull(p.port(), "another program's port (cmd/api listens on 8080) is not this one's");
    }

    @Test
    void mainOptionNamingNoMainPackageIsAUsageError() {
        DockergenException e = assertThrows(DockergenException.class,
                () -> detect(Fixtures.goFiles("several-mains"), new DetectOptions("cmd/nope")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("--main cmd/nope: no main package there; main packages found: cmd/api, cmd/migrate", e.getMessage());
    }

    @Test
    void cmdNamedLikeTheModuleIsChosenAmongSeveral() {
        ProjectFacts p = detect(repo("go.mod", "module example.com/tool\n",
                "cmd/tool/main.go", "package main\nfunc main() {}\n",
                "cmd/gen/main.go", "package main\nfunc main() {}\n"));
        assertEquals("cmd/tool", go(p).mainPackage().value());
    }

    @Test
    void ignoredGeneratorScriptsAreNotMainPackages() {
        ProjectFacts p = detect(repo("go.mod", "module a.b/c\n",
                "main.go", "package main\nfunc main() {}\n",
                "internal/gen/gen.go", "//go:build ignore\n\npackage main\n\nfunc main() {}\n"));
        assertEquals(List.of("."), go(p).mainCandidates());
    }

    @Test
    void vendoredModulesAreRecognised() {
        ProjectFacts p = detect(repo("go.mod", "module a.b/c\nrequire x.y/z v1.0.0\n", "go.sum", "",
                "vendor/modules.txt", "# x.y/z v1.0.0\n## explicit\nx.y/z\n", "vendor/x.y/z/z.go", "package z\n",
                "main.go", "package main\nimport _ \"x.y/z\"\nfunc main() {}\n"));
        assertTrue(go(p).vendored());
        assertTrue(p.evidence().contains("vendor/modules.txt"));
        assertEquals(List.of(""), go(p).packageDirs(), "vendor/ is not scanned as the project's own code");
    }

    @Test
    void portsFromFrameworksAndEnvironmentDefaults() {
        Map<String, String> cases = Map.of(
                "r := gin.Default()\n\tr.Run(\":9000\")", "9000",
                "app.Listen(\":4000\")", "4000",
                "e.Start(\":1323\")", "1323",
                "ln, _ := net.Listen(\"tcp\", \":7000\")\n\t_ = ln", "7000",
                "port := os.Getenv(\"PORT\")\n\tif port == \"\" {\n\t\tport = \"5000\"\n\t}", "5000",
                "r := gin.Default()\n\tr.Run()", "8080");
        cases.forEach((body, port) -> {
            ProjectFacts p = detect(repo("go.mod", "module a.b/c\n", "main.go",
                    "package main\n\nfunc main() {\n\t" + body + "\n}\n"));
            assertEquals(port, String.valueOf(p.port().value()), body);
        });
    }

    @Test
    void loopbackListenerIsWarnedAbout() {
        ProjectFacts p = detect(repo("go.mod", "module a.b/c\n", "main.go",
                "package main\n\nfunc main() {\n\thttp.ListenAndServe(\"127.0.0.1:8080\", nil)\n}\n"));
        assertEquals(8080, p.port().value());
        assertEquals("main.go:4: the server listens on a loopback address, which cannot be reached from outside a "
                + "container; listen on \":8080\" instead", warnings.get(0).toString());
    }

    @Test
    void aBindFlagDefaultingToLoopbackIsPassedOnlyWhenPackageMainDefinesIt() {
        ProjectFacts own = detect(repo("go.mod", "module a.b/c\n", "main.go",
                "package main\n\nvar bind = flag.String(\"bind\", \"localhost\", \"interface\")\n\nfunc main() {}\n"));
        assertEquals("bind @ main.go:3", fact(go(own).loopbackFlag()));
        assertEquals("[--bind=0.0.0.0] @ main.go:3", fact(go(own).listenArgs()));

        warnings.clear();
        ProjectFacts sub = detect(repo("go.mod", "module a.b/c\n", "main.go",
                "package main\n\nimport \"a.b/c/cmd\"\n\nfunc main() { cmd.Execute() }\n",
                "cmd/server.go", "package cmd\n\nfunc init() {\n\tserverCmd.Flags().StringP(\"address\", \"a\", \"127.0.0.1\", \"\")\n}\n"));
        assertEquals("address @ cmd/server.go:4", fact(go(sub).loopbackFlag()));
        assertNull(go(sub).listenArgs(), "a subcommand's flag is warned about, not passed to the program");
        assertTrue(warnings.get(0).message().contains("dockergen init --arg=--address=0.0.0.0"), warnings.toString());
    }

    @Test
    void aDatabaseHostOrAnAddressWithAPortIsNotABindFlag() {
        ProjectFacts p = detect(repo("go.mod", "module a.b/c\n", "main.go",
                "package main\n\ntype opts struct {\n"
                        + "\tHost string `long:\"host\" default:\"localhost\"`\n"
                        + "\tListen string `long:\"listen\" default:\"127.0.0.1:8081\"`\n}\n\nfunc main() {}\n"));
        assertNull(go(p).loopbackFlag());
        assertNull(go(p).listenArgs(), "host:port in a struct tag: the port hint's warning, no --listen=0.0.0.0");
    }

    @Test
    void commentedOutCodeIsNotEvidence() {
        ProjectFacts p = detect(repo("go.mod", "module a.b/c\n", "main.go",
                "package main\n\n/*\nimport \"C\"\nhttp.ListenAndServe(\":1\", nil)\n*/\n// http.ListenAndServe(\":2\", nil)\nfunc main() {}\n"));
        assertNull(p.port());
        assertFalse(go(p).cgo().value());
    }

    @Test
    void aLibraryModuleIsDetectedButHasNoMainPackage() {
        ProjectFacts p = detect(repo("go.mod", "module a.b/lib\n", "lib.go", "package lib\n"));
        assertNull(go(p).mainPackage());
        assertNull(p.start());
        assertTrue(warnings.get(0).message().startsWith("no main package"));
    }

    @Test
    void notAGoRepositoryIsEmpty() {
        assertEquals(Optional.empty(), new GoDetector().detect(repo("README.md", "# hi\n"), DetectOptions.DEFAULT, warnings));
        assertEquals(Optional.empty(), new GoDetector().detect(repo("lib/x.go", "package x\n"), DetectOptions.DEFAULT, warnings));
    }

    @Test
    void malformedGoModIsAProjectInputErrorWithItsLine() {
        ProjectInputException e = assertThrows(ProjectInputException.class,
                () -> detect(repo("go.mod", "module a.b/c\ngo banana\n")));
        assertEquals("go.mod:2", e.source().toString());
    }

    @Test
    void nonUtf8GoModIsAClearError() {
        MemoryProjectFiles files = repo().withBytes("go.mod", new byte[] {'m', (byte) 0xff, (byte) 0xfe, '\n'});
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect(files));
        assertEquals("go.mod: file is not valid UTF-8 text; save it as UTF-8", e.getMessage());
    }

    @Test
    void unreadableSourceFilesAreSkippedWithAWarning() {
        MemoryProjectFiles files = repo("go.mod", "module a.b/c\n", "main.go", "package main\nfunc main() {}\n")
                .withBytes("blob.go", "package main\n\u0000".getBytes(StandardCharsets.UTF_8))
                .withBytes("latin1.go", new byte[] {'p', (byte) 0xe9});
        ProjectFacts p = detect(files);
        assertEquals(".", go(p).mainPackage().value());
        assertEquals(List.of("latin1.go: skipped: file is not valid UTF-8 text; save it as UTF-8"),
                warnings.stream().map(Warning::toString).toList());
    }

    @Test
    void unsafeDirectoryNamesCannotReachTheDockerfile() {
        ProjectInputException e = assertThrows(ProjectInputException.class, () -> detect(repo("go.mod", "module a.b/c\n",
                "cmd/my app/main.go", "package main\nfunc main() {}\n")));
        assertTrue(e.getMessage().startsWith("cmd/my app: the main package directory name has characters"), e.getMessage());
    }

    @Test
    void replaceOutsideTheRepositoryIsWarnedAbout() {
        detect(repo("go.mod", "module a.b/c\nrequire x.y/z v0.0.0\nreplace x.y/z => ../z\n", "main.go",
                "package main\nfunc main() {}\n"));
        assertTrue(warnings.get(0).toString().startsWith("go.mod:3: replace points outside the repository (../z)"),
                warnings.toString());
    }

    @Test
    void noGoModWithVendoredPackagesIsAGopathProjectAtTheImportPathItsOwnImportsName() {
        // no dependency tool's file: the import path is what the main package imports its own folder by
        ProjectFacts p = detect(repo(
                "main.go", "package main\nimport (\n\t\"net/http\"\n\t\"example.com/team/Ledger/books\"\n"
                        + "\t\"example.org/lib/money\"\n)\nfunc main() { books.Open(); money.Sum(); "
                        + "http.ListenAndServe(\":8090\", nil) }\n",
                "books/books.go", "package books\nfunc Open() {}\n",
                "vendor/example.org/lib/money/money.go", "package money\nfunc Sum() {}\n"));
        assertEquals("example.com/team/Ledger @ main.go", fact(go(p).gopath().importPath()));
        assertEquals("Ledger", go(p).binaryName(), "go build names the binary after the import path's last element");
        assertEquals("gopath", p.packageManager());
        assertEquals(8090, p.port().value());
        assertTrue(warnings.stream().anyMatch(w -> w.toString().contains("GOPATH mode (GO111MODULE=off)")), warnings.toString());
    }

    @Test
    void glideYamlNamesTheImportPathAndAGodepsGoVersionIsTheLanguageVersion() {
        ProjectFacts glide = detect(repo(
                "glide.yaml", "package: example.com/team/relay\nimport:\n- package: example.org/lib/wire\n",
                "main.go", "package main\nfunc main() {}\n",
                "vendor/example.org/lib/wire/wire.go", "package wire\n"));
        assertEquals("example.com/team/relay @ glide.yaml:1", fact(go(glide).gopath().importPath()));
        assertNull(glide.languageVersion());
        ProjectFacts godeps = detect(repo(
                "Godeps/Godeps.json", "{\n\t\"ImportPath\": \"example.com/team/relay\",\n\t\"GoVersion\": \"go1.8\",\n"
                        + "\t\"Deps\": [{\"ImportPath\": \"example.org/lib/wire\"}]\n}\n",
                "main.go", "package main\nfunc main() {}\n",
                "vendor/example.org/lib/wire/wire.go", "package wire\n"));
        assertEquals("1.8 @ Godeps/Godeps.json:3", fact(godeps.languageVersion()));
        assertEquals("example.com/team/relay @ Godeps/Godeps.json:2", fact(go(godeps).gopath().importPath()));
    }

    @Test
    void withoutVendorOrWithAGoModItIsNoGopathProject() {
        assertNull(go(detect(repo("main.go", "package main\nfunc main() {}\n",
                "glide.yaml", "package: example.com/team/relay\n"))).gopath());
        assertNull(go(detect(repo("go.mod", "module example.com/m\n\ngo 1.22\n", "main.go", "package main\nfunc main() {}\n",
                "vendor/modules.txt", "# example.org/lib/wire v1.0.0\n", "vendor/example.org/lib/wire/wire.go", "package wire\n")))
                .gopath());
    }

    @Test
    void aVendoredPackagesFlagGivesThePortOnlyWhenTheProgramsOwnCodeNamesNone() {
        String vendored = "package cfg\nimport \"flag\"\nvar a string\n"
                + "func Register() { flag.StringVar(&a, \"web-listen\", \":7001\", \"\") }\n";
        ProjectFacts none = detect(repo("main.go", "package main\nimport \"example.org/lib/cfg\"\nfunc main() { cfg.Register() }\n",
                "vendor/example.org/lib/cfg/cfg.go", vendored));
        assertEquals("7001 @ vendor/example.org/lib/cfg/cfg.go:4", fact(none.port()));
        ProjectFacts own = detect(repo("main.go", "package main\nimport (\n\t\"net/http\"\n\t\"example.org/lib/cfg\"\n)\n"
                        + "func main() { cfg.Register(); http.ListenAndServe(\":9000\", nil) }\n",
                "vendor/example.org/lib/cfg/cfg.go", vendored));
        assertEquals(9000, own.port().value());
    }
}
