package dev.lifeguard.analyzer.discovery;

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

class LayoutDetectorTest {

    @Test
    void dieselHistoryIsTheDirectoryAboveTheMigrationDirectories() {
        InMemoryFiles files = new InMemoryFiles()
                .sql("migrations/2024-01-02-000000_create_users/up.sql", "migrations/2024-01-02-000000_create_users/down.sql",
                        "migrations/2024-02-01-000000_index/up.sql", "migrations/00000000000000_diesel_initial_setup/up.sql")
                .add("migrations/2024-02-01-000000_index/metadata.toml", "run_in_transaction = false\n");
        PlannedHistory history = only(plan(files));
        assertEquals(Framework.DIESEL, history.framework());
        assertEquals(Path.of("migrations"), history.location());
        assertEquals(List.of("00000000000000_diesel_initial_setup", "2024-01-02-000000_create_users",
                "2024-02-01-000000_index"), ids(history));
        PlannedMigration users = history.migrations().get(1);
        assertEquals("20240102000000", users.version());
        assertEquals("create_users", users.description());
        assertEquals(Reverse.Kind.SCRIPT, users.reverse().kind());
        assertEquals(Path.of("migrations/2024-01-02-000000_create_users/down.sql"), users.reverse().file());
        assertEquals(TransactionMode.TRANSACTION, users.transaction());
        assertEquals(TransactionMode.NO_TRANSACTION, history.migrations().get(2).transaction());
        assertEquals(Reverse.Kind.NONE, history.migrations().get(2).reverse().kind());
    }

    @Test
    void prismaMigrationsOrderedByDirectoryWithoutReverse() {
        InMemoryFiles files = new InMemoryFiles().sql("prisma/migrations/20230201_add_phone/migration.sql",
                "prisma/migrations/20230101_init/migration.sql");
        PlannedHistory history = only(plan(files));
        assertEquals(Framework.PRISMA, history.framework());
        assertEquals(Path.of("prisma/migrations"), history.location());
        assertEquals(List.of("20230101_init", "20230201_add_phone"), ids(history));
        assertNull(history.migrations().get(0).version());
        assertEquals(Reverse.Kind.NONE, history.migrations().get(0).reverse().kind());
        assertEquals(TransactionMode.TRANSACTION, history.migrations().get(0).transaction());
    }

    @Test
    void plainSqlInNaturalNameOrder() {
        InMemoryFiles files = new InMemoryFiles().sql("sql/10_c.sql", "sql/2_b.sql", "sql/1_a.sql");
        PlannedHistory history = only(plan(files));
        assertEquals(Framework.PLAIN_SQL, history.framework());
        assertEquals(List.of("1_a.sql", "2_b.sql", "10_c.sql"), files(history));
        assertEquals("2_b", history.migrations().get(1).description());
        assertNull(history.migrations().get(0).version());
        assertEquals(TransactionMode.ONLY_IF_BEGIN, history.migrations().get(0).transaction());
    }

    @Test
    void filesAtTheRootFormAHistoryAtTheEmptyPath() {
        PlannedHistory history = only(plan(new InMemoryFiles().sql("V1__a.sql")));
        assertEquals(Path.of(""), history.location());
    }

    @Test
    void eachDirectoryGetsItsOwnLayout() {
        InMemoryFiles files = new InMemoryFiles().sql("a/V1__x.sql", "b/1_x.up.sql", "c/schema.sql")
                .add("d/1_x.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n");
        LayoutDetector.Plan plan = plan(files);
        assertEquals(List.of(Framework.FLYWAY, Framework.GOLANG_MIGRATE, Framework.PLAIN_SQL, Framework.DBMATE),
                plan.histories().stream().map(PlannedHistory::framework).toList());
        assertTrue(plan.problems().isEmpty());
    }

    @Test
    void flywaySubdirectoriesOfOneLocationAreOneHistoryInVersionOrder() {
        // Flyway scans a location recursively: a directory per release is one history (an undo beside its V too)
        InMemoryFiles files = new InMemoryFiles().sql("db/migration/V1__base.sql", "db/migration/2.31/V2_31_1__a.sql",
                "db/migration/2.31/V2_31_10__c.sql", "db/migration/2.32/V2_32_2__d.sql", "db/migration/2.32/U2_32_2__d.sql",
                "db/migration/2.4/V2_4_1__b.sql", "db/migration/2.4/R__views.sql");
        PlannedHistory history = only(plan(files));
        assertEquals(Path.of("db/migration"), history.location());
        assertEquals(List.of("V1__base.sql", "V2_4_1__b.sql", "V2_31_1__a.sql", "V2_31_10__c.sql", "V2_32_2__d.sql",
                "R__views.sql"), files(history));
        assertEquals("U2_32_2__d.sql", reverseName(history.migrations().get(4)));
        assertTrue(plan(files).problems().isEmpty());
    }

    @Test
    void flywayDirectoriesPerVendorOrWithTheSameVersionsStayApart() {
        LayoutDetector.Plan vendors = plan(new InMemoryFiles().sql("db/migration/mysql/V1__a.sql",
                "db/migration/postgresql/V2__b.sql"));
        assertEquals(2, vendors.histories().size());
        LayoutDetector.Plan repeated = plan(new InMemoryFiles().sql("db/migration/app/V1__a.sql",
                "db/migration/audit/V1__b.sql", "db/migration/audit/V2__c.sql"));
        assertEquals(2, repeated.histories().size());
    }

    @Test
    void majorityOfFilesDecidesTheLayout() {
        InMemoryFiles files = new InMemoryFiles().sql("m/1_a.up.sql", "m/1_a.down.sql", "m/2_b.up.sql", "m/V1__odd.sql");
        LayoutDetector.Plan plan = plan(files);
        assertEquals(Framework.GOLANG_MIGRATE, only(plan).framework());
        assertEquals("1_a.down.sql", reverseName(only(plan).migrations().get(0)));
        assertEquals(Path.of("m/V1__odd.sql"), plan.problems().get(0).span().file());
    }
}
