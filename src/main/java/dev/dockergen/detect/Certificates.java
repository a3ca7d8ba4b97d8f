package dev.dockergen.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Certificate files a program ships and reads (a vendored CA bundle such as a package's cacert.pem): a .pem that
 * holds certificates and no private key is public data, not a secret, so the .dockerignore keeps it.
 */
public final class Certificates {
    private static final int MAX_DEPTH = 8;
    private static final int MAX_FILES = 20;
    /** Only names a .dockerignore line can hold as they are: no glob, comment, negation or white-space characters. */
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9_.+@-]+(/[A-Za-z0-9_.+@-]+)*");

    private Certificates() {
    }

    /** The .pem files below the project that hold only certificates (BEGIN CERTIFICATE, no PRIVATE KEY), sorted. */
    public static List<String> only(ProjectFiles files) {
        List<String> out = new ArrayList<>();
        for (String path : files.walk("", MAX_DEPTH, Walk.skipping(Walk.INSTALLED))) {
            if (out.size() == MAX_FILES) {
                break;
            }
            if (!path.endsWith(".pem") || !PLAIN_PATH.matcher(path).matches()) {
                continue;
            }
            String text = SourceSearch.textOf(files, path);
            if (text.contains("-----BEGIN CERTIFICATE-----") && !text.contains("PRIVATE KEY")) {
                out.add(path);
            }
        }
        return List.copyOf(out);
    }
}
