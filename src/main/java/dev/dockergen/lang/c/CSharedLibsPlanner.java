package dev.dockergen.lang.c;

import dev.dockergen.detect.Fact;
import dev.dockergen.plan.Instruction;
import dev.dockergen.plan.Instruction.Comment;
import dev.dockergen.plan.Instruction.Run;
import dev.dockergen.preset.ImageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared libraries a dynamic build's program needs that a shell-less Debian final lacks, copied from the build
 * stage with their directories: those ldd names, and the plugins a linked library loads at run time with dlopen,
 * which ldd cannot see (libwebsockets' event-loop plugin for the event library the program links:
 * {@code lws_create_context: failed to load evlib_uv} without it).
 */
final class CSharedLibsPlanner {
    /** Libraries every distroless base has (glibc, OpenSSL); cc adds GCC's runtime. ldd copies the rest. */
    private static final String BASE_LIBS = "libc|libm|libpthread|libdl|librt|libresolv|libutil|libssl|libcrypto";
    private static final String CC_LIBS = "|libgcc_s|libstdc\\+\\+|libgomp";
    /** Per library, per event library linked beside it: the plugin it loads (Debian's multiarch folder, any arch). */
    private static final Map<String, Map<String, String>> PLUGINS = Map.of("websockets", Map.of(
            "uv", "/usr/lib/*/libwebsockets-evlib_uv.so", "ev", "/usr/lib/*/libwebsockets-evlib_ev.so",
            "glib-2.0", "/usr/lib/*/libwebsockets-evlib_glib.so"));

    private CSharedLibsPlanner() {
    }

    /** The plugins the program's libraries load at run time, each with the reason. */
    static List<Fact<String>> plugins(CDetails c) {
        List<Fact<String>> found = new ArrayList<>();
        List<Fact<CLibraries.Library>> byKey = c.libraries().stream()
                .sorted(java.util.Comparator.comparing((Fact<CLibraries.Library> l) -> l.value().key())).toList();
        for (Fact<CLibraries.Library> lib : c.libraries()) {
            Map<String, String> byEvent = PLUGINS.getOrDefault(lib.value().key(), Map.of());
            byKey.stream().filter(l -> byEvent.containsKey(l.value().key()))
                    .forEach(l -> found.add(Fact.of(byEvent.get(l.value().key()), l.source())));
        }
        return found;
    }

    static List<Instruction> copyStep(CDetails c, ImageSpec runtime, String out, String binary) {
        boolean cc = runtime.image().contains("distroless/cc");
        String exclude = BASE_LIBS + (cc ? CC_LIBS : "");
        List<Fact<String>> plugins = plugins(c);
        List<String> comment = new ArrayList<>(List.of("Shared libraries the binary needs that " + withoutTag(runtime.image())
                + " lacks: ldd names them,", "and they keep their directories so that the runtime's loader finds them (glibc, OpenSSL"
                + (cc ? " and GCC's runtime are there already)." : " are there already)."),
                "The gcc image (16 and later) is Debian 13 like the runtime, so the copied libraries match its glibc."));
        for (Fact<String> p : plugins) {
            comment.add("Also " + p.value() + ": a plugin its library loads at run time for the event loop it links (" + p.source()
                    + "), which ldd cannot see.");
        }
        String paths = plugins.stream().map(p -> " " + p.value()).collect(java.util.stream.Collectors.joining());
        List<String> lines = new ArrayList<>(List.of("ldd " + out + "/" + binary + paths + " > /tmp/ldd.txt",
                "&& awk '$3 ~ /^\\// && $1 !~ /^(" + exclude + ")\\.so/ {print $3}' /tmp/ldd.txt > /tmp/libs.txt"));
        if (!plugins.isEmpty()) {
            lines.add("&& printf '%s\\n'" + paths + " >> /tmp/libs.txt");
        }
        lines.add("&& mkdir -p " + out + "/libs");
        lines.add("&& xargs -r cp --parents -L -t " + out + "/libs < /tmp/libs.txt");
        return List.of(new Comment(comment), new Run(List.of(), lines));
    }

    private static String withoutTag(String image) {
        String i = CPlanner.withoutDigest(image);
        int colon = i.lastIndexOf(':');
        return colon > i.lastIndexOf('/') ? i.substring(0, colon) : i;
    }
}
