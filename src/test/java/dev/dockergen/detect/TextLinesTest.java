package dev.dockergen.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextLinesTest {
    private static final String TEXT = "one\ntwo\n\nfour";

    @Test
    void lineAtCountsTheNewlinesBeforeTheOffset() {
        assertEquals(1, TextLines.lineAt(TEXT, 0));
        assertEquals(1, TextLines.lineAt(TEXT, 3));
        assertEquals(2, TextLines.lineAt(TEXT, 4));
        assertEquals(4, TextLines.lineAt(TEXT, TEXT.indexOf("four")));
    }

    @Test
    void lineAtClampsAnOffsetOutsideTheText() {
        assertEquals(1, TextLines.lineAt(TEXT, -5));
        assertEquals(4, TextLines.lineAt(TEXT, 1000));
    }

    @Test
    void lineOfIsTheFirstOccurrenceOrZero() {
        assertEquals(2, TextLines.lineOf(TEXT, "two"));
        assertEquals(4, TextLines.lineOf(TEXT, "our"));
        assertEquals(0, TextLines.lineOf(TEXT, "five"));
    }
}
