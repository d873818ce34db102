package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.SourceSpan;

/** A migration (or its reverse) that the database or the runner refused, with the statement it stopped at. */
public final class MigrationFailure extends Exception {
    private final SourceSpan span;
    private final String sqlState;

    public MigrationFailure(String message, SourceSpan span, String sqlState, Throwable cause) {
        super(message, cause);
        this.span = span;
        this.sqlState = sqlState;
    }

    /** Where it stopped: the statement, else the migration. */
    public SourceSpan span() {
        return span;
    }

    /** The database's SQLSTATE, or null when the runner itself refused. */
    public String sqlState() {
        return sqlState;
    }
}
