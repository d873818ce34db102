package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Reverse;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.lifeguard.analyzer.discovery.LayoutTesting.files;
import static dev.lifeguard.analyzer.discovery.LayoutTesting.ids;
import static dev.lifeguard.analyzer.discovery.LayoutTesting.only;
import static dev.lifeguard.analyzer.discovery.LayoutTesting.plan;
import static dev.lifeguard.analyzer.discovery.LayoutTesting.reverseName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpDownLayoutTest {

    @Test
    void golangMigratePairsUpAndDownByVersion() {
        InMemoryFiles files = new InMemoryFiles().sql("m/000001_users.up.sql", "m/000001_users.down.sql",
                "m/000002_phone.up.sql", "m/000010_ten.up.sql");
        PlannedHistory history = only(plan(files));
        assertEquals(Framework.GOLANG_MIGRATE, history.framework());
        assertEquals(List.of("000001", "000002", "000010"), ids(history));
        assertEquals("1", history.migrations().get(0).version());
        assertEquals("users", history.migrations().get(0).description());
        assertEquals("000001_users.down.sql", reverseName(history.migrations().get(0)));
        assertEquals(Reverse.Kind.NONE, history.migrations().get(1).reverse().kind());
        // golang-migrate opens no transaction of its own
        assertEquals(TransactionMode.ONLY_IF_BEGIN, history.migrations().get(0).transaction());
    }

    @Test
    void dotsInTheNameAreNotADatabase() {
        PlannedHistory history = only(plan(new InMemoryFiles().sql("m/0030_2.0.0_schema.up.sql", "m/0030_2.0.0_schema.down.sql")));
        assertEquals(List.of("0030"), ids(history));
        assertEquals("2.0.0_schema", history.migrations().get(0).description());
        assertEquals("0030_2.0.0_schema.down.sql", reverseName(history.migrations().get(0)));
    }

    @Test
    void duplicateVersionsAreKept() {
        PlannedHistory history = only(plan(new InMemoryFiles().sql("m/1_a.up.sql", "m/1_b.up.sql", "m/1_b.down.sql")));
        assertEquals(List.of("1_a.up.sql", "1_b.up.sql"), files(history));
        assertEquals("1_b.down.sql", reverseName(history.migrations().get(1)));
    }

    @Test
    void givenDownFileBringsItsUpFileAndOrphanDownIsAProblem() {
        InMemoryFiles files = new InMemoryFiles().sql("m/1_a.up.sql", "m/1_a.down.sql", "m/2_b.down.sql");
        LayoutDetector.Plan plan = plan(files, List.of(Path.of("m/1_a.down.sql"), Path.of("m/2_b.down.sql")), Dialect.POSTGRESQL);
        assertEquals(List.of("1_a.up.sql"), files(only(plan)));
        assertEquals(1, plan.problems().size());
        assertTrue(plan.problems().get(0).message().contains("no up migration"));
    }

    @Test
    void popxPicksTheDialectsFileElseTheGenericOne() {
        InMemoryFiles files = new InMemoryFiles().sql(
                "s/1_a.postgres.up.sql", "s/1_a.postgres.down.sql", "s/1_a.mysql.up.sql", "s/1_a.mysql.down.sql",
                "s/1_a.up.sql", "s/1_a.down.sql",
                "s/2_b.up.sql", "s/2_b.down.sql", "s/2_b.sqlite3.up.sql",
                "s/3_c.mysql.up.sql");
        PlannedHistory postgres = only(plan(files, files.all(), Dialect.POSTGRESQL));
        assertEquals(List.of("1_a.postgres.up.sql", "2_b.up.sql"), files(postgres));
        assertEquals("1_a.postgres.down.sql", reverseName(postgres.migrations().get(0)));
        assertEquals("2_b.down.sql", reverseName(postgres.migrations().get(1)));
        assertEquals(TransactionMode.TRANSACTION, postgres.migrations().get(0).transaction());

        PlannedHistory mysql = only(plan(files, files.all(), Dialect.MYSQL));
        assertEquals(List.of("1_a.mysql.up.sql", "2_b.up.sql", "3_c.mysql.up.sql"), files(mysql));
    }

    @Test
    void popxGlobOfOneDatabaseIsOneHistoryWithReversesFoundOnDisk() {
        InMemoryFiles files = new InMemoryFiles().sql(
                "s/1_a.postgres.up.sql", "s/1_a.postgres.down.sql", "s/1_a.mysql.up.sql", "s/1_a.mysql.down.sql",
                "s/2_b.postgres.up.sql", "s/2_b.down.sql");
        List<Path> given = List.of(Path.of("s/1_a.postgres.up.sql"), Path.of("s/1_a.postgres.down.sql"),
                Path.of("s/2_b.postgres.up.sql"));
        PlannedHistory history = only(plan(files, given, Dialect.POSTGRESQL));
        assertEquals(List.of("1_a.postgres.up.sql", "2_b.postgres.up.sql"), files(history));
        assertEquals("1_a.postgres.down.sql", reverseName(history.migrations().get(0)));
        assertEquals("2_b.down.sql", reverseName(history.migrations().get(1)));
    }

    @Test
    void popxFilesOfOneOtherDatabaseAreWhatTheUserAskedFor() {
        InMemoryFiles files = new InMemoryFiles().sql("s/1_a.mysql.up.sql", "s/1_a.mysql.down.sql");
        PlannedHistory history = only(plan(files, files.all(), Dialect.POSTGRESQL));
        assertEquals(List.of("1_a.mysql.up.sql"), files(history));
    }

    @Test
    void popxAutocommitRunsOutsideATransaction() {
        InMemoryFiles files = new InMemoryFiles().sql("s/1_a.postgres.up.sql",
                "s/2_idx.postgres.autocommit.up.sql", "s/2_idx.postgres.autocommit.down.sql");
        PlannedHistory history = only(plan(files));
        assertEquals(List.of(TransactionMode.TRANSACTION, TransactionMode.NO_TRANSACTION),
                history.migrations().stream().map(PlannedMigration::transaction).toList());
        assertEquals("2_idx.postgres.autocommit.down.sql", reverseName(history.migrations().get(1)));
        assertNull(history.migrations().get(0).reverse().file());
    }
}
