package dev.lifeguard.rules.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a team deploys a change that holds migrations and code ({@code deploy:} in lifeguard.yml), which decides
 * which application version meets which schema. The version running in production always meets the new
 * schema once the migrations commit (backward compatibility, judged whatever the order). Whether the version
 * being deployed can meet the old schema (forward compatibility) depends on the order.
 */
public enum DeployOrder {
    /**
     * The application runs its migrations when it starts (Spring Boot with Flyway or Liquibase, the default):
     * a new instance serves nothing before its migrations ran, so new code never meets the old schema.
     */
    MIGRATIONS_AT_STARTUP("migrations-at-startup"),
    /** The pipeline runs the migrations, then rolls out the code: new code never meets the old schema either. */
    MIGRATIONS_FIRST("migrations-first"),
    /**
     * Migrations and code deploy independently, in either order: new code may start against the old schema.
     */
    SEPARATE("separate");

    private final String id;

    DeployOrder(String id) {
        this.id = id;
    }

    /** How lifeguard.yml spells it. */
    public String id() {
        return id;
    }

    /** Whether the version being deployed may run before this change's migrations have. */
    public boolean newCodeMayMeetOldSchema() {
        return this == SEPARATE;
    }

    public static Optional<DeployOrder> parse(String text) {
        return Arrays.stream(values()).filter(d -> d.id.equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
