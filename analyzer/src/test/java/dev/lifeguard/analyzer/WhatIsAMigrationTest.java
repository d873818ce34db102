package dev.lifeguard.analyzer;

import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Discovery finds what the runners run (see MigrationDirectories), and Flyway migrations are read as Flyway
 * reads them: baselines, ${placeholders}.
 */
class WhatIsAMigrationTest {
    @TempDir
    Path root;

    private void write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Project discover() throws LoadException {
        return new ProjectLoader().load(new LoadOptions(root, List.of("."), null, List.of()).discovering());
    }

    private Project named(String... paths) throws LoadException {
        return new ProjectLoader().load(new LoadOptions(root, List.of(paths), null, List.of()));
    }

    private static List<String> locations(Project p) {
        return p.histories().stream().map(h -> h.location().toString().replace('\\', '/') + " " + h.framework()).toList();
    }

    @Test
    void onlyWhatTheRunnerRuns() throws Exception {
        write("src/main/resources/db/migration/postgresql/V1__users.sql", "CREATE TABLE users (id int);\n");
        write("src/main/resources/db/migration/postgresql/rollback/1__users.sql", "DROP TABLE users;\n");
        write("src/main/resources/db/migration/java/V2__fix/select.sql", "SELECT 1;\n");
        write("src/main/resources/resources/report/sql/0_count.sql", "SELECT count(*) FROM @schema.x;\n");
        write("src/main/resources/resources/report/sql/1_sum.sql", "SELECT sum(a) FROM @schema.x;\n");
        write("src/main/resources/ddl/results.sql", "CREATE TABLE results (id int);\n");
        write("src/test/resources/db/migration/V1__t.sql", "CREATE TABLE t (id int);\n");
        write("src/integTest/resources/db/changelog.xml",
                "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"/>\n");
        write("testsuite/schema.sql", "CREATE TABLE t (id int);\n");
        write("initial_test_db.sql", "CREATE TABLE dump (id int);\n");
        write("database/migrations/2024_01_01_users.sql", "CREATE TABLE users (id int);\n");
        write("scripts/001_create.sql", "CREATE TABLE a (id int);\n");
        write("scripts/002_alter.sql", "ALTER TABLE a ADD COLUMN b int;\n");
        assertEquals(List.of("database/migrations PLAIN_SQL", "scripts PLAIN_SQL",
                        "src/main/resources/db/migration/postgresql FLYWAY"), locations(discover()),
                "a named migrations directory and numbered DDL are migrations; rollback, Java migrations' SQL, "
                        + "report queries, DDL kept for other uses, tests and dumps are not");
    }

    @Test
    void whatIsNamedIsLintedWhateverItsName() throws Exception {
        write("initial_test_db.sql", "CREATE TABLE dump (id int);\n");
        write("reports/q.sql", "SELECT 1;\n");
        write("reports/sub/r.sql", "SELECT 2;\n");
        write("src/test/resources/db/migration/V1__t.sql", "CREATE TABLE t (id int);\n");
        assertEquals(List.of(" PLAIN_SQL"), locations(named(".")), "the root named: its own files; below it, migrations only");
        assertEquals(List.of("reports PLAIN_SQL"), locations(named("reports")));
        assertEquals(List.of("reports/sub PLAIN_SQL"), locations(named("reports/sub/r.sql")));
        assertEquals(List.of("src/test/resources/db/migration FLYWAY"), locations(named("src/test/resources")),
                "a test tree named is linted");
        assertEquals(List.of("src/test/resources/db/migration FLYWAY"), locations(named("src/**/V*.sql")));
    }

    @Test
    void excludeReachesFilesIncludedByAChangelog() throws Exception {
        String ns = "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n";
        write("db/master.xml", ns + "<include file=\"legacy/old.xml\" relativeToChangelogFile=\"true\"/>\n"
                + "<includeAll path=\"changes/\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>\n");
        write("db/legacy/old.xml", ns + "<changeSet id=\"old\" author=\"a\"><sql>SELECT 1</sql></changeSet></databaseChangeLog>\n");
        write("db/changes/001.xml", ns + "<changeSet id=\"one\" author=\"a\"><sql>SELECT 1</sql></changeSet></databaseChangeLog>\n");
        write("db/changes/002.xml", ns + "<changeSet id=\"two\" author=\"a\"><sql>SELECT 1</sql></changeSet></databaseChangeLog>\n");
        Project p = new ProjectLoader().load(new LoadOptions(root, List.of("."), null,
                List.of("db/legacy/**", "db/changes/002.xml")).discovering());
        assertEquals(List.of("one::a"), p.histories().get(0).migrations().stream().map(Migration::id).toList());
        assertEquals(List.of(), p.problems());
    }

    @Test
    void flywayBaselineIsTheStartingSchemaNeverAProblem() throws Exception {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id int);\n");
        write("db/migration/V2__orders.sql", "CREATE TABLE orders (id int);\n");
        write("db/migration/B2__baseline.sql", "CREATE TABLE users (id int);\nCREATE TABLE orders (id int);\n");
        write("db/migration/V3__email.sql", "ALTER TABLE users ADD COLUMN email text;\n");
        Project p = named(".");
        assertEquals(List.of(), p.problems());
        History h = p.histories().get(0);
        assertEquals(List.of("1", "2", "B2", "3"), h.migrations().stream().map(Migration::id).toList(),
                "the baseline after the versioned migrations of its version, before those above it");
        Migration b = h.migrations().get(2);
        assertTrue(b.baseline());
        assertEquals("2", b.version());
        assertEquals(Migration.Kind.VERSIONED, b.kind());
        assertTrue(h.migrations().stream().filter(m -> m != b).noneMatch(Migration::baseline));
    }

    @Test
    void flywayPlaceholdersAreReplacedInPlace() throws Exception {
        write("app/src/main/resources/application.yml", "spring:\n  flyway:\n    placeholders:\n      owner: admin\n"
                + "      schema: ${DB_SCHEMA}\n");
        String sql = "CREATE TABLE ${schema}.users (id int);\nALTER TABLE ${schema}.users OWNER TO ${owner};\n"
                + "CREATE TABLE ${prefix}audit (id int);\n";
        write("app/src/main/resources/db/migration/V1__users.sql", sql);
        Project p = named("app");
        List<Operation> ops = p.histories().get(0).migrations().get(0).operations();
        var users = assertInstanceOf(Operation.CreateTable.class, ops.get(0));
        assertEquals("users", users.table().toString(), "an unresolved schema qualifier is left out");
        assertEquals(1, users.span().startLine());
        assertEquals(2, ops.get(1).span().startLine(), "every statement keeps its place");
        var audit = assertInstanceOf(Operation.CreateTable.class, ops.get(2));
        assertEquals("prefix___audit", audit.table().name(), "an unknown placeholder stands as a name of its length");
        assertTrue(ops.stream().noneMatch(op -> op instanceof Operation.Unparsed), ops.toString());
        assertEquals(sql, p.sources().get(Path.of("app/src/main/resources/db/migration/V1__users.sql")).text(),
                "the file itself is reported as written");
        assertEquals(Framework.FLYWAY, p.histories().get(0).framework());
    }
}
