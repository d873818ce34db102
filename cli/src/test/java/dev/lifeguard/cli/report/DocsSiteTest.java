package dev.lifeguard.cli.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocsSiteTest {
    @Test
    void aReleaseLinksItsTagADevelopmentBuildMain() {
        assertEquals("https://github.com/lifeguard-dev/lifeguard/blob/v1.2.0/docs/rules/drop-table.md",
                DocsSite.forVersion("1.2.0").page("drop-table"));
        assertEquals("https://github.com/lifeguard-dev/lifeguard/blob/main/docs/rules/drop-table.md",
                DocsSite.forVersion("1.3.0-SNAPSHOT").page("drop-table"));
    }

    @Test
    void theConfiguredBaseWinsThenTheEnvironment() {
        assertEquals("https://wiki.example.com/r/drop-table.md",
                DocsSite.choose("https://wiki.example.com/r", "https://env.example.com/", "1.0.0").page("drop-table"));
        assertEquals("https://env.example.com/drop-table.md",
                DocsSite.choose(null, "https://env.example.com/", "1.0.0").page("drop-table"));
        assertEquals(DocsSite.forVersion("1.0.0"), DocsSite.choose(" ", "", "1.0.0"));
    }
}
