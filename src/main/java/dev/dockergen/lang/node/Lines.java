package dev.dockergen.lang.node;

import dev.dockergen.detect.TextLines;

/** Line numbers of the first occurrence of a text in a file, for sources. */
record Lines(String text) {
    /** The line of the first needle after the first anchor (the anchor's own line when the needle is not there). */
    int after(String anchor, String needle) {
        int a = text.indexOf(anchor);
        int at = a < 0 ? -1 : text.indexOf(needle, a + anchor.length());
        return at < 0 ? of(anchor) : TextLines.lineAt(text, at);
    }

    int of(String needle) {
        return TextLines.lineOf(text, needle);
    }
}
