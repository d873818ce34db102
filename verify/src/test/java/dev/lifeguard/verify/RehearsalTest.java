package dev.lifeguard.verify;

import dev.lifeguard.rules.Finding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import dev.lifeguard.analyzer.change.Change;
import dev.lifeguard.analyzer.change.FileChange;
import dev.lifeguard.rules.engine.EngineOptions;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each finding kind of lifeguard verify, proved on a real embedded PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RehearsalTest {
    private SharedPostgres postgres;

    @BeforeAll
    void start() throws Exception {
        postgres = new SharedPostgres();
    }

    @AfterAll
    void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static final String BASE = """
            CREATE TABLE customers (
                id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email varchar(100) NOT NULL,
                zip   varchar(10),
                name  text
            );
            CREATE TABLE orders (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                total       numeric(10, 2) NOT NULL,
                status      text NOT NULL CHECK (status IN ('new', 'paid', 'shipped'))
            );
            """;

    @Test
    void notNullWithoutDefaultFailsOnRows(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__tier.sql", "ALTER TABLE customers ADD COLUMN tier text NOT NULL;\n")
                .rehearse(postgres);
        List<Finding> fails = VerifyProject.of(report, "fails-on-existing-data");
        assertEquals(1, fails.size(), VerifyProject.describe(report));
        assertEquals("db/migration/V2__tier.sql", fails.get(0).span().file().toString());
        assertEquals(1, fails.get(0).span().startLine());
        assertTrue(fails.get(0).message().contains("23502"), fails.get(0).message());
    }

    /** Options reviewing a change that adds these files (as --since would). */
    private static VerifyOptions changeAdding(String... files) {
        List<FileChange> added = java.util.Arrays.stream(files).map(f -> FileChange.added(Path.of(f))).toList();
        return VerifyOptions.defaults(EngineOptions.defaults().withChange(Change.of("base", added, Map.of())));
    }

    private static Finding only(RehearsalReport report, String ruleId) {
        List<Finding> found = VerifyProject.of(report, ruleId);
        assertEquals(1, found.size(), "one " + ruleId + " expected:\n" + VerifyProject.describe(report));
        return found.get(0);
    }

    private static void none(RehearsalReport report, String ruleId) {
        assertEquals(List.of(), VerifyProject.of(report, ruleId), VerifyProject.describe(report));
    }

    @Test
    void notNullWithoutDefaultPassesOnATableNewInTheChange(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__coupons.sql", """
                        CREATE TABLE coupons (id bigint PRIMARY KEY);
                        ALTER TABLE coupons ADD COLUMN code text NOT NULL;
                        """)
                .rehearse(postgres, changeAdding("db/migration/V2__coupons.sql"));
        assertEquals(List.of(), report.findings().stream().filter(f -> !f.ruleId().equals("missing-reverse")).toList(),
                VerifyProject.describe(report));
        assertEquals("ok", report.rows().get(0).applied(), VerifyProject.describe(report));
        assertEquals(1, report.rehearsed());
    }

    @Test
    void aCastFailsOnASeededNonNumericValue(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__zip.sql", "SET lock_timeout = '5s';\nALTER TABLE customers ALTER COLUMN zip TYPE integer USING zip::integer;\n")
                .rehearse(postgres, changeAdding("db/migration/V2__zip.sql"));
        Finding f = only(report, "fails-on-existing-data");
        assertEquals(2, f.span().startLine());
        assertTrue(f.message().contains("invalid input syntax for type integer") && f.message().contains("22P02"), f.message());
    }

    @Test
    void aUniqueIndexFailsOnDuplicatedSeededValues(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__unique_name.sql", "CREATE UNIQUE INDEX customers_name_key ON customers (name);\n")
                .rehearse(postgres, changeAdding("db/migration/V2__unique_name.sql"));
        Finding f = only(report, "fails-on-existing-data");
        assertTrue(f.message().contains("23505") && f.message().contains("is duplicated"), f.message());
    }

    @Test
    void anIndexBuildBlocksWritesAndTheConcurrentOneDoesNot(@TempDir Path dir) throws Exception {
        RehearsalReport plain = new VerifyProject(dir.resolve("plain"))
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__idx.sql", "CREATE INDEX orders_total_idx ON orders (total);\n")
                .rehearse(postgres, changeAdding("db/migration/V2__idx.sql"));
        Finding f = only(plain, "blocks-writes");
        assertTrue(f.message().contains("SHARE on orders") && f.message().contains("INSERT waited; SELECT did not"), f.message());
        none(plain, "blocks-reads");

        RehearsalReport concurrent = new VerifyProject(dir.resolve("concurrent"))
                .file("flyway.conf", "flyway.postgresql.transactional.lock=false\n")
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__idx.sql", "CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);\n")
                .rehearse(postgres, changeAdding("db/migration/V2__idx.sql"));
        none(concurrent, "blocks-writes");
        none(concurrent, "blocks-reads");
        assertEquals("ok", concurrent.rows().get(0).applied(), VerifyProject.describe(concurrent));
        assertTrue(concurrent.rows().get(0).locks().contains("SHARE UPDATE EXCLUSIVE orders"), VerifyProject.describe(concurrent));
    }

    @Test
    void flywaysTransactionalLockMakesConcurrentlyWaitForEver(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__idx.sql", "CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);\n")
                .rehearse(postgres, changeAdding("db/migration/V2__idx.sql"));
        Finding f = only(report, "migration-fails");
        assertTrue(f.message().contains("never finishes") && f.message().contains("flyway.postgresql.transactional.lock=false"),
                f.message());
    }

    @Test
    void aVolatileDefaultRewritesAndAConstantOneDoesNot(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__public_id.sql", "ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();\n")
                .file("db/migration/V3__flag.sql", "ALTER TABLE orders ADD COLUMN flagged boolean NOT NULL DEFAULT false;\n")
                .rehearse(postgres, changeAdding("db/migration/V2__public_id.sql", "db/migration/V3__flag.sql"));
        Finding f = only(report, "rewrites-table");
        assertEquals("db/migration/V2__public_id.sql", f.span().file().toString());
        assertTrue(f.message().contains("ACCESS EXCLUSIVE") && f.message().contains("SELECT and INSERT waited"), f.message());
        none(report, "blocks-reads");
        assertEquals(List.of("orders"), report.rows().get(0).rewrites(), VerifyProject.describe(report));
        assertEquals(List.of(), report.rows().get(1).rewrites(), VerifyProject.describe(report));
        assertEquals(List.of("ACCESS EXCLUSIVE orders (brief)"), report.rows().get(1).locks(), VerifyProject.describe(report));
    }

    @Test
    void setNotNullScansUnderALockThatBlocksReads(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__name.sql", "UPDATE customers SET name = 'x' WHERE name IS NULL;\nALTER TABLE customers ALTER COLUMN name SET NOT NULL;\n")
                .rehearse(postgres, changeAdding("db/migration/V2__name.sql"));
        Finding f = only(report, "blocks-reads");
        assertEquals(2, f.span().startLine());
        assertTrue(f.message().contains("read every row of customers"), f.message());
    }

    @Test
    void anUndoFileThatFails(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("db/migration/V1__base.sql", BASE)
                .file("db/migration/V2__note.sql", "ALTER TABLE orders ADD COLUMN note text;\n")
                .file("db/migration/U2__note.sql", "ALTER TABLE orders DROP COLUMN notes;\n")
                .rehearse(postgres, changeAdding("db/migration/V2__note.sql", "db/migration/U2__note.sql"));
        Finding f = only(report, "reverse-fails");
        assertEquals("db/migration/U2__note.sql", f.span().file().toString());
        assertTrue(f.message().contains("column \"notes\" of relation \"orders\" does not exist"), f.message());
        assertEquals("failed", report.rows().get(0).reverse());
    }

    @Test
    void aDownFileThatLeavesAnIndexBehind(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("migrations/1_base.up.sql", BASE)
                .file("migrations/1_base.down.sql", "DROP TABLE orders;\nDROP TABLE customers;\n")
                .file("migrations/2_email.up.sql", "ALTER TABLE customers ADD COLUMN contact text;\nCREATE INDEX customers_contact_idx ON customers (contact);\n")
                .file("migrations/2_email.down.sql", "ALTER TABLE customers RENAME COLUMN contact TO contact_old;\n")
                .rehearse(postgres, changeAdding("migrations/2_email.up.sql", "migrations/2_email.down.sql"));
        Finding f = only(report, "reverse-incomplete");
        assertEquals("migrations/2_email.down.sql", f.span().file().toString());
        assertTrue(f.message().contains("index public.customers_contact_idx is not dropped"), f.message());
        Finding again = only(report, "not-reapplyable");
        assertEquals("migrations/2_email.up.sql", again.span().file().toString());
    }

    private static final String CHANGELOG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                               xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                                   http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
                <changeSet id="1" author="shop">
                    <createTable tableName="customers">
                        <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                        <column name="email" type="varchar(100)"><constraints nullable="false"/></column>
                    </createTable>
                </changeSet>
            %s
            </databaseChangeLog>
            """;

    @Test
    void liquibaseChangeSetsRunWithLiquibaseAndRollBackWithIt(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("db/changelog.xml", CHANGELOG.formatted("""
                    <changeSet id="2" author="shop">
                        <addColumn tableName="customers">
                            <column name="phone" type="text"/>
                        </addColumn>
                    </changeSet>
                    <changeSet id="3" author="shop">
                        <addColumn tableName="customers">
                            <column name="tier" type="text"><constraints nullable="false"/></column>
                        </addColumn>
                    </changeSet>
                    <changeSet id="4" author="shop">
                        <createIndex tableName="customers" indexName="customers_phone_idx">
                            <column name="phone"/>
                        </createIndex>
                        <rollback>
                            <sql>SELECT 1</sql>
                        </rollback>
                    </changeSet>
                """))
                .rehearse(postgres);
        assertEquals(4, report.rows().size(), VerifyProject.describe(report));
        assertEquals("ok", report.rows().get(1).reverse(), "Liquibase's own rollback of addColumn: " + VerifyProject.describe(report));
        Finding left = only(report, "reverse-incomplete");
        assertTrue(left.message().contains("index public.customers_phone_idx is not dropped"), left.message());
        Finding blocks = only(report, "blocks-writes");
        assertEquals("db/changelog.xml", blocks.span().file().toString());
        Finding fails = only(report, "fails-on-existing-data");
        assertTrue(fails.message().contains("23502"), fails.message());
        assertEquals("failed (then applied to its tables emptied)", report.rows().get(2).applied());
        Finding again = only(report, "not-reapplyable");
        assertTrue(again.message().contains("already exists"), again.message());
    }

    @Test
    void liquibaseExecuteCommandIsNeverRun(@TempDir Path dir) throws Exception {
        RehearsalReport report = new VerifyProject(dir)
                .file("db/changelog.xml", CHANGELOG.formatted("""
                    <changeSet id="2" author="shop">
                        <executeCommand executable="touch"><arg value="%s"/></executeCommand>
                    </changeSet>
                """.formatted(dir.resolve("ran").toString())))
                .rehearse(postgres);
        Finding f = only(report, "migration-fails");
        assertTrue(f.message().contains("executeCommand"), f.message());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("ran")), "the command ran");
    }
}
