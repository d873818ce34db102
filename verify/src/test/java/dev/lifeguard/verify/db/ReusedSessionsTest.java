package dev.lifeguard.verify.db;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lifeguard's own sessions are kept for the next use, and come back as new ones: nothing of the last use follows. */
class ReusedSessionsTest {
    private static EmbeddedPostgresServer server;
    private static DataSource db;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgresServer.start(15);
        db = server.freshDatabase();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSessionGivenBackIsReusedAsNew() throws Exception {
        try (ReusedSessions sessions = new ReusedSessions(db)) {
            int pid;
            try (Connection c = sessions.getConnection(); Statement s = c.createStatement()) {
                pid = pid(c);
                s.execute("SET lock_timeout = '50ms'");
                c.setAutoCommit(false);
                s.execute("CREATE TABLE never_committed (id int)");
                s.execute("LOCK TABLE never_committed IN ACCESS EXCLUSIVE MODE");
            }
            try (Connection c = sessions.getConnection(); Statement s = c.createStatement()) {
                assertEquals(pid, pid(c), "the same server session");
                assertTrue(c.getAutoCommit());
                assertEquals("0", value(s, "SHOW lock_timeout"), "settings reset");
                assertEquals("0", value(s, "SELECT count(*) FROM pg_class WHERE relname = 'never_committed'"),
                        "the open transaction rolled back");
                assertEquals("0", value(s, "SELECT count(*) FROM pg_locks WHERE pid = " + pid + " AND locktype = 'relation'"
                        + " AND mode = 'AccessExclusiveLock'"), "its locks let go");
                // two at once are two sessions
                try (Connection other = sessions.getConnection()) {
                    assertNotEquals(pid, pid(other));
                }
            }
        }
    }

    @Test
    void aSessionGivenBackCannotBeUsedThroughTheOldHandle() throws Exception {
        try (ReusedSessions sessions = new ReusedSessions(db)) {
            Connection c = sessions.getConnection();
            c.close();
            assertTrue(c.isClosed());
            assertThrows(SQLException.class, c::createStatement);
        }
    }

    @Test
    void closingClosesTheSessionsKept() throws Exception {
        int pid;
        ReusedSessions sessions = new ReusedSessions(db);
        try (Connection c = sessions.getConnection()) {
            pid = pid(c);
        }
        sessions.close();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            String alive;
            do {
                alive = value(s, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid);
            } while (!alive.equals("0") && System.nanoTime() < deadline);
            assertEquals("0", alive, "the kept session is closed");
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return Integer.parseInt(value(s, "SELECT pg_backend_pid()"));
        }
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
