package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.rules.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenameColumnRuleTest {
    private final RenameColumnRule rule = new RenameColumnRule();

    @Test
    void flagsRenameOnExistingTableWithExpandContractHelp() {
        List<Finding> f = postgres().version("1", create("users", col("full_name", "text")))
                .version("2", new Operation.RenameColumn(at("V2", 1), t("users"), "full_name", "display_name")).lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).help().contains("ADD COLUMN display_name text"), f.get(0).help());
        assertTrue(f.get(0).help().contains("DROP COLUMN full_name"), f.get(0).help());
    }

    @Test
    void mySqlChangeWithNewNameIsARename() {
        List<Finding> f = flyway(Dialect.MYSQL).version("1", create("users", col("full_name", "varchar(200)")))
                .version("2", modify("users", "full_name", col("display_name", "VARCHAR(200)"))).lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("users.full_name is renamed to display_name"), f.get(0).message());
    }

    @Test
    void modifyKeepingTheNameAndNewTablesAreFine() {
        assertTrue(flyway(Dialect.MYSQL).version("2", modify("users", "full_name", col("full_name", "text")))
                .lint(rule).isEmpty());
        assertTrue(postgres().version("1", create("users", col("a", "text")),
                new Operation.RenameColumn(at("V1", 2), t("users"), "a", "b")).lint(rule).isEmpty());
    }
}
