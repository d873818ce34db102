package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.Engine;
import dev.lifeguard.rules.engine.EngineOptions;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A foreign key is judged by the indexes it has for as long as it exists, not only at its own migration. */
class ForeignKeyWithoutIndexRuleTest {
    private static final String BASE = "CREATE TABLE parents (id bigint PRIMARY KEY);\n"
            + "CREATE TABLE kids (id bigint PRIMARY KEY, \"parentId\" bigint, tenant bigint);\n";
    private final ForeignKeyWithoutIndexRule rule = new ForeignKeyWithoutIndexRule();

    private static SqlProject project(String... migrations) {
        SqlProject p = SqlProject.flyway(Dialect.POSTGRESQL).file("V1__base.sql", BASE);
        for (int i = 0; i < migrations.length; i++) {
            p.file("V" + (i + 2) + "__m.sql", migrations[i]);
        }
        return p;
    }

    private static final String FK = "ALTER TABLE kids ADD CONSTRAINT kids_parent_fk FOREIGN KEY (\"parentId\")"
            + " REFERENCES parents (id) NOT VALID;";

    @Test
    void reportsAnUnindexedKeyWithAQuotedPasteableIndex() {
        List<Finding> f = project(FK).lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).help().startsWith("CREATE INDEX CONCURRENTLY \"kids_parentId_idx\" ON kids (\"parentId\");"),
                f.get(0).help());
    }

    @Test
    void anIndexOfTheSameDeployAnswersIt() {
        assertTrue(project(FK + "\nCREATE INDEX k_p ON kids (\"parentId\", id);").lint(rule).isEmpty());
        assertTrue(project(FK + "\nALTER TABLE kids DROP CONSTRAINT kids_parent_fk;").lint(rule).isEmpty());
        // both migrations new in the change under review ship together
        SqlProject change = project(FK, "CREATE INDEX CONCURRENTLY k_p ON kids (\"parentId\");");
        EngineOptions options = new EngineOptions(Map.of(), Set.of(), Set.of(Path.of("V2__m.sql"), Path.of("V3__m.sql")));
        assertTrue(new Engine(List.of(rule), options).lint(change.build()).findings().isEmpty());
    }

    @Test
    void anIndexOfALaterDeployDoesNotUndoTheHazardOfThisOne() {
        // V2 ran in production without the index until V3 shipped: each is judged at its own deploy
        List<Finding> f = project(FK, "CREATE INDEX CONCURRENTLY k_p ON kids (\"parentId\");").lint(rule);
        assertEquals(1, f.size());
        assertEquals("V2__m.sql", f.get(0).span().file().toString());
    }

    @Test
    void anIndexLaterDroppedAgainIsReportedOnTheDrop() {
        List<Finding> f = project("CREATE INDEX CONCURRENTLY k_p ON kids (\"parentId\");", FK, "DROP INDEX k_p;")
                .lint(rule);
        assertEquals(1, f.size());
        assertEquals("V4__m.sql", f.get(0).span().file().toString());
        assertTrue(f.get(0).message().startsWith("this drops the last index leading with parentId"), f.get(0).message());
        // its replacement in the same migration, or an opaque DO block after the drop, is not reported
        assertTrue(project("CREATE INDEX CONCURRENTLY k_p ON kids (\"parentId\");", FK,
                "DROP INDEX k_p;\nCREATE INDEX k_p2 ON kids (\"parentId\");").lint(rule).isEmpty());
        assertTrue(project("CREATE INDEX CONCURRENTLY k_p ON kids (\"parentId\");", FK,
                "DROP INDEX k_p;\nDO $$ BEGIN EXECUTE 'CREATE INDEX k_p2 ON kids (\"parentId\")'; END $$;").lint(rule)
                .isEmpty());
    }

    @Test
    void anIndexWithTheColumnsAfterOthersIsNamedForItsSkipScan() {
        List<Finding> f = project("CREATE INDEX CONCURRENTLY k_t_p ON kids (tenant, \"parentId\");", FK).lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("index k_t_p has them after tenant: PostgreSQL 18+ can skip-scan it"),
                f.get(0).message());
    }
}
