package dev.lifeguard.cli.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SummaryTest {
    @Test
    void countsOnlyWhatWasFound() {
        assertEquals("3 errors, 2 warnings, 1 note in 4 files; 57 migrations checked", new Summary(3, 2, 1, 4, 57).line());
        assertEquals("3 errors, 2 warnings in 4 files; 57 migrations checked", new Summary(3, 2, 0, 4, 57).line());
        assertEquals("2 notes in 1 file; 1 migration checked", new Summary(0, 0, 2, 1, 1).line());
        assertEquals("No problems found in 4 files; 57 migrations checked", new Summary(0, 0, 0, 4, 57).line());
        assertEquals("1 error in 4 files; 57 migrations checked, 3 suppressed, 12 in baseline",
                new Summary(1, 0, 0, 4, 57, 3, 12).line());
        assertEquals("No problems found in 1 file; 1 migration checked, 1 suppressed", new Summary(0, 0, 0, 1, 1, 1, 0).line());
    }
}
