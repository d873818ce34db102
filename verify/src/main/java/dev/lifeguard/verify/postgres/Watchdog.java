package dev.lifeguard.verify.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a statement of a migration and keeps watch on it from another session: a statement that waits for a lock
 * held by a session sitting idle in a transaction (the runner's own: Flyway holds its migration lock in a
 * transaction, and CREATE INDEX CONCURRENTLY waits for every such transaction) would wait for ever. It is cancelled
 * after a few seconds and fails with {@link #HANGS}, naming what it waited for.
 */
public final class Watchdog implements AutoCloseable {
    /** SQLSTATE of a statement cancelled because it could never finish (Lifeguard's own code). */
    public static final String HANGS = "LGHNG";
    private static final long IDLE_MILLIS = 1500;

    private final Connection watch;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lifeguard-verify-statement");
        t.setDaemon(true);
        return t;
    });

    public Watchdog(Connection watch) {
        this.watch = watch;
    }

    /** Starts {@code call} in the background; {@link #await} waits for it. */
    public Future<Object> start(StatementObserver.Call call) {
        return background.submit(() -> {
            call.run();
            return null;
        });
    }

    /** Waits for the statement running on backend {@code pid}, cancelling it if it waits for an idle transaction. */
    public void await(Future<Object> statement, int pid) throws SQLException {
        while (true) {
            try {
                statement.get(200, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                String stuck = pid > 0 ? stuckBehindIdleTransaction(pid) : null;
                if (stuck != null) {
                    try (PreparedStatement ps = watch.prepareStatement("SELECT pg_cancel_backend(?)")) {
                        ps.setInt(1, pid);
                        ps.execute();
                    }
                    try {
                        statement.get(10, TimeUnit.SECONDS);
                    } catch (ExecutionException | TimeoutException ignored) {
                        // cancelled, as intended
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                    throw new SQLException("it never finishes: it waits for " + stuck, HANGS);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new SQLException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
        }
    }

    /** The sessions idle in a transaction that {@code pid} waits for, described; null when it waits for nothing such. */
    private String stuckBehindIdleTransaction(int pid) throws SQLException {
        List<String> idle = new ArrayList<>();
        int blockers = 0;
        try (PreparedStatement ps = watch.prepareStatement("""
                SELECT a.pid, a.state, extract(epoch FROM now() - a.state_change) * 1000, a.query,
                       EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted)
                  FROM pg_stat_activity a WHERE a.pid = ANY (pg_blocking_pids(?))""")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    blockers++;
                    if ("idle in transaction".equals(rs.getString(2)) && rs.getDouble(3) >= IDLE_MILLIS) {
                        String query = rs.getString(4) == null ? "" : rs.getString(4).replaceAll("\\s+", " ").strip();
                        idle.add(rs.getBoolean(5)
                                ? "another session of the migration tool, idle in the transaction that holds its advisory"
                                + " migration lock (Flyway: set flyway.postgresql.transactional.lock=false, or"
                                + " spring.flyway.postgresql.transactional-lock=false, for migrations that cannot run in a"
                                + " transaction)"
                                : "session " + rs.getInt(1) + ", idle in a transaction after '" + query + "'");
                    }
                }
            }
        }
        return blockers > 0 && idle.size() == blockers ? String.join(", ", idle) : null;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
