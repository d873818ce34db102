package dev.lifeguard.analyzer;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Reverse;
import dev.lifeguard.analyzer.model.SourceSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProjectLoaderTest {
    @TempDir
    Path root;

    private void write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Project load(String... paths) throws LoadException {
        return load(null, paths);
    }

    private Project load(Dialect dialect, String... paths) throws LoadException {
        return new ProjectLoader().load(new LoadOptions(root, List.of(paths), dialect, List.of()));
    }

    @Test
    void flywayHistoryWithWholeFileSpansRelativePathsAndUndo() throws Exception {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        write("db/migration/U1__users.sql", "DROP TABLE users;\n");
        write("db/migration/V2__phone.sql", "ALTER TABLE users\n  ADD COLUMN phone text;\n");
        Project project = load(".");
        assertEquals(1, project.histories().size());
        History history = project.histories().get(0);
        assertEquals(Path.of("db/migration"), history.location());
        assertEquals(Framework.FLYWAY, history.framework());
        assertEquals(Dialect.POSTGRESQL, history.dialect());
        assertEquals(List.of("1", "2"), history.migrations().stream().map(Migration::id).toList());

        Migration v2 = history.migrations().get(1);
        assertEquals(Path.of("db/migration/V2__phone.sql"), v2.file());
        assertEquals(new SourceSpan(Path.of("db/migration/V2__phone.sql"), 1, 1, 2, 26, 0, 43), v2.span());
        assertTrue(v2.inTransaction());
        assertEquals(Reverse.Kind.NONE, v2.reverse().kind());
        assertInstanceOf(Operation.AddColumn.class, v2.operations().get(0));

        Reverse undo = history.migrations().get(0).reverse();
        assertEquals(Reverse.Kind.SCRIPT, undo.kind());
        assertEquals(Path.of("db/migration/U1__users.sql"), undo.span().file());
        assertInstanceOf(Operation.DropTable.class, undo.operations().get(0));

        assertEquals(3, project.sources().size());
        assertTrue(project.source(Path.of("db/migration/U1__users.sql")).isPresent());
        assertTrue(project.problems().isEmpty(), project.problems().toString());
    }

    @Test
    void tenModulesGiveTenHistories() throws Exception {
        for (int i = 0; i < 10; i++) {
            write("module" + i + "/src/main/resources/db/migration/V1__init.sql", "CREATE TABLE t" + i + " (id int);\n");
        }
        write("module0/target/classes/db/migration/V1__init.sql", "CREATE TABLE copy (id int);\n");
        Project project = load(".");
        assertEquals(10, project.histories().size());
        assertEquals(10, project.migrationCount());
    }

    @Test
    void dialectGivenIsUsedAndDefaultsToPostgresql() throws Exception {
        write("V1__a.sql", "SELECT 1;\n");
        assertEquals(Dialect.MYSQL, load(Dialect.MYSQL, ".").histories().get(0).dialect());
        assertEquals(Dialect.POSTGRESQL, load(".").histories().get(0).dialect());
        assertEquals(Path.of(""), load(".").histories().get(0).location());
    }

    @Test
    void golangMigrateRunsOutsideATransactionUnlessTheFileBegins() throws Exception {
        write("migrations/1_a.up.sql", "CREATE TABLE a (id int);\n");
        write("migrations/1_a.down.sql", "DROP TABLE a;\n");
        write("migrations/2_b.up.sql", "BEGIN;\nCREATE TABLE b (id int);\nCOMMIT;\n");
        History history = load("migrations").histories().get(0);
        assertEquals(Framework.GOLANG_MIGRATE, history.framework());
        assertFalse(history.migrations().get(0).inTransaction());
        assertTrue(history.migrations().get(1).inTransaction());
        assertEquals(Reverse.Kind.SCRIPT, history.migrations().get(0).reverse().kind());
        assertEquals(Reverse.Kind.NONE, history.migrations().get(1).reverse().kind());
    }

    @Test
    void dbmateSectionsKeepExactSpans() throws Exception {
        write("db/migrations/1_users.sql",
                "-- migrate:up\nCREATE TABLE users (id int);\n\n-- migrate:down\nDROP TABLE users;\n");
        write("db/migrations/2_index.sql",
                "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON users (id);\n\n-- migrate:down\n");
        History history = load("db").histories().get(0);
        assertEquals(Framework.DBMATE, history.framework());
        Migration users = history.migrations().get(0);
        assertEquals(1, users.operations().size());
        assertEquals(2, users.operations().get(0).span().startLine());
        assertEquals(1, users.span().startLine());
        assertEquals(Reverse.Kind.ROLLBACK_BLOCK, users.reverse().kind());
        assertEquals(5, users.reverse().operations().get(0).span().startLine());
        assertTrue(users.inTransaction());

        Migration index = history.migrations().get(1);
        assertFalse(index.inTransaction());
        assertEquals(Reverse.Kind.NONE, index.reverse().kind());
    }

    @Test
    void dieselAndPrismaAndPlainSql() throws Exception {
        write("diesel/migrations/2024-01-01-000000_users/up.sql", "CREATE TABLE users (id int);\n");
        write("diesel/migrations/2024-01-01-000000_users/down.sql", "DROP TABLE users;\n");
        write("diesel/migrations/2024-01-02-000000_idx/up.sql", "CREATE INDEX CONCURRENTLY i ON users (id);\n");
        write("diesel/migrations/2024-01-02-000000_idx/metadata.toml", "run_in_transaction = false\n");
        write("prisma/migrations/20240101_init/migration.sql", "CREATE TABLE p (id int);\n");
        write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        write("sql/2_b.sql", "CREATE TABLE b (id int);\n");
        write("sql/10_c.sql", "CREATE TABLE c (id int);\n");
        Project project = load(".");
        assertEquals(List.of(Framework.DIESEL, Framework.PRISMA, Framework.PLAIN_SQL),
                project.histories().stream().map(History::framework).toList());
        History diesel = project.histories().get(0);
        assertEquals(Path.of("diesel/migrations"), diesel.location());
        assertEquals(Reverse.Kind.SCRIPT, diesel.migrations().get(0).reverse().kind());
        assertFalse(diesel.migrations().get(1).inTransaction());
        assertTrue(project.histories().get(1).migrations().get(0).inTransaction());
        assertEquals(List.of("2_b.sql", "10_c.sql"),
                project.histories().get(2).migrations().stream().map(Migration::id).toList());
    }

    @Test
    void emptyFileSpansLineOne() throws Exception {
        write("db/V1__empty.sql", "");
        Migration m = load(".").histories().get(0).migrations().get(0);
        assertEquals(1, m.span().startLine());
        assertEquals(1, m.span().endLine());
        assertTrue(m.operations().isEmpty());
    }

    @Test
    void unreadableFileIsAProblemAndTheRestIsStillLoaded() throws Exception {
        write("db/V1__a.sql", "CREATE TABLE a (id int);\n");
        Files.write(root.resolve("db/V2__latin1.sql"), "SELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1));
        Project project = load(".");
        assertEquals(1, project.migrationCount());
        assertEquals(1, project.problems().size());
        assertEquals(Path.of("db/V2__latin1.sql"), project.problems().get(0).span().file());
    }

    /**
     * An SQL file is read once for the look at whether it is a Liquibase changelog and for its history; a
     * changelog that is not UTF-8 (Latin-1, UTF-16 without a byte order mark) is still recognised by its head,
     * and is not reported as unreadable SQL.
     */
    @Test
    void formattedSqlChangelogsInOtherEncodingsAreFoundAndNotReportedAsUnreadableSql() throws Exception {
        String changelog = "-- liquibase formatted sql\n-- changeset t:1\nCREATE TABLE caf\u00e9 (id int);\n";
        Files.createDirectories(root.resolve("db"));
        Files.write(root.resolve("db/latin1.sql"), changelog.getBytes(StandardCharsets.ISO_8859_1));
        Files.write(root.resolve("db/utf16.sql"), changelog.replace("caf\u00e9", "t2").getBytes(StandardCharsets.UTF_16LE));
        write("db/V1__replacement.sql", "SELECT '\uFFFD';\n"); // a replacement character written in valid UTF-8
        Project project = load(".");
        assertTrue(project.problems().isEmpty(), project.problems().toString());
        assertEquals(List.of("db FLYWAY [db/V1__replacement.sql]", "db/latin1.sql LIQUIBASE [db/latin1.sql]",
                        "db/utf16.sql LIQUIBASE []"),
                project.histories().stream().map(h -> h.location() + " " + h.framework() + " "
                        + h.migrations().stream().map(m -> m.file().toString()).toList()).sorted().toList());
    }

    @Test
    void missingPathIsALoadException() {
        LoadException e = assertThrows(LoadException.class, () -> load("db/migration"));
        assertEquals("path not found: db/migration", e.getMessage());
    }

    @Test
    void excludesAreApplied() throws Exception {
        write("db/V1__a.sql", "SELECT 1;\n");
        write("db/legacy/V1__old.sql", "SELECT 1;\n");
        Project project = new ProjectLoader().load(new LoadOptions(root, List.of("."), null, List.of("db/legacy/**")));
        assertEquals(1, project.histories().size());
    }

    @Test
    void symlinkOutOfTheRootIsNotRead(@TempDir Path elsewhere) throws Exception {
        write("db/V1__a.sql", "SELECT 1;\n");
        Files.writeString(elsewhere.resolve("secret.sql"), "SELECT 'secret';\n");
        try {
            Files.createSymbolicLink(root.resolve("db/V2__secret.sql"), elsewhere.resolve("secret.sql"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        Project project = load(".");
        assertEquals(1, project.migrationCount());
        assertFalse(project.sources().values().stream().anyMatch(s -> s.text().contains("secret")));
        assertEquals(Path.of("db/V2__secret.sql"), project.problems().get(0).span().file());
    }

    @Test
    void nonChangelogXmlAndOtherFilesAreIgnoredSilently() throws Exception {
        write("db/V1__a.sql", "SELECT 1;\n");
        write("pom.xml", "<project/>\n");
        write("config.yaml", "a: b\n");
        write("src/main/resources/application.properties", "x=y\n");
        Project project = load(".");
        assertEquals(1, project.migrationCount());
        assertTrue(project.problems().isEmpty(), project.problems().toString());
    }

    @Test
    void liquibaseChangelogsAndSqlDirectoriesLoadSideBySide() throws Exception {
        write("db/changelog/master.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <createTable tableName="users">
                            <column name="id" type="bigint"/>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/migration/V1__a.sql", "CREATE TABLE a (id int);\n");
        Project project = load(".");
        assertEquals(List.of(Framework.FLYWAY, Framework.LIQUIBASE),
                project.histories().stream().map(History::framework).sorted().toList());
        assertTrue(project.source(Path.of("db/changelog/master.xml")).isPresent());
    }

    @Test
    void sqlReadThroughAChangelogIsNotAlsoAPlainSqlMigration() throws Exception {
        write("db/changelog/master.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <sqlFile path="scripts/users.sql" relativeToChangelogFile="true"/>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("db/changelog/scripts/users.sql", "CREATE TABLE users (id int);\n");
        write("db/formatted/changelog.sql",
                "--liquibase formatted sql\n\n--changeset a:1\nCREATE TABLE t (id int);\n--rollback DROP TABLE t;\n");
        Project project = load(".");
        assertEquals(List.of(Framework.LIQUIBASE, Framework.LIQUIBASE),
                project.histories().stream().map(History::framework).toList(), project.histories().toString());
        assertEquals(2, project.migrationCount());
        assertTrue(project.problems().isEmpty(), project.problems().toString());
    }

    @Test
    void anOverlayStandsInForTheFileOnDiskAndTheRestComesFromDisk() throws Exception {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        write("db/migration/V2__phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n");
        write("db/changelog/master.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <createTable tableName="t"><column name="id" type="int"/></createTable>
                    </changeSet>
                </databaseChangeLog>
                """);
        String buffer = "\uFEFFALTER TABLE users DROP COLUMN phone;\n";
        String changelog = """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <changeSet id="1" author="a">
                        <dropTable tableName="t"/>
                    </changeSet>
                </databaseChangeLog>
                """;
        Project project = new ProjectLoader().load(new LoadOptions(root, List.of("."), null, List.of(), null,
                java.util.Map.of(Path.of("db/migration/V2__phone.sql"), buffer, Path.of("db/changelog/master.xml"), changelog)));

        History flyway = project.histories().stream().filter(h -> h.framework() == Framework.FLYWAY).findFirst().orElseThrow();
        assertEquals(List.of("1", "2"), flyway.migrations().stream().map(Migration::id).toList());
        assertInstanceOf(Operation.CreateTable.class, flyway.migrations().get(0).operations().get(0));
        assertInstanceOf(Operation.DropColumn.class, flyway.migrations().get(1).operations().get(0));
        assertEquals("ALTER TABLE users DROP COLUMN phone;\n",
                project.source(Path.of("db/migration/V2__phone.sql")).orElseThrow().text());

        History liquibase = project.histories().stream().filter(h -> h.framework() == Framework.LIQUIBASE).findFirst().orElseThrow();
        assertInstanceOf(Operation.DropTable.class, liquibase.migrations().get(0).operations().get(0));
        assertEquals(changelog, project.source(Path.of("db/changelog/master.xml")).orElseThrow().text());
    }
}
