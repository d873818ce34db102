package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddUniqueConstraintRuleTest {
    private static final String USERS = "CREATE TABLE users (id bigint, email text);\n";
    private final AddUniqueConstraintRule rule = new AddUniqueConstraintRule();

    private static SqlProject pg(String v2) {
        return SqlProject.flyway(Dialect.POSTGRESQL).file("V1__users.sql", USERS).file("V2__change.sql", v2);
    }

    @Test
    void flagsUniqueAndPrimaryKeyWithTheUsingIndexRecipe() {
        List<Finding> f = pg("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);").lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).help().contains("CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)"),
                f.get(0).help());
        assertTrue(f.get(0).help().contains("UNIQUE USING INDEX users_email_key"), f.get(0).help());
        assertEquals(1, pg("ALTER TABLE users ADD PRIMARY KEY (id);").lint(rule).size());
    }

    @Test
    void usingIndexIsTheSafePath() {
        assertTrue(pg("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;")
                .lint(rule).isEmpty());
    }

    @Test
    void inlineUniqueColumnBuildsAnIndexToo() {
        assertEquals(1, pg("ALTER TABLE users ADD COLUMN handle text UNIQUE;").lint(rule).size());
        assertTrue(pg("ALTER TABLE users ADD COLUMN handle text;").lint(rule).isEmpty());
    }

    @Test
    void newTablesAndOtherDialectsAreFine() {
        assertTrue(SqlProject.flyway(Dialect.POSTGRESQL)
                .file("V1__users.sql", USERS + "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);")
                .lint(rule).isEmpty());
        assertTrue(SqlProject.flyway(Dialect.MYSQL).file("V1__users.sql", USERS)
                .file("V2__change.sql", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);")
                .lint(rule).isEmpty());
    }
}
