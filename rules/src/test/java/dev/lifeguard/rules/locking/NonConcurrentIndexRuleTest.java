package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonConcurrentIndexRuleTest {
    private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n";
    private final NonConcurrentIndexRule rule = new NonConcurrentIndexRule();

    private static SqlProject pg(String v2) {
        return SqlProject.flyway(Dialect.POSTGRESQL).file("V1__users.sql", USERS).file("V2__change.sql", v2);
    }

    @Test
    void flagsCreateIndexOnExistingTableWithAFixThatRelintsClean() {
        SqlProject project = pg("-- the index\nCREATE UNIQUE INDEX IF NOT EXISTS users_email_idx ON users (email);\n");
        List<Finding> f = project.lint(rule);
        assertEquals(1, f.size());
        assertEquals(2, f.get(0).span().startLine());
        assertTrue(f.get(0).help().startsWith("CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email)"),
                f.get(0).help());
        SqlProject fixed = project.withFixes(f);
        assertEquals("-- the index\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);\n",
                fixed.text("V2__change.sql"));
        assertTrue(fixed.lint(rule).isEmpty());
    }

    @Test
    void indexesOnATableOfTheSameMigrationAreFine() {
        assertTrue(SqlProject.flyway(Dialect.POSTGRESQL)
                .file("V1__users.sql", USERS + "CREATE INDEX users_email_idx ON users (email);\n").lint(rule).isEmpty());
    }

    @Test
    void concurrentFormsAreFine() {
        assertTrue(pg("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n").lint(rule).isEmpty());
        assertTrue(pg("DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;\n").lint(rule).isEmpty());
        assertTrue(pg("REINDEX TABLE CONCURRENTLY users;\n").lint(rule).isEmpty());
    }

    @Test
    void dropIndexFindsItsTableInTheHistory() {
        SqlProject onNew = SqlProject.flyway(Dialect.POSTGRESQL).file("V1__users.sql",
                USERS + "CREATE INDEX users_email_idx ON users (email);\nDROP INDEX users_email_idx;\n");
        assertTrue(onNew.lint(rule).isEmpty());

        SqlProject onOld = SqlProject.flyway(Dialect.POSTGRESQL)
                .file("V1__users.sql", USERS + "CREATE INDEX users_email_idx ON users (email);\n")
                .file("V2__drop.sql", "DROP INDEX IF EXISTS users_email_idx;\n");
        List<Finding> f = onOld.lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("users"), f.get(0).message());
        SqlProject fixed = onOld.withFixes(f);
        assertEquals("DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;\n", fixed.text("V2__drop.sql"));
        assertTrue(fixed.lint(rule).isEmpty());
    }

    @Test
    void anIndexTheHistoryDoesNotKnowIsOnAnExistingTable() {
        assertEquals(1, pg("DROP INDEX legacy_idx;\n").lint(rule).size());
    }

    @Test
    void anUnknownIndexBuiltAgainInTheSameMigrationBelongsToTheTableItIsBuiltOn() {
        // a squashed first migration: the table is created here, so the index it drops (if any) holds no rows
        assertTrue(SqlProject.flyway(Dialect.POSTGRESQL).file("V1__init.sql", "CREATE TABLE IF NOT EXISTS metrics"
                + " (id bigint PRIMARY KEY, flow_id text);\nDROP INDEX IF EXISTS metrics_flow_id;\n"
                + "CREATE INDEX IF NOT EXISTS metrics_flow_id ON metrics (flow_id);\n").lint(rule).isEmpty());
        // built again on an existing table: reported, naming that table rather than "its table"
        List<Finding> f = pg("DROP INDEX IF EXISTS users_email_idx;\nCREATE INDEX users_email_idx ON users (email);\n")
                .lint(rule);
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("ACCESS EXCLUSIVE lock on users,"), f.get(0).message());
    }

    @Test
    void dropOfSeveralIndexesIsOneFindingNamingEveryIndexAndGetsNoFix() {
        List<Finding> f = pg("DROP INDEX a_idx, b_idx, \"C_idx\";\n").lint(rule);
        assertEquals(1, f.size(), "one statement, one finding");
        assertTrue(f.get(0).message().startsWith("indexes a_idx, b_idx, \"C_idx\" are dropped without CONCURRENTLY"),
                f.get(0).message());
        assertTrue(f.get(0).help().startsWith("DROP INDEX CONCURRENTLY a_idx; DROP INDEX CONCURRENTLY b_idx;"
                + " DROP INDEX CONCURRENTLY \"C_idx\""), f.get(0).help());
        assertNull(f.get(0).fix());
    }

    @Test
    void reindexGetsConcurrentlyAfterItsKind() {
        SqlProject project = pg("REINDEX TABLE users;\n");
        List<Finding> f = project.lint(rule);
        assertEquals(1, f.size());
        assertNotNull(f.get(0).fix());
        SqlProject fixed = project.withFixes(f);
        assertEquals("REINDEX TABLE CONCURRENTLY users;\n", fixed.text("V2__change.sql"));
        assertTrue(fixed.lint(rule).isEmpty());
    }

    @Test
    void mysqlIsOnlineUnlessTheStatementAsksForABlockingBuild() {
        SqlProject plain = SqlProject.flyway(Dialect.MYSQL).file("V1__users.sql", USERS)
                .file("V2__idx.sql", "CREATE INDEX users_email_idx ON users (email);\n"
                        + "ALTER TABLE users ADD INDEX users_id_email (id, email);\n");
        assertTrue(plain.lint(rule).isEmpty());

        SqlProject copy = SqlProject.flyway(Dialect.MYSQL).file("V1__users.sql", USERS)
                .file("V2__idx.sql", "CREATE INDEX users_email_idx ON users (email) ALGORITHM=COPY;\n"
                        + "ALTER TABLE users ADD INDEX users_id_email (id, email), LOCK=EXCLUSIVE;\n");
        List<Finding> f = copy.lint(rule);
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("ALGORITHM=COPY"), f.get(0).message());
        assertTrue(f.get(1).message().contains("LOCK=EXCLUSIVE"), f.get(1).message());
    }

    @Test
    void helpNamesHowTheToolRunsOutsideATransaction() {
        assertTrue(NonConcurrentIndexRule.outsideTransaction(dev.lifeguard.analyzer.model.Framework.LIQUIBASE)
                .contains("runInTransaction=\"false\""));
        assertTrue(pg("CREATE INDEX users_email_idx ON users (email);\n").lint(rule).get(0).help()
                .contains("executeInTransaction=false"));
    }
}
