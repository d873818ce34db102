package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.rules.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenameTableRuleTest {
    private final RenameTableRule rule = new RenameTableRule();

    @Test
    void flagsRenameOfExistingTableWithViewRecipe() {
        List<Finding> f = postgres().version("1", create("users", col("id", "bigint")))
                .version("2", new Operation.RenameTable(at("V2", 1), t("users"), t("accounts"))).lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("users is renamed to accounts"), f.get(0).message());
        assertTrue(f.get(0).help().contains("CREATE VIEW users AS SELECT * FROM accounts"), f.get(0).help());
    }

    @Test
    void renameOfTableCreatedInSameMigrationIsFine() {
        assertTrue(postgres().version("1", create("users", col("id", "bigint")),
                new Operation.RenameTable(at("V1", 2), t("users"), t("accounts"))).lint(rule).isEmpty());
    }
}
