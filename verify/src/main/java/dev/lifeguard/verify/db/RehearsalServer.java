package dev.lifeguard.verify.db;

import dev.lifeguard.verify.RehearsalException;

import javax.sql.DataSource;

/**
 * Where migrations are rehearsed: an embedded PostgreSQL Lifeguard starts and removes, or a database the user
 * provides. Each history gets a database of its own, empty when it starts.
 */
public interface RehearsalServer extends AutoCloseable {

    /** An empty database for one history. */
    DataSource freshDatabase() throws RehearsalException;

    /** "embedded PostgreSQL 15.18 on 127.0.0.1:41234", for the report. */
    String describe();

    /** The server's major version, e.g. 15. */
    int majorVersion();

    /** What the rehearsal needs from this kind of database. */
    default DatabaseSupport support() {
        return dev.lifeguard.verify.postgres.PostgresSupport.INSTANCE;
    }

    /** Stops what this started and removes what it created; never throws. */
    @Override
    void close();
}
