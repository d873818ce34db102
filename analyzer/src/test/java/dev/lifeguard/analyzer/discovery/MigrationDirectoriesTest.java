package dev.lifeguard.analyzer.discovery;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a walk of a project takes for migrations, as the runner deployed to production sees them. */
class MigrationDirectoriesTest {

    @Test
    void testAndFixtureTrees() {
        for (String dir : List.of("src/test", "src/integTest", "src/testFixtures", "src/it", "module/src/test",
                "testsuite", "integration/tests", "fixtures", "test-data", "e2e", "spec")) {
            assertTrue(MigrationDirectories.isTestTree(Path.of(dir)), dir);
        }
        for (String dir : List.of("src/main", "db/migration", "contest", "latest", "it", "src/main/it")) {
            assertFalse(MigrationDirectories.isTestTree(Path.of(dir)), dir);
        }
        assertFalse(MigrationDirectories.isTestTree(Path.of("")), "the root");
    }

    @Test
    void anyTestDirectoryOnThePath() {
        assertTrue(MigrationDirectories.inTestTree(Path.of("app/src/test/resources/db/migration/V1__fixture.sql")));
        assertTrue(MigrationDirectories.inTestTree(Path.of("testsuite/integration-tests/db/changelog.xml")));
        assertFalse(MigrationDirectories.inTestTree(Path.of("app/src/main/resources/db/migration/V1__users.sql")));
        assertFalse(MigrationDirectories.inTestTree(Path.of("latest/V1__users.sql")));
    }

    @Test
    void aDirectoryNamedForMigrations() {
        InMemoryFiles files = new InMemoryFiles().add("sql/migrations/a.sql", "SELECT 1;");
        assertTrue(MigrationDirectories.looksLikeMigrations(Path.of("sql/migrations"), files.all(), files));
        assertTrue(MigrationDirectories.looksLikeMigrations(Path.of("db/schema"), List.of(), files));
    }

    @Test
    void sampleDemoAndBackupDataIsNoHistoryWhateverThePathSays() {
        InMemoryFiles files = new InMemoryFiles().sql("sql/migrations/sample_data/load_sample_data.sql",
                "db/demo-backups/tenant/001_tenant.sql");
        assertFalse(MigrationDirectories.looksLikeMigrations(Path.of("sql/migrations/sample_data"), files.all(), files));
        assertFalse(MigrationDirectories.looksLikeMigrations(Path.of("db/demo-backups/tenant"), files.all(), files));
        assertTrue(MigrationDirectories.looksLikeMigrations(Path.of("db/examples"), List.of(), files));
    }

    @Test
    void numberedFilesThatChangeTheSchema() {
        InMemoryFiles history = new InMemoryFiles()
                .add("schema/001_users.sql", "CREATE TABLE users (id int);")
                .add("schema/002_email.sql", "ALTER TABLE users ADD COLUMN email text;")
                .add("schema/003_index.sql", "create unique index users_email on users (email);");
        assertTrue(MigrationDirectories.looksLikeMigrations(Path.of("schema"), history.all(), history));
        InMemoryFiles reports = new InMemoryFiles()
                .add("reports/sql/1_usersByMonth.sql", "SELECT count(*) FROM users GROUP BY month;")
                .add("reports/sql/2_usersByYear.sql", "SELECT count(*) FROM users GROUP BY year;");
        assertFalse(MigrationDirectories.looksLikeMigrations(Path.of("reports/sql"), reports.all(), reports),
                "numbered report queries are not a history");
        InMemoryFiles loose = new InMemoryFiles()
                .add("scripts/users.sql", "CREATE TABLE users (id int);")
                .add("scripts/orders.sql", "CREATE TABLE orders (id int);");
        assertFalse(MigrationDirectories.looksLikeMigrations(Path.of("scripts"), loose.all(), loose),
                "unnumbered files in a directory not named for migrations");
        assertFalse(MigrationDirectories.looksLikeMigrations(Path.of("scripts"), List.of(), loose));
    }

    @Test
    void otherSqlBelowAFlywayLocationIsNotRunByFlyway() {
        InMemoryFiles files = new InMemoryFiles()
                .sql("src/main/resources/sql/postgresql/V1__users.sql", "src/main/resources/sql/postgresql/rollback/1__users.sql",
                        "resources/db/migration/java/V2__split/select.sql", "reports/1_report.sql");
        assertTrue(MigrationDirectories.underFlywayLocation(Path.of("src/main/resources/sql/postgresql/rollback"), files),
                "rollback scripts beside Flyway migrations");
        assertTrue(MigrationDirectories.underFlywayLocation(Path.of("resources/db/migration/java/V2__split"), files),
                "below Flyway's default location");
        assertFalse(MigrationDirectories.underFlywayLocation(Path.of("reports"), files));
        assertFalse(MigrationDirectories.underFlywayLocation(Path.of("src/main/resources/sql/postgresql"), files),
                "the location itself");
    }
}
