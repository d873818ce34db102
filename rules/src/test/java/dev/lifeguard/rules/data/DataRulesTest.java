package dev.lifeguard.rules.data;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** unbounded-dml, truncate-table and schema-and-data-mixed. */
class DataRulesTest {
    private static final String SCHEMA = "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
            + "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n";

    private static List<Finding> lint(Rule rule, String v2) {
        return SqlProject.flyway(Dialect.POSTGRESQL).file("V1__schema.sql", SCHEMA).file("V2__change.sql", v2).lint(rule);
    }

    @Test
    void unboundedUpdateAndDeleteOnExistingTables() {
        UnboundedDmlRule rule = new UnboundedDmlRule();
        List<Finding> f = lint(rule, "UPDATE users SET email = lower(email);\nDELETE FROM orders;\n");
        assertEquals(2, f.size());
        assertTrue(f.get(0).help().contains("LIMIT 1000"), f.get(0).help());
        assertTrue(lint(rule, "UPDATE users SET email = lower(email) WHERE id < 100;").isEmpty());
        assertTrue(lint(rule, "INSERT INTO users (id) SELECT id FROM orders;").isEmpty());
        assertTrue(lint(rule, "CREATE TABLE tmp (id int);\nDELETE FROM tmp;").isEmpty());
    }

    @Test
    void truncateSaysCascade() {
        TruncateTableRule rule = new TruncateTableRule();
        List<Finding> f = lint(rule, "TRUNCATE users CASCADE;");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("CASCADE"), f.get(0).message());
        assertTrue(!lint(rule, "TRUNCATE TABLE orders;").get(0).message().contains("CASCADE"));
        assertTrue(lint(rule, "CREATE TABLE tmp (id int);\nTRUNCATE tmp;").isEmpty());
    }

    @Test
    void schemaAndDataMixedOncePerMigrationOnTheFirstDataChange() {
        SchemaAndDataMixedRule rule = new SchemaAndDataMixedRule();
        List<Finding> f = lint(rule, "ALTER TABLE users ADD COLUMN email_lower text;\n"
                + "UPDATE users SET email_lower = lower(email) WHERE id < 10;\n"
                + "DELETE FROM orders WHERE user_id IS NULL;\n");
        assertEquals(1, f.size());
        assertEquals(2, f.get(0).span().startLine());
        assertTrue(f.get(0).message().contains("line 1"), f.get(0).message());
    }

    @Test
    void whereDdlCommitsOnItsOwnNoLockIsSaidToBeHeld() {
        String v2 = "ALTER TABLE users ADD COLUMN status varchar(15);\nUPDATE users SET status = 'COMMITTED';\n";
        String pg = lint(new SchemaAndDataMixedRule(), v2).get(0).message();
        assertTrue(pg.contains("the schema change's lock is held while the data changes"), pg);
        String mysql = SqlProject.flyway(Dialect.MYSQL).file("V1__schema.sql", SCHEMA).file("V2__change.sql", v2)
                .lint(new SchemaAndDataMixedRule()).get(0).message();
        assertTrue(mysql.contains("MySQL commits the schema change on its own") && !mysql.contains("lock is held"), mysql);
    }

    @Test
    void seedingAndNewTablesAreNotMixing() {
        SchemaAndDataMixedRule rule = new SchemaAndDataMixedRule();
        assertTrue(lint(rule, "ALTER TABLE users ADD COLUMN role text;\nINSERT INTO orders (id) VALUES (1);").isEmpty());
        assertTrue(lint(rule, "CREATE TABLE roles (id int, name text);\nUPDATE roles SET name = 'x';").isEmpty());
        assertTrue(lint(rule, "UPDATE users SET email = lower(email) WHERE id < 10;").isEmpty());
        assertTrue(lint(rule, "CREATE TABLE tmp (id int);\nUPDATE tmp SET id = 1;\nDROP TABLE tmp;").isEmpty());
    }
}
