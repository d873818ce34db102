package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Project;

import javax.sql.DataSource;
import java.util.List;

/** The runner for a history: its own tool where Lifeguard bundles it, else the SQL files as its tool runs them. */
public final class Runners {
    private Runners() {
    }

    public static HistoryRunner of(History history, Project project, DataSource db) {
        return of(history, project, db, db);
    }

    /**
     * @param db       where the tool runs (its sessions are its own, new ones)
     * @param watchers where Lifeguard's session that watches the tool's statements comes from (may be kept open)
     */
    public static HistoryRunner of(History history, Project project, DataSource db, DataSource watchers) {
        return switch (history.framework()) {
            case FLYWAY -> new FlywayRunner(history, project, db, watchers);
            case LIQUIBASE -> new LiquibaseRunner(history, project, db, watchers);
            default -> new ScriptRunner(project, db, history.framework(), history.dialect());
        };
    }

    /** The statements a failed migration ran and had measured, the failing one last. */
    public static List<ObservedStatement> observedBefore(MigrationFailure failure) {
        return ScriptExecution.observedBefore(failure);
    }
}
