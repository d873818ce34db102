package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.rules.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.lifeguard.rules.testing.ProjectBuilder.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnTypeChangeRuleTest {
    private final ColumnTypeChangeRule rule = new ColumnTypeChangeRule();

    private List<Finding> pg(String from, String to) {
        return postgres().version("1", create("t", col("c", from))).version("2", alterType("t", "c", to)).lint(rule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "varchar(50)|varchar(100)", "varchar(100)|varchar(100)", "character varying(10)|VARCHAR(20)",
            "varchar(1024)|text", "varchar|text", "varchar(20)|varchar", "text|varchar", "text|text",
            "numeric(10,2)|numeric(12,2)", "decimal(10,2)|NUMERIC(12, 2)", "numeric(10,2)|numeric",
            "int|int4", "integer|INT", "int8|bigint", "timestamp|timestamp without time zone", "bool|boolean",
            "timestamp(3)|timestamp(6)"})
    void postgresSafeChangesAreNotFlagged(String from, String to) {
        assertTrue(pg(from, to).isEmpty(), from + " -> " + to);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "integer|bigint", "varchar(100)|varchar(50)", "text|varchar(10)", "numeric(10,2)|numeric(12,4)",
            "numeric|numeric(10,2)", "int|text", "timestamp|timestamptz", "varchar|varchar(10)", "timestamp(6)|timestamp(3)"})
    void postgresRewritingChangesAreFlagged(String from, String to) {
        List<Finding> f = pg(from, to);
        assertEquals(1, f.size(), from + " -> " + to);
        assertTrue(f.get(0).message().contains("t.c changes type from"), f.get(0).message());
    }

    @Test
    void unknownPreviousTypeIsFlagged() {
        List<Finding> f = postgres().version("2", alterType("orders", "id", "bigint")).lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("orders.id changes type to bigint"), f.get(0).message());
        assertTrue(f.get(0).help().contains("ADD COLUMN id_new bigint"), f.get(0).help());
    }

    @Test
    void aComputedUsingIsNeverAssumedSafe() {
        List<Finding> f = postgres().version("1", create("t", col("c", "varchar(10)"))).version("2",
                new Operation.AlterColumnType(at("V2", 1), t("t"), "c", col(null, "varchar(20)"), "upper(c)", false))
                .lint(rule);
        assertEquals(1, f.size());
    }

    @Test
    void aUsingThatOnlyCastsTheColumnIsNoComputation() {
        assertTrue(postgres().version("1", create("t", col("c", "varchar(10)"))).version("2",
                new Operation.AlterColumnType(at("V2", 1), t("t"), "c", col(null, "varchar(20)"), "c::varchar(20)", false))
                .lint(rule).isEmpty());
    }

    @Test
    void mySqlModifyRestatingTheSameTypeIsFine() {
        assertTrue(flyway(Dialect.MYSQL).version("1", create("u", col("n", "INT(11)")))
                .version("2", modify("u", "n", notNull("n", "int", null))).lint(rule).isEmpty());
    }

    @Test
    void mySqlModifyWithUnknownOrDifferentTypeIsFlagged() {
        assertEquals(1, flyway(Dialect.MYSQL).version("2", modify("u", "n", col("n", "bigint"))).lint(rule).size());
        List<Finding> f = flyway(Dialect.MYSQL).version("1", create("u", col("s", "varchar(63)")))
                .version("2", modify("u", "s", col("s", "varchar(64)"))).lint(rule);
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("COPY"), f.get(0).message());
        assertTrue(f.get(0).message().contains("length prefix"), f.get(0).message());
    }

    @Test
    void mySqlWideningsMadeInPlaceAreFine() {
        assertTrue(flyway(Dialect.MYSQL).version("1", create("u", col("s", "varchar(20)")))
                .version("2", modify("u", "s", col("s", "varchar(40)"))).lint(rule).isEmpty());
        assertTrue(flyway(Dialect.MARIADB).version("1", create("u", col("e", "enum('a','b')")))
                .version("2", modify("u", "e", col("e", "enum('a','b','c')"))).lint(rule).isEmpty());
        assertEquals(1, flyway(Dialect.MARIADB).version("1", create("u", col("e", "enum('a','b')")))
                .version("2", modify("u", "e", col("e", "enum('c','a','b')"))).lint(rule).size());
        assertEquals(1, flyway(Dialect.MYSQL).version("1", create("u", col("s", "varchar(20) character set latin1")))
                .version("2", modify("u", "s", col("s", "varchar(300) character set latin1"))).lint(rule).size());
    }

    @Test
    void newTableIsFine() {
        assertTrue(postgres().version("1", create("t", col("c", "int")), alterType("t", "c", "bigint")).lint(rule).isEmpty());
    }
}
