package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a deploy did to the rows before a unique key decides whether a duplicate is still possible. */
class UniqueOnExistingDataRuleTest {
    private static final String BASE = "CREATE TABLE users (id bigint PRIMARY KEY, email text, \"nickName\" text);\n"
            + "CREATE TABLE accounts (id bigint PRIMARY KEY, code text NOT NULL, tier text);\n"
            + "CREATE UNIQUE INDEX accounts_code_idx ON accounts (code);\n";
    private final UniqueOnExistingDataRule rule = new UniqueOnExistingDataRule();

    private List<Finding> lint(Dialect dialect, String v2) {
        return SqlProject.flyway(dialect).file("V1__base.sql", BASE).file("V2__change.sql", v2).lint(rule);
    }

    private List<Finding> lint(String v2) {
        return lint(Dialect.POSTGRESQL, v2);
    }

    @Test
    void anExistingColumnIsReportedWithAPasteableCheck() {
        List<Finding> f = lint("CREATE UNIQUE INDEX CONCURRENTLY users_nick ON users (\"nickName\");");
        assertEquals(1, f.size());
        assertTrue(f.get(0).help().contains("SELECT \"nickName\", count(*) FROM users GROUP BY \"nickName\" HAVING"
                + " count(*) > 1;"), f.get(0).help());
        assertEquals(1, lint(Dialect.MYSQL, "CREATE UNIQUE INDEX users_email ON users (email);").size());
    }

    @Test
    void aSupersetOfAUniqueKeyCannotHoldDuplicatesEvenOnceItIsDropped() {
        assertTrue(lint("DROP INDEX accounts_code_idx;\nALTER TABLE accounts ADD UNIQUE (code, tier);").isEmpty());
        assertEquals(1, SqlProject.flyway(Dialect.POSTGRESQL).file("V1__base.sql", BASE)
                .file("V2__drop.sql", "DROP INDEX accounts_code_idx;")
                .file("V3__key.sql", "CREATE UNIQUE INDEX accounts_code_tier ON accounts (code, tier);").lint(rule).size());
    }

    @Test
    void aPrimaryKeyOnUniqueValuesStillRefusesNulls() {
        List<Finding> f = lint("ALTER TABLE users ADD COLUMN handle text;\nUPDATE users SET handle = 'u' || id;\n"
                + "ALTER TABLE users DROP CONSTRAINT users_pkey;\nALTER TABLE users ADD PRIMARY KEY (handle);");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("one NULL in (handle)"), f.get(0).message());
        assertTrue(f.get(0).help().contains("SELECT count(*) FROM users WHERE handle IS NULL;"), f.get(0).help());
        assertTrue(lint("ALTER TABLE accounts DROP CONSTRAINT accounts_pkey;\nALTER TABLE accounts ADD PRIMARY KEY (code);")
                .isEmpty());
    }

    @Test
    void columnsAddedEmptyOrNumberedHoldNoDuplicates() {
        assertTrue(lint("ALTER TABLE users ADD COLUMN ext text DEFAULT NULL;\n"
                + "CREATE UNIQUE INDEX users_email_ext ON users (email, ext);").isEmpty());
        assertTrue(lint(Dialect.MYSQL, "ALTER TABLE users ADD COLUMN seq bigint NOT NULL AUTO_INCREMENT,"
                + " ADD UNIQUE KEY users_seq (seq);").isEmpty());
        assertTrue(lint("ALTER TABLE users ADD COLUMN ref uuid DEFAULT gen_random_uuid();\n"
                + "CREATE UNIQUE INDEX users_ref ON users (ref);").isEmpty());
        // NULLS NOT DISTINCT makes the NULLs collide
        assertEquals(1, lint("ALTER TABLE users ADD COLUMN ext text;\n"
                + "CREATE UNIQUE INDEX users_ext ON users (ext) NULLS NOT DISTINCT;").size());
        // a default repeats one value in every row
        assertEquals(1, lint("ALTER TABLE users ADD COLUMN tier text DEFAULT 'free';\n"
                + "CREATE UNIQUE INDEX users_tier ON users (tier);").size());
    }

    @Test
    void anUpdateCountsOnlyWhenItGivesEveryRowItsOwnValue() {
        assertTrue(lint("UPDATE users SET email = email || '#' || id;\nCREATE UNIQUE INDEX u_e ON users (email);")
                .isEmpty());
        assertTrue(lint("UPDATE users SET email = (SELECT a.code FROM accounts a WHERE a.id = users.id);\n"
                + "CREATE UNIQUE INDEX u_e ON users (email);").isEmpty());
        // a bare id in a sub-select is the other table's
        assertEquals(1, lint("UPDATE users SET email = (SELECT code FROM accounts WHERE id = 1);\n"
                + "CREATE UNIQUE INDEX u_e ON users (email);").size());
        assertEquals(1, lint("UPDATE users SET email = lower(email);\nCREATE UNIQUE INDEX u_e ON users (email);")
                .size());
        // with a WHERE the other rows keep what they hold
        assertEquals(1, lint("UPDATE users SET email = 'x' || id WHERE email IS NULL;\n"
                + "CREATE UNIQUE INDEX u_e ON users (email);").size());
    }

    @Test
    void aDeleteCountsWhenItEmptiesOrDeDuplicates() {
        assertTrue(lint("DELETE FROM users;\nCREATE UNIQUE INDEX u_e ON users (email);").isEmpty());
        assertTrue(lint("DELETE FROM users a USING users b WHERE a.email = b.email AND a.id > b.id;\n"
                + "CREATE UNIQUE INDEX u_e ON users (email);").isEmpty());
        assertTrue(lint("DELETE FROM users WHERE id NOT IN (SELECT min(id) FROM users GROUP BY email);\n"
                + "CREATE UNIQUE INDEX u_e ON users (email);").isEmpty());
        assertEquals(1, lint("DELETE FROM users WHERE email IS NULL;\nCREATE UNIQUE INDEX u_e ON users (email);")
                .size());
    }

    @Test
    void aDoBlockCountsWhenItChangesTheTablesRows() {
        assertTrue(lint("DO $$ BEGIN UPDATE users SET email = email || id WHERE id > 1; END $$;\n"
                + "CREATE UNIQUE INDEX u_e ON users (email);").isEmpty());
        assertEquals(1, lint("DO $$ BEGIN INSERT INTO users (id, email) SELECT id, code FROM accounts; END $$;\n"
                + "CREATE UNIQUE INDEX u_e ON users (email);").size());
    }
}
