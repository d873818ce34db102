package dev.lifeguard.verify.postgres;

import dev.lifeguard.rules.postgres.PgLockMode;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs statements of the change and measures each one, the way {@link LockProbe} does: inside a transaction the
 * statement's locks stay held until commit, so they are read from pg_locks and probed after it ran; a
 * statement outside a transaction (CONCURRENTLY, autocommit files) is made to queue behind a SHARE UPDATE
 * EXCLUSIVE lock of the blocker session on its table, measured while it waits, then let go. Files
 * (relfilenode), index builds, scans and row counts come from the migration's own session.
 */
public final class StatementObserver implements dev.lifeguard.verify.run.Observer {

    /** One statement, as the runner executes it. */
    @FunctionalInterface
    public interface Call {
        void run() throws SQLException;
    }

    private final Map<Long, TableRef> tables;
    private final Connection watch;
    private final Connection probe;
    private final Connection blocker;
    private final Map<Connection, Integer> pids = new HashMap<>();
    private final Watchdog watchdog;

    /**
     * @param db     the rehearsal database
     * @param tables the tables that had rows when the change started, by oid: only they are measured
     */
    public StatementObserver(DataSource db, Map<Long, TableRef> tables) throws SQLException {
        this.tables = Map.copyOf(tables);
        this.watch = db.getConnection();
        this.probe = db.getConnection();
        this.blocker = db.getConnection();
        // the lock probed stays held until the probe is done (its transaction is still open, or the statement
        // queues behind the blocker): a wait of 50 ms is a wait for as long as it is held
        LockProbe.makeProbe(probe, "50ms");
        this.watchdog = new Watchdog(watch);
    }

    @Override
    public Map<Long, TableRef> tables() {
        return tables;
    }

    /**
     * Runs {@code call} on {@code migration} and measures it.
     *
     * @param inTransaction whether the statement runs inside a transaction that stays open after it
     * @param target        the table the statement is about, if known: needed to measure a statement outside a
     *                      transaction; null otherwise
     */
    @Override
    public Observation observe(Connection migration, boolean inTransaction, TableRef target, Call call) throws SQLException {
        if (tables.isEmpty()) {
            long start = System.nanoTime();
            try {
                watchdog.await(watchdog.start(call), pid(migration));
            } catch (SQLException e) {
                return Observation.failed(e, System.nanoTime() - start);
            }
            return new Observation(null, System.nanoTime() - start, Map.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                    Set.of(), Map.of(), false);
        }
        int pid = pid(migration);
        Files before = files(migration);
        List<LockProbe.HeldLock> heldBefore = inTransaction ? LockProbe.relationLocks(watch, pid) : List.of();
        Map<Long, long[]> statsBefore = inTransaction ? stats(migration) : Map.of();
        Map<TableRef, PgLockMode> locks = new LinkedHashMap<>();
        Set<TableRef> readsWait = new HashSet<>();
        Set<TableRef> writesWait = new HashSet<>();
        boolean queued = false;
        long start = System.nanoTime();
        long nanos;
        try {
            if (!inTransaction && target != null && tables.containsKey(target.oid())) {
                queued = runQueued(pid, target, call, locks, readsWait, writesWait);
                nanos = System.nanoTime() - start;
            } else {
                watchdog.await(watchdog.start(call), pid);
                nanos = System.nanoTime() - start;
            }
        } catch (SQLException e) {
            return Observation.failed(e, System.nanoTime() - start);
        }
        if (inTransaction) {
            measureHeld(pid, heldBefore, locks, readsWait, writesWait);
        }
        Files after = files(migration);
        Set<TableRef> rewritten = new HashSet<>();
        Set<TableRef> indexBuilt = new HashSet<>();
        for (TableRef t : tables.values()) {
            Long was = before.table.get(t.oid());
            Long now = after.table.get(t.oid());
            if (was != null && now != null && !was.equals(now) && t.rows() > 0 && count(migration, t) >= t.rows()) {
                rewritten.add(t); // TRUNCATE's new file is empty: not a rewrite
            }
            Set<Long> newIndexFiles = new HashSet<>(after.indexes.getOrDefault(t.oid(), Set.of()));
            newIndexFiles.removeAll(before.indexes.getOrDefault(t.oid(), Set.of()));
            if (!newIndexFiles.isEmpty() && !rewritten.contains(t) && t.rows() > 0) {
                indexBuilt.add(t);
            }
        }
        Set<TableRef> scanned = new HashSet<>();
        Map<TableRef, Long> rowsWritten = new HashMap<>();
        if (inTransaction) {
            Map<Long, long[]> statsAfter = stats(migration);
            for (TableRef t : tables.values()) {
                long[] b = statsBefore.getOrDefault(t.oid(), new long[2]);
                long[] a = statsAfter.getOrDefault(t.oid(), new long[2]);
                if (t.rows() > 0 && a[0] - b[0] >= t.rows() && !rewritten.contains(t) && !indexBuilt.contains(t)) {
                    scanned.add(t);
                }
                if (a[1] - b[1] > 0) {
                    rowsWritten.put(t, a[1] - b[1]);
                }
            }
        }
        return new Observation(null, nanos, locks, readsWait, writesWait, rewritten, scanned, indexBuilt, rowsWritten, queued);
    }

    /**
     * Inside a transaction: the locks the statement took (a lock an earlier statement of the transaction already
     * held is that statement's), and whether a read or a write would wait for them.
     */
    private void measureHeld(int pid, List<LockProbe.HeldLock> heldBefore, Map<TableRef, PgLockMode> locks,
                             Set<TableRef> readsWait, Set<TableRef> writesWait) throws SQLException {
        List<LockProbe.HeldLock> held = LockProbe.relationLocks(watch, pid);
        Map<Long, Long> indexTables = indexTables(held);
        for (LockProbe.HeldLock l : held) {
            TableRef t = tables.get(indexTables.getOrDefault(l.relation(), l.relation()));
            if (t == null || !l.granted() || LockProbe.strongest(heldBefore, l.relation(), true).atLeast(l.mode())) {
                continue;
            }
            PgLockMode was = locks.getOrDefault(t, PgLockMode.NONE);
            if (l.relation() == t.oid() && l.mode().atLeast(was)) {
                locks.put(t, l.mode());
            } else {
                locks.putIfAbsent(t, PgLockMode.NONE);
            }
        }
        for (Map.Entry<TableRef, PgLockMode> e : locks.entrySet()) {
            // a lock no stronger than the application's own takes cannot make it wait: no probe needed
            if (!e.getValue().atLeast(PgLockMode.SHARE_UPDATE_EXCLUSIVE) && !lockedIndex(held, indexTables, e.getKey())) {
                continue;
            }
            probe(e.getKey(), readsWait, writesWait);
        }
    }

    private static boolean lockedIndex(List<LockProbe.HeldLock> held, Map<Long, Long> indexTables, TableRef t) {
        return held.stream().anyMatch(l -> l.relation() != t.oid() && indexTables.getOrDefault(l.relation(), -1L) == t.oid()
                && l.mode().atLeast(PgLockMode.SHARE_UPDATE_EXCLUSIVE));
    }

    /**
     * Outside a transaction nothing holds the statement's lock open after it ends, so it is made to wait: the
     * blocker takes SHARE UPDATE EXCLUSIVE on the table (which every DDL lock conflicts with, and reads and writes
     * do not), the statement queues, and what it queues for, and what queues behind it, is measured then.
     */
    private boolean runQueued(int pid, TableRef target, Call call, Map<TableRef, PgLockMode> locks,
                              Set<TableRef> readsWait, Set<TableRef> writesWait) throws SQLException {
        blocker.setAutoCommit(false);
        LockProbe.run(blocker, "LOCK TABLE " + target.sql() + " IN SHARE UPDATE EXCLUSIVE MODE");
        Future<Object> statement = watchdog.start(call);
        boolean queued = false;
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < deadline && !statement.isDone()) {
                List<LockProbe.HeldLock> held = LockProbe.relationLocks(watch, pid);
                PgLockMode waiting = held.stream().filter(l -> l.relation() == target.oid() && !l.granted())
                        .map(LockProbe.HeldLock::mode).findFirst().orElse(null);
                if (waiting != null) {
                    queued = true;
                    locks.put(target, waiting);
                    probe(target, readsWait, writesWait);
                    break;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            blocker.commit();
            blocker.setAutoCommit(true);
        }
        watchdog.await(statement, pid);
        return queued;
    }

    /** The backend of a migration connection (asked once per connection). */
    private int pid(Connection migration) {
        return pids.computeIfAbsent(migration, c -> {
            try {
                return LockProbe.backendPid(c);
            } catch (SQLException e) {
                return -1;
            }
        });
    }

    /** Runs a statement of the runner that is not measured, still watched for waiting for ever. */
    public void runWatched(Connection migration, Call call) throws SQLException {
        watchdog.await(watchdog.start(call), pid(migration));
    }

    private void probe(TableRef t, Set<TableRef> readsWait, Set<TableRef> writesWait) throws SQLException {
        if (LockProbe.waitsOrFailsLater(probe, "SELECT 1 FROM " + t.sql() + " LIMIT 1")) {
            // what makes a SELECT wait is ACCESS EXCLUSIVE, which every lock mode conflicts with: an INSERT waits too
            readsWait.add(t);
            writesWait.add(t);
            return;
        }
        if (LockProbe.waitsOrFailsLater(probe, "INSERT INTO " + t.sql() + " SELECT * FROM " + t.sql() + " WHERE false")) {
            writesWait.add(t);
        }
    }

    private Map<Long, Long> indexTables(List<LockProbe.HeldLock> held) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        if (held.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = watch.prepareStatement("SELECT indexrelid, indrelid FROM pg_index WHERE indexrelid = ANY (?)")) {
            ps.setArray(1, watch.createArrayOf("bigint", held.stream().map(LockProbe.HeldLock::relation).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private record Files(Map<Long, Long> table, Map<Long, Set<Long>> indexes) {
    }

    /** The files of the measured tables and of their indexes, as the migration's session sees them. */
    private Files files(Connection c) throws SQLException {
        Map<Long, Long> table = new HashMap<>();
        Map<Long, Set<Long>> indexes = new HashMap<>();
        Array oids = c.createArrayOf("bigint", tables.keySet().toArray());
        try (PreparedStatement ps = c.prepareStatement("SELECT oid, relfilenode FROM pg_class WHERE oid = ANY (?)")) {
            ps.setArray(1, oids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    table.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT x.indrelid, i.relfilenode FROM pg_index x"
                + " JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = ANY (?)")) {
            ps.setArray(1, oids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                }
            }
        }
        return new Files(table, indexes);
    }

    /** Per table: tuples read by sequential scan and rows written by the current transaction. */
    private Map<Long, long[]> stats(Connection c) throws SQLException {
        Map<Long, long[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT relid, seq_tup_read, n_tup_ins + n_tup_upd + n_tup_del"
                + " FROM pg_stat_xact_user_tables WHERE relid = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", tables.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return out;
    }

    private static long count(Connection c, TableRef t) throws SQLException {
        Long n = LockProbe.queryLong(c, "SELECT count(*) FROM " + t.sql());
        return n == null ? 0 : n;
    }

    @Override
    public void close() {
        watchdog.close();
        for (Connection c : List.of(watch, probe, blocker)) {
            try {
                c.close();
            } catch (SQLException e) {
                // the database goes away after this anyway
            }
        }
    }
}
