package dev.lifeguard.analyzer.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Names written back into SQL read as the same object again. */
class IdentifiersTest {

    @Test
    void aNameThatFoldsToItselfStaysBare() {
        assertEquals("accounts", Identifiers.sql("accounts", Dialect.POSTGRESQL));
        assertEquals("order_items_2", Identifiers.sql("order_items_2", Dialect.POSTGRESQL));
        assertEquals("public.accounts", TableName.parse("PUBLIC.Accounts").sql(Dialect.POSTGRESQL));
    }

    @Test
    void quotedMixedCaseKeepsItsQuotes() {
        TableName t = TableName.parse("\"public\".\"Accounts\"");
        assertEquals("public.\"Accounts\"", t.sql(Dialect.POSTGRESQL), "public needs no quotes, Accounts does");
        assertEquals("\"Tier\"", Identifiers.sql(Identifiers.normalize("\"Tier\""), Dialect.POSTGRESQL));
        assertEquals("\"my table\"", Identifiers.sql("my table", Dialect.ORACLE));
        assertEquals("\"a\"\"b\"", Identifiers.sql("a\"b", Dialect.POSTGRESQL));
    }

    @Test
    void reservedWordsAreQuoted() {
        assertEquals("\"user\"", Identifiers.sql("user", Dialect.POSTGRESQL));
        assertEquals("\"order\"", Identifiers.sql("order", Dialect.H2));
        assertEquals("key", Identifiers.sql("key", Dialect.POSTGRESQL), "not reserved in PostgreSQL");
        assertEquals("`key`", Identifiers.sql("key", Dialect.MYSQL));
        assertEquals("status", Identifiers.sql("status", Dialect.MYSQL));
    }

    @Test
    void mySqlUsesBackticksAndKeepsCase() {
        assertEquals("Accounts", Identifiers.sql("Accounts", Dialect.MYSQL), "MySQL does not fold a bare name");
        assertEquals("`my-table`", Identifiers.sql("my-table", Dialect.MARIADB));
        assertEquals("`a``b`", Identifiers.sql("a`b", Dialect.MYSQL));
        assertEquals("`123`", Identifiers.sql("123", Dialect.MYSQL));
    }
}
