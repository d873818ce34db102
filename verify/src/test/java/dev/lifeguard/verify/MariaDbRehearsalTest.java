package dev.lifeguard.verify;

import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.EngineOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lifeguard verify on a real MariaDB (Debian's mariadbd, started by the test): each finding kind the issue names. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbRehearsalTest {
    private SharedMariaDb mariadb;

    @BeforeAll
    void start() throws Exception {
        mariadb = SharedMariaDb.startOrSkip();
    }

    @AfterAll
    void stop() {
        if (mariadb != null) {
            mariadb.close();
        }
    }

    static final String BASE = """
            CREATE TABLE customers (
                id    BIGINT AUTO_INCREMENT PRIMARY KEY,
                email VARCHAR(100) NOT NULL,
                zip   VARCHAR(10),
                name  TEXT,
                UNIQUE KEY customers_email_uk (email)
            ) ENGINE=InnoDB;
            CREATE TABLE orders (
                id          BIGINT AUTO_INCREMENT PRIMARY KEY,
                customer_id BIGINT NOT NULL,
                total       DECIMAL(10, 2) NOT NULL,
                status      VARCHAR(10) NOT NULL,
                placed      DATETIME,
                CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id),
                CONSTRAINT orders_status_ck CHECK (status IN ('new', 'paid', 'shipped'))
            ) ENGINE=InnoDB;
            """;

    private RehearsalReport rehearse(VerifyProject project) throws Exception {
        return project.rehearse(mariadb, VerifyOptions.defaults(EngineOptions.defaults()));
    }

    private static List<Finding> in(RehearsalReport report, String ruleId, String file) {
        return VerifyProject.of(report, ruleId).stream().filter(f -> f.span().file().toString().endsWith(file)).toList();
    }

    @Test
    void seedsEveryTableAndStartsNothingOnAHistoryThatIsFine(@TempDir Path dir) throws Exception {
        RehearsalReport report = rehearse(new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__index.sql", "CREATE INDEX orders_placed_idx ON orders (placed);\n"));
        assertEquals(List.of(), report.findings().stream().filter(f -> !f.ruleId().equals("missing-reverse")).toList(),
                VerifyProject.describe(report));
        MigrationRow v2 = report.rows().stream().filter(r -> r.migration().equals("2")).findFirst().orElseThrow();
        assertEquals("ok", v2.applied(), VerifyProject.describe(report));
        assertEquals(300, v2.rows(), "orders seeded (after customers, for its foreign key; its CHECK respected): "
                + VerifyProject.describe(report));
        assertTrue(report.database().startsWith("MariaDB "), report.database());
    }

    @Test
    void notNullWithoutDefaultBreaksTheRunningVersionsInserts(@TempDir Path dir) throws Exception {
        RehearsalReport report = rehearse(new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__tier.sql", "ALTER TABLE customers ADD COLUMN tier VARCHAR(10) NOT NULL;\n"));
        List<Finding> breaks = in(report, "breaks-running-version", "V2__tier.sql");
        assertEquals(1, breaks.size(), VerifyProject.describe(report));
        assertEquals(1, breaks.get(0).span().startLine());
        assertTrue(breaks.get(0).message().contains("Field 'tier' doesn't have a default value"), breaks.get(0).message());
        assertTrue(breaks.get(0).message().contains("300 existing rows"), breaks.get(0).message());
    }

    @Test
    void aNotNullColumnWithADefaultBreaksNothing(@TempDir Path dir) throws Exception {
        RehearsalReport report = rehearse(new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__tier.sql", "ALTER TABLE customers ADD COLUMN tier VARCHAR(10) NOT NULL DEFAULT 'basic';\n"));
        assertEquals(List.of(), in(report, "breaks-running-version", "V2__tier.sql"), VerifyProject.describe(report));
    }

    @Test
    void aCopyBlocksWritesAnInstantChangeAndAnOnlineIndexDoNot(@TempDir Path dir) throws Exception {
        RehearsalReport report = rehearse(new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__copy.sql", "ALTER TABLE customers ADD COLUMN note VARCHAR(20), ALGORITHM=COPY;\n")
                .file("db/migration/V3__instant.sql", "ALTER TABLE customers ADD COLUMN memo VARCHAR(20), ALGORITHM=INSTANT;\n")
                .file("db/migration/V4__online_index.sql", "CREATE INDEX customers_zip_idx ON customers (zip);\n")
                .file("db/migration/V5__shared_index.sql", "ALTER TABLE customers ADD INDEX customers_name_idx (name(20)), LOCK=SHARED;\n"));
        List<Finding> copy = in(report, "rewrites-table", "V2__copy.sql");
        assertEquals(1, copy.size(), VerifyProject.describe(report));
        assertTrue(copy.get(0).message().contains("a new InnoDB table with all its 300 rows"), copy.get(0).message());
        assertTrue(copy.get(0).message().contains("metadata lock SHARED_NO_WRITE")
                && copy.get(0).message().contains("a concurrent INSERT waited; SELECT did not"), copy.get(0).message());
        for (String quiet : List.of("V3__instant.sql", "V4__online_index.sql")) {
            List<Finding> found = report.findings().stream().filter(f -> f.span().file().toString().endsWith(quiet)
                    && !f.ruleId().equals("missing-reverse")).toList();
            assertEquals(List.of(), found, quiet + ":\n" + VerifyProject.describe(report));
        }
        List<Finding> shared = in(report, "blocks-writes", "V5__shared_index.sql");
        assertEquals(1, shared.size(), VerifyProject.describe(report));
        assertTrue(shared.get(0).message().contains("built an index reading every row of customers"), shared.get(0).message());
        MigrationRow v4 = report.rows().stream().filter(r -> r.migration().equals("4")).findFirst().orElseThrow();
        assertEquals(List.of("metadata lock SHARED_UPGRADABLE customers (online)"), v4.locks(), VerifyProject.describe(report));
        MigrationRow v3 = report.rows().stream().filter(r -> r.migration().equals("3")).findFirst().orElseThrow();
        assertEquals(List.of("metadata lock EXCLUSIVE customers (brief)"), v3.locks(), VerifyProject.describe(report));
        assertEquals(List.of(), v3.rewrites());
    }

    @Test
    void aDownFileThatFails(@TempDir Path dir) throws Exception {
        RehearsalReport report = rehearse(new VerifyProject(dir)
                .file("migrations/000001_base.up.sql", BASE)
                .file("migrations/000001_base.down.sql", "DROP TABLE orders;\nDROP TABLE customers;\n")
                .file("migrations/000002_placed.up.sql", "CREATE INDEX orders_placed_idx ON orders (placed);\n")
                .file("migrations/000002_placed.down.sql", "DROP INDEX orders_placed_index ON orders;\n"));
        List<Finding> fails = in(report, "reverse-fails", "000002_placed.down.sql");
        assertEquals(1, fails.size(), VerifyProject.describe(report));
        assertEquals(1, fails.get(0).span().startLine());
        assertTrue(fails.get(0).message().contains("orders_placed_index"), fails.get(0).message());
    }

    @Test
    void aDownFileThatLeavesAnIndexBehind(@TempDir Path dir) throws Exception {
        RehearsalReport report = rehearse(new VerifyProject(dir)
                .file("migrations/000001_base.up.sql", BASE)
                .file("migrations/000001_base.down.sql", "DROP TABLE orders;\nDROP TABLE customers;\n")
                .file("migrations/000002_nick.up.sql", """
                        ALTER TABLE customers ADD COLUMN nick VARCHAR(20);
                        CREATE INDEX customers_name_idx ON customers (name(20));
                        """)
                .file("migrations/000002_nick.down.sql", "ALTER TABLE customers DROP COLUMN nick;\n"));
        List<Finding> incomplete = in(report, "reverse-incomplete", "000002_nick.down.sql");
        assertEquals(1, incomplete.size(), VerifyProject.describe(report));
        assertTrue(incomplete.get(0).message().contains("index customers.customers_name_idx is not dropped"), incomplete.get(0).message());
        assertEquals(1, in(report, "not-reapplyable", "000002_nick.up.sql").size(), VerifyProject.describe(report));
    }

    @Test
    void liquibaseRunsAndRollsBackOnMariaDb(@TempDir Path dir) throws Exception {
        RehearsalReport report = rehearse(new VerifyProject(dir)
                .file("db/changelog.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                            xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                              http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                          <changeSet id="1" author="a">
                            <createTable tableName="customers">
                              <column name="id" type="BIGINT" autoIncrement="true"><constraints primaryKey="true"/></column>
                              <column name="email" type="VARCHAR(100)"><constraints nullable="false"/></column>
                            </createTable>
                          </changeSet>
                          <changeSet id="2" author="a">
                            <addColumn tableName="customers">
                              <column name="tier" type="VARCHAR(10)"><constraints nullable="false"/></column>
                            </addColumn>
                          </changeSet>
                          <changeSet id="3" author="a">
                            <sql>ALTER TABLE customers ADD INDEX customers_email_idx (email), LOCK=SHARED</sql>
                            <rollback><sql>SELECT 1</sql></rollback>
                          </changeSet>
                        </databaseChangeLog>
                        """));
        List<Finding> breaks = in(report, "breaks-running-version", "changelog.xml");
        assertEquals(1, breaks.size(), VerifyProject.describe(report));
        assertTrue(breaks.get(0).message().contains("'tier'"), breaks.get(0).message());
        List<Finding> blocks = in(report, "blocks-writes", "changelog.xml");
        assertEquals(1, blocks.size(), VerifyProject.describe(report));
        List<Finding> incomplete = in(report, "reverse-incomplete", "changelog.xml");
        assertEquals(1, incomplete.size(), VerifyProject.describe(report));
        assertTrue(incomplete.get(0).message().contains("index customers.customers_email_idx is not dropped"), incomplete.get(0).message());
        MigrationRow two = report.rows().stream().filter(r -> r.migration().startsWith("2::")).findFirst().orElseThrow();
        assertEquals("ok", two.reverse(), "addColumn rolled back by Liquibase itself: " + VerifyProject.describe(report));
    }

    @Test
    void aProvidedDatabaseIsUsedThenLeftAsItWas(@TempDir Path dir) throws Exception {
        try (var c = mariadb.server().connect("mysql"); var s = c.createStatement()) {
            s.execute("CREATE DATABASE provided_empty");
            s.execute("CREATE DATABASE provided_busy");
            s.execute("CREATE TABLE provided_busy.keep_me (id INT PRIMARY KEY)");
        }
        VerifyProject project = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__tier.sql", "ALTER TABLE customers ADD COLUMN tier VARCHAR(10) NOT NULL;\n");
        String url = mariadb.server().url("provided_empty").replace("jdbc:mariadb:", "jdbc:mysql:");
        VerifyOptions options = new VerifyOptions(EngineOptions.defaults(), 50, null, url, null, 15, VerifyOptions.DEFAULT_TIMEOUT);
        RehearsalReport report = new Rehearsal(options).run(project.load(dev.lifeguard.analyzer.model.Dialect.MARIADB));
        assertEquals(1, in(report, "breaks-running-version", "V2__tier.sql").size(), VerifyProject.describe(report));
        assertTrue(report.database().contains("database provided_empty, from --database-url"), report.database());
        try (var c = mariadb.server().connect("provided_empty"); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'provided_empty'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "every table the rehearsal created is dropped: " + VerifyProject.describe(report));
        }
        VerifyOptions busy = new VerifyOptions(EngineOptions.defaults(), 50, null, mariadb.server().url("provided_busy"), null, 15,
                VerifyOptions.DEFAULT_TIMEOUT);
        RehearsalException refused = org.junit.jupiter.api.Assertions.assertThrows(RehearsalException.class,
                () -> new Rehearsal(busy).run(project.load(dev.lifeguard.analyzer.model.Dialect.MARIADB)));
        assertTrue(refused.getMessage().contains("database 'provided_busy' is not empty (1 objects, e.g. table keep_me)")
                && refused.getMessage().contains("--allow-non-empty provided_busy"), refused.getMessage());
        try (var c = mariadb.server().connect("provided_busy"); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM keep_me")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void aMigrationFailingOnTheRowsIsAppliedToItsTablesEmptiedAndTheRestIsRehearsed(@TempDir Path dir) throws Exception {
        RehearsalReport report = rehearse(new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__email_as_number.sql", "ALTER TABLE customers MODIFY email BIGINT NOT NULL;\n")
                .file("db/migration/V3__note.sql", "ALTER TABLE orders ADD COLUMN note VARCHAR(20), ALGORITHM=COPY;\n"));
        List<Finding> fails = in(report, "fails-on-existing-data", "V2__email_as_number.sql");
        assertEquals(1, fails.size(), VerifyProject.describe(report));
        assertTrue(fails.get(0).message().startsWith("fails on the rows already in the table: Truncated incorrect"),
                fails.get(0).message()); // the server's message, without the driver's "(conn=N)"
        MigrationRow v2 = report.rows().stream().filter(r -> r.migration().equals("2")).findFirst().orElseThrow();
        assertEquals("failed (then applied to its tables emptied)", v2.applied(), VerifyProject.describe(report));
        // customers emptied with the orders that refer to it, both filled again: V3 is measured on rows
        assertEquals(1, in(report, "rewrites-table", "V3__note.sql").size(), VerifyProject.describe(report));
    }

    @Test
    void aMySqlHistoryOrAnotherTargetVersionIsSaid(@TempDir Path dir) throws Exception {
        VerifyProject project = new VerifyProject(dir).file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__zip.sql", "CREATE INDEX customers_zip_idx ON customers (zip);\n");
        RehearsalReport mysql = new Rehearsal(VerifyOptions.defaults(EngineOptions.defaults()), mariadb::borrowed)
                .run(project.load(dev.lifeguard.analyzer.model.Dialect.MYSQL));
        assertTrue(mysql.notes().stream().anyMatch(n -> n.contains("a mysql history, rehearsed on MariaDB 10.")
                || n.contains("a mysql history, rehearsed on MariaDB 11.")), VerifyProject.describe(mysql));
        var target = dev.lifeguard.analyzer.model.TargetVersion.parse("9.9", dev.lifeguard.analyzer.model.Dialect.MARIADB).orElseThrow();
        RehearsalReport other = project.rehearse(mariadb, VerifyOptions.defaults(EngineOptions.defaults().withTargetVersion(target)));
        assertTrue(other.notes().stream().anyMatch(n -> n.contains("the target is mariadb 9.9, rehearsed on MariaDB ")),
                VerifyProject.describe(other));
    }

    @Test
    void aTeamsOwnSeedRunsAsMariaDbReadsIt(@TempDir Path dir) throws Exception {
        VerifyProject project = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__zip_unique.sql", "CREATE UNIQUE INDEX customers_zip_uk ON customers (zip);\n")
                .file("seed.sql", """
                        # MariaDB's comments and backticks, as a dump has them
                        INSERT INTO `customers` (`email`, `zip`) VALUES ('a@example.com', '10115'), ('b@example.com', '10115');
                        """);
        // a change under review (as --since): the seed runs once the history before it is applied
        var change = dev.lifeguard.analyzer.change.Change.of("base",
                List.of(dev.lifeguard.analyzer.change.FileChange.added(Path.of("db/migration/V2__zip_unique.sql"))), java.util.Map.of());
        VerifyOptions options = new VerifyOptions(EngineOptions.defaults().withChange(change), 300, dir.resolve("seed.sql"),
                null, null, 15, VerifyOptions.DEFAULT_TIMEOUT);
        RehearsalReport report = project.rehearse(mariadb, options);
        List<Finding> fails = in(report, "fails-on-existing-data", "V2__zip_unique.sql");
        assertEquals(1, fails.size(), VerifyProject.describe(report));
        assertTrue(fails.get(0).message().contains("Duplicate entry '10115'") && fails.get(0).message().contains("2 synthetic rows"),
                fails.get(0).message());
    }

    /** With a change under review on MariaDB, the application's code is not PREPAREd (PostgreSQL only): a note says so. */
    @Test
    void theCodeNotCheckedOnMariaDbIsSaidInANote(@TempDir Path dir) throws Exception {
        VerifyProject project = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__note.sql", "ALTER TABLE customers ADD COLUMN note VARCHAR(20);\n")
                .file("src/main/java/org/example/Customer.java", """
                        package org.example;
                        import jakarta.persistence.*;
                        @Entity @Table(name = "customers")
                        public class Customer { @Id Long id; String email; }
                        """);
        var change = dev.lifeguard.analyzer.change.Change.of("base",
                List.of(dev.lifeguard.analyzer.change.FileChange.added(Path.of("db/migration/V2__note.sql"))), java.util.Map.of());
        VerifyOptions options = new VerifyOptions(EngineOptions.defaults().withChange(change), 50, null,
                null, null, 15, VerifyOptions.DEFAULT_TIMEOUT);
        RehearsalReport report = project.rehearse(mariadb, options);
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("the application's code was not checked against the schema")),
                VerifyProject.describe(report));
    }
}
