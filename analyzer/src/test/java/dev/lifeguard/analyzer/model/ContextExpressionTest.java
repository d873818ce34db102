package dev.lifeguard.analyzer.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextExpressionTest {

    @Test
    void aContextNamingAnotherDatabaseExcludes() {
        assertTrue(ContextExpression.excludes("mysql", Dialect.POSTGRESQL));
        assertFalse(ContextExpression.excludes("postgresql", Dialect.POSTGRESQL));
        assertTrue(ContextExpression.excludes("mysql or mariadb", Dialect.POSTGRESQL));
        assertFalse(ContextExpression.excludes("mysql, postgresql", Dialect.POSTGRESQL));
        assertTrue(ContextExpression.excludes("!postgresql", Dialect.POSTGRESQL));
        assertFalse(ContextExpression.excludes("!mysql", Dialect.POSTGRESQL));
    }

    @Test
    void aContextNamedMysqlIsTheOneAnApplicationGivesMariaDb() {
        assertFalse(ContextExpression.excludes("mysql", Dialect.MARIADB));
        assertTrue(ContextExpression.excludes("postgresql", Dialect.MARIADB));
        // where the application names MariaDB itself, mysql is MySQL only
        assertTrue(ContextExpression.excludes("mysql and !mariadb", Dialect.MARIADB));
        assertFalse(ContextExpression.excludes("mysql or mariadb", Dialect.MARIADB));
        assertTrue(ContextExpression.excludes("mariadb", Dialect.MYSQL));
    }

    @Test
    void otherContextsAreUnknownAndNeverExclude() {
        assertFalse(ContextExpression.excludes("tenant_db", Dialect.POSTGRESQL));
        assertFalse(ContextExpression.excludes("tenant_db AND !initial_switch", Dialect.POSTGRESQL));
        assertFalse(ContextExpression.excludes("test or mysql", Dialect.POSTGRESQL));
        assertTrue(ContextExpression.excludes("tenant_db AND mysql", Dialect.POSTGRESQL));
        assertTrue(ContextExpression.excludes("(mysql or mariadb) and !test", Dialect.POSTGRESQL));
    }

    @Test
    void malformedExpressionsNeverExclude() {
        assertFalse(ContextExpression.excludes("mysql and", Dialect.POSTGRESQL));
        assertFalse(ContextExpression.excludes("(mysql", Dialect.POSTGRESQL));
        assertFalse(ContextExpression.excludes("", Dialect.POSTGRESQL));
    }

    @Test
    void migrationsFilteredByContext() {
        SourceSpan at = SourceSpan.ofLine(java.nio.file.Path.of("c.xml"), 3);
        Migration m = new Migration("1::a", null, "", Framework.LIQUIBASE, Migration.Kind.CHANGESET, at, true,
                java.util.Set.of("mysql"), java.util.Set.of(), java.util.Set.of(), false, java.util.List.of(),
                Reverse.none());
        assertFalse(m.appliesTo(Dialect.POSTGRESQL));
        assertTrue(m.appliesTo(Dialect.MYSQL));
    }
}
