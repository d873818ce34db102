package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MissingLockTimeoutRuleTest {
    private static final String SCHEMA = "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
            + "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n";
    private final MissingLockTimeoutRule rule = new MissingLockTimeoutRule();

    private static SqlProject pg(String v2) {
        return SqlProject.flyway(Dialect.POSTGRESQL).file("V1__schema.sql", SCHEMA).file("V2__change.sql", v2);
    }

    @Test
    void oneFindingPerMigrationOnTheFirstLockingStatement() {
        SqlProject project = pg("UPDATE users SET email = lower(email) WHERE id < 10;\n"
                + "ALTER TABLE users ADD COLUMN nickname text;\n"
                + "ALTER TABLE orders ADD COLUMN note text;\n");
        List<Finding> f = project.lint(rule);
        assertEquals(1, f.size());
        assertEquals(2, f.get(0).span().startLine());
        assertTrue(f.get(0).message().contains("ACCESS EXCLUSIVE on existing table users"), f.get(0).message());
        assertTrue(f.get(0).help().contains("SET lock_timeout = '2s';"), f.get(0).help());

        SqlProject fixed = project.withFixes(f);
        assertTrue(fixed.text("V2__change.sql").startsWith("SET lock_timeout = '2s';\nUPDATE users"),
                fixed.text("V2__change.sql"));
        assertTrue(fixed.lint(rule).isEmpty());
    }

    @Test
    void aTimeoutSetBeforeCountsAndOneSetAfterDoesNot() {
        assertTrue(pg("SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN nickname text;").lint(rule).isEmpty());
        assertTrue(pg("BEGIN;\nSET LOCAL lock_timeout TO '1s';\nALTER TABLE users ADD COLUMN nickname text;\nCOMMIT;")
                .lint(rule).isEmpty());
        assertEquals(1, pg("ALTER TABLE users ADD COLUMN nickname text;\nSET lock_timeout = '2s';").lint(rule).size());
        assertEquals(1, pg("SET lock_timeout = 0;\nALTER TABLE users ADD COLUMN nickname text;").lint(rule).size());
    }

    @Test
    void shareLocksCountAndWeakerOnesDoNot() {
        assertEquals(1, pg("CREATE INDEX users_email_idx ON users (email);").lint(rule).size());
        assertTrue(pg("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);").lint(rule).isEmpty());
        assertTrue(pg("UPDATE users SET email = lower(email);").lint(rule).isEmpty());
        assertTrue(pg("ALTER TABLE users VALIDATE CONSTRAINT users_email_check;").lint(rule).isEmpty());
    }

    @Test
    void aForeignKeyLocksItsParentTable() {
        // orders is new here, but the foreign key still locks users, which is not
        assertEquals(1, SqlProject.flyway(Dialect.POSTGRESQL).file("V1__schema.sql", SCHEMA)
                .file("V2__items.sql", "CREATE TABLE items (id bigint, user_id bigint);\n"
                        + "ALTER TABLE items ADD CONSTRAINT items_user_fk FOREIGN KEY (user_id) REFERENCES users (id);")
                .lint(rule).size());
    }

    @Test
    void newTablesNeedNoTimeout() {
        assertTrue(SqlProject.flyway(Dialect.POSTGRESQL).file("V1__schema.sql", SCHEMA
                + "ALTER TABLE users ADD COLUMN nickname text;\nCREATE INDEX users_email_idx ON users (email);")
                .lint(rule).isEmpty());
        // gone from the schema by the end of the migration, but never an existing table
        assertTrue(pg("CREATE TABLE tmp_import (id bigint);\nDROP TABLE tmp_import;").lint(rule).isEmpty());
    }

    @Test
    void noFixNextToConcurrently() {
        List<Finding> f = pg("ALTER TABLE users ADD COLUMN nickname text;\n"
                + "CREATE INDEX CONCURRENTLY users_nick_idx ON users (nickname);").lint(rule);
        assertEquals(1, f.size());
        assertNull(f.get(0).fix());
    }
}
