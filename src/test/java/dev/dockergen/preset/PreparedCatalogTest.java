package dev.dockergen.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in catalogue prepared at build time is the YAML's, exactly, and only while it matches the YAML. */
class PreparedCatalogTest {
    @Test
    void thePreparedFormIsInTheBuildAndIsTheCatalogueTheYamlGives() throws IOException {
        try (InputStream in = PreparedCatalog.class.getResourceAsStream(PreparedCatalog.RESOURCE)) {
            assertNotNull(in, "process-classes writes " + PreparedCatalog.RESOURCE);
            DataInputStream data = new DataInputStream(in);
            assertEquals(PreparedCatalog.checksum(CatalogLoader.builtInTexts()), data.readLong(),
                    "prepared from the presets/*.yaml of this build");
            assertEquals(CatalogLoader.withBuiltIns().build(), PreparedCatalog.read(data));
        }
        assertEquals(CatalogLoader.withBuiltIns().build(), CatalogLoader.builtIn());
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() throws IOException {
        // a catalogue with a policy, an organisation preset and every optional part present or absent
        String org = """
                apiVersion: dockergen/v1
                kind: PresetCatalog
                policy:
                  registryMirror: mirror.example.com/hub
                  requiredLabels: [team]
                presets:
                  - name: acme-go
                    extends: go-distroless
                    default: true
                    labels: {team: payments}
                    buildArgs: {GOFLAGS: -mod=vendor}
                """;
        PresetCatalog catalog = CatalogLoader.withBuiltIns().add("org.yaml", null, org, "--catalog").build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PreparedCatalog.write(new DataOutputStream(bytes), catalog);
        assertEquals(catalog, PreparedCatalog.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
    }

    @Test
    void anEditedPresetFileChangesTheChecksum() {
        Map<String, String> texts = new LinkedHashMap<>(CatalogLoader.builtInTexts());
        long before = PreparedCatalog.checksum(texts);
        texts.put("presets/go.yaml", texts.get("presets/go.yaml") + "\n");
        assertNotEquals(before, PreparedCatalog.checksum(texts), "a stale prepared form is never read");
    }
}
