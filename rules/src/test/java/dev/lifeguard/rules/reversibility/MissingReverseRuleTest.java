package dev.lifeguard.rules.reversibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.ProjectBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MissingReverseRuleTest {
    private final MissingReverseRule rule = new MissingReverseRule();
    private static final Reverse UNDO = new Reverse(Reverse.Kind.SCRIPT, at("db/migration/U1__m.sql", 1), List.of());

    @Test
    void flaggedOnlyWhenTheHistoryUsesReverseScripts() {
        List<Finding> f = postgres()
                .migration("db/migration/V1__users.sql", "1", UNDO, create("users", col("id", "int")))
                .migration("db/migration/V2__phone.sql", "2", Reverse.none(), addColumn("users", col("phone", "text")))
                .lint(rule);
        assertEquals(1, f.size());
        assertEquals(Path.of("db/migration/V2__phone.sql"), f.get(0).span().file());
        assertEquals(1, f.get(0).span().startLine());
        assertEquals(1, f.get(0).span().endLine());
        assertTrue(f.get(0).help().contains("U2__phone.sql"), f.get(0).help());
    }

    @Test
    void aProjectThatNeverWroteUndoScriptsIsLeftAlone() {
        assertTrue(postgres().version("1", create("users", col("id", "int")))
                .version("2", addColumn("users", col("phone", "text"))).lint(rule).isEmpty());
    }

    @Test
    void liquibaseAlwaysExpectsARollbackButAcceptsAutomaticAndOnPurpose() {
        ProjectBuilder b = ProjectBuilder.liquibase(Dialect.POSTGRESQL, "changelog.xml");
        b.changeSet("changelog.xml", "1", 3, Reverse.automatic(), create("users", col("id", "int")))
                .changeSet("changelog.xml", "2", 8, new Reverse(Reverse.Kind.IRREVERSIBLE_ON_PURPOSE, null, List.of()),
                        addColumn("users", col("a", "text")))
                .changeSet("changelog.xml", "3", 12, Reverse.none(), addColumn("users", col("b", "text")));
        List<Finding> f = b.lint(rule);
        assertEquals(1, f.size());
        assertEquals(12, f.get(0).span().startLine());
        assertTrue(f.get(0).message().contains("3::ana"), f.get(0).message());
    }

    @Test
    void repeatablesAndEmptyMigrationsNeedNoReverse() {
        ProjectBuilder b = ProjectBuilder.of(Framework.DBMATE, Dialect.POSTGRESQL)
                .add(new Migration("R", null, "views", Framework.DBMATE, Migration.Kind.REPEATABLE, whole(Path.of("r.sql")),
                        true, Set.of(), Set.of(), Set.of(), true, List.of(create("v", col("a", "int"))), Reverse.none()))
                .migration("1.sql", "1", Reverse.none());
        assertTrue(b.lint(rule).isEmpty());
    }
}
