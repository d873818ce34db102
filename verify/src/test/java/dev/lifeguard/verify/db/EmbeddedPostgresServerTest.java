package dev.lifeguard.verify.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded PostgreSQL starts from a copy of a cluster initdb made once: the template is made by the first start,
 * used by the next, never holds what a run did, outlives every run's own directory, and a damaged one is made again.
 */
class EmbeddedPostgresServerTest {
    @TempDir
    Path templates;

    @Test
    void startsFromATemplateMadeOnceAndNeverSharesARunsData() throws Exception {
        Path firstWork;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(15, templates)) {
            firstWork = first.workDirectory();
            execute(first, "CREATE TABLE left_by_the_first_run (id int)");
        }
        assertFalse(Files.exists(firstWork), "the run's own directory is removed");
        List<Path> made = templatesMade();
        assertEquals(1, made.size(), "one template: " + made);
        assertTrue(Files.isRegularFile(made.get(0).resolve("data/PG_VERSION")));
        assertFalse(Files.exists(made.get(0).resolve("data/postmaster.pid")), "the template holds no running server's state");

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(15, templates)) {
            assertNotEquals(firstWork, second.workDirectory());
            assertEquals(List.of(), tables(second), "the second run starts from the template, not from the first run's data");
            assertTrue(second.describe().startsWith("embedded PostgreSQL 15."), second.describe());
        }
        assertEquals(made, templatesMade(), "the template is kept and reused, not made again");
    }

    @Test
    void aDamagedTemplateIsMadeAgain() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(15, templates)) {
            assertEquals(List.of(), tables(first));
        }
        Path template = templatesMade().get(0);
        // as a cleaner of temporary files would leave it
        Files.delete(template.resolve("data/global/pg_control"));
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(15, templates)) {
            execute(second, "CREATE TABLE t (id int)");
            assertTrue(tables(second).contains("database lifeguard_rehearsal_1"), "the first fresh database has its table");
        }
        assertTrue(Files.isRegularFile(template.resolve("data/global/pg_control")), "made again");
        assertEquals(List.of(template), templatesMade());
    }

    private List<Path> templatesMade() throws Exception {
        try (Stream<Path> files = Files.list(templates)) {
            return files.filter(p -> p.getFileName().toString().matches("lifeguard-data-15-[0-9a-f]+-\\d+")).sorted().toList();
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException, dev.lifeguard.verify.RehearsalException {
        try (Connection c = server.freshDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A fresh database's tables, and every other database on the server but the maintenance ones. */
    private static List<String> tables(EmbeddedPostgresServer server) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = server.freshDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 'table ' || tablename FROM pg_tables WHERE schemaname = 'public'"
                     + " UNION ALL SELECT 'database ' || datname FROM pg_database"
                     + " WHERE datname NOT IN ('postgres', 'template0', 'template1') AND datname <> current_database()")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
