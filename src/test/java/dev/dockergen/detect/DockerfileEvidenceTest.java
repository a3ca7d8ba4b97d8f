package dev.dockergen.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An existing Dockerfile as evidence: each fact with its line, and ranked below the project's own. */
class DockerfileEvidenceTest {
    private static final String OLD = """
            ARG NODE_VERSION=18.19
            FROM node:${NODE_VERSION}-bullseye AS build
            WORKDIR /src
            COPY package*.json ./
            RUN apt-get update && apt-get install -y --no-install-recommends \\
                python3 make g++=4:12.2.0-3 \\
                && rm -rf /var/lib/apt/lists/*
            RUN npm ci
            COPY . .
            FROM node:${NODE_VERSION}-alpine
            RUN apk add --no-cache tini curl
            WORKDIR /app
            COPY --from=build /src/dist ./dist
            COPY package.json config/ ./
            ADD ["static files/", "/app/static/"]
            ENV NODE_ENV=production PORT=8081
            EXPOSE 8080/tcp
            ENTRYPOINT ["/sbin/tini", "--"]
            CMD ["node", "dist/server.js"]
            """;

    private static String facts(List<? extends Fact<?>> facts) {
        return String.join(", ", facts.stream().map(f -> f.value() + " @ " + f.source()).toList());
    }

    @Test
    void everyFactNamesItsLine() {
        DockerfileEvidence d = DockerfileEvidence.parse("Dockerfile", OLD);
        assertEquals("8081 @ Dockerfile:16, 8080 @ Dockerfile:17", facts(d.ports()));
        assertEquals(List.of("/sbin/tini", "--", "node", "dist/server.js"), d.start().value());
        assertEquals("Dockerfile:19", d.start().source().toString());
        assertEquals("/app @ Dockerfile:12", d.workdir().value() + " @ " + d.workdir().source());
        assertEquals("python3 @ Dockerfile:5, make @ Dockerfile:5, g++=4:12.2.0-3 @ Dockerfile:5, tini @ Dockerfile:11, "
                + "curl @ Dockerfile:11", facts(d.packages()));
        assertEquals("node 18.19 @ Dockerfile:1", facts(d.languageVersions()));
        assertEquals("package.json @ Dockerfile:14, config/ @ Dockerfile:14, static files/ @ Dockerfile:15",
                facts(d.copiedFiles()));
    }

    @Test
    void versionsFromImageTagsOfEveryLanguage() {
        assertEquals("go 1.22 @ Dockerfile:1", facts(DockerfileEvidence.parse("Dockerfile",
                "FROM golang:1.22-alpine AS b\nFROM scratch\n").languageVersions()));
        assertEquals("python 3.12 @ Containerfile:1", facts(DockerfileEvidence.parse("Containerfile",
                "FROM python:3.12-slim\n").languageVersions()));
        assertEquals("java 17 @ Dockerfile:1", facts(DockerfileEvidence.parse("Dockerfile",
                "FROM maven:3.9-eclipse-temurin-17 AS b\nFROM eclipse-temurin:17-jre\n").languageVersions()));
        assertEquals("c 13 @ Dockerfile:1", facts(DockerfileEvidence.parse("Dockerfile", "FROM gcc:13\n").languageVersions()));
        assertEquals("", facts(DockerfileEvidence.parse("Dockerfile", "FROM node:lts\nFROM busybox:1.36\n").languageVersions()));
    }

    private static ProjectFacts node(Fact<String> version, Fact<Integer> port) {
        return new ProjectFacts(".", Language.NODE, "npm", "npm", version, null, port, List.of("node", "server.js"),
                List.of("package.json"), null);
    }

    @Test
    void theProjectWinsAndTheDisagreementIsAWarning() {
        DockerfileEvidence d = DockerfileEvidence.parse("Dockerfile", OLD);
        List<Warning> warnings = new ArrayList<>();
        ProjectFacts p = node(Fact.of("22", "package.json", 5), Fact.of(3000, "server.js", 9));
        ProjectFacts r = d.reconcile(p, warnings);
        assertSame(p, r);
        assertEquals(List.of(
                "Dockerfile:16: the existing Dockerfile uses port 8081, the project 3000 (server.js:9); the project's is used",
                "Dockerfile:1: the existing Dockerfile builds with node 18.19, the project asks for 22 (package.json:5); "
                        + "the project's is used"), warnings.stream().map(Warning::toString).toList());
    }

    @Test
    void whereTheProjectIsSilentTheDockerfileSpeaks() {
        DockerfileEvidence d = DockerfileEvidence.parse("Dockerfile", OLD);
        List<Warning> warnings = new ArrayList<>();
        ProjectFacts r = d.reconcile(node(null, null), warnings);
        assertEquals(List.of(), warnings);
        assertEquals("8081 @ Dockerfile:16", r.port().value() + " @ " + r.port().source());
        assertEquals("18.19 @ Dockerfile:1", r.languageVersion().value() + " @ " + r.languageVersion().source());
    }

    @Test
    void agreementIsSilent() {
        DockerfileEvidence d = DockerfileEvidence.parse("Dockerfile", OLD);
        List<Warning> warnings = new ArrayList<>();
        d.reconcile(node(Fact.of("18.19.1", ".nvmrc", 1), Fact.of(8080, "server.js", 3)), warnings);
        assertEquals(List.of(), warnings);
    }

    @Test
    void theFinalStageIsReadForCarrying() {
        DockerfileEvidence.Runtime r = DockerfileEvidence.parse("Dockerfile", OLD).runtime();
        assertEquals("node:18.19-alpine @ Dockerfile:10", r.image().value() + " @ " + r.image().source());
        assertNull(r.user());
        assertEquals(2, r.stages());
        // only the final stage's packages, each with the tool that installs it
        assertEquals(List.of("apk tini Dockerfile:11", "apk curl Dockerfile:11"),
                r.packages().stream().map(p -> p.tool() + " " + p.name() + " " + p.source()).toList());
        assertEquals(List.of("[package.json, config/] ./ /app/ Dockerfile:14", "[static files/] /app/static/ /app/static/ Dockerfile:15"),
                r.copies().stream().map(c -> c.sources() + " " + c.dest() + " " + c.absoluteDest() + " " + c.source()).toList());
        assertEquals("/app/", new DockerfileEvidence.Copied(List.of("a"), "./", "/app", Source.of("Dockerfile", 1)).absoluteDest());
        assertEquals("/config/", new DockerfileEvidence.Copied(List.of("a"), "config/", null, Source.of("Dockerfile", 1))
                .absoluteDest());
    }

    @Test
    void aGeneratedFileGivesBackWhatItCarried() {
        String generated = """
                # Generated by dockergen 0.1.0 with preset node-alpine.
                FROM node:22-alpine AS runtime

                # System packages the earlier Dockerfile installed in its final stage, carried over:
                #   Dockerfile:4: apt-get install tzdata libpq5=15.4-0+deb12u1 git
                RUN apk add --no-cache tzdata libpq
                # Files the earlier Dockerfile copied into its final stage, carried over (the program may read them at run time):
                #   Dockerfile:7: COPY config/ ./config/ (WORKDIR /srv)
                #   Dockerfile:8: COPY fonts/ /usr/share/fonts/app/
                COPY config/ /app/config/
                """;
        MemoryProjectFiles files = new MemoryProjectFiles("repo", Map.of("Dockerfile", generated));
        DockerfileEvidence d = DockerfileEvidence.readForCarrying(files).orElseThrow();
        assertEquals(true, d.runtime().carried());
        assertEquals(List.of("apt tzdata Dockerfile:4", "apt libpq5=15.4-0+deb12u1 Dockerfile:4", "apt git Dockerfile:4"),
                d.runtime().packages().stream().map(p -> p.tool() + " " + p.name() + " " + p.source()).toList());
        assertEquals(List.of("[config/] ./config/ /srv Dockerfile:7", "[fonts/] /usr/share/fonts/app/ null Dockerfile:8"),
                d.runtime().copies().stream().map(c -> c.sources() + " " + c.dest() + " " + c.workdir() + " " + c.source()).toList());
        // nothing else of a generated file is evidence
        assertEquals(Optional.empty(), DockerfileEvidence.read(files));
    }

    @Test
    void dockergensOwnOutputIsNoEvidence() {
        MemoryProjectFiles generated = new MemoryProjectFiles("repo", Map.of("Dockerfile",
                "# syntax=docker/dockerfile:1\n\n# Generated by dockergen 0.1.0 with preset node-distroless.\nFROM node:22\nEXPOSE 3000\n"));
        assertEquals(Optional.empty(), DockerfileEvidence.read(generated));
        MemoryProjectFiles containerfile = new MemoryProjectFiles("repo", Map.of("Containerfile", "FROM node:20\nEXPOSE 4000\n"));
        assertEquals("Containerfile", DockerfileEvidence.read(containerfile).orElseThrow().file());
        assertNull(DockerfileEvidence.parse("Dockerfile", "FROM scratch\n").start());
    }
}
