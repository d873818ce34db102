package dev.lifeguard.analyzer.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetVersionTest {

    @Test
    void parsesWithAndWithoutTheDatabase() {
        assertEquals(new TargetVersion(Dialect.POSTGRESQL, List.of(11)), TargetVersion.parse("postgresql:11", Dialect.MYSQL).orElseThrow());
        assertEquals(new TargetVersion(Dialect.MYSQL, List.of(8, 0, 11)), TargetVersion.parse(" mysql:8.0.11 ", null).orElseThrow());
        assertEquals(new TargetVersion(Dialect.MYSQL, List.of(8, 0)), TargetVersion.parse("8.0", Dialect.MYSQL).orElseThrow());
        assertEquals(Dialect.POSTGRESQL, TargetVersion.parse("pg:12", Dialect.MYSQL).orElseThrow().dialect());
        assertEquals("mariadb:10.6", TargetVersion.parse("mariadb:10.6", null).orElseThrow().toString());
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        assertEquals(Optional.empty(), TargetVersion.parse("latest", Dialect.POSTGRESQL));
        assertEquals(Optional.empty(), TargetVersion.parse("sybase:15", Dialect.POSTGRESQL));
        assertEquals(Optional.empty(), TargetVersion.parse("11", null));
        assertEquals(Optional.empty(), TargetVersion.parse("8.", Dialect.MYSQL));
    }

    @Test
    void aSeriesGivenWithoutItsPatchLevelIsItsNewestRelease() {
        TargetVersion series = TargetVersion.parse("mysql:8.0", null).orElseThrow();
        assertTrue(series.atLeast(8, 0, 12));
        assertFalse(TargetVersion.parse("mysql:8.0.11", null).orElseThrow().atLeast(8, 0, 12));
        assertTrue(TargetVersion.parse("mysql:8.0.12", null).orElseThrow().atLeast(8, 0, 12));
        assertFalse(TargetVersion.parse("mysql:5.7", null).orElseThrow().atLeast(8, 0, 12));
        assertTrue(TargetVersion.parse("postgresql:12", null).orElseThrow().atLeast(12));
        assertFalse(TargetVersion.parse("postgresql:11", null).orElseThrow().atLeast(12));
    }

    @Test
    void defaultsAreTheOldestVersionsStillSupported() {
        assertEquals("postgresql:15", TargetVersion.defaultFor(Dialect.POSTGRESQL).toString());
        assertEquals("mysql:8.4", TargetVersion.defaultFor(Dialect.MYSQL).toString());
        assertEquals("mariadb:10.11", TargetVersion.defaultFor(Dialect.MARIADB).toString());
        assertTrue(TargetVersion.defaultFor(Dialect.ORACLE).atLeast(99), "no knowledge: the newest is assumed");
    }
}
