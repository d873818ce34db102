package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SqlTypeTest {

    @Test
    void canonicalizesSynonymsAndModifiers() {
        SqlType t = SqlType.parse("TIMESTAMP(3) WITH TIME ZONE", Dialect.POSTGRESQL);
        assertEquals(new SqlType("timestamptz", List.of("3"), ""), t);
        assertEquals(SqlType.parse("character varying( 20 )", Dialect.POSTGRESQL), SqlType.parse("VARCHAR(20)", Dialect.POSTGRESQL));
        assertEquals("integer[]", SqlType.parse("int4[]", Dialect.POSTGRESQL).toString().replace(" ", ""));
        assertNull(SqlType.parse(" ", Dialect.POSTGRESQL));
        assertEquals(SqlType.parse("INT NULL", Dialect.POSTGRESQL), SqlType.parse("integer", Dialect.POSTGRESQL));
        assertEquals(SqlType.parse("varchar(10) not null", Dialect.POSTGRESQL), SqlType.parse("varchar(10)", Dialect.POSTGRESQL));
    }

    @Test
    void mySqlDisplayWidthIsNotPartOfTheType() {
        assertEquals(SqlType.parse("int(11)", Dialect.MYSQL), SqlType.parse("INT", Dialect.MYSQL));
        assertNotEquals(SqlType.parse("int(11) unsigned", Dialect.MYSQL), SqlType.parse("int", Dialect.MYSQL));
        assertNotEquals(SqlType.parse("datetime", Dialect.MYSQL), SqlType.parse("datetime(6)", Dialect.MYSQL));
    }
}
