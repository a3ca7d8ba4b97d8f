package dev.dockergen.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MeasureReportTest {
    private static final MeasureReport REPORT = new MeasureReport("podman", "main.go",
            new MeasureReport.Image("go-hello/Dockerfile", 958316860L, 6, "golang:1.23", 180.5, 178.3, false, "root", 5),
            new MeasureReport.Image("init (preset go-distroless)", 7225424L, 2, "gcr.io/distroless/static-debian12:nonroot",
                    151.4, 9.1, true, "65532:65532", 0));

    @Test
    void textTable() {
        assertEquals("""
                                         before       after                                      change
                image size               958.3 MB     7.2 MB                                     -99 %
                layers                   6            2                                          -4
                final base image         golang:1.23  gcr.io/distroless/static-debian12:nonroot
                cold build               180.5 s      151.4 s                                    -16 %
                warm rebuild             178.3 s      9.1 s                                      -95 %
                dependency layer reused  no           yes
                runs as                  root         65532:65532
                audit findings           5            0                                          -5

                before: go-hello/Dockerfile (958316860 bytes)
                after:  init (preset go-distroless) (7225424 bytes)
                engine: podman; warm rebuild after a one-line change to main.go
                """, REPORT.text());
    }

    @Test
    void markdownTable() {
        assertEquals("""
                | | before | after | change |
                |---|---|---|---|
                | image size | 958.3 MB | 7.2 MB | -99 % |
                | layers | 6 | 2 | -4 |
                | final base image | golang:1.23 | gcr.io/distroless/static-debian12:nonroot |  |
                | cold build | 180.5 s | 151.4 s | -16 % |
                | warm rebuild | 178.3 s | 9.1 s | -95 % |
                | dependency layer reused | no | yes |  |
                | runs as | root | 65532:65532 |  |
                | audit findings | 5 | 0 | -5 |

                Measured by `dockergen measure` with podman: before `go-hello/Dockerfile`, after `init (preset go-distroless)`; \
                the warm rebuild follows a one-line change to `main.go`.
                """, REPORT.markdown());
    }

    @Test
    void jsonShape() {
        assertEquals("""
                {
                  "engine" : "podman",
                  "changedFile" : "main.go",
                  "before" : {
                    "dockerfile" : "go-hello/Dockerfile",
                    "sizeBytes" : 958316860,
                    "layers" : 6,
                    "baseImage" : "golang:1.23",
                    "buildSeconds" : 180.5,
                    "rebuildSeconds" : 178.3,
                    "dependencyLayerReused" : false,
                    "user" : "root",
                    "auditFindings" : 5
                  },
                  "after" : {
                    "dockerfile" : "init (preset go-distroless)",
                    "sizeBytes" : 7225424,
                    "layers" : 2,
                    "baseImage" : "gcr.io/distroless/static-debian12:nonroot",
                    "buildSeconds" : 151.4,
                    "rebuildSeconds" : 9.1,
                    "dependencyLayerReused" : true,
                    "user" : "65532:65532",
                    "auditFindings" : 0
                  }
                }
                """, REPORT.json());
    }

    @Test
    void noDependencyStepIsSaidSo() {
        MeasureReport.Image none = new MeasureReport.Image("Dockerfile", 1, 1, null, 1, 1, null, "root", 0);
        MeasureReport r = new MeasureReport("docker", "main.c", none, none);
        assertEquals(true, r.text().contains("dependency layer reused  no dependency step"));
        assertEquals(true, r.json().contains("\"dependencyLayerReused\" : null"));
    }
}
