package dev.lifeguard.rules.transactions;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.SqlProject;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.EngineOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrentlyInTransactionRuleTest {
    private static final String INDEX = "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n";
    private final ConcurrentlyInTransactionRule rule = new ConcurrentlyInTransactionRule();

    private static List<Finding> flyway(String sql, boolean inTransaction) {
        return SqlProject.flyway(Dialect.POSTGRESQL).file("V2__idx.sql", sql, inTransaction)
                .lint(new ConcurrentlyInTransactionRule());
    }

    @Test
    void flywayRunsAFileOfOnlyConcurrentStatementsOutsideATransaction() {
        assertTrue(flyway(INDEX + "DROP INDEX CONCURRENTLY old_idx;\n", true).isEmpty());
    }

    @Test
    void flywayRefusesConcurrentlyMixedWithOrdinaryStatements() {
        List<Finding> f = flyway("SET lock_timeout = '2s';\n" + INDEX, true);
        assertEquals(1, f.size());
        assertEquals(2, f.get(0).span().startLine());
        assertTrue(f.get(0).message().contains("line 1"), f.get(0).message());
        assertTrue(flyway("SET lock_timeout = '2s';\n" + INDEX, false).isEmpty(), "executeInTransaction=false");
    }

    @Test
    void flywayDoesNotRecogniseReindexTableConcurrently() {
        List<Finding> f = flyway("REINDEX TABLE CONCURRENTLY users;", true);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("does not recognise"), f.get(0).message());
    }

    @Test
    void liquibaseChangeSetsRunInATransactionUnlessTheySayNot() {
        Operation.CreateIndex idx = new Operation.CreateIndex(at("changelog.xml", 10), "users_email_idx", t("users"),
                List.of("email"), false, true, false, null, null);
        var builder = liquibase(Dialect.POSTGRESQL, "changelog.xml");
        builder.add(builder.changeSetOf("changelog.xml", "2", 9, Reverse.none(), java.util.Set.of(), idx));
        List<Finding> f = builder.lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).help().contains("runInTransaction=\"false\""), f.get(0).help());

        var outside = liquibase(Dialect.POSTGRESQL, "changelog.xml");
        var m = outside.changeSetOf("changelog.xml", "2", 9, Reverse.none(), java.util.Set.of(), idx);
        outside.add(new dev.lifeguard.analyzer.model.Migration(m.id(), m.version(), m.description(), m.framework(),
                m.kind(), m.span(), false, m.contexts(), m.labels(), m.dbms(), m.runOnChange(), m.operations(),
                m.reverse()));
        assertTrue(outside.lint(rule).isEmpty());
    }

    @Test
    void golangMigrateIsInATransactionWhenTheFileHasSeveralStatements() {
        SqlProject single = SqlProject.of(Framework.GOLANG_MIGRATE, Dialect.POSTGRESQL)
                .file("migrations/2_idx.up.sql", INDEX, false);
        assertTrue(single.lint(rule).isEmpty());
        SqlProject several = SqlProject.of(Framework.GOLANG_MIGRATE, Dialect.POSTGRESQL)
                .file("migrations/2_idx.up.sql", INDEX + "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\n", false);
        List<Finding> f = several.lint(rule);
        assertEquals(2, f.size());
        assertTrue(f.get(0).message().contains("multi-statement"), f.get(0).message());
    }

    @Test
    void anOpenBeginCountsAndACommittedOneDoesNot() {
        SqlProject open = SqlProject.of(Framework.PLAIN_SQL, Dialect.POSTGRESQL)
                .file("001.sql", "BEGIN;\n" + INDEX + "COMMIT;\n", false);
        assertEquals(1, open.lint(rule).size());
        SqlProject closed = SqlProject.of(Framework.PLAIN_SQL, Dialect.POSTGRESQL)
                .file("001.sql", "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n" + INDEX, false);
        assertTrue(closed.lint(rule).isEmpty());
    }

    private static List<Finding> addValue(String target, String sql) {
        var project = SqlProject.flyway(Dialect.POSTGRESQL)
                .file("V1__t.sql", "CREATE TYPE state AS ENUM ('a');")
                .file("V2__v.sql", sql).build();
        var options = EngineOptions.defaults().withTargetVersion(target == null ? null
                : TargetVersion.parse(target, null).orElseThrow());
        return new Engine(List.of(new ConcurrentlyInTransactionRule()), options)
                .lint(project).findings();
    }

    @Test
    void alterTypeAddValueInATransactionFailsBeforePostgresql12() {
        String mixed = "SELECT 1;\nALTER TYPE state ADD VALUE 'b';";
        assertEquals(List.of(), addValue(null, mixed));
        assertEquals(List.of(), addValue("postgresql:12", mixed));
        var f = addValue("postgresql:11", mixed);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("before PostgreSQL 12 (target postgresql:11)"), f.get(0).message());
        assertTrue(f.get(0).help().contains("ALTER TYPE ... ADD VALUE"), f.get(0).help());
        // alone in its file, Flyway runs it outside a transaction on a server older than 12
        assertEquals(List.of(), addValue("postgresql:11", "ALTER TYPE state ADD VALUE 'b';"));
        assertEquals(1, addValue("postgresql:11", "BEGIN;\nALTER TYPE state ADD VALUE 'b';\nCOMMIT;").size());
    }
}
