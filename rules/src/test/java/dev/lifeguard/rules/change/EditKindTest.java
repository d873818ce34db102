package dev.lifeguard.rules.change;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EditKindTest {

    @Test
    void tellsLayoutFromBehaviour() {
        String sql = "ALTER TABLE users ADD COLUMN email text;\n";
        assertEquals(EditKind.NONE, EditKind.between(sql, sql, "V2__email.sql"));
        assertEquals(EditKind.WHITESPACE, EditKind.between(sql, "ALTER TABLE users\n  ADD COLUMN email text;\n\n", "V2__email.sql"));
        assertEquals(EditKind.COMMENTS, EditKind.between(sql, "-- why\nALTER TABLE users /* e-mail */ ADD COLUMN email text;\n", "V2__email.sql"));
        assertEquals(EditKind.CONTENT, EditKind.between(sql, "ALTER TABLE users ADD COLUMN email varchar(9);\n", "V2__email.sql"));
    }

    @Test
    void liquibaseDirectivesAreNotComments() {
        String before = "--changeset dev:1\nCREATE TABLE a (id int);\n--rollback DROP TABLE a;\n";
        String after = "--changeset dev:1\nCREATE TABLE a (id int);\n--rollback DROP TABLE a CASCADE;\n";
        assertEquals(EditKind.CONTENT, EditKind.between(before, after, "changelog.sql"));
    }

    @Test
    void xmlAndYamlCommentsAreTheirOwn() {
        assertEquals(EditKind.COMMENTS, EditKind.between("<changeSet id=\"1\"/>", "<!-- note --><changeSet id=\"1\"/>", "a.xml"));
        assertEquals(EditKind.COMMENTS, EditKind.between("id: 1\n", "# note\nid: 1 # here\n", "a.yaml"));
        assertEquals(EditKind.CONTENT, EditKind.between("id: 1\n", "id: 2\n", "a.yaml"));
    }
}
