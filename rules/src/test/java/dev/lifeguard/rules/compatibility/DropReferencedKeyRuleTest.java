package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.testing.SqlProject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropReferencedKeyRuleTest {

    private static final String HISTORY = "CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE);\n"
            + "CREATE TABLE c (p_id int REFERENCES p, code text REFERENCES p (code));\n"
            + "CREATE TABLE d (p_id int CONSTRAINT d_p REFERENCES p (id));";

    private static List<Finding> lint(Dialect dialect, String history, String drop) {
        return SqlProject.flyway(dialect).file("V1__a.sql", history).file("V2__b.sql", drop).lint(new DropReferencedKeyRule());
    }

    @Test
    void withoutCascadeTheDropFailsNamingEveryReferencingForeignKey() {
        List<Finding> f = lint(Dialect.POSTGRESQL, HISTORY, "ALTER TABLE p DROP CONSTRAINT p_pkey;");
        assertEquals(1, f.size());
        String m = f.get(0).message();
        assertTrue(m.contains("foreign key c_p_id_fkey (unnamed; PostgreSQL's default name) on c (p_id) -> p, foreign key"
                + " d_p on d (p_id) -> p (id) reference it: the migration fails"), m);
        assertEquals(2, f.get(0).related().size());
    }

    @Test
    void withCascadeTheForeignKeysGoSilently() {
        List<Finding> f = lint(Dialect.POSTGRESQL, HISTORY, "ALTER TABLE p DROP CONSTRAINT p_code_key CASCADE;");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("is dropped with CASCADE, which silently drops foreign key c_code_fkey"),
                f.get(0).message());
    }

    @Test
    void anUnreferencedKeyOrOneTheForeignKeysNoLongerUseIsNotReported() {
        assertEquals(List.of(), lint(Dialect.POSTGRESQL, "CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE);\n"
                + "CREATE TABLE c (p_id int REFERENCES p);", "ALTER TABLE p DROP CONSTRAINT p_code_key;"));
        assertEquals(List.of(), lint(Dialect.POSTGRESQL, HISTORY,
                "ALTER TABLE c DROP CONSTRAINT c_code_fkey;\nALTER TABLE p DROP CONSTRAINT p_code_key;"));
    }

    @Test
    void mysqlDropPrimaryKeyAForeignKeyNeedsFails() {
        List<Finding> f = lint(Dialect.MYSQL, "CREATE TABLE p (id int NOT NULL, PRIMARY KEY (id));\n"
                + "CREATE TABLE c (p_id int, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id));", "ALTER TABLE p DROP PRIMARY KEY;");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("the migration fails"), f.get(0).message());
        assertTrue(f.get(0).help().endsWith("then drop the primary key"), f.get(0).help());
    }
}
