package dev.dockergen.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerfileInfoTest {
    private static final String MULTI = """
            # syntax=docker/dockerfile:1
            ARG GO_VERSION=1.23
            ARG BASE
            FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
            RUN go mod download
            FROM build AS test
            FROM gcr.io/distroless/static-debian12:nonroot AS runtime
            COPY --from=build /out/app /app
            COPY --from=busybox:1.36 /bin/busybox /busybox
            FROM runtime
            """;

    @Test
    void stageNamesInOrder() {
        assertEquals(Arrays.asList("build", "test", "runtime", null), new DockerfileInfo(MULTI).stageNames());
    }

    @Test
    void theFinalBaseImageFollowsStageNamesBackToAnImage() {
        assertEquals("gcr.io/distroless/static-debian12:nonroot", new DockerfileInfo(MULTI).finalBaseImage());
        assertEquals("golang:1.23-alpine", new DockerfileInfo(MULTI + "FROM test\n").finalBaseImage());
        assertEquals("node:22", new DockerfileInfo("FROM node:22\nCMD [\"node\"]\n").finalBaseImage());
        assertNull(new DockerfileInfo("# nothing\n").finalBaseImage());
    }

    @Test
    void baseImagesLeaveOutStagesScratchAndUnresolvedVariables() {
        assertEquals(Set.of("golang:1.23-alpine", "gcr.io/distroless/static-debian12:nonroot", "busybox:1.36"),
                new DockerfileInfo(MULTI).baseImages());
        assertEquals(Set.of(), new DockerfileInfo("ARG BASE\nFROM ${BASE}\nFROM scratch\nCOPY --from=0 /a /a\n").baseImages());
    }

    @Test
    void dependencyInstallsAcrossLanguages() {
        for (String run : List.of("RUN go mod download", "RUN --mount=type=cache,target=/root/.npm     npm ci --omit=dev",
                "RUN npm install", "RUN pnpm install --frozen-lockfile", "RUN yarn install --immutable", "RUN yarn",
                "RUN bun install --frozen-lockfile", "RUN /venv/bin/pip install -r requirements.txt",
                "RUN pip install --no-cache-dir -r requirements.txt", "RUN poetry install --only main", "RUN uv sync --frozen",
                "RUN sh ./mvnw -B -ntp dependency:go-offline", "RUN mvn -B dependency:resolve",
                "RUN mvn -B -ntp -pl web -am org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline",
                "RUN sh ./gradlew --no-daemon dependencies")) {
            assertTrue(DockerfileInfo.installsDependencies(run, false), run);
        }
        for (String other : List.of("RUN go build -o /out/app .", "RUN npm run build", "COPY package.json ./",
                "RUN python3 -m venv /opt/tools && /opt/tools/bin/pip install \"poetry==${POETRY_VERSION}\"",
                "RUN apt-get update && apt-get install -y cmake")) {
            assertFalse(DockerfileInfo.installsDependencies(other, false), other);
        }
        assertTrue(DockerfileInfo.installsDependencies("RUN apt-get update && apt-get install -y --no-install-recommends cmake", true));
        assertTrue(DockerfileInfo.installsDependencies("RUN apk add --no-cache build-base", true));
    }
}
