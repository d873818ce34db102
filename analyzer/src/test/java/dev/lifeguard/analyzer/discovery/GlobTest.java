package dev.lifeguard.analyzer.discovery;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobTest {

    @Test
    void starStaysInOneSegment() {
        Glob glob = new Glob("persistence/sql/*.postgres.*.sql");
        assertTrue(glob.matches(Path.of("persistence/sql/1_a.postgres.up.sql")));
        assertFalse(glob.matches(Path.of("persistence/sql/1_a.mysql.up.sql")));
        assertFalse(glob.matches(Path.of("persistence/sql/x/1_a.postgres.up.sql")));
    }

    @Test
    void doubleStarCrossesDirectoriesAndMatchesNone() {
        Glob glob = new Glob("db/**/*.sql");
        assertTrue(glob.matches(Path.of("db/V1__a.sql")));
        assertTrue(glob.matches(Path.of("db/a/b/V1__a.sql")));
        assertFalse(glob.matches(Path.of("other/V1__a.sql")));
    }

    @Test
    void bracesAndClasses() {
        Glob glob = new Glob("m/*.{up,down}.sql");
        assertTrue(glob.matches(Path.of("m/1_a.up.sql")));
        assertTrue(glob.matches(Path.of("m/1_a.down.sql")));
        assertFalse(glob.matches(Path.of("m/1_a.sql")));
        assertTrue(new Glob("V[0-9]__a.sql").matches(Path.of("V7__a.sql")));
        assertFalse(new Glob("V[!0-9]__a.sql").matches(Path.of("V7__a.sql")));
    }

    @Test
    void literalPrefixIsWhereTheWalkStarts() {
        assertEquals("persistence/sql", new Glob("persistence/sql/*.sql").literalPrefix());
        assertEquals("", new Glob("*/db/*.sql").literalPrefix());
        assertTrue(Glob.isGlob("a/*.sql"));
        assertFalse(Glob.isGlob("a/b.sql"));
    }
}
