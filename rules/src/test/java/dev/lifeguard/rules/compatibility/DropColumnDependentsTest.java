package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** drop-column names what goes with the column, and says when the drop fails (PostgresDropDependentsMeasurementTest). */
class DropColumnDependentsTest {

    private static String message(Dialect dialect, String history, String drop) {
        List<Finding> f = SqlProject.flyway(dialect).file("V1__a.sql", history).file("V2__b.sql", drop)
                .lint(new DropColumnRule());
        assertEquals(1, f.size(), f.toString());
        return f.get(0).message();
    }

    @Test
    void multiColumnUniqueGoesWholeWithItsDefaultNameSaidHonestly() {
        String m = message(Dialect.POSTGRESQL, "CREATE TABLE p (a int, b int, UNIQUE (a, b));",
                "ALTER TABLE p DROP COLUMN a;");
        assertTrue(m.contains("with it go unique constraint p_a_b_key (unnamed; PostgreSQL's default name) on p (a, b)"), m);
        assertTrue(m.contains("not just its a part: b is left without it"), m);
        assertFalse(m.contains("the drop fails"), m);
    }

    @Test
    void namedKeysIndexesAndOwnForeignKeys() {
        String m = message(Dialect.POSTGRESQL, "CREATE TABLE q (x int, y int, UNIQUE (x, y));\n"
                        + "CREATE TABLE p (a int, b int, c int, CONSTRAINT p_q FOREIGN KEY (a, b) REFERENCES q (x, y),"
                        + " CONSTRAINT p_pk PRIMARY KEY (b, c));\nCREATE INDEX p_b_idx ON p (b);",
                "ALTER TABLE p DROP COLUMN b;");
        assertTrue(m.contains("foreign key p_q on p (a, b) -> q (x, y)"), m);
        assertTrue(m.contains("primary key p_pk on p (b, c)"), m);
        assertTrue(m.contains("index p_b_idx on p (b)"), m);
    }

    @Test
    void aColumnOtherTablesReferenceFailsWithoutCascade() {
        String history = "CREATE TABLE p (id int PRIMARY KEY, b int);\n"
                + "CREATE TABLE child (p_id int CONSTRAINT child_p REFERENCES p);";
        String m = message(Dialect.POSTGRESQL, history, "ALTER TABLE p DROP COLUMN id;");
        assertTrue(m.contains("the drop fails: foreign key child_p on child (p_id) -> p depends on it"), m);
        assertTrue(m.contains("cannot drop column id of table p because other objects depend on it"), m);

        String cascade = message(Dialect.POSTGRESQL, history, "ALTER TABLE p DROP COLUMN id CASCADE;");
        assertFalse(cascade.contains("the drop fails"), cascade);
        assertTrue(cascade.contains("with it go primary key p_pkey (unnamed; PostgreSQL's default name) on p (id)"), cascade);
        assertTrue(cascade.contains("by CASCADE foreign key child_p on child (p_id) -> p: those rows are no longer"
                + " checked against p"), cascade);

        String plain = message(Dialect.POSTGRESQL, history, "ALTER TABLE p DROP COLUMN b;");
        assertFalse(plain.contains("with it go"), plain);
    }

    @Test
    void mysqlNarrowsMultiColumnKeysAndMariaDbRefusesAUniqueOne() {
        String history = "CREATE TABLE p (a int, b int, c int, UNIQUE KEY p_ab (a, b), KEY p_bc (b, c));";
        String mysql = message(Dialect.MYSQL, history, "ALTER TABLE p DROP COLUMN b;");
        assertTrue(mysql.contains("unique constraint p_ab on p (a, b) keeps only (a): it becomes stricter"), mysql);
        assertTrue(mysql.contains("index p_bc on p (b, c) keeps only (c)"), mysql);
        String mariadb = message(Dialect.MARIADB, history, "ALTER TABLE p DROP COLUMN b;");
        assertTrue(mariadb.contains("the drop fails: b is needed by unique constraint p_ab on p (a, b) (MariaDB will"
                + " not narrow a multi-column unique key: error 1072)"), mariadb);
        String referenced = message(Dialect.MYSQL, "CREATE TABLE p (id int PRIMARY KEY);\n"
                + "CREATE TABLE c (p_id int, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id));", "ALTER TABLE p DROP COLUMN id;");
        assertTrue(referenced.contains("the drop fails: id is needed by foreign key c_p on c (p_id) -> p (id)"), referenced);
    }
}
