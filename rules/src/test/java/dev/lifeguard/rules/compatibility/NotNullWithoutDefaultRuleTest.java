package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotNullWithoutDefaultRuleTest {
    private final NotNullWithoutDefaultRule rule = new NotNullWithoutDefaultRule();

    @Test
    void flagsNotNullWithoutDefaultOnExistingTable() {
        List<Finding> f = postgres().version("1", create("users", col("id", "bigint")))
                .version("2", addColumn("users", notNull("status", "text", null))).lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("users.status"), f.get(0).message());
        assertTrue(f.get(0).help().contains("ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT"), f.get(0).help());
    }

    @Test
    void quotedNamesStayQuotedInTheMessageAndThePasteableHelp() {
        List<Finding> f = dev.lifeguard.rules.testing.SqlProject.flyway(Dialect.POSTGRESQL)
                .file("V1__a.sql", "CREATE TABLE \"public\".\"Accounts\" (id bigint);\n")
                .file("V2__b.sql", "ALTER TABLE \"public\".\"Accounts\" ADD COLUMN \"Tier\" int NOT NULL;\n").lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("public.\"Accounts\".\"Tier\""), f.get(0).message());
        assertTrue(f.get(0).help().contains("ALTER TABLE public.\"Accounts\" ADD COLUMN \"Tier\" int NOT NULL DEFAULT"),
                f.get(0).help());
    }

    @Test
    void tableUnknownToTheHistoryCountsAsExisting() {
        assertEquals(1, postgres().version("2", addColumn("users", notNull("status", "text", null))).lint(rule).size());
    }

    @Test
    void defaultNewTableAndSelfFillingColumnsAreFine() {
        assertTrue(postgres().version("1", create("users", col("id", "bigint")))
                .version("2", addColumn("users", notNull("status", "text", "'active'")),
                        addColumn("users", new ColumnDef("n", "bigint", false, null, ColumnDef.Generated.IDENTITY, false, false, null)),
                        addColumn("users", notNull("s", "bigserial", null)))
                .lint(rule).isEmpty());
        assertTrue(postgres().version("1", create("users", col("id", "bigint")),
                addColumn("users", notNull("status", "text", null))).lint(rule).isEmpty());
    }

    @Test
    void defaultNullIsNoDefault() {
        assertEquals(1, postgres().version("1", create("users", col("id", "bigint")))
                .version("2", addColumn("users", notNull("status", "text", "NULL"))).lint(rule).size());
    }

    @Test
    void mySqlMessageSaysRowsAreFilledSilently() {
        List<Finding> f = flyway(Dialect.MYSQL).version("2", addColumn("users", notNull("n", "int", null))).lint(rule);
        assertTrue(f.get(0).message().contains("implicit default"), f.get(0).message());
    }

    @Test
    void modifyIsNotThisRule() {
        assertTrue(flyway(Dialect.MYSQL).version("2", modify("users", "n", notNull("n", "int", null))).lint(rule).isEmpty());
    }
}
