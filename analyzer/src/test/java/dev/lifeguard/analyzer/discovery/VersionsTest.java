package dev.lifeguard.analyzer.discovery;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionsTest {

    @Test
    void comparesPartByPartAsNumbers() {
        assertTrue(Versions.compare("1_10", "1_9") > 0);
        assertTrue(Versions.compare("1.9", "1_10") < 0);
        assertTrue(Versions.compare("20240101000000000000", "9") > 0);
        assertEquals(0, Versions.compare("2", "2.0"));
        assertEquals(0, Versions.compare("1.01", "1_1"));
    }

    @Test
    void canonicalSpellingMakesEqualVersionsEqualStrings() {
        assertEquals("2", Versions.canonical("2.0"));
        assertEquals("2", Versions.canonical("2"));
        assertEquals("1.1", Versions.canonical("1_01"));
        assertEquals("30", Versions.canonical("0030"));
        assertEquals("0", Versions.canonical("0"));
    }

    @Test
    void naturalOrderReadsNumbersInNames() {
        List<String> names = new ArrayList<>(List.of("10_a.sql", "2_b.sql", "1_c.sql", "b.sql", "a.sql"));
        names.sort(Versions.NATURAL);
        assertEquals(List.of("1_c.sql", "2_b.sql", "10_a.sql", "a.sql", "b.sql"), names);
    }
}
