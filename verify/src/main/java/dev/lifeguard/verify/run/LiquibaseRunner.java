package dev.lifeguard.verify.run;

import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.verify.postgres.StatementObserver;

import javax.sql.DataSource;
import java.util.List;

/** Placeholder until the Liquibase runner lands: refuses clearly. */
final class LiquibaseRunner implements HistoryRunner {
    LiquibaseRunner(History history, Project project, DataSource db) {
    }

    @Override
    public void applyUnobserved(List<Migration> migrations) throws MigrationFailure {
        if (!migrations.isEmpty()) {
            throw new MigrationFailure("Liquibase histories are not rehearsed yet", migrations.get(0).span(), null, null);
        }
    }

    @Override
    public List<ObservedStatement> applyObserved(Migration migration, StatementObserver observer) throws MigrationFailure {
        throw new MigrationFailure("Liquibase histories are not rehearsed yet", migration.span(), null, null);
    }

    @Override
    public void reverse(Migration migration) throws MigrationFailure {
        throw new MigrationFailure("Liquibase histories are not rehearsed yet", migration.span(), null, null);
    }

    @Override
    public boolean canReverse(Migration migration) {
        return false;
    }
}
