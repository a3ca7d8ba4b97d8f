package dev.dockergen.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WriteSearchTest {
    @Test
    void aNameWithADataLogOrSettingsExtensionIsAFileDotNamesToo() {
        assertTrue(WriteSearch.looksLikeFile("data/app.sqlite3"));
        assertTrue(WriteSearch.looksLikeFile("~/.config/tool/rifle.conf"));
        assertTrue(WriteSearch.looksLikeFile("~/.mime.types"));
        assertTrue(WriteSearch.looksLikeFile("logs/app.log"));
        assertFalse(WriteSearch.looksLikeFile("~/.config"), "a dot-folder");
        assertFalse(WriteSearch.looksLikeFile("uploads"));
        assertFalse(WriteSearch.looksLikeFile("conf.d"));
    }

    @Test
    void settingsFilesInTheHomeAreReadNotWritten() {
        assertFalse(WriteSearch.written("~/.config/tool/rifle.conf"));
        assertFalse(WriteSearch.written("~/.mime.types"));
        assertFalse(WriteSearch.written("~/.toolrc"));
        assertTrue(WriteSearch.written("~/.tool/history.json"));
        assertTrue(WriteSearch.written("~/.local/share/tool"));
        assertTrue(WriteSearch.written("config/app.conf"), "outside the home a settings file may be the program's own");
    }
}
