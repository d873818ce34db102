package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.compatibility.RenameColumnRule;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartAfterTest {

    @Test
    void flywayVersionsCompareNumerically() {
        StartAfter point = StartAfter.parse("1.9").orElseThrow();
        assertTrue(point.covers(versioned("1.9", "V1_9__a.sql")));
        assertTrue(point.covers(versioned("1.2", "V1_2__a.sql")));
        assertFalse(point.covers(versioned("1.10", "V1_10__a.sql")));
        assertFalse(point.covers(versioned(null, "R__views.sql")), "a repeatable has no position: always linted");
    }

    @Test
    void aDateMatchesTimestampedVersions() {
        StartAfter point = StartAfter.parse("2024-01-31").orElseThrow();
        assertTrue(point.covers(versioned("20240131093000", "20240131093000_a.sql")));
        assertFalse(point.covers(versioned("20240201000000", "20240201000000_a.sql")));
        assertFalse(point.covers(versioned("42", "V42__a.sql")), "a plain number is not a date");
    }

    @Test
    void liquibaseChangeSetsByFileNameElseId() {
        assertTrue(StartAfter.parse("2021-03-02").orElseThrow().covers(changeSet("db/20210302-drop.yml", "1")));
        assertFalse(StartAfter.parse("2021-03-01").orElseThrow().covers(changeSet("db/20210302-drop.yml", "1")));
        assertTrue(StartAfter.parse("4").orElseThrow().covers(changeSet("parts/0004_rename.xml", "1")));
        assertFalse(StartAfter.parse("4").orElseThrow().covers(changeSet("parts/0005_more.xml", "1")));
        assertTrue(StartAfter.parse("12").orElseThrow().covers(changeSet("changelog.xml", "12-add-index")));
        assertFalse(StartAfter.parse("12").orElseThrow().covers(changeSet("changelog.xml", "add-index")));
    }

    @Test
    void deployedMigrationsAreReplayedButNotReported() {
        Project project = SqlProject.flyway(Dialect.POSTGRESQL)
                .file("db/migration/V1__users.sql", "CREATE TABLE users (id int PRIMARY KEY, name text);")
                .file("db/migration/V2__rename.sql", "ALTER TABLE users RENAME COLUMN name TO full_name;")
                .file("db/migration/V3__rename.sql", "ALTER TABLE users RENAME COLUMN full_name TO display_name;")
                .build();
        List<Rule> rules = List.of(new RenameColumnRule());
        assertEquals(2, new Engine(rules, EngineOptions.defaults()).lint(project).findings().size());
        LintResult result = new Engine(rules, EngineOptions.defaults().withStartAfter(StartAfter.parse("2").orElseThrow()))
                .lint(project);
        // V3 still knows users is an existing table (V1 was replayed), V2 is not reported
        assertEquals(List.of("db/migration/V3__rename.sql"),
                result.findings().stream().map(f -> f.span().file().toString().replace('\\', '/')).toList());
        assertEquals(1, result.migrationsChecked());
    }

    @Test
    void versionsInChangelogFileNames() {
        StartAfter point = StartAfter.parse("26.5.0").orElseThrow();
        assertTrue(point.covers(changeSet("META-INF/jpa-changelog-26.5.0.xml", "26.5.0-1")));
        assertTrue(point.covers(changeSet("META-INF/jpa-changelog-4.6.0.xml", "abc")));
        assertFalse(point.covers(changeSet("META-INF/jpa-changelog-26.10.0.xml", "x")));
        assertTrue(StartAfter.parse("2.9").orElseThrow().covers(changeSet("updates/liquibase-update-to-latest-2.9.x.xml", "x")));
        assertFalse(StartAfter.parse("2.9").orElseThrow().covers(changeSet("updates/liquibase-update-to-latest-3.0.x.xml", "x")));
    }

    @Test
    void theMasterChangelogsIncludeOrderDecides() {
        // keycloak-like: version-named changelogs, and unnumbered ones included between them
        Migration a = changeSet("jpa-changelog-1.0.0.Final.xml", "1");
        Migration b = changeSet("jpa-changelog-authz-master.xml", "authz-2");
        Migration c = changeSet("jpa-changelog-26.5.0.xml", "3");
        Migration d = changeSet("jpa-changelog-custom.xml", "custom-4");
        Migration e = changeSet("jpa-changelog-26.6.0.xml", "5");
        History h = new History(Path.of("META-INF/jpa-changelog-master.xml"), Framework.LIQUIBASE, Dialect.POSTGRESQL,
                List.of(a, b, c, d, e));
        StartAfter point = StartAfter.parse("26.5.0").orElseThrow();
        assertEquals(List.of(true, true, true, false, false),
                h.migrations().stream().map(m -> point.covers(h, m)).toList(),
                "everything included up to the last changelog at or before 26.5.0 is deployed; after it, nothing");
    }

    @Test
    void rejectsWhatIsNeitherVersionNorDate() {
        assertTrue(StartAfter.parse("origin/main").isEmpty());
        assertTrue(StartAfter.parse("2024-13-01").isEmpty());
        assertTrue(StartAfter.parse("").isEmpty());
    }

    private static Migration versioned(String version, String file) {
        return new Migration(file, version, "", Framework.FLYWAY, version == null ? Migration.Kind.REPEATABLE
                : Migration.Kind.VERSIONED, SourceSpan.startOf(Path.of("db", file)), true, Set.of(), Set.of(), Set.of(),
                false, List.of(), Reverse.none());
    }

    private static Migration changeSet(String file, String id) {
        return new Migration(id + "::ana", null, "", Framework.LIQUIBASE, Migration.Kind.CHANGESET,
                SourceSpan.startOf(Path.of(file)), true, Set.of(), Set.of(), Set.of(), false, List.of(), Reverse.none());
    }
}
