package dev.lifeguard.verify.mariadb;

import dev.lifeguard.rules.postgres.PgLockMode;
import dev.lifeguard.verify.postgres.Observation;
import dev.lifeguard.verify.postgres.StatementObserver;
import dev.lifeguard.verify.postgres.TableRef;
import dev.lifeguard.verify.run.Observer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Measures a statement of the change on MariaDB. MariaDB's DDL commits by itself, so nothing holds a statement's
 * lock open after it ends; it is measured while it runs, made deterministic by two sessions of Lifeguard's:
 * <ol>
 * <li>the <em>blocker</em> holds a SHARED_WRITE metadata lock on the table (an open transaction after
 *     {@code SELECT ... FOR UPDATE}), as an application's write transaction does; a DDL statement queues behind it;</li>
 * <li>the <em>reader</em> then starts a concurrent {@code SELECT} in a transaction: whether it waits shows what the
 *     statement queued for (EXCLUSIVE blocks reads, SHARED_NO_WRITE does not);</li>
 * <li>the blocker lets go; the statement does its work and, to commit, needs an EXCLUSIVE lock, which the reader's
 *     open transaction keeps it waiting for. At that moment the metadata lock it held for the work is read from
 *     {@code information_schema.METADATA_LOCK_INFO}: SHARED_UPGRADABLE (reads and writes went on: online DDL),
 *     SHARED_NO_WRITE (writes waited: ALGORITHM=COPY, LOCK=SHARED), or, when it finished before the reader got in,
 *     EXCLUSIVE throughout (or an instant change, which works through no rows).</li>
 * </ol>
 * InnoDB's table id before and after tells a rebuild (a new id, all rows copied), new index ids an index build;
 * {@code ROW_COUNT()} the rows a data change wrote. The measured lock is reported in MariaDB's words, with the
 * PostgreSQL mode that blocks the same reads and writes for the judgement shared with PostgreSQL.
 */
final class MariaDbObserver implements Observer {
    private static final String WAITING = "Waiting for table metadata lock";

    private final Map<Long, TableRef> tables;
    private final Connection watch;
    private final Connection blocker;
    private final Connection reader;
    private final long readerId;
    private final Map<Connection, Long> ids = new HashMap<>();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lifeguard-verify-mariadb");
        t.setDaemon(true);
        return t;
    });

    MariaDbObserver(DataSource db, Map<Long, TableRef> tables) throws SQLException {
        this.tables = Map.copyOf(tables);
        this.watch = db.getConnection();
        this.blocker = db.getConnection();
        this.reader = db.getConnection();
        this.readerId = connectionId(reader);
    }

    @Override
    public Map<Long, TableRef> tables() {
        return tables;
    }

    @Override
    public Observation observe(Connection migration, boolean inTransaction, TableRef target, StatementObserver.Call call)
            throws SQLException {
        long start = System.nanoTime();
        if (tables.isEmpty()) {
            try {
                call.run();
            } catch (SQLException e) {
                return Observation.failed(e, System.nanoTime() - start);
            }
            return new Observation(null, System.nanoTime() - start, Map.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                    Set.of(), Map.of(), false);
        }
        TableRef t = target == null ? null : tables.values().stream().filter(x -> x.name().equalsIgnoreCase(target.name()))
                .findFirst().orElse(null);
        Map<String, Long> idsBefore = MariaDbSupport.tableIds(watch);
        Map<Long, Set<Long>> indexesBefore = indexIds(watch);
        long id = ids.computeIfAbsent(migration, c -> {
            try {
                return connectionId(c);
            } catch (SQLException e) {
                return -1L;
            }
        });
        String held = null;
        long nanos;
        try {
            if (t != null && id > 0) {
                held = runMeasured(id, t, call);
            } else {
                call.run();
            }
            nanos = System.nanoTime() - start;
        } catch (SQLException e) {
            return Observation.failed(e, System.nanoTime() - start);
        }
        long written = rowCount(migration);
        Map<String, Long> idsAfter = MariaDbSupport.tableIds(watch);
        Map<Long, Set<Long>> indexesAfter = indexIds(watch);
        Set<TableRef> rewritten = new HashSet<>();
        Set<TableRef> indexBuilt = new HashSet<>();
        for (TableRef x : tables.values()) {
            Long was = idsBefore.get(x.name());
            Long now = idsAfter.get(x.name());
            if (was == null || now == null) {
                continue;
            }
            if (!was.equals(now) && count(watch, x) >= x.rows()) {
                rewritten.add(x); // TRUNCATE's new table is empty: not a rebuild
            } else if (was.equals(now)) {
                Set<Long> added = new HashSet<>(indexesAfter.getOrDefault(now, Set.of()));
                added.removeAll(indexesBefore.getOrDefault(was, Set.of()));
                if (!added.isEmpty()) {
                    indexBuilt.add(x);
                }
            }
        }
        Map<TableRef, PgLockMode> locks = new HashMap<>();
        Map<TableRef, String> names = new HashMap<>();
        Set<TableRef> readsWait = new HashSet<>();
        Set<TableRef> writesWait = new HashSet<>();
        if (held != null) {
            String mode = held.replaceFirst("^MDL_", "");
            names.put(t, "metadata lock " + mode);
            switch (mode) {
                case "SHARED_NO_WRITE" -> {
                    locks.put(t, PgLockMode.SHARE);
                    writesWait.add(t);
                }
                case "EXCLUSIVE", "SHARED_NO_READ_WRITE" -> {
                    locks.put(t, PgLockMode.ACCESS_EXCLUSIVE);
                    readsWait.add(t);
                    writesWait.add(t);
                }
                default -> locks.put(t, PgLockMode.SHARE_UPDATE_EXCLUSIVE); // SHARED_UPGRADABLE: reads and writes go on
            }
        }
        Map<TableRef, Long> rowsWritten = t != null && written > 0 ? Map.of(t, written) : Map.of();
        return new Observation(null, nanos, locks, readsWait, writesWait, rewritten, Set.of(), indexBuilt, rowsWritten,
                false, names);
    }

    /**
     * Runs the statement between the blocker and the reader (see the class comment) and returns the metadata lock it
     * held on {@code t} while it worked, or null when it never had to wait for one (a data change, say).
     */
    private String runMeasured(long id, TableRef t, StatementObserver.Call call) throws SQLException {
        blocker.setAutoCommit(false);
        reader.setAutoCommit(false);
        Future<Object> statement = null;
        Future<Object> read = null;
        try {
            execute(blocker, "SELECT 1 FROM " + quote(t) + " WHERE 1 = 0 FOR UPDATE");
            statement = background.submit(() -> {
                call.run();
                return null;
            });
            Future<Object> started = statement;
            if (!await(() -> started.isDone() || waiting(id), 10_000)) {
                return null;
            }
            if (statement.isDone()) {
                return null; // it never queued behind a writer: no metadata lock that blocks the application
            }
            read = background.submit(() -> {
                execute(reader, "SELECT 1 FROM " + quote(t) + " LIMIT 1");
                return null;
            });
            Future<Object> r = read;
            await(() -> r.isDone() || waiting(readerId), 2_000);
            // the reader queued behind what the statement asked for: EXCLUSIVE (SHARED_NO_WRITE lets it read)
            boolean readerQueued = !r.isDone();
            blocker.rollback();
            Future<Object> s = statement;
            String[] held = new String[1];
            await(() -> {
                if (s.isDone()) {
                    return true;
                }
                if (r.isDone() && waiting(id)) {
                    held[0] = heldMode(id, t);
                    return true;
                }
                return false;
            }, 60_000);
            // never seen waiting to commit while the reader was in: it kept EXCLUSIVE from start to end (or was instant)
            return held[0] != null ? held[0] : readerQueued ? "MDL_EXCLUSIVE" : null;
        } finally {
            blocker.rollback();
            if (read != null) {
                get(read, false);
            }
            reader.rollback();
            blocker.setAutoCommit(true);
            reader.setAutoCommit(true);
            if (statement != null) {
                get(statement, true);
            }
        }
    }

    private interface Condition {
        boolean holds() throws SQLException;
    }

    private static boolean await(Condition c, long millis) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            if (c.holds()) {
                return true;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
        }
        return false;
    }

    private static void get(Future<Object> f, boolean rethrow) throws SQLException {
        try {
            f.get();
        } catch (ExecutionException e) {
            if (rethrow) {
                throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    private boolean waiting(long id) throws SQLException {
        try (PreparedStatement ps = watch.prepareStatement("SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && WAITING.equals(rs.getString(1));
            }
        }
    }

    /** The strongest table metadata lock session {@code id} holds on {@code t}. */
    private String heldMode(long id, TableRef t) throws SQLException {
        List<String> order = List.of("MDL_SHARED_UPGRADABLE", "MDL_SHARED_NO_WRITE", "MDL_SHARED_NO_READ_WRITE", "MDL_EXCLUSIVE");
        String strongest = null;
        try (PreparedStatement ps = watch.prepareStatement("SELECT LOCK_MODE FROM information_schema.METADATA_LOCK_INFO"
                + " WHERE THREAD_ID = ? AND LOCK_TYPE = 'Table metadata lock' AND TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setLong(1, id);
            ps.setString(2, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String m = rs.getString(1);
                    if (order.indexOf(m) > (strongest == null ? -1 : order.indexOf(strongest))) {
                        strongest = m;
                    }
                }
            }
        }
        return strongest;
    }

    /** InnoDB's index ids per table id, for the tables of the current database. */
    private static Map<Long, Set<Long>> indexIds(Connection c) throws SQLException {
        Map<Long, Set<Long>> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT i.TABLE_ID, i.INDEX_ID FROM"
                + " information_schema.INNODB_SYS_INDEXES i JOIN information_schema.INNODB_SYS_TABLES t ON t.TABLE_ID = i.TABLE_ID"
                + " WHERE t.NAME LIKE CONCAT(DATABASE(), '/%')")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
            }
        }
        return out;
    }

    private static long rowCount(Connection c) {
        // prepareStatement: a runner's connection sees every createStatement() as one of the migration's statements
        try (PreparedStatement s = c.prepareStatement("SELECT ROW_COUNT()"); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static long count(Connection c, TableRef t) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(t))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0; // renamed or dropped by the statement
        }
    }

    private static long connectionId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT CONNECTION_ID()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String quote(TableRef t) {
        return MariaDbSupport.quote(t.name());
    }

    @Override
    public void close() {
        background.shutdownNow();
        for (Connection c : List.of(watch, blocker, reader)) {
            try {
                c.close();
            } catch (SQLException e) {
                // the database goes away after this anyway
            }
        }
    }
}
