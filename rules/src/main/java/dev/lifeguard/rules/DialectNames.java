package dev.lifeguard.rules;

import dev.lifeguard.analyzer.model.Dialect;

/** Dialects as messages name them. */
public final class DialectNames {
    private DialectNames() {
    }

    public static String of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "PostgreSQL";
            case MYSQL -> "MySQL";
            case MARIADB -> "MariaDB";
            case ORACLE -> "Oracle";
            case SQLSERVER -> "SQL Server";
            case H2 -> "H2";
            case GENERIC -> "the database";
        };
    }
}
