package dev.lifeguard.analyzer.model;

/** The migration tool whose conventions a history follows. */
public enum Framework {
    FLYWAY("Flyway"),
    LIQUIBASE("Liquibase"),
    GOLANG_MIGRATE("golang-migrate"),
    DBMATE("dbmate"),
    DIESEL("diesel"),
    PRISMA("Prisma"),
    PLAIN_SQL("plain SQL");

    private final String displayName;

    Framework(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
