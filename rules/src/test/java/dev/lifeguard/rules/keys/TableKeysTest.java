package dev.lifeguard.rules.keys;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.sql.SqlParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableKeysTest {
    private static final TableName T = new TableName(null, "t");

    private static TableKeys replay(Dialect dialect, String sql) {
        TableKeys keys = TableKeys.empty(dialect);
        for (Operation op : new SqlParser(dialect).parse(new SourceFile(Path.of("V1__x.sql"), sql))) {
            keys.apply(op);
        }
        return keys;
    }

    @Test
    void unnamedConstraintsGetPostgresNamesAndDropByThem() {
        String create = "CREATE TABLE p (id int PRIMARY KEY);\n"
                + "CREATE TABLE t (id int PRIMARY KEY, a int UNIQUE, p_id int REFERENCES p (id), b int, c int);\n";
        TableKeys keys = replay(Dialect.POSTGRESQL, create);
        assertEquals(List.of("t_pkey", "t_a_key", "t_p_id_fkey"), keys.of(T).stream().map(TableKeys.Key::name).toList());
        keys = replay(Dialect.POSTGRESQL, create + "ALTER TABLE t DROP CONSTRAINT t_a_key;\n"
                + "ALTER TABLE t DROP CONSTRAINT t_p_id_fkey;\nALTER TABLE t ADD UNIQUE (b, c);\n");
        assertEquals(List.of("t_pkey", "t_b_c_key"), keys.of(T).stream().map(TableKeys.Key::name).toList());
        assertTrue(keys.allForeignKeys().isEmpty());
    }

    @Test
    void mySqlNamesAUniqueKeyAfterItsFirstColumnAndNarrowsIndexesOnDropColumn() {
        TableKeys keys = replay(Dialect.MYSQL, "CREATE TABLE t (id int PRIMARY KEY, a int UNIQUE, b int, c int);\n"
                + "CREATE INDEX t_b_c ON t (b, c);\nALTER TABLE t DROP INDEX a;\nALTER TABLE t DROP COLUMN c;\n");
        assertEquals(List.of("primary", "t_b_c"), keys.of(T).stream().map(TableKeys.Key::name).toList());
        assertEquals(List.of("b"), keys.of(T).get(1).columns());
        assertNull(replay(Dialect.MYSQL, "CREATE TABLE t (id int PRIMARY KEY);\nALTER TABLE t DROP PRIMARY KEY;\n")
                .uniqueWithin(T, List.of("id")));
    }

    @Test
    void postgresDropsEveryKeyUsingADroppedColumn() {
        TableKeys keys = replay(Dialect.POSTGRESQL, "CREATE TABLE t (id int PRIMARY KEY, b int, c int);\n"
                + "CREATE UNIQUE INDEX t_b_c ON t (b, c);\nALTER TABLE t DROP COLUMN c;\n");
        assertNull(keys.uniqueWithin(T, List.of("b", "c")));
        assertNotNull(keys.uniqueWithin(T, List.of("id", "b")));
    }

    @Test
    void renamesCarryKeysAlong() {
        TableKeys keys = replay(Dialect.POSTGRESQL, "CREATE TABLE p (id int PRIMARY KEY);\n"
                + "CREATE TABLE old (id int PRIMARY KEY, p_id int REFERENCES p (id));\n"
                + "CREATE INDEX old_p ON old (p_id);\nALTER TABLE old RENAME COLUMN p_id TO parent_id;\n"
                + "ALTER TABLE old RENAME TO t;\nALTER TABLE p RENAME TO parents;\n");
        assertTrue(keys.leadsWith(T, List.of("parent_id")));
        TableKeys.Placed fk = keys.placedForeignKeys().get(0);
        assertEquals(List.of("parent_id"), fk.key().columns());
        assertEquals("parents", fk.key().parent().name());
        assertEquals("t", fk.table().name());
    }

    @Test
    void usingIndexTurnsTheIndexIntoTheConstraint() {
        TableKeys keys = replay(Dialect.POSTGRESQL, "CREATE TABLE t (id int, email text);\n"
                + "CREATE UNIQUE INDEX CONCURRENTLY t_email_idx ON t (email);\n"
                + "ALTER TABLE t ADD CONSTRAINT t_email_key UNIQUE USING INDEX t_email_idx;\n");
        assertEquals(List.of("t_email_key"), keys.of(T).stream().map(TableKeys.Key::name).toList());
        keys.apply(new SqlParser(Dialect.POSTGRESQL).parse(new SourceFile(Path.of("V2__x.sql"),
                "ALTER TABLE t DROP CONSTRAINT t_email_key;")).get(0));
        assertFalse(keys.leadsWith(T, List.of("email")));
    }

    @Test
    void droppingTheParentTakesTheForeignKeysWithIt() {
        TableKeys keys = replay(Dialect.POSTGRESQL, "CREATE TABLE p (id int PRIMARY KEY);\n"
                + "CREATE TABLE t (id int, p_id int REFERENCES p (id));\nDROP TABLE p CASCADE;\n");
        assertTrue(keys.allForeignKeys().isEmpty());
    }
}
