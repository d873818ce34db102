package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.Reverse;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs SQL-file migrations the way their tools do: golang-migrate, dbmate, diesel, Prisma and plain SQL (and
 * Flyway undo files, which only Flyway's paid edition runs). A migration the tool runs in a transaction runs in
 * one; golang-migrate and plain SQL send a file as one multi-statement query, which PostgreSQL runs as one
 * implicit transaction unless the file opens its own; a file marked to run outside a transaction runs statement by
 * statement.
 */
public final class ScriptRunner implements HistoryRunner {
    private final Project project;
    private final DataSource db;
    private final Framework framework;
    private final Dialect dialect;

    public ScriptRunner(Project project, DataSource db, Framework framework) {
        this(project, db, framework, Dialect.POSTGRESQL);
    }

    /** @param dialect how the files' statements are split (the history's dialect) */
    public ScriptRunner(Project project, DataSource db, Framework framework, Dialect dialect) {
        this.project = project;
        this.db = db;
        this.framework = framework;
        this.dialect = dialect;
    }

    @Override
    public void applyUnobserved(List<Migration> migrations) throws MigrationFailure {
        for (Migration m : migrations) {
            run(m, null);
        }
    }

    @Override
    public List<ObservedStatement> applyObserved(Migration migration, Observer observer) throws MigrationFailure {
        return run(migration, observer);
    }

    private List<ObservedStatement> run(Migration m, Observer observer) throws MigrationFailure {
        Script script = Script.of(project, m.span(), m.operations(), dialect);
        return execute(script, inTransaction(m, script), observer, m);
    }

    private boolean inTransaction(Migration m, Script script) {
        if (script.hasTransactionControl()) {
            return false; // the file manages its own transaction
        }
        return switch (framework) {
            case GOLANG_MIGRATE, PLAIN_SQL -> script.steps().size() > 1;
            default -> m.inTransaction();
        };
    }

    @Override
    public void reverse(Migration m) throws MigrationFailure {
        Reverse r = m.reverse();
        Script script = Script.of(project, r.span(), r.operations(), dialect);
        boolean transaction = !script.hasTransactionControl() && !script.hasNonTransactional()
                && (framework == Framework.GOLANG_MIGRATE || framework == Framework.PLAIN_SQL ? script.steps().size() > 1 : true);
        execute(script, transaction, null, m);
    }

    /** Runs a Flyway undo file the way Flyway Teams would: in a transaction unless it cannot run in one. */
    void undo(Migration m) throws MigrationFailure {
        Reverse r = m.reverse();
        Script script = Script.of(project, r.span(), r.operations(), dialect);
        execute(script, !script.hasTransactionControl() && !script.hasNonTransactional(), null, m);
    }

    private List<ObservedStatement> execute(Script script, boolean transaction, Observer observer, Migration m)
            throws MigrationFailure {
        try (Connection c = db.getConnection()) {
            return ScriptExecution.run(c, script, transaction, observer, m.span());
        } catch (SQLException e) {
            throw ScriptExecution.failure(e, m.span());
        }
    }

    @Override
    public boolean canReverse(Migration m) {
        return (m.reverse().kind() == Reverse.Kind.SCRIPT || m.reverse().kind() == Reverse.Kind.ROLLBACK_BLOCK)
                && m.reverse().span() != null;
    }
}
