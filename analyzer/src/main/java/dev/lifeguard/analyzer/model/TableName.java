package dev.lifeguard.analyzer.model;

import java.util.Objects;

/**
 * A table name as the database compares it: unquoted identifiers are folded to lower case, quoted
 * ones keep their case. {@code schema} is null when the statement did not name one; two names match
 * when their tables match and their schemas match or one of them has none.
 */
public record TableName(String schema, String name) {

    public TableName {
        Objects.requireNonNull(name, "name");
    }

    /** Parses {@code schema.table}, {@code "Schema"."Table"}, {@code `t`} or {@code [t]} as written in SQL. */
    public static TableName parse(String written) {
        String s = written.trim();
        int dot = Identifiers.lastUnquotedDot(s);
        if (dot < 0) {
            return new TableName(null, Identifiers.normalize(s));
        }
        String schema = s.substring(0, dot);
        int prev = Identifiers.lastUnquotedDot(schema);
        if (prev >= 0) {
            schema = schema.substring(prev + 1); // catalog.schema.table: keep schema
        }
        return new TableName(Identifiers.normalize(schema), Identifiers.normalize(s.substring(dot + 1)));
    }

    /** A name from a structured source (Liquibase attributes) where quoting is not written. */
    public static TableName of(String schema, String name) {
        return new TableName(schema == null || schema.isBlank() ? null : Identifiers.normalize(schema),
                Identifiers.normalize(name));
    }

    public boolean matches(TableName other) {
        return name.equals(other.name) && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    /** The name written for {@code dialect}, schema included, each part quoted where it needs it ({@code public."Accounts"}). */
    public String sql(Dialect dialect) {
        return schema == null ? Identifiers.sql(name, dialect)
                : Identifiers.sql(schema, dialect) + "." + Identifiers.sql(name, dialect);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
