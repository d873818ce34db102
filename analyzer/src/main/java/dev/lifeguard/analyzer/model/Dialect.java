package dev.lifeguard.analyzer.model;

import java.util.Locale;
import java.util.Optional;

/** The database a migration runs on. */
public enum Dialect {
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    MARIADB("mariadb"),
    ORACLE("oracle"),
    SQLSERVER("sqlserver"),
    H2("h2"),
    GENERIC("generic");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isMySqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    /** Parses a dialect name as users and Liquibase {@code dbms} attributes spell it. */
    public static Optional<Dialect> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "postgresql", "postgres", "pg", "pgsql":
                return Optional.of(POSTGRESQL);
            case "mysql":
                return Optional.of(MYSQL);
            case "mariadb":
                return Optional.of(MARIADB);
            case "oracle":
                return Optional.of(ORACLE);
            case "sqlserver", "mssql":
                return Optional.of(SQLSERVER);
            case "h2":
                return Optional.of(H2);
            case "generic":
                return Optional.of(GENERIC);
            default:
                return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
