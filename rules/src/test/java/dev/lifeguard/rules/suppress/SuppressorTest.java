package dev.lifeguard.rules.suppress;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.BuiltinRules;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
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

/** Which findings a suppression comment covers, and what is reported about the comments themselves. */
class SuppressorTest {
    private static final String SCHEMA = "CREATE TABLE users (id bigint PRIMARY KEY, name text, email text);\n";

    private static List<Finding> lint(String v2) {
        return lint(v2, EngineOptions.defaults());
    }

    private static List<Finding> lint(String v2, EngineOptions options) {
        return new Engine(BuiltinRules.all(), options).lint(SqlProject.flyway(Dialect.POSTGRESQL)
                .file("V1__schema.sql", SCHEMA).file("V2__change.sql", "SET lock_timeout = '1s';\n" + v2).build()).findings();
    }

    /** "rule-id@line" for findings that count, "rule-id@line~" for suppressed ones. */
    private static List<String> keys(List<Finding> findings) {
        return findings.stream().filter(f -> f.span().file().equals(Path.of("V2__change.sql")))
                .map(f -> f.ruleId() + "@" + f.span().startLine() + (f.isSuppressed() ? "~" : "")).toList();
    }

    @Test
    void coversTheStatementRightAfterTheComment() {
        List<Finding> f = lint("-- lifeguard:ignore rename-column nothing reads it\n\n-- another comment\n"
                + "ALTER TABLE users\n  RENAME COLUMN name TO full_name;\nALTER TABLE users RENAME COLUMN email TO mail;\n");
        // the finding is on the RENAME clause (line 6); the comment covers the statement it belongs to
        assertEquals(List.of("rename-column@6~", "rename-column@7"), keys(f));
        Finding suppressed = f.stream().filter(Finding::isSuppressed).findFirst().orElseThrow();
        assertEquals("nothing reads it", suppressed.suppression().justification());
        assertEquals(2, suppressed.suppression().location().startLine());
        assertEquals("inSource", suppressed.suppression().kind().sarifName());
    }

    @Test
    void coversEveryClauseOfTheStatement() {
        List<Finding> f = lint("/* lifeguard:ignore not-null-without-default,drop-column empty table */\n"
                + "ALTER TABLE users\n  ADD COLUMN tier int NOT NULL,\n  DROP COLUMN email;\n");
        assertEquals(List.of("not-null-without-default@4~", "drop-column@5~"), keys(f));
    }

    @Test
    void coversTheLineRightAfterTheComment() {
        List<Finding> f = lint("ALTER TABLE users\n  -- lifeguard:ignore drop-column unused since 2019\n"
                + "  DROP COLUMN email,\n  DROP COLUMN name;\n");
        assertEquals(List.of("drop-column@4~", "drop-column@5"), keys(f));
    }

    @Test
    void aTrailingCommentCoversItsOwnLineAndStatement() {
        List<Finding> f = lint("ALTER TABLE users DROP COLUMN email; -- lifeguard:ignore drop-column unused since 2019\n"
                + "ALTER TABLE users -- lifeguard:ignore drop-column unused too\n  DROP COLUMN name;\n"
                + "ALTER TABLE users RENAME COLUMN id TO user_id;\n");
        assertEquals(List.of("drop-column@2~", "drop-column@4~", "rename-column@5"), keys(f));
    }

    @Test
    void fileCommentCoversTheWholeFile() {
        List<Finding> f = lint("ALTER TABLE users DROP COLUMN email;\n-- lifeguard:ignore-file drop-column cleanup\n"
                + "ALTER TABLE users DROP COLUMN name;\n");
        assertEquals(List.of("drop-column@2~", "drop-column@4~"), keys(f));
    }

    @Test
    void aCommentOnlyCoversTheRulesItNames() {
        List<Finding> f = lint("-- lifeguard:ignore drop-column not this one\nALTER TABLE users RENAME COLUMN name TO n;\n");
        assertEquals(List.of("unused-suppression@2", "rename-column@3"), keys(f));
        Finding unused = f.stream().filter(x -> x.ruleId().equals("unused-suppression")).findFirst().orElseThrow();
        assertTrue(unused.message().contains("drop-column suppresses nothing"), unused.message());
    }

    @Test
    void unknownIdsAndMissingReasonsAreReported() {
        List<Finding> f = lint("-- lifeguard:ignore rename-colum,rename-column\nALTER TABLE users RENAME COLUMN name TO n;\n");
        assertEquals(List.of("suppression-without-reason@2", "unused-suppression@2", "rename-column@3~"), keys(f));
        Finding unused = f.stream().filter(x -> x.ruleId().equals("unused-suppression")).findFirst().orElseThrow();
        assertEquals("lifeguard:ignore names unknown rule 'rename-colum'", unused.message());
        assertEquals(Severity.WARNING, unused.severity());
    }

    @Test
    void commentTextInsideAStringIsNotASuppression() {
        List<Finding> f = lint("UPDATE users SET name = '-- lifeguard:ignore drop-column x' WHERE id = 1;\n"
                + "ALTER TABLE users DROP COLUMN email;\n");
        assertTrue(keys(f).contains("drop-column@3"), keys(f).toString());
        assertTrue(f.stream().noneMatch(x -> x.isSuppressed() || x.ruleId().endsWith("suppression")), keys(f).toString());
    }

    @Test
    void aSuppressionForADisabledRuleIsIdleNotUnused() {
        EngineOptions options = new EngineOptions(Map.of(), Set.of("drop-column"), Set.of());
        List<Finding> f = lint("-- lifeguard:ignore drop-column cleanup\nALTER TABLE users ADD COLUMN x text;\n", options);
        assertEquals(List.of(), keys(f));
    }

    @Test
    void suppressionRulesRunOnlyWhenSelected() {
        List<Rule> only = List.of(new dev.lifeguard.rules.compatibility.RenameColumnRule());
        List<Finding> f = new Engine(only, EngineOptions.defaults()).lint(SqlProject.flyway(Dialect.POSTGRESQL)
                .file("V1__schema.sql", SCHEMA).file("V2__change.sql", "-- lifeguard:ignore nope\nSELECT 1;\n").build())
                .findings();
        assertEquals(List.of(), keys(f));
    }
}
