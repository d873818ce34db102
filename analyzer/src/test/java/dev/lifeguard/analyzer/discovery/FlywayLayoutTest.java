package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
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

class FlywayLayoutTest {

    @Test
    void versionsAreOrderedNumericallyPartByPart() {
        InMemoryFiles files = new InMemoryFiles().sql("db/V1_10__ten.sql", "db/V1_9__nine.sql", "db/V1__one.sql",
                "db/V2__two.sql", "db/V1.2__one_two.sql");
        PlannedHistory history = only(plan(files));
        assertEquals(Framework.FLYWAY, history.framework());
        assertEquals(Path.of("db"), history.location());
        assertEquals(List.of("1", "1.2", "1.9", "1.10", "2"), ids(history));
        assertEquals(List.of("1", "1.2", "1.9", "1.10", "2"),
                history.migrations().stream().map(PlannedMigration::version).toList());
        assertEquals("one two", history.migrations().get(1).description());
    }

    @Test
    void duplicateVersionsAreKeptWithTheSameCanonicalVersion() {
        PlannedHistory history = only(plan(new InMemoryFiles().sql("db/V2__phone.sql", "db/V2.0__fax.sql", "db/V1__a.sql")));
        assertEquals(List.of("V1__a.sql", "V2.0__fax.sql", "V2__phone.sql"), files(history));
        assertEquals("2", history.migrations().get(1).version());
        assertEquals("2", history.migrations().get(2).version());
        assertEquals("2.0", history.migrations().get(1).id());
    }

    @Test
    void undoFileIsTheReverseOfTheSameVersionAndNotAMigration() {
        InMemoryFiles files = new InMemoryFiles().sql("db/V1__users.sql", "db/U1.0__drop_users.sql", "db/V2__phone.sql");
        PlannedHistory history = only(plan(files));
        assertEquals(List.of("V1__users.sql", "V2__phone.sql"), files(history));
        assertEquals(Reverse.Kind.SCRIPT, history.migrations().get(0).reverse().kind());
        assertEquals("U1.0__drop_users.sql", reverseName(history.migrations().get(0)));
        assertEquals(Reverse.Kind.NONE, history.migrations().get(1).reverse().kind());
    }

    @Test
    void undoFoundOnDiskEvenWhenOnlyTheVersionedFileIsGiven() {
        InMemoryFiles files = new InMemoryFiles().sql("db/V1__users.sql", "db/U1__users.sql");
        PlannedHistory history = only(plan(files, List.of(Path.of("db/V1__users.sql")), Dialect.POSTGRESQL));
        assertEquals("U1__users.sql", reverseName(history.migrations().get(0)));
    }

    @Test
    void givenUndoFileBringsItsVersionedMigrationAndOrphanIsAProblem() {
        InMemoryFiles files = new InMemoryFiles().sql("db/V1__users.sql", "db/U1__users.sql", "db/U3__gone.sql");
        LayoutDetector.Plan plan = plan(files, List.of(Path.of("db/U1__users.sql"), Path.of("db/U3__gone.sql")), Dialect.POSTGRESQL);
        assertEquals(List.of("V1__users.sql"), files(only(plan)));
        assertEquals(1, plan.problems().size());
        assertEquals(Path.of("db/U3__gone.sql"), plan.problems().get(0).span().file());
        assertTrue(plan.problems().get(0).message().contains("no versioned migration"));
    }

    @Test
    void repeatablesComeAfterVersionedOrderedByDescription() {
        InMemoryFiles files = new InMemoryFiles().sql("db/R__views.sql", "db/R__functions.sql", "db/V3__c.sql", "db/V1__a.sql");
        PlannedHistory history = only(plan(files));
        assertEquals(List.of("V1__a.sql", "V3__c.sql", "R__functions.sql", "R__views.sql"), files(history));
        PlannedMigration repeatable = history.migrations().get(2);
        assertEquals(Migration.Kind.REPEATABLE, repeatable.kind());
        assertNull(repeatable.version());
        assertEquals("functions", repeatable.id());
    }

    @Test
    void confFileCanTakeAMigrationOutOfTheTransaction() {
        InMemoryFiles files = new InMemoryFiles().sql("db/V1__a.sql", "db/V2__index.sql", "db/V3__b.sql")
                .add("db/V2__index.sql.conf", "# concurrently\nexecuteInTransaction=false\n")
                .add("db/V3__b.sql.conf", "executeInTransaction=true\n");
        PlannedHistory history = only(plan(files, List.of(Path.of("db/V1__a.sql"), Path.of("db/V2__index.sql"),
                Path.of("db/V3__b.sql")), Dialect.POSTGRESQL));
        assertEquals(List.of(TransactionMode.TRANSACTION, TransactionMode.NO_TRANSACTION, TransactionMode.TRANSACTION),
                history.migrations().stream().map(PlannedMigration::transaction).toList());
    }

    @Test
    void misnamedFileNextToMigrationsIsAProblemButCallbacksAreNot() {
        InMemoryFiles files = new InMemoryFiles().sql("db/V1__a.sql", "db/V2__b.sql", "db/V3_c.sql", "db/afterMigrate.sql");
        LayoutDetector.Plan plan = plan(files);
        assertEquals(List.of("V1__a.sql", "V2__b.sql"), files(only(plan)));
        assertEquals(1, plan.problems().size());
        assertEquals(Path.of("db/V3_c.sql"), plan.problems().get(0).span().file());
    }

    @Test
    void everyModuleDirectoryIsItsOwnHistory() {
        InMemoryFiles files = new InMemoryFiles().sql("account/migration/V1__a.sql", "account/migration/V2__b.sql",
                "invoice/migration/V1__a.sql");
        LayoutDetector.Plan plan = plan(files);
        assertEquals(List.of(Path.of("account/migration"), Path.of("invoice/migration")),
                plan.histories().stream().map(PlannedHistory::location).toList());
    }
}
