package dev.lifeguard.verify.run;

import dev.lifeguard.verify.postgres.Observation;
import dev.lifeguard.verify.postgres.StatementObserver;
import dev.lifeguard.verify.postgres.TableRef;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Measures the statements of a migration as its runner sends them: what the statement locked on the tables that
 * had rows, whether the application's reads and writes would have waited, whether it rewrote a table. One per
 * database kind: {@link StatementObserver} (PostgreSQL), {@code MariaDbObserver}.
 */
public interface Observer extends AutoCloseable {

    /** The tables that had rows when the change started: only they are measured. */
    Map<Long, TableRef> tables();

    /**
     * Runs {@code call} (the runner's statement on {@code migration}) and measures it.
     *
     * @param inTransaction whether the statement runs inside a transaction that stays open after it
     * @param target        the table the statement is about, if known; null otherwise
     */
    Observation observe(Connection migration, boolean inTransaction, TableRef target, StatementObserver.Call call)
            throws SQLException;

    @Override
    void close();
}
