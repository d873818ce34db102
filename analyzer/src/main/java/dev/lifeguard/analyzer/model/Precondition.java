package dev.lifeguard.analyzer.model;

import java.util.List;
import java.util.Set;

/**
 * A Liquibase {@code <preConditions>} block guarding a changeSet (or the changelog it is in): what it
 * checks and what Liquibase does when the check fails. Whether the changeSet then runs on the linted
 * database is decided where the schema is known, when the history is replayed.
 *
 * @param check          what is checked (the nested conditions, implicitly AND-ed)
 * @param onFail         what Liquibase does when the check is false
 * @param onError        what Liquibase does when the check cannot be run (recorded; a check answered from
 *                       the replayed schema never errors, and one that cannot be answered is assumed to pass)
 * @param changelogLevel written at the top of a changelog: Liquibase checks it once, before any changeSet
 *                       runs, against the database as it then is (never answered from the replayed schema)
 * @param span           where the block is written
 */
public record Precondition(Check check, Action onFail, Action onError, boolean changelogLevel, SourceSpan span) {

    /** Liquibase's {@code onFail} / {@code onError} values; HALT is its default. */
    public enum Action {
        /** Stop the whole update with an error. */
        HALT,
        /** Skip the changeSet now, try again on the next update. */
        CONTINUE,
        /** Skip the changeSet and record it as run. */
        MARK_RAN,
        /** Log a warning and run the changeSet anyway. */
        WARN;

        /** Parses Liquibase's spelling (case-insensitive); null or unknown is HALT, as Liquibase's default. */
        public static Action parse(String written) {
            if (written != null) {
                for (Action a : values()) {
                    if (a.name().equalsIgnoreCase(written.trim())) {
                        return a;
                    }
                }
            }
            return HALT;
        }
    }

    /** One condition. Schema checks name objects as Liquibase attributes do (unquoted, case as written). */
    public sealed interface Check {
    }

    /** {@code <dbms type="oracle,mssql"/>}: true when the database is one of them (Liquibase short names). */
    public record Dbms(Set<String> types) implements Check {
        public Dbms {
            types = Set.copyOf(types);
        }
    }

    public record TableExists(TableName table) implements Check {
    }

    public record ColumnExists(TableName table, String column) implements Check {
    }

    /** {@code table} and {@code name} may each be null; {@code columns} may be empty. */
    public record IndexExists(TableName table, String name, List<String> columns) implements Check {
        public IndexExists {
            columns = List.copyOf(columns);
        }
    }

    /** {@code table} may be null (Liquibase looks the key up by name alone). */
    public record ForeignKeyExists(TableName table, String name) implements Check {
    }

    /** {@code name} may be null (any primary key of the table). */
    public record PrimaryKeyExists(TableName table, String name) implements Check {
    }

    public record ViewExists(String name) implements Check {
    }

    public record SequenceExists(String name) implements Check {
    }

    public record Not(List<Check> checks) implements Check {
        public Not {
            checks = List.copyOf(checks);
        }
    }

    public record And(List<Check> checks) implements Check {
        public And {
            checks = List.copyOf(checks);
        }
    }

    public record Or(List<Check> checks) implements Check {
        public Or {
            checks = List.copyOf(checks);
        }
    }

    /**
     * A check that needs the live database or Liquibase's runtime: {@code sqlCheck}, {@code rowCount},
     * {@code changeLogPropertyDefined}, {@code changeSetExecuted}, {@code runningAs},
     * {@code expectedQuotingStrategy}, a custom precondition class.
     *
     * @param kind   its element name ({@code sqlCheck})
     * @param detail what it checks, for the note (its SQL, the property name...), possibly empty
     */
    public record Unanswerable(String kind, String detail) implements Check {
    }
}
