package dev.lifeguard.verify.postgres;

import dev.lifeguard.rules.postgres.PgLockMode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * How Lifeguard measures what a statement does to other sessions on a live PostgreSQL, shared by
 * {@code lifeguard verify} and the lock measurement test that checks {@code PgLockKnowledge}: the locks a
 * backend holds or waits for (pg_locks, read from another session), whether an application's statement would
 * wait for them (run from a probe session with a short lock_timeout: SQLSTATE 55P03 means it waited), whether a
 * table got a new file (relfilenode), and how many tuples the current transaction read by sequential scan
 * (pg_stat_xact_user_tables).
 */
public final class LockProbe {
    /** Long enough for a lock that is free to be granted at once, short enough for many blocked probes a run. */
    public static final String PROBE_TIMEOUT = "150ms";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String LOCKS = "SELECT l.relation, l.mode, l.granted FROM pg_locks l WHERE l.locktype = 'relation'"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND l.pid = ?";

    /** One row of pg_locks: a lock on a relation (table or index), granted or waited for. */
    public record HeldLock(long relation, PgLockMode mode, boolean granted) {
    }

    private LockProbe() {
    }

    /** Makes a session a probe: its lock waits end after {@link #PROBE_TIMEOUT}. */
    public static void makeProbe(Connection probe) throws SQLException {
        makeProbe(probe, PROBE_TIMEOUT);
    }

    /**
     * Makes a session a probe with a lock_timeout of its own. lock_timeout counts only time spent waiting for a lock
     * held by another session, never time to get a free one, however busy the machine: any timeout tells "waits"
     * from "does not" while the lock stays held, and a short one keeps blocked probes cheap.
     */
    public static void makeProbe(Connection probe, String lockTimeout) throws SQLException {
        run(probe, "SET lock_timeout = '" + lockTimeout + "'");
    }

    /** The session's backend process id: pgjdbc knows it from the start-up handshake; other drivers are asked. */
    public static int backendPid(Connection c) throws SQLException {
        if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
            return c.unwrap(org.postgresql.PGConnection.class).getBackendPID();
        }
        if (c.isWrapperFor(org.mariadb.jdbc.Connection.class)) {
            return -1; // not PostgreSQL: the watchdog, which reads pg_stat_activity, only waits
        }
        return Math.toIntExact(queryLong(c, "SELECT pg_backend_pid()"));
    }

    /** The relation locks of backend {@code pid}, read from {@code watch} (another session). */
    public static List<HeldLock> relationLocks(Connection watch, int pid) throws SQLException {
        List<HeldLock> out = new ArrayList<>();
        try (PreparedStatement ps = watch.prepareStatement(LOCKS)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PgLockMode mode = PgLockMode.parse(rs.getString(2));
                    if (mode == null) {
                        throw new IllegalStateException("unknown lock mode in pg_locks: " + rs.getString(2));
                    }
                    out.add(new HeldLock(rs.getLong(1), mode, rs.getBoolean(3)));
                }
            }
        }
        return out;
    }

    /** The strongest mode among {@code locks} on {@code relation} (granted ones only, or also those waited for). */
    public static PgLockMode strongest(List<HeldLock> locks, long relation, boolean grantedOnly) {
        PgLockMode strongest = PgLockMode.NONE;
        for (HeldLock l : locks) {
            if (l.relation() == relation && (l.granted() || !grantedOnly) && l.mode().atLeast(strongest)) {
                strongest = l.mode();
            }
        }
        return strongest;
    }

    /**
     * Whether {@code sql}, run from the probe session, waits past its lock_timeout. It runs in a transaction that is
     * rolled back, so a probing INSERT leaves nothing behind. Any other error means the probe itself is broken.
     */
    public static boolean waits(Connection probe, String sql) throws SQLException {
        return probe(probe, sql, false);
    }

    /**
     * As {@link #waits}, for a probe that may fail for its own reasons once it has its locks (an INSERT of no row
     * into a table with a generated column): an error other than the lock timeout counts as not waiting.
     */
    public static boolean waitsOrFailsLater(Connection probe, String sql) throws SQLException {
        return probe(probe, sql, true);
    }

    private static boolean probe(Connection probe, String sql, boolean otherErrorsMeanGranted) throws SQLException {
        boolean autoCommit = probe.getAutoCommit();
        probe.setAutoCommit(false);
        try {
            run(probe, sql);
            return false;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return true;
            }
            if (otherErrorsMeanGranted) {
                return false;
            }
            throw e;
        } finally {
            probe.rollback();
            probe.setAutoCommit(autoCommit);
        }
    }

    /** The table's file (pg_class.relfilenode) as {@code c} sees it, null when the table is gone. */
    public static Long relfilenode(Connection c, long table) throws SQLException {
        return queryLong(c, "SELECT relfilenode FROM pg_class WHERE oid = " + table);
    }

    /**
     * Tuples of the table this session's current transaction has read by sequential scan (not yet sent to the
     * statistics system): only a difference inside one transaction is one statement's own.
     */
    public static long seqTuplesRead(Connection c, long table) throws SQLException {
        Long read = queryLong(c, "SELECT seq_tup_read FROM pg_stat_xact_user_tables WHERE relid = " + table);
        return read == null ? 0 : read;
    }

    static Long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
