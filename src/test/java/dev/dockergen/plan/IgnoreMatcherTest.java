package dev.dockergen.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreMatcherTest {
    @Test
    void starStaysInOnePathElementAndDoubleStarCrossesThem() {
        assertTrue(IgnoreMatcher.patternIgnores("*.pem", "server.pem"));
        assertFalse(IgnoreMatcher.patternIgnores("*.pem", "certs/server.pem"));
        assertTrue(IgnoreMatcher.patternIgnores("**/*.pem", "certs/server.pem"));
        assertTrue(IgnoreMatcher.patternIgnores("**/*.pem", "server.pem"));
        assertTrue(IgnoreMatcher.patternIgnores("docs/**", "docs/a/b.md"));
    }

    @Test
    void aMatchedDirectoryLeavesOutEverythingBelowIt() {
        assertTrue(IgnoreMatcher.patternIgnores("dist", "dist/app/main.go"));
        assertTrue(IgnoreMatcher.patternIgnores("/bin/", "bin/tool"));
        assertFalse(IgnoreMatcher.patternIgnores("dist", "cmd/dist/main.go"));
    }

    @Test
    void lastMatchingPatternWinsAndBangReincludes() {
        IgnoreMatcher m = new IgnoreMatcher(List.of("# comment", "**/.env*", "!.env.example"));
        assertTrue(m.ignores(".env"));
        assertTrue(m.ignores("config/.env.local"));
        assertFalse(m.ignores(".env.example"));
        assertFalse(m.ignores("main.go"));
    }

    @Test
    void questionMarkIsOneCharacterAndDotsAreLiteral() {
        assertTrue(IgnoreMatcher.patternIgnores("file?.txt", "file1.txt"));
        assertFalse(IgnoreMatcher.patternIgnores("file?.txt", "file12.txt"));
        assertFalse(IgnoreMatcher.patternIgnores("*.out", "main_out"));
    }
}
