package dev.lifeguard.rules.mysql;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.analyzer.sql.SqlParser;
import dev.lifeguard.rules.mysql.MySqlDdlEffect.Algorithm;
import dev.lifeguard.rules.mysql.MySqlDdlKnowledge.Context;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MySQL answers (the manual's) and the version gates; the MariaDB answers are checked against a real
 * MariaDB in test-fixtures (MariaDbOnlineDdlMeasurementTest).
 */
class MySqlDdlKnowledgeTest {

    private static MySqlDdlEffect effect(String target, String sql, Context ctx) {
        TargetVersion t = TargetVersion.parse(target, null).orElseThrow();
        List<Operation> ops = new SqlParser(t.dialect()).parse(new SourceFile(Path.of("x.sql"), sql));
        return MySqlDdlKnowledge.forTarget(t).statementEffect(ops, ops.stream().map(o -> ctx).toList()).orElseThrow();
    }

    private static MySqlDdlEffect effect(String target, String sql) {
        return effect(target, sql, Context.DEFAULT);
    }

    @Test
    void addColumnIsInstantFrom8012AndRebuildsBefore() {
        assertEquals(Algorithm.INSTANT, effect("mysql:8.4", "ALTER TABLE t ADD COLUMN c int").algorithm());
        MySqlDdlEffect old = effect("mysql:8.0.11", "ALTER TABLE t ADD COLUMN c int");
        assertEquals(Algorithm.INPLACE, old.algorithm());
        assertTrue(old.rebuildsTable() && old.permitsWrites());
    }

    @Test
    void addColumnFirstOrAfterIsInstantOnlyFrom8029() {
        for (String sql : List.of("ALTER TABLE t ADD COLUMN c int FIRST", "ALTER TABLE t ADD COLUMN c int AFTER id")) {
            MySqlDdlEffect before = effect("mysql:8.0.28", sql);
            assertEquals(Algorithm.INPLACE, before.algorithm(), sql);
            assertTrue(before.rebuildsTable() && before.permitsWrites(), sql);
            assertEquals(Algorithm.INSTANT, effect("mysql:8.0.29", sql).algorithm(), sql);
            assertEquals(Algorithm.INSTANT, effect("mysql:8.4", sql).algorithm(), sql);
            assertEquals(Algorithm.INSTANT, effect("mariadb:10.4", sql).algorithm(), sql);
            assertTrue(effect("mariadb:10.3.2", sql).rebuildsTable(), sql);
        }
        assertEquals(Algorithm.INSTANT, effect("mysql:8.0.28", "ALTER TABLE t ADD COLUMN c int").algorithm());
    }

    @Test
    void dropColumnIsInstantFrom8029() {
        assertEquals(Algorithm.INSTANT, effect("mysql:8.0.29", "ALTER TABLE t DROP COLUMN c").algorithm());
        assertTrue(effect("mysql:8.0.28", "ALTER TABLE t DROP COLUMN c").rebuildsTable());
        assertEquals(Algorithm.INSTANT, effect("mariadb:10.4", "ALTER TABLE t DROP COLUMN c").algorithm());
    }

    @Test
    void autoIncrementColumnBlocksWrites() {
        MySqlDdlEffect e = effect("mysql:8.4", "ALTER TABLE t ADD COLUMN id bigint NOT NULL AUTO_INCREMENT, ADD UNIQUE KEY (id)");
        assertTrue(e.rebuildsTable());
        assertFalse(e.permitsWrites());
    }

    @Test
    void foreignKeyCopiesUnlessChecksAreOff() {
        String fk = "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES parent (id)";
        assertEquals(Algorithm.COPY, effect("mysql:8.4", fk).algorithm());
        MySqlDdlEffect off = effect("mysql:8.4", fk, new Context(null, false));
        assertEquals(Algorithm.INPLACE, off.algorithm());
        assertFalse(off.rebuildsTable());
    }

    @Test
    void checkIsIgnoredBefore8016() {
        assertEquals(Algorithm.COPY, effect("mysql:8.4", "ALTER TABLE t ADD CONSTRAINT c CHECK (n > 0)").algorithm());
        assertEquals(Algorithm.INSTANT, effect("mysql:8.0.15", "ALTER TABLE t ADD CONSTRAINT c CHECK (n > 0)").algorithm());
    }

    @Test
    void columnWithInlineCheckIsCopiedOnMySqlOnly() {
        MySqlDdlEffect mysql = effect("mysql:8.4", "ALTER TABLE t ADD COLUMN c int CHECK (c > 0)");
        assertEquals(Algorithm.COPY, mysql.algorithm());
        assertFalse(mysql.permitsWrites());
        assertEquals(Algorithm.INSTANT, effect("mysql:8.0.15", "ALTER TABLE t ADD COLUMN c int CHECK (c > 0)").algorithm());
        assertEquals(Algorithm.INSTANT, effect("mariadb:10.11", "ALTER TABLE t ADD COLUMN c int CHECK (c > 0)").algorithm());
    }

    @Test
    void fullTextAndSpatialIndexesBlockWrites() {
        for (String target : new String[] {"mysql:8.4", "mariadb:10.11"}) {
            MySqlDdlEffect fullText = effect(target, "ALTER TABLE t ADD FULLTEXT INDEX t_ft (body)");
            assertEquals(Algorithm.INPLACE, fullText.algorithm());
            assertFalse(fullText.permitsWrites());
            assertTrue(fullText.rebuildsTable());
            assertFalse(effect(target, "CREATE FULLTEXT INDEX t_ft ON t (body)").permitsWrites());
            MySqlDdlEffect spatial = effect(target, "ALTER TABLE t ADD SPATIAL INDEX t_g (g)");
            assertFalse(spatial.permitsWrites());
            assertFalse(spatial.rebuildsTable());
        }
        assertTrue(effect("mysql:8.4", "ALTER TABLE t ADD INDEX t_n (n)").permitsWrites());
    }

    @Test
    void varcharWideningKeepsItsLengthPrefix() {
        assertFalse(effect("mysql:8.4", "ALTER TABLE t MODIFY c varchar(63)", new Context("varchar(10)", true)).isHazard());
        assertEquals(Algorithm.COPY, effect("mysql:8.4", "ALTER TABLE t MODIFY c varchar(64)",
                new Context("varchar(63)", true)).algorithm());
        // the parser leaves a column's CHARACTER SET out of its type: unknown widths count as utf8mb4's 4 bytes
        assertEquals(Algorithm.COPY, effect("mysql:8.4", "ALTER TABLE t MODIFY c varchar(255) CHARACTER SET latin1",
                new Context("varchar(63)", true)).algorithm());
        assertFalse(effect("mysql:8.4", "ALTER TABLE t MODIFY c varchar(500)", new Context("varchar(100)", true)).isHazard());
    }

    @Test
    void enumValuesAppendedAtTheEndAreInstant() {
        assertEquals(Algorithm.INSTANT, effect("mysql:8.4", "ALTER TABLE t MODIFY e enum('a','b','c')",
                new Context("enum('a','b')", true)).algorithm());
        assertEquals(Algorithm.COPY, effect("mysql:8.4", "ALTER TABLE t MODIFY e enum('a','c','b')",
                new Context("enum('a','b')", true)).algorithm());
        assertEquals(Algorithm.COPY, effect("mysql:8.4", "ALTER TABLE t MODIFY s set('a','b','c','d','e','f','g','h','i')",
                new Context("set('a','b','c','d','e','f','g','h')", true)).algorithm());
    }

    @Test
    void mariaDb112CopiesOnline() {
        MySqlDdlEffect e = effect("mariadb:11.4", "ALTER TABLE t MODIFY c bigint", new Context("int", true));
        assertEquals(Algorithm.COPY, e.algorithm());
        assertTrue(e.permitsWrites());
        assertFalse(effect("mariadb:10.11", "ALTER TABLE t MODIFY c bigint", new Context("int", true)).permitsWrites());
    }

    @Test
    void replacingThePrimaryKeyIsAnInPlaceRebuildDroppingItACopy() {
        assertEquals(Algorithm.COPY, effect("mysql:8.4", "ALTER TABLE t DROP PRIMARY KEY").algorithm());
        MySqlDdlEffect both = effect("mysql:8.4", "ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, n)");
        assertEquals(Algorithm.INPLACE, both.algorithm());
        assertTrue(both.permitsWrites());
    }

    @Test
    void statedClausesAreAcceptedOnlyWhenTheServerCanHonourThem() {
        MySqlDdlEffect copy = effect("mysql:8.4", "ALTER TABLE t ADD CONSTRAINT c CHECK (n > 0)");
        assertFalse(copy.accepts(Algorithm.INPLACE, null));
        assertFalse(copy.accepts(null, "NONE"));
        assertTrue(copy.accepts(null, "SHARED"));
        assertTrue(effect("mysql:8.4", "ALTER TABLE t ADD COLUMN c int").accepts(Algorithm.INSTANT, null));
    }
}
