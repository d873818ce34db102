package dev.lifeguard.analyzer.liquibase;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeSetTextsTest {

    @Test
    void xmlChangeSetsByIdAndAuthor() {
        String xml = """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="ann"><createTable tableName="a"><column name="id" type="int"/></createTable></changeSet>
                  <changeSet id="2" author="bob"><dropTable tableName="a"/></changeSet>
                </databaseChangeLog>
                """;
        var texts = ChangeSetTexts.of(Path.of("db/master.xml"), xml).orElseThrow();
        assertEquals(List.of("1::ann", "2::bob"), List.copyOf(texts.keySet()));
        assertEquals("<changeSet id=\"2\" author=\"bob\"><dropTable tableName=\"a\"/></changeSet>", texts.get("2::bob"));
    }

    @Test
    void yamlAndFormattedSql() {
        String yaml = "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: ann\n      changes:\n        - dropTable:\n            tableName: a\n";
        assertEquals(List.of("1::ann"), List.copyOf(ChangeSetTexts.of(Path.of("c.yaml"), yaml).orElseThrow().keySet()));
        String sql = "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE a (id int);\n--changeset bob:2\nDROP TABLE a;\n";
        var texts = ChangeSetTexts.of(Path.of("c.sql"), sql).orElseThrow();
        assertEquals("--changeset ann:1\nCREATE TABLE a (id int);", texts.get("1::ann"));
        assertEquals("--changeset bob:2\nDROP TABLE a;", texts.get("2::bob"));
    }

    @Test
    void appendingAFormattedSqlChangeSetLeavesTheLastOneAsItWas() {
        String before = "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE a (id int);\n";
        String after = before + "\n\n--changeset ann:2\nCREATE TABLE b (id int);\n";
        assertEquals(ChangeSetTexts.of(Path.of("c.sql"), before).orElseThrow().get("1::ann"),
                ChangeSetTexts.of(Path.of("c.sql"), after).orElseThrow().get("1::ann"));
    }

    @Test
    void notAChangelogOrBrokenIsEmpty() {
        assertEquals(Optional.empty(), ChangeSetTexts.of(Path.of("V1__a.sql"), "CREATE TABLE a (id int);"));
        assertEquals(Optional.empty(), ChangeSetTexts.of(Path.of("a.xml"), "<databaseChangeLog><changeSet"));
    }
}
