package dev.lifeguard.rules.engine;

import dev.lifeguard.analyzer.code.CodeVersions;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Project;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.analyzer.timeline.NetEffect;
import dev.lifeguard.analyzer.timeline.SchemaState;
import dev.lifeguard.analyzer.timeline.TableState;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleMetadata;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a rule sees of one migration: it, its history, and the schema as it stood at that point. */
public class MigrationContext extends FindingSink {
    private static final Pattern POPX_VERSION = Pattern.compile("\\d{20}");

    private final ReviewScope review;
    private final Project project;
    private final History history;
    private final Migration migration;
    private final Dialect dialect;
    private final SchemaState state;
    private final NetEffect net;

    MigrationContext(Rule rule, RuleMetadata metadata, List<Finding> out, EngineOptions options, ReviewScope review,
                     Project project, History history, Migration migration, Dialect dialect, SchemaState state) {
        this(rule, metadata, out, options, review, project, history, migration, dialect, state, NetEffect.NONE);
    }

    MigrationContext(Rule rule, RuleMetadata metadata, List<Finding> out, EngineOptions options, ReviewScope review,
                     Project project, History history, Migration migration, Dialect dialect, SchemaState state,
                     NetEffect net) {
        super(rule, metadata, out, options);
        this.review = review;
        this.project = project;
        this.history = history;
        this.migration = migration;
        this.dialect = dialect;
        this.state = state;
        this.net = net;
    }

    /**
     * What the application sees of this migration: the schema before it starts against the schema after it
     * commits, table by table and column by column (see {@link NetEffect}). Compatibility rules judge this;
     * lock and rewrite rules judge the statements.
     */
    public NetEffect netEffect() {
        return net;
    }

    public Project project() {
        return project;
    }

    /**
     * The application code of the versions this migration meets: in a reviewed change the one running in
     * production (the base revision's code, from git) and the one being deployed; without one, the working
     * tree. Indexes are built on first use: ask only for a change that needs them.
     */
    public CodeVersions codeVersions() {
        return review.code();
    }

    /** Whether this migration is part of the change under review (every migration is, without one). */
    public boolean underReview() {
        return review.covers(migration);
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

    /**
     * A table name written for this migration's database, with the quoting it needs ({@code public."Accounts"}):
     * messages, help and fixes write names through this (or {@link #sql(String)}), never with {@code toString}.
     */
    public String sql(TableName table) {
        return table.sql(dialect);
    }

    /** A column or other identifier written for this migration's database, quoted where it needs it. */
    public String sql(String identifier) {
        return dev.lifeguard.analyzer.model.Identifiers.sql(identifier, dialect);
    }

    /**
     * What a message adds after a table's name when no migration read created it: it is judged as
     * production's, and the message must not pass for knowing more (" (not created by any migration linted)").
     */
    public String unknownTableNote(TableState table) {
        return table.isPresumed() ? " (not created by any migration linted)" : "";
    }

    /** A column written with its table for a message ({@code public."Accounts"."Tier"}). */
    public String sql(TableName table, String column) {
        return sql(table) + "." + sql(column);
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
     * through an include, which teams add one per change), by an earlier part of the same popx migration
     * ({@link #deployedTogether}), or by a migration new in the change under review (in a file it added, or a changeSet it appended to an existing changelog).
     * A history's root changelog is the exception: teams append changeSets to it release after release, so
     * a table an earlier changeSet of the root file created is as old as any other; so is any changelog the
     * change under review modified, whose old changeSets ran in production. A baseline is not such a file:
     * a generated schema snapshot runs whole on an empty database, so every table it creates is new in it.
     *
     * <p>A table no migration read created is production's, so not new, unless this migration drops it with
     * {@code IF EXISTS} and creates it again (a dump-style baseline): then it holds no data the history knows
     * of, and nothing in this migration is judged as happening to existing rows.
     */
    public boolean isNewTable(TableName name) {
        Optional<TableState> known = state.table(name);
        return known.isPresent() ? isNewTable(known.get()) : recreatedFromScratch(name);
    }

    /** {@link #isNewTable(TableName)} for a table as the timeline knows it (a net change's table before the migration). */
    public boolean isNewTable(TableState t) {
        if (t.isPresumed()) {
            return recreatedFromScratch(t.name());
        }
        return createdInThisUnit(t) || popxPart(t.createdByMigration())
                || options().newFiles().contains(t.createdInFile())
                || review.isNew(t.createdInFile(), t.createdByMigration());
    }

    /**
     * Whether no migration read created the table and this migration drops it with {@code IF EXISTS} and then
     * creates it: what a database dump written as a first migration does.
     */
    public boolean recreatedFromScratch(TableName name) {
        // known from an earlier migration: the drop loses its rows (in visitMigration the state is after this
        // migration, where the table it created itself is known)
        if (state.table(name).filter(t -> !t.isPresumed() && !(migration.file().equals(t.createdInFile())
                && migration.id().equals(t.createdByMigration()))).isPresent()) {
            return false;
        }
        boolean dropped = false;
        for (Operation op : migration.operations()) {
            if (op instanceof Operation.DropTable d && d.ifExists() && d.tables().stream().anyMatch(n -> n.matches(name))) {
                dropped = true;
            } else if (dropped && op instanceof Operation.CreateTable c && c.table().matches(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean createdInThisUnit(TableState t) {
        if (t.createdInFile() == null || !t.createdInFile().equals(migration.file())) {
            return false;
        }
        // a baseline (a generated schema snapshot) runs whole on an empty database: nothing in it is old
        boolean growingFile = migration.kind() == Migration.Kind.CHANGESET && !migration.baseline()
                && (migration.file().equals(history.location()) || review.knowsChangeSetsOf(migration.file()));
        return !growingFile || t.createdByMigration().equals(migration.id());
    }

    /**
     * Whether {@code earlier}, a migration this history runs before this one (or this one), reaches production
     * in the same deploy, so nothing of the running application writes between the two: the cases of
     * {@link #isNewTable}, for a migration rather than a table.
     */
    public boolean deployedTogether(Migration earlier) {
        return earlier == migration || earlier.file().equals(migration.file()) && !inGrowingFile()
                || popxPart(earlier.id()) || newInChange(earlier);
    }

    /**
     * Whether {@code later}, a migration this history runs after this one, reaches production in the same deploy
     * as this one: a later part of the same file written as one piece, of the same popx migration, or both new
     * in the change under review.
     */
    public boolean deployedWithLater(Migration later) {
        return later == migration || later.file().equals(migration.file()) && !inGrowingFile()
                || popxPart(later.id()) || newInChange(migration) && newInChange(later);
    }

    private boolean inGrowingFile() {
        return migration.kind() == Migration.Kind.CHANGESET
                && (migration.file().equals(history.location()) || review.knowsChangeSetsOf(migration.file()));
    }

    private boolean newInChange(Migration m) {
        return options().newFiles().contains(m.file()) || review.isNew(m.file(), m.id());
    }

    /**
     * ory/popx writes one migration as several files of one statement each, numbered in the last six digits of
     * a 20-digit version ({@code 20210410175418000046}): the parts share the first 14 digits and ship together.
     */
    private boolean popxPart(String id) {
        String own = migration.id();
        return migration.framework() == Framework.GOLANG_MIGRATE && id != null && own != null
                && POPX_VERSION.matcher(id).matches() && POPX_VERSION.matcher(own).matches()
                && id.regionMatches(0, own, 0, 14);
    }
}
