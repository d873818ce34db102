package dev.lifeguard.analyzer.model;

import java.util.List;

/**
 * How a migration is undone.
 *
 * @param kind       what kind of reverse it has
 * @param span       where the reverse script or rollback block is, null for AUTOMATIC and NONE
 * @param operations the parsed reverse statements (checked for parse errors only)
 */
public record Reverse(Kind kind, SourceSpan span, List<Operation> operations) {

    public enum Kind {
        /** A separate file: Flyway U file, *.down.sql, diesel down.sql. */
        SCRIPT,
        /** A section of the same file or changeSet: Liquibase rollback, dbmate migrate:down. */
        ROLLBACK_BLOCK,
        /** Liquibase derives the rollback of every change in the changeSet itself. */
        AUTOMATIC,
        /** An explicit empty rollback: irreversible on purpose, not a missing reverse. */
        IRREVERSIBLE_ON_PURPOSE,
        /** No reverse at all. */
        NONE
    }

    public Reverse {
        operations = List.copyOf(operations);
    }

    public static Reverse none() {
        return new Reverse(Kind.NONE, null, List.of());
    }

    public static Reverse automatic() {
        return new Reverse(Kind.AUTOMATIC, null, List.of());
    }

    public boolean exists() {
        return kind != Kind.NONE;
    }
}
