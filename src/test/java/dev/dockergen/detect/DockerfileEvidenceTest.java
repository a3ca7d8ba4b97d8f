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
    void whatTheNewFileLeavesOutIsANote() {
        DockerfileEvidence d = DockerfileEvidence.parse("Dockerfile", OLD);
        String generated = "FROM node:22-bookworm-slim AS deps\nRUN apt-get install -y python3 make g++\n"
                + "FROM gcr.io/distroless/nodejs22-debian12:nonroot\nCOPY package.json ./\nCOPY . .\n";
        assertEquals(List.of(
                "apps/web/Dockerfile:11: the existing Dockerfile installs tini, curl; the new one does not: if the program "
                        + "needs them at run time, add them (a preset's packages, or your own template)",
                "apps/web/Dockerfile:14: the existing Dockerfile copies config/, static files/ into its final stage; the new "
                        + "one does not: if the program reads them at run time, copy them (your own template) or say so in an issue"),
                d.notCarriedOver(generated, "apps/web").stream().map(Warning::toString).toList());
        assertEquals(List.of(), DockerfileEvidence.parse("Dockerfile", "FROM node:22\nCOPY . .\n").notCarriedOver("", "."));
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
