package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.rules.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** drop-column and drop-table share their judgement of which tables count. */
class DropRulesTest {

    @Test
    void dropColumnOnExistingTable() {
        List<Finding> f = postgres().version("1", create("users", col("fax", "text")))
                .version("2", new Operation.DropColumn(at("V2", 1), t("users"), "fax", false, false))
                .lint(new DropColumnRule());
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("users.fax"));
        assertTrue(f.get(0).help().contains("ALTER TABLE users DROP COLUMN fax"), f.get(0).help());
    }

    @Test
    void dropTableFlagsEachExistingTableOnly() {
        List<Finding> f = postgres().version("1", create("a", col("id", "int")))
                .version("2", create("tmp", col("id", "int")),
                        new Operation.DropTable(at("V2", 2), List.of(t("a"), t("tmp")), false, false))
                .lint(new DropTableRule());
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("table a is dropped"), f.get(0).message());
    }
}
