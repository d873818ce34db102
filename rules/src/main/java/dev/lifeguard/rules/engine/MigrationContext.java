package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.analyzer.timeline.SchemaState;
import dev.lifeguard.analyzer.timeline.TableState;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;

import java.util.List;
import java.util.Optional;

/** What a rule sees of one migration: it, its history, and the schema as it stood at that point. */
public class MigrationContext extends FindingSink {
    private final ReviewScope review;
    private final Project project;
    private final History history;
    private final Migration migration;
    private final Dialect dialect;
    private final SchemaState state;

    MigrationContext(Rule rule, RuleMetadata metadata, List<Finding> out, EngineOptions options, ReviewScope review,
                     Project project, History history, Migration migration, Dialect dialect, SchemaState state) {
        super(rule, metadata, out, options);
        this.review = review;
        this.project = project;
        this.history = history;
        this.migration = migration;
        this.dialect = dialect;
        this.state = state;
    }

    public Project project() {
        return project;
    }

    public History history() {
        return history;
    }

    public Migration migration() {
        return migration;
    }

    /** The database the migration runs on: the linted one, or the one its contexts / dbms name. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The version of {@link #dialect()} to judge for: {@code --target-version} when it names this database,
     * else the oldest version still supported upstream.
     */
    public TargetVersion targetVersion() {
        return options().targetVersionFor(dialect);
    }

    /** The schema just before the operation being visited (or after the migration, in visitMigration). */
    public SchemaState schema() {
        return state;
    }

    public Optional<TableState> table(TableName name) {
        return state.table(name);
    }

    /**
     * Whether the table is empty and unused in production: created earlier in this migration, earlier in
     * the same file when that file is written as one piece (a Flyway file; a Liquibase changelog reached
     * through an include, which teams add one per change), or by a migration new in the change under
     * review (in a file it added, or a changeSet it appended to an existing changelog).
     * A history's root changelog is the exception: teams append changeSets to it release after release, so
     * a table an earlier changeSet of the root file created is as old as any other; so is any changelog the
     * change under review modified, whose old changeSets ran in production. A baseline is not such a file:
     * a generated schema snapshot runs whole on an empty database, so every table it creates is new in it.
     */
    public boolean isNewTable(TableName name) {
        return state.table(name).map(t -> createdInThisUnit(t)
                || options().newFiles().contains(t.createdInFile())
                || review.isNew(t.createdInFile(), t.createdByMigration())).orElse(false);
    }

    private boolean createdInThisUnit(TableState t) {
        if (!t.createdInFile().equals(migration.file())) {
            return false;
        }
        // a baseline (a generated schema snapshot) runs whole on an empty database: nothing in it is old
        boolean growingFile = migration.kind() == Migration.Kind.CHANGESET && !migration.baseline()
                && (migration.file().equals(history.location()) || review.knowsChangeSetsOf(migration.file()));
        return !growingFile || t.createdByMigration().equals(migration.id());
    }
}
