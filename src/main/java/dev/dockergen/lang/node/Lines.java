package dev.dockergen.lang.node;

/** Line numbers of the first occurrence of a text in a file, for sources. */
record Lines(String text) {
    /** The line of the first needle after the first anchor (the anchor's own line when the needle is not there). */
    int after(String anchor, String needle) {
        int a = text.indexOf(anchor);
        int at = a < 0 ? -1 : text.indexOf(needle, a + anchor.length());
        return at < 0 ? of(anchor) : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    int of(String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
