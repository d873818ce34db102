package dev.lifeguard.verify;

import dev.lifeguard.verify.db.DatabaseSupport;
import dev.lifeguard.verify.db.RehearsalServer;
import dev.lifeguard.verify.mariadb.MariaDbServer;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One throwaway MariaDB (Debian's mariadbd) for a test class: rehearsals get fresh databases on it. Without mariadbd
 * the test is skipped with the reason; under CI=true that is a failure (.ci/run installs mariadb-server).
 */
final class SharedMariaDb implements AutoCloseable {
    private final MariaDbServer server;

    private SharedMariaDb(MariaDbServer server) {
        this.server = server;
    }

    static SharedMariaDb startOrSkip() throws RehearsalException {
        boolean installed = MariaDbServer.binary().isPresent();
        String ci = System.getenv("CI");
        if (!installed && ci != null && !ci.isEmpty() && !ci.equals("false")) {
            fail("mariadbd is not installed: .ci/run installs Debian's mariadb-server");
        }
        assumeTrue(installed, "mariadbd is not installed (apt-get install mariadb-server): MariaDB rehearsal not tested");
        return new SharedMariaDb(MariaDbServer.start());
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
            public DatabaseSupport support() {
                return server.support();
            }

            @Override
            public void close() {
            }
        };
    }

    MariaDbServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
