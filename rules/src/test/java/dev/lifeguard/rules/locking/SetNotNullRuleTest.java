package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.rules.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SetNotNullRuleTest {
    private final SetNotNullRule rule = new SetNotNullRule();

    private static Operation.SetNotNull setNotNull(String table, String column) {
        return new Operation.SetNotNull(at("x", 1), t(table), column);
    }

    private static Operation.AddConstraint check(String name, String expr, boolean notValid) {
        return new Operation.AddConstraint(at("x", 1), t("users"),
                new ConstraintDef(name, ConstraintDef.Kind.CHECK, List.of(), null, expr, notValid, null));
    }

    @Test
    void flagsSetNotNullOnExistingColumnWithCheckRecipe() {
        List<Finding> f = postgres().version("1", create("users", col("email", "text")))
                .version("2", setNotNull("users", "email")).lint(rule);
        assertEquals(1, f.size());
        String help = f.get(0).help();
        assertTrue(help.contains("ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID"), help);
        assertTrue(help.contains("VALIDATE CONSTRAINT users_email_not_null"), help);
        assertTrue(help.contains("DROP CONSTRAINT users_email_not_null"), help);
    }

    @Test
    void theRecipeItselfIsClean() {
        assertTrue(postgres().version("1", create("users", col("email", "text")))
                .version("2", check("users_email_nn", "(email IS NOT NULL)", true))
                .version("3", new Operation.ValidateConstraint(at("x", 1), t("users"), "users_email_nn"),
                        setNotNull("users", "email"),
                        new Operation.DropConstraint(at("x", 1), t("users"), "users_email_nn", false))
                .lint(rule).isEmpty());
    }

    @Test
    void aCheckNeverValidatedDoesNotCount() {
        assertEquals(1, postgres().version("1", create("users", col("email", "text")))
                .version("2", check("users_email_nn", "email IS NOT NULL", true), setNotNull("users", "email"))
                .lint(rule).size());
    }

    @Test
    void alreadyNotNullAndNewTablesAreFine() {
        assertTrue(postgres().version("1", create("users", notNull("email", "text", null)))
                .version("2", setNotNull("users", "email")).lint(rule).isEmpty());
        assertTrue(postgres().version("1", create("users", col("email", "text")), setNotNull("users", "email"))
                .lint(rule).isEmpty());
    }

    @Test
    void modifyToNotNullCountsOnlyWhenTheColumnWasKnownNullable() {
        assertEquals(1, flyway(Dialect.MYSQL).version("1", create("users", col("email", "varchar(100)")))
                .version("2", modify("users", "email", notNull("email", "varchar(100)", null))).lint(rule).size());
        assertTrue(flyway(Dialect.MYSQL).version("1", create("users", notNull("email", "varchar(100)", null)))
                .version("2", modify("users", "email", notNull("email", "varchar(200)", null))).lint(rule).isEmpty());
        assertTrue(flyway(Dialect.MYSQL).version("2", modify("users", "email", notNull("email", "varchar(200)", null)))
                .lint(rule).isEmpty());
    }

    @Test
    void recognisesIsNotNullChecks() {
        assertTrue(NotNullChecks.checksNotNull("((\"email\" IS NOT NULL))", "email"));
        assertFalse(NotNullChecks.checksNotNull("email IS NOT NULL AND x > 0", "email"));
        assertFalse(NotNullChecks.checksNotNull("name IS NOT NULL", "email"));
    }
}
