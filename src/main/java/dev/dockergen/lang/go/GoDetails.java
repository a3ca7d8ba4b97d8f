package dev.dockergen.lang.go;

import dev.dockergen.detect.Fact;
import dev.dockergen.detect.LanguageDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go facts the planner needs beyond the common ones.
 *
 * @param module module path from go.mod, or null without go.mod
 * @param toolchain the toolchain directive (e.g. "go1.23.4"), or null
 * @param directive the go directive (the language level; from Go 1.21 a minimum), or null; the project's version is
 *                  the toolchain's when go.mod names one
 * @param mainPackage directory of the main package to build, "." for the module root; null when
 *                    there is none or several and no choice was made
 * @param mainCandidates every directory holding a main package, sorted
 * @param binaryName file name of the built binary
 * @param cgo true with the first reason found (an {@code import "C"} or a cgo-only module)
 * @param localModules directories inside the repository that {@code replace} points at (their go.mod
 *                     must be copied before {@code go mod download})
 * @param embedPaths files that {@code //go:embed} pulls into the binary; .dockerignore must keep them
 * @param packageDirs directories holding the module's non-test Go files ("" for the root)
 * @param healthPath an HTTP path that looks like a health endpoint, or null
 * @param needsTzdata true when the code loads time zones (time.LoadLocation) without embedding time/tzdata
 * @param needsCaCerts the program may make TLS connections (a TLS-capable standard package, or any
 *                     third-party module), so the image needs a CA bundle
 * @param readsPortEnv the program takes its port from the PORT environment variable
 * @param loopbackFlag a flag naming the address to listen on whose default is a loopback host alone (its name,
 *                     where it is defined), or null
 * @param uses folders the program is made of or serves (its packages, what it embeds or reads), each with why;
 *             a member project in one of them is part of this app
 * @param frontend a frontend whose build writes a folder the program embeds and the repository lacks, or null
 * @param listenArgs arguments that make a program whose flag defaults to a loopback address listen on every
 *                   interface ({@code --addr=:8080}), with the flag's line; null when none are needed
 */
public record GoDetails(
        Fact<String> module,
        Fact<String> toolchain,
        Fact<String> directive,
        boolean hasGoMod,
        boolean hasGoSum,
        boolean vendored,
        boolean hasRequires,
        Fact<String> mainPackage,
        List<String> mainCandidates,
        String binaryName,
        Fact<Boolean> cgo,
        List<String> localModules,
        List<String> embedPaths,
        List<String> packageDirs,
        Fact<String> healthPath,
        Fact<Boolean> needsTzdata,
        Fact<Boolean> needsCaCerts,
        Fact<Boolean> readsPortEnv,
        Fact<String> loopbackFlag,
        Fact<List<String>> listenArgs,
        List<GoFrontends.Use> uses,
        GoFrontends.Build frontend) implements LanguageDetails {

    public GoDetails {
        mainCandidates = List.copyOf(mainCandidates);
        localModules = List.copyOf(localModules);
        embedPaths = List.copyOf(embedPaths);
        packageDirs = List.copyOf(packageDirs);
        uses = List.copyOf(uses);
    }

    @Override
    public String partOf(String dir) {
        return GoFrontends.claim(uses, dir);
    }

    @Override
    public String title() {
        return binaryName;
    }

    @Override
    public List<String> programs() {
        return mainPackage == null && mainCandidates.size() > 1 ? mainCandidates : List.of();
    }

    public boolean cgoRequired() {
        return cgo.value();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("module", module);
        facts.put("toolchain", toolchain);
        facts.put("mainPackage", mainPackage);
        facts.put("mainCandidates", mainCandidates);
        facts.put("binary", binaryName);
        facts.put("cgo", cgo);
        facts.put("goSum", hasGoSum);
        facts.put("vendored", vendored);
        facts.put("localModules", localModules);
        facts.put("embeds", embedPaths);
        facts.put("healthPath", healthPath);
        if (frontend != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("dir", frontend.dir());
            f.put("script", frontend.script());
            f.put("output", frontend.output());
            facts.put("frontend", f);
        }
        if (listenArgs != null) {
            facts.put("listenArgs", listenArgs);
        }
        facts.put("timeZones", needsTzdata);
        facts.put("caCertificates", needsCaCerts);
        facts.put("portFromEnv", readsPortEnv);
        if (loopbackFlag != null) {
            facts.put("loopbackFlag", loopbackFlag); // present only when the default listen address is loopback
        }
        return facts;
    }
}
