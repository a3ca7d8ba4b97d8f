package dev.dockergen.preset;

import dev.dockergen.detect.Language;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The built-in catalogue prepared at build time. {@code mvn process-classes} runs {@link #main}: it loads
 * presets/*.yaml with the strict loader (an error names the file and line, and fails the build) and writes the
 * catalogue beside them as {@value #RESOURCE}, in a compact binary form behind the checksum of the YAML it came
 * from. At run time {@link #load} reads that form when the checksum matches the YAML in the jar, and parses the YAML
 * otherwise: the YAML stays the source of truth, the prepared form only spares the parse.
 */
public final class PreparedCatalog {
    /** Where the prepared form sits, beside the YAML (class-path resource). */
    static final String RESOURCE = "/dev/dockergen/presets/built-in.bin";

    private PreparedCatalog() {
    }

    /** The build step: {@code PreparedCatalog OUTPUT}, the presets read from the class path. */
    public static void main(String[] args) throws IOException {
        Map<String, String> texts = CatalogLoader.builtInTexts();
        PresetCatalog catalog = CatalogLoader.of(texts).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(checksum(texts));
        write(out, catalog);
        out.flush();
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes.toByteArray());
    }

    /** The built-in catalogue: the prepared form when it matches the YAML, else the YAML parsed. */
    static PresetCatalog load() {
        Map<String, String> texts = CatalogLoader.builtInTexts();
        try (InputStream in = PreparedCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                DataInputStream data = new DataInputStream(new BufferedInputStream(in));
                if (data.readLong() == checksum(texts)) {
                    return read(data);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a prepared form this build cannot read: parse the YAML instead
        }
        return CatalogLoader.of(texts).build();
    }

    /** CRC-32 over every built-in file's name and text, in order. */
    static long checksum(Map<String, String> texts) {
        CRC32 crc = new CRC32();
        texts.forEach((file, text) -> {
            crc.update(file.getBytes(StandardCharsets.UTF_8));
            crc.update(0);
            crc.update(text.getBytes(StandardCharsets.UTF_8));
            crc.update(0);
        });
        return crc.getValue();
    }

    static void write(DataOutput out, PresetCatalog catalog) throws IOException {
        out.writeInt(catalog.presets().size());
        for (Preset p : catalog.presets()) {
            string(out, p.name());
            out.writeUTF(p.language().name());
            out.writeUTF(p.finalStage().name());
            out.writeBoolean(p.isDefault());
            string(out, p.description());
            string(out, p.versionDefault());
            for (ImageSpec image : Arrays.asList(p.build(), p.runtime(), p.staticRuntime(), p.staticBuild(), p.cgoBuild(),
                    p.cgoRuntime())) {
                image(out, image);
            }
            string(out, p.cgoRefusal());
            user(out, p.user());
            map(out, p.labels());
            map(out, p.buildArgs());
            out.writeBoolean(p.health() != null);
            if (p.health() != null) {
                out.writeBoolean(p.health().enabled());
                string(out, p.health().interval());
                string(out, p.health().timeout());
                string(out, p.health().startPeriod());
                out.writeInt(p.health().retries());
            }
            strings(out, p.lineage());
            string(out, p.dockerfileTemplate());
            string(out, p.source());
        }
        Policy policy = catalog.policy();
        string(out, policy.registryMirror());
        strings(out, policy.allowedImages());
        strings(out, policy.deniedImages());
        strings(out, policy.requiredLabels());
        out.writeBoolean(policy.requireDigests());
        map(out, policy.sources());
        map(out, catalog.refused());
    }

    static PresetCatalog read(DataInput in) throws IOException {
        int n = in.readInt();
        List<Preset> presets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = string(in);
            Language language = Language.valueOf(in.readUTF());
            FinalStage finalStage = FinalStage.valueOf(in.readUTF());
            boolean isDefault = in.readBoolean();
            String description = string(in);
            String versionDefault = string(in);
            ImageSpec build = image(in);
            ImageSpec runtime = image(in);
            ImageSpec staticRuntime = image(in);
            ImageSpec staticBuild = image(in);
            ImageSpec cgoBuild = image(in);
            ImageSpec cgoRuntime = image(in);
            String cgoRefusal = string(in);
            RunAs user = user(in);
            Map<String, String> labels = map(in);
            Map<String, String> buildArgs = map(in);
            HealthPolicy health = in.readBoolean()
                    ? new HealthPolicy(in.readBoolean(), string(in), string(in), string(in), in.readInt()) : null;
            presets.add(new Preset(name, language, finalStage, isDefault, description, versionDefault, build, runtime,
                    staticRuntime, staticBuild, cgoBuild, cgoRuntime, cgoRefusal, user, labels, buildArgs, health, strings(in),
                    string(in), string(in)));
        }
        Policy policy = new Policy(string(in), strings(in), strings(in), strings(in), in.readBoolean(), map(in));
        return new PresetCatalog(presets, policy, map(in));
    }

    private static void image(DataOutput out, ImageSpec image) throws IOException {
        out.writeBoolean(image != null);
        if (image != null) {
            string(out, image.image());
            strings(out, image.packages());
            string(out, image.packageTool());
            strings(out, image.provides());
            out.writeBoolean(image.shell());
            user(out, image.user());
        }
    }

    private static ImageSpec image(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new ImageSpec(string(in), strings(in), string(in), new LinkedHashSet<>(strings(in)), in.readBoolean(), user(in));
    }

    private static void user(DataOutput out, RunAs user) throws IOException {
        out.writeBoolean(user != null);
        if (user != null) {
            string(out, user.name());
            out.writeInt(user.uid());
            out.writeInt(user.gid());
            out.writeBoolean(user.create());
        }
    }

    private static RunAs user(DataInput in) throws IOException {
        return in.readBoolean() ? new RunAs(string(in), in.readInt(), in.readInt(), in.readBoolean()) : null;
    }

    private static void string(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String string(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void strings(DataOutput out, Collection<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            out.writeUTF(s);
        }
    }

    private static List<String> strings(DataInput in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    private static void map(DataOutput out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static Map<String, String> map(DataInput in) throws IOException {
        int n = in.readInt();
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(in.readUTF(), in.readUTF());
        }
        return out;
    }
}
