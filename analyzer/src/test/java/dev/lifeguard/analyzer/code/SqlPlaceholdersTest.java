package dev.lifeguard.analyzer.code;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlPlaceholdersTest {

    private static String numbered(String sql) {
        SqlPlaceholders.Numbered n = SqlPlaceholders.numbered(sql);
        assertNull(n.problem(), sql);
        return n.sql();
    }

    @Test
    void everyKindOfPlaceholderBecomesItsOwnNumberedParameter() {
        assertEquals("SELECT * FROM t WHERE a = $1 AND b = $2", numbered("SELECT * FROM t WHERE a = ? AND b = ?"));
        assertEquals("SELECT * FROM t WHERE a = $1 AND b = $2", numbered("SELECT * FROM t WHERE a = ?1 AND b = ?2"));
        assertEquals("UPDATE t SET a = $1 WHERE id = $2 OR id = $3",
                numbered("UPDATE t SET a = :name WHERE id = :id OR id = :id"));
        assertEquals("INSERT INTO t (a, b) VALUES ($1, $2)",
                numbered("INSERT INTO t (a, b) VALUES (#{a}, #{b,jdbcType=BIGINT})"));
        assertEquals(3, SqlPlaceholders.numbered("SELECT ?, :x, #{y}").parameters());
    }

    @Test
    void myBatisJdbcTypesBecomeCastsWhereTheCallerKnowsTheType() {
        SqlPlaceholders.Numbered n = SqlPlaceholders.numbered(
                "UPDATE t SET a = #{a,jdbcType=VARCHAR}, b = #{b, jdbcType=other} WHERE id = #{id,jdbcType=bigint}",
                t -> t.equals("VARCHAR") ? "varchar" : t.equals("BIGINT") ? "bigint" : null);
        assertEquals("UPDATE t SET a = $1::varchar, b = $2 WHERE id = $3::bigint", n.sql());
        assertEquals(3, n.parameters());
    }

    @Test
    void nothingInsideStringsIdentifiersCommentsOrDollarQuotesNorCasts() {
        String sql = "SELECT 'a ? :b', \"c?\", E'it\\'s ?', $$ ? $$, $tag$ :x $tag$, x::int, a[1:2] FROM t -- ?\n/* :y */";
        assertEquals(sql, numbered(sql));
        assertFalse(SqlPlaceholders.any(sql));
        assertEquals("SELECT data ? 'k' FROM t WHERE id = $1", numbered("SELECT data ?? 'k' FROM t WHERE id = ?"));
        assertEquals("SELECT $1, $2", numbered("SELECT $1, $2"));
        assertEquals("SELECT '10:30' :: time, a\\b FROM t WHERE x = $1", numbered("SELECT '10:30' :: time, a\\b FROM t WHERE x = \\:y"
                .replace("\\:y", ":y")));
    }

    @Test
    void whatIsNoBoundValueIsSaid() {
        assertEquals("text substitution (${...})", SqlPlaceholders.numbered("SELECT * FROM ${table} WHERE id = #{id}").problem());
        assertEquals("a SpEL expression", SqlPlaceholders.numbered("SELECT * FROM t WHERE a = :#{#p.a}").problem());
        assertEquals("a SpEL expression", SqlPlaceholders.numbered("SELECT * FROM t WHERE a = ?#{[0]}").problem());
        assertEquals("a JDBC or Hibernate escape in braces", SqlPlaceholders.numbered("SELECT {o.*} FROM orders o").problem());
        assertTrue(SqlPlaceholders.any("SELECT * FROM ${t}"));
        assertEquals("a template parameter (@name, %s)", SqlPlaceholders.numbered("SELECT * FROM @cdm_schema.person").problem());
        assertEquals("a template parameter (@name, %s)", SqlPlaceholders.numbered("DELETE FROM %s.cohort WHERE id = %d").problem());
        assertEquals("a template parameter (@name, %s)", SqlPlaceholders.numbered("SELECT %1$s FROM t").problem());
        assertNull(SqlPlaceholders.numbered("SELECT a % b, tags @> ARRAY['x'], ts @@ q, '%s @x' FROM t").problem(),
                "modulo, containment, text search and strings are no templates");
    }
}
