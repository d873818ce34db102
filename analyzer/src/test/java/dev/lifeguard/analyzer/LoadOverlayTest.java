package dev.lifeguard.analyzer;

import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The loader reads an editor's unsaved text in place of the file on disk, and the rest from disk. */
class LoadOverlayTest {
    @TempDir
    Path root;

    private void write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Project load(Map<Path, String> unsaved) throws LoadException {
        return new ProjectLoader().load(new LoadOptions(root, List.of("."), null, List.of(), null, unsaved));
    }

    @Test
    void sqlMigrationIsReadFromTheOverlayAndItsSiblingsFromDisk() throws Exception {
        write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        write("db/migration/V2__phone.sql", "ALTER TABLE users ADD COLUMN phone text;\n");
        Path v2 = Path.of("db/migration/V2__phone.sql");

        Project project = load(Map.of(v2, "ALTER TABLE users DROP COLUMN id;\n"));

        List<Migration> migrations = project.histories().get(0).migrations();
        assertEquals(2, migrations.size());
        assertInstanceOf(Operation.CreateTable.class, migrations.get(0).operations().get(0));
        assertInstanceOf(Operation.DropColumn.class, migrations.get(1).operations().get(0));
        assertEquals("ALTER TABLE users DROP COLUMN id;\n", project.source(v2).orElseThrow().text());
    }

    @Test
    void liquibaseChangelogIsReadFromTheOverlay() throws Exception {
        String header = "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n";
        write("db/changelog.xml", header + "<changeSet id=\"1\" author=\"a\">\n"
                + "  <createTable tableName=\"users\"><column name=\"id\" type=\"bigint\"/></createTable>\n"
                + "</changeSet>\n</databaseChangeLog>\n");
        Path changelog = Path.of("db/changelog.xml");

        Project project = load(Map.of(changelog, header + "<changeSet id=\"1\" author=\"a\">\n"
                + "  <dropTable tableName=\"users\"/>\n</changeSet>\n</databaseChangeLog>\n"));

        Migration only = project.histories().get(0).migrations().get(0);
        assertInstanceOf(Operation.DropTable.class, only.operations().get(0));
    }

    @Test
    void formattedSqlChangelogIsReadFromTheOverlay() throws Exception {
        write("db/changelog.sql", "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE users (id bigint);\n");
        Path changelog = Path.of("db/changelog.sql");

        Project project = load(Map.of(changelog, "--liquibase formatted sql\n--changeset a:1\nDROP TABLE users;\n"));

        Migration only = project.histories().get(0).migrations().get(0);
        assertEquals("1::a", only.id());
        assertInstanceOf(Operation.DropTable.class, only.operations().get(0));
    }
}
