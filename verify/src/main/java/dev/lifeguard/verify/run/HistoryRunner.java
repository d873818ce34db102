package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.Migration;

import java.util.List;

/**
 * Applies one history's migrations to the rehearsal database the way its tool does: Flyway with Flyway,
 * Liquibase with Liquibase, the SQL-file layouts file by file with their tool's transaction rule.
 */
public interface HistoryRunner extends AutoCloseable {

    /** Applies the migrations, in order, as production did: nothing observed. */
    void applyUnobserved(List<Migration> migrations) throws MigrationFailure;

    /** Applies one migration with every statement observed; the statements in the order they ran. */
    List<ObservedStatement> applyObserved(Migration migration, Observer observer) throws MigrationFailure;

    /** Runs the migration's reverse (it has one), and makes the runner forget the migration was applied. */
    void reverse(Migration migration) throws MigrationFailure;

    /** Applies the migration again after its reverse, nothing observed. */
    default void reapply(Migration migration) throws MigrationFailure {
        applyUnobserved(List.of(migration));
    }

    /**
     * After {@code migration} failed: forget the attempt, so that it can be applied again (Flyway records a failed
     * migration on a database whose DDL commits by itself, MariaDB's, and refuses to go on until it is repaired).
     */
    default void forgetFailed(Migration migration) throws MigrationFailure {
    }

    /** Whether this runner can run the migration's reverse (Liquibase derives some; scripts must exist). */
    boolean canReverse(Migration migration);

    @Override
    default void close() {
    }
}
