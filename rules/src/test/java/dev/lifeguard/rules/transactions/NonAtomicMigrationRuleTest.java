package dev.lifeguard.rules.transactions;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NonAtomicMigrationRuleTest {
    private final NonAtomicMigrationRule rule = new NonAtomicMigrationRule();

    private List<Finding> lint(Dialect dialect, String sql) {
        return SqlProject.flyway(dialect).file("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);")
                .file("V2__change.sql", sql).lint(rule);
    }

    @Test
    void flagsTheSecondDdlStatementOnce() {
        List<Finding> f = lint(Dialect.MYSQL, "CREATE TABLE tags (id bigint PRIMARY KEY);\n"
                + "INSERT INTO tags VALUES (1);\n"
                + "ALTER TABLE users ADD COLUMN tag_id bigint;\n"
                + "CREATE INDEX users_tag_idx ON users (tag_id);\n");
        assertEquals(1, f.size());
        assertEquals(3, f.get(0).span().startLine());
        assertTrue(f.get(0).message().contains("3 DDL statements"), f.get(0).message());
    }

    @Test
    void clausesOfOneAlterTableAreOneStatement() {
        assertTrue(lint(Dialect.MARIADB, "ALTER TABLE users ADD COLUMN a int, ADD COLUMN b int, ADD INDEX users_a (a);")
                .isEmpty());
        assertTrue(lint(Dialect.MYSQL, "ALTER TABLE users ADD COLUMN a int;\nUPDATE users SET a = 1 WHERE id = 1;")
                .isEmpty());
    }

    @Test
    void postgresDdlIsTransactional() {
        assertTrue(SqlProject.flyway(Dialect.POSTGRESQL).file("V1__a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);")
                .lint(rule).isEmpty());
    }
}
