package dev.dockergen.preset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An organisation's rules for every preset: a registry mirror that every base image is pulled
 * through, allowed and denied images, labels every image must carry, digest pinning.
 *
 * @param registryMirror prefix put before every base image reference, or null
 * @param sources where each rule was set ("registryMirror" → "org.yaml:4:3"), for messages
 */
public record Policy(String registryMirror, List<String> allowedImages, List<String> deniedImages,
                     List<String> requiredLabels, boolean requireDigests, Map<String, String> sources) {
    public static final Policy NONE = new Policy(null, List.of(), List.of(), List.of(), false, Map.of());

    public Policy {
        allowedImages = List.copyOf(allowedImages);
        deniedImages = List.copyOf(deniedImages);
        requiredLabels = List.copyOf(requiredLabels);
        sources = Map.copyOf(sources);
    }

    /** This policy with a later catalogue's rules laid over it: lists add up, single values are replaced. */
    Policy then(Policy later) {
        Map<String, String> src = new LinkedHashMap<>(sources);
        src.putAll(later.sources);
        return new Policy(later.registryMirror != null ? later.registryMirror : registryMirror,
                concat(allowedImages, later.allowedImages), concat(deniedImages, later.deniedImages),
                concat(requiredLabels, later.requiredLabels).stream().distinct().toList(),
                requireDigests || later.requireDigests, src);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The reference the Dockerfile uses for an image: through the mirror when there is one. */
    public String rewrite(String image) {
        if (registryMirror == null || image.equals("scratch")) {
            return image;
        }
        return registryMirror + "/" + image;
    }

    /** Why an (already rewritten) image breaks the policy, or null when it does not. */
    public String violation(String image) {
        if (image.equals("scratch")) {
            return null;
        }
        for (String denied : deniedImages) {
            if (glob(denied).matcher(image).matches()) {
                return image + " matches denied pattern " + denied + " (" + sources.get("deniedImages") + ")";
            }
        }
        if (!allowedImages.isEmpty() && allowedImages.stream().noneMatch(a -> glob(a).matcher(image).matches())) {
            return image + " matches none of the allowed patterns " + String.join(", ", allowedImages)
                    + " (" + sources.get("allowedImages") + ")";
        }
        if (requireDigests && !image.contains("@sha256:")) {
            return image + " is not pinned by digest, which the policy requires (" + sources.get("requireDigests")
                    + "); write it as name:tag@sha256:<digest>";
        }
        return null;
    }

    /** A glob where '*' matches any run of characters, '/' included, and '?' one character. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }
}
