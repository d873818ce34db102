package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstraintWithoutNotValidRuleTest {
    private static final String SCHEMA = "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
            + "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n";
    private final ConstraintWithoutNotValidRule rule = new ConstraintWithoutNotValidRule();

    private static SqlProject pg(String v2) {
        return SqlProject.flyway(Dialect.POSTGRESQL).file("V1__schema.sql", SCHEMA).file("V2__change.sql", v2);
    }

    @Test
    void flagsAForeignKeyAndFixesItWithNotValid() {
        SqlProject project = pg("ALTER TABLE orders\n    ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\n");
        List<Finding> f = project.lint(rule);
        assertEquals(1, f.size());
        assertEquals(2, f.get(0).span().startLine(), "the ADD clause, not the ALTER TABLE line");
        assertTrue(f.get(0).message().startsWith("foreign key orders_user_fk to users is added"), f.get(0).message());
        assertTrue(f.get(0).message().contains("SHARE ROW EXCLUSIVE"), f.get(0).message());
        assertTrue(f.get(0).help().contains("VALIDATE CONSTRAINT orders_user_fk"), f.get(0).help());
        SqlProject fixed = project.withFixes(f);
        assertEquals("ALTER TABLE orders\n    ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n",
                fixed.text("V2__change.sql"));
        assertTrue(fixed.lint(rule).isEmpty());
    }

    @Test
    void flagsACheckButNotOnANewTableNorWithNotValid() {
        assertEquals(1, pg("ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '');").lint(rule).size());
        assertTrue(pg("ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '') NOT VALID;")
                .lint(rule).isEmpty());
        assertTrue(SqlProject.flyway(Dialect.POSTGRESQL).file("V1__schema.sql", SCHEMA
                + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);")
                .lint(rule).isEmpty());
    }

    @Test
    void uniqueConstraintsAreAnotherRulesConcern() {
        assertTrue(pg("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);").lint(rule).isEmpty());
    }

    @Test
    void pointsAtItsOwnClauseAndFixesItInAStatementWithOthers() {
        SqlProject project = pg("ALTER TABLE orders\n    ADD COLUMN note text,\n"
                + "    ADD FOREIGN KEY (user_id) REFERENCES users (id),\n    ADD COLUMN extra int;");
        List<Finding> f = project.lint(rule);
        assertEquals(1, f.size());
        assertEquals(3, f.get(0).span().startLine());
        assertEquals(5, f.get(0).span().startColumn());
        SqlProject fixed = project.withFixes(f);
        assertTrue(fixed.text("V2__change.sql").contains("REFERENCES users (id) NOT VALID,\n"), fixed.text("V2__change.sql"));
        assertTrue(fixed.lint(rule).isEmpty());
    }

    @Test
    void liquibaseValidateFalseIsNotValidAndTheHelpSaysSo() {
        Operation.AddConstraint fk = new Operation.AddConstraint(at("db/changelog.xml", 9), t("orders"),
                new ConstraintDef("orders_user_fk", ConstraintDef.Kind.FOREIGN_KEY, List.of("user_id"), t("users"), null,
                        false, null));
        Operation.AddConstraint notValid = new Operation.AddConstraint(at("db/changelog.xml", 12), t("orders"),
                new ConstraintDef("orders_user_fk2", ConstraintDef.Kind.FOREIGN_KEY, List.of("user_id"), t("users"), null,
                        true, null));
        List<Finding> f = liquibase(Dialect.POSTGRESQL, "db/changelog.xml")
                .changeSet("db/changelog.xml", "1", 2, Reverse.none(), create("orders", col("user_id", "bigint")))
                .changeSet("db/changelog.xml", "2", 8, Reverse.none(), fk, notValid).lint(rule);
        assertEquals(1, f.size());
        assertEquals(9, f.get(0).span().startLine());
        assertTrue(f.get(0).help().contains("validate=\"false\""), f.get(0).help());
        assertNull(f.get(0).fix());
    }
}
