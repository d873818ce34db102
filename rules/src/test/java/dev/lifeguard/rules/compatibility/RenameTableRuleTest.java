package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import java.nio.file.Path;
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

    @Test
    void renameLeavingAViewUnderTheOldNameIsTheRecipe() {
        String sql = "ALTER TABLE users RENAME TO accounts;\nCREATE VIEW users AS SELECT * FROM accounts;\n";
        SourceFile f = new SourceFile(Path.of("db/migration/V2__m.sql"), sql);
        int view = sql.indexOf("CREATE");
        Operation rename = new Operation.RenameTable(f.span(0, view - 1), t("users"), t("accounts"));
        Operation createView = new Operation.Other(f.span(view, sql.length() - 1), "CREATE VIEW", true, t("users"));
        assertTrue(postgres().source(f).version("1", create("users", col("id", "bigint")))
                .version("2", rename, createView).lint(rule).isEmpty());
        Operation otherView = new Operation.Other(f.span(view, sql.length() - 1), "CREATE VIEW", true, null);
        SourceFile g = new SourceFile(f.path(), sql.replace("VIEW users", "VIEW people"));
        assertEquals(1, postgres().source(g).version("1", create("users", col("id", "bigint")))
                .version("2", rename, otherView).lint(rule).size());
    }
}
