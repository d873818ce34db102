package dev.lifeguard.verify.postgres;

import dev.lifeguard.rules.postgres.PgLockMode;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * What one statement did on the rehearsal database, measured from inside its transaction and from other sessions.
 *
 * @param error       the database's error, or null when it ran
 * @param nanos       how long it ran
 * @param locks       the strongest lock it held (or, outside a transaction, queued for) on each table that had rows
 * @param readsWait   tables where a concurrent SELECT waited for it
 * @param writesWait  tables where a concurrent INSERT waited for it
 * @param rewritten   tables that got a new file holding all their rows
 * @param scanned     tables it read every row of by sequential scan
 * @param indexBuilt  tables it built (or rebuilt) an index on, reading every row
 * @param rowsWritten rows it inserted, updated or deleted, per table
 * @param queued      the locks were measured while it queued behind another session (it ran outside a transaction)
 * @param lockNames   the lock's own name where the database's vocabulary is not PostgreSQL's (MariaDB's metadata
 *                    locks; {@code locks} then holds the PostgreSQL mode that blocks the same reads and writes);
 *                    empty on PostgreSQL
 */
public record Observation(SQLException error, long nanos, Map<TableRef, PgLockMode> locks, Set<TableRef> readsWait,
                          Set<TableRef> writesWait, Set<TableRef> rewritten, Set<TableRef> scanned,
                          Set<TableRef> indexBuilt, Map<TableRef, Long> rowsWritten, boolean queued,
                          Map<TableRef, String> lockNames) {

    public Observation(SQLException error, long nanos, Map<TableRef, PgLockMode> locks, Set<TableRef> readsWait,
                       Set<TableRef> writesWait, Set<TableRef> rewritten, Set<TableRef> scanned,
                       Set<TableRef> indexBuilt, Map<TableRef, Long> rowsWritten, boolean queued) {
        this(error, nanos, locks, readsWait, writesWait, rewritten, scanned, indexBuilt, rowsWritten, queued, Map.of());
    }

    public Observation {
        lockNames = Map.copyOf(lockNames);
        locks = Map.copyOf(locks);
        readsWait = Set.copyOf(readsWait);
        writesWait = Set.copyOf(writesWait);
        rewritten = Set.copyOf(rewritten);
        scanned = Set.copyOf(scanned);
        indexBuilt = Set.copyOf(indexBuilt);
        rowsWritten = Map.copyOf(rowsWritten);
    }

    public static Observation failed(SQLException error, long nanos) {
        return new Observation(error, nanos, Map.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), false);
    }

    /** The name of the lock held on {@code table}, in the database's own words ("ACCESS EXCLUSIVE", "MDL SHARED_NO_WRITE"). */
    public String lockName(TableRef table) {
        String name = lockNames.get(table);
        return name != null ? name : locks.getOrDefault(table, PgLockMode.NONE).sqlName();
    }

    /**
     * Whether the lock was measured and let reads and writes go on while the statement worked (MariaDB's online
     * DDL: an in-place rebuild under a SHARED_UPGRADABLE metadata lock). PostgreSQL's rewrites never are.
     */
    public boolean online(TableRef table) {
        return lockNames.containsKey(table) && !readsWait.contains(table) && !writesWait.contains(table);
    }

    public boolean failed() {
        return error != null;
    }

    /** Whether it worked through the rows of {@code table}: a work whose time grows with the table. */
    public boolean workedThrough(TableRef table) {
        return rewritten.contains(table) || scanned.contains(table) || indexBuilt.contains(table)
                || rowsWritten.getOrDefault(table, 0L) > 0;
    }

    /** Whether it worked through the rows of any table that had rows. */
    public boolean didDataWork() {
        return !rewritten.isEmpty() || !scanned.isEmpty() || !indexBuilt.isEmpty()
                || rowsWritten.values().stream().anyMatch(n -> n > 0);
    }

    public double millis() {
        return nanos / 1_000_000.0;
    }
}
