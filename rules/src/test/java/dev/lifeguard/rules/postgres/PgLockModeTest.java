package dev.lifeguard.rules.postgres;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgLockModeTest {

    @Test
    void conflictTableIsSymmetric() {
        for (PgLockMode a : PgLockMode.values()) {
            for (PgLockMode b : PgLockMode.values()) {
                assertEquals(a.conflictsWith(b), b.conflictsWith(a), a + " vs " + b);
            }
        }
    }

    @Test
    void onlyAccessExclusiveBlocksReads() {
        for (PgLockMode m : PgLockMode.values()) {
            assertEquals(m == PgLockMode.ACCESS_EXCLUSIVE, m.blocksReads(), m.name());
        }
    }

    @Test
    void shareAndStrongerBlockWrites() {
        assertFalse(PgLockMode.SHARE_UPDATE_EXCLUSIVE.blocksWrites());
        assertFalse(PgLockMode.ROW_EXCLUSIVE.blocksWrites());
        assertTrue(PgLockMode.SHARE.blocksWrites());
        assertTrue(PgLockMode.SHARE_ROW_EXCLUSIVE.blocksWrites());
        assertFalse(PgLockMode.NONE.blocksWrites());
    }

    @Test
    void parsesPgLocksAndSqlNames() {
        assertEquals(PgLockMode.SHARE_ROW_EXCLUSIVE, PgLockMode.parse("ShareRowExclusiveLock"));
        assertEquals(PgLockMode.SHARE_ROW_EXCLUSIVE, PgLockMode.parse("share row exclusive"));
        assertEquals(PgLockMode.ACCESS_SHARE, PgLockMode.parse("ACCESS SHARE MODE"));
        assertNull(PgLockMode.parse("sometimes"));
        assertEquals("SHARE UPDATE EXCLUSIVE", PgLockMode.SHARE_UPDATE_EXCLUSIVE.sqlName());
    }
}
