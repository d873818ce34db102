package dev.lifeguard.rules.postgres;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.model.TargetVersion;
import dev.lifeguard.rules.postgres.PgDefaultVolatility.Volatility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.lifeguard.rules.postgres.PgLockMode.ACCESS_EXCLUSIVE;
import static dev.lifeguard.rules.postgres.PgLockMode.NONE;
import static dev.lifeguard.rules.postgres.PgLockMode.ROW_EXCLUSIVE;
import static dev.lifeguard.rules.postgres.PgLockMode.SHARE;
import static dev.lifeguard.rules.postgres.PgLockMode.SHARE_ROW_EXCLUSIVE;
import static dev.lifeguard.rules.postgres.PgLockMode.SHARE_UPDATE_EXCLUSIVE;

/**
 * The one place that knows what each operation locks, rewrites and scans on an existing PostgreSQL
 * table. Every answer here is checked against a real PostgreSQL by the test-fixtures module
 * (PostgresLockMeasurementTest), which also renders docs/postgres-locks.md from what it measured;
 * the facts were first taken from shared/postgres-ground-truth.tsv (PostgreSQL 15, 16 and 17).
 * Constraint and index logic lives in {@link PgConstraintLocks}.
 */
public final class PgLockKnowledge {

    /** The oldest PostgreSQL major version still supported upstream, the default target. */
    public static final int OLDEST_SUPPORTED = TargetVersion.defaultFor(Dialect.POSTGRESQL).major();

    private static final PgLockKnowledge OLDEST = new PgLockKnowledge(OLDEST_SUPPORTED);

    private static final Set<String> SERIAL_TYPES = Set.of("serial", "serial2", "serial4", "serial8",
            "smallserial", "bigserial");

    private final int majorVersion;
    /** User functions the history declares IMMUTABLE or STABLE (lower case, unqualified). */
    private final Set<String> declaredOnce;

    public PgLockKnowledge(int majorVersion) {
        this(majorVersion, Set.of());
    }

    private PgLockKnowledge(int majorVersion, Set<String> declaredOnce) {
        this.majorVersion = majorVersion;
        this.declaredOnce = Set.copyOf(declaredOnce);
    }

    /**
     * The same knowledge, told which user functions the migrations declare IMMUTABLE or STABLE: every other
     * function Lifeguard does not know is VOLATILE, PostgreSQL's default for CREATE FUNCTION.
     */
    public PgLockKnowledge withFunctionsEvaluatedOnce(Set<String> functions) {
        return functions.isEmpty() ? this : new PgLockKnowledge(majorVersion, functions);
    }

    /** Knowledge for {@link #OLDEST_SUPPORTED}. */
    public static PgLockKnowledge oldestSupported() {
        return OLDEST;
    }

    /** Knowledge for the PostgreSQL version a rule is asked to judge for ({@code ctx.targetVersion()}). */
    public static PgLockKnowledge forTarget(TargetVersion target) {
        int major = target.major();
        return major == OLDEST_SUPPORTED ? OLDEST : new PgLockKnowledge(major);
    }

    public int majorVersion() {
        return majorVersion;
    }

    /** The effect of an operation on its (existing) table; empty when it touches no table we know of. */
    public Optional<PgLockEffect> effect(Operation op) {
        return effectGiven(op, PgTableFacts.NONE);
    }

    /**
     * The effect of an operation on its (existing) table. {@code oldColumnType} is the type the column had
     * before an {@link Operation.AlterColumnType} (from the schema timeline), null when not known.
     */
    public Optional<PgLockEffect> effect(Operation op, String oldColumnType) {
        return effectGiven(op, PgTableFacts.oldType(oldColumnType));
    }

    /** The effect of an operation on its (existing) table, given what the history knows of that table. */
    public Optional<PgLockEffect> effectGiven(Operation op, PgTableFacts facts) {
        if (op instanceof Operation.AddColumn a) {
            return Optional.of(addColumn(a.column()));
        }
        if (op instanceof Operation.AlterColumnType t) {
            return Optional.of(alterType(t, facts));
        }
        if (op instanceof Operation.AddConstraint c && c.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY
                && c.constraint().usingIndex() != null && facts.keyColumnsNullable()) {
            return Optional.of(PgConstraintLocks.primaryKeyOnNullableIndex(c.constraint(), facts.notNullProven()));
        }
        if (op instanceof Operation.AttachPartition) {
            return Optional.of(PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, false, false, "SHARE UPDATE EXCLUSIVE on the"
                    + " partitioned table: reads and writes of it go on (the partition is another matter)"));
        }
        if (op instanceof Operation.DetachPartition d) {
            return Optional.of(d.concurrently() || d.finalizing()
                    ? PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, false, false, "SHARE UPDATE EXCLUSIVE on the"
                    + " partitioned table; cannot run inside a transaction block")
                    : PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "ACCESS EXCLUSIVE on the partitioned table:"
                    + " every read and write of any partition waits (PostgreSQL 14+: DETACH PARTITION ..."
                    + " CONCURRENTLY)"));
        }
        if (op instanceof Operation.SetNotNull) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, true, "scans every row under ACCESS "
                    + "EXCLUSIVE; PostgreSQL 12+ skips the scan when a validated CHECK (col IS NOT NULL) exists"));
        }
        if (op instanceof Operation.DropNotNull || op instanceof Operation.SetDefault
                || op instanceof Operation.DropDefault) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "catalog only, but still waits "
                    + "for ACCESS EXCLUSIVE: queued behind a long query it blocks everything"));
        }
        if (op instanceof Operation.DropColumn) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, false,
                    "catalog only (the space is reclaimed by later rewrites); indexes on the column go with it"));
        }
        if (op instanceof Operation.RenameColumn || op instanceof Operation.RenameTable) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, false,
                    "catalog only; the running application still uses the old name"));
        }
        if (op instanceof Operation.DropTable) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "the table and its data are gone"));
        }
        if (op instanceof Operation.CreateTable t) {
            List<TableName> referenced = referencedTables(t);
            return Optional.of(PgLockEffect.of(NONE, false, false, "a new table: no one else sees it until "
                    + "commit" + (referenced.isEmpty() ? "" : "; its foreign keys take SHARE ROW EXCLUSIVE on "
                    + referenced.stream().map(TableName::toString).distinct().reduce((a, b) -> a + ", " + b)
                    .orElse("") + ", whose writes wait")));
        }
        if (op instanceof Operation.AddConstraint c) {
            return Optional.of(PgConstraintLocks.addConstraint(c.constraint()));
        }
        if (op instanceof Operation.ValidateConstraint) {
            return Optional.of(PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, false, true,
                    "scans the rows without blocking reads or writes: the second step of NOT VALID"));
        }
        if (op instanceof Operation.DropConstraint) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, false,
                    "a foreign key's referenced table is locked ACCESS EXCLUSIVE too"));
        }
        if (op instanceof Operation.CreateIndex i) {
            return Optional.of(PgConstraintLocks.createIndex(i.concurrently()));
        }
        if (op instanceof Operation.DropIndex i) {
            return Optional.of(PgConstraintLocks.dropIndex(i.concurrently()));
        }
        if (op instanceof Operation.Reindex r) {
            return Optional.of(PgConstraintLocks.reindex(r.concurrently()));
        }
        if (op instanceof Operation.AlterDomain d) {
            return Optional.of(PgConstraintLocks.alterDomain(d));
        }
        if (op instanceof Operation.DropSchema d) {
            return Optional.of(PgLockEffect.of(d.database() ? NONE : ACCESS_EXCLUSIVE, false, false, d.database()
                    ? "takes no table lock, but fails at once while any session is connected to the database"
                    : "ACCESS EXCLUSIVE on every table it drops (with CASCADE; without, it fails while the schema"
                    + " holds anything)"));
        }
        if (op instanceof Operation.RenameSchema) {
            return Optional.of(PgLockEffect.of(NONE, false, false,
                    "no table lock: every table in it changes its qualified name at commit"));
        }
        return maintenanceOrData(op);
    }

    /**
     * The effect of ATTACH / DETACH PARTITION on the partition it names (its own table is the partitioned
     * one); empty for every other operation.
     */
    public Optional<PgLockEffect> partitionEffect(Operation op, PgTableFacts facts) {
        if (op instanceof Operation.AttachPartition) {
            return Optional.of(facts.partitionBoundProven()
                    ? PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "ACCESS EXCLUSIVE on the partition, but no"
                    + " scan: a validated CHECK constraint already proves the bound")
                    : PgLockEffect.of(ACCESS_EXCLUSIVE, false, true, "ACCESS EXCLUSIVE on the partition while every"
                    + " row is scanned to check the bound (add a CHECK restating it NOT VALID, VALIDATE it, then"
                    + " attach)"));
        }
        if (op instanceof Operation.DetachPartition d) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, d.concurrently() || d.finalizing()
                    ? "ACCESS EXCLUSIVE on the partition in its second transaction: queued behind a query of the"
                    + " partition itself, it blocks every later one"
                    : "ACCESS EXCLUSIVE on the partition too"));
        }
        return Optional.empty();
    }

    /**
     * The lock CREATE TABLE ... PARTITION OF takes on the partitioned table: ACCESS EXCLUSIVE (measured), unlike
     * ATTACH PARTITION's SHARE UPDATE EXCLUSIVE; empty for any other operation.
     */
    public Optional<PgLockMode> partitionOfParentLock(Operation op) {
        return op instanceof Operation.CreateTable c && c.partitionOf() != null ? Optional.of(ACCESS_EXCLUSIVE)
                : Optional.empty();
    }

    /**
     * The effect on the partitioned table's DEFAULT partition of a new partition joining it (ATTACH PARTITION
     * ... FOR VALUES, CREATE TABLE ... PARTITION OF ... FOR VALUES): PostgreSQL takes ACCESS EXCLUSIVE on the
     * default partition and scans it for rows that belong to the new bound (measured). Empty when the facts
     * know of no default partition, or the new partition is the default one.
     */
    public Optional<PgLockEffect> defaultPartitionEffect(Operation op, PgTableFacts facts) {
        boolean joins = op instanceof Operation.AttachPartition a && a.bound() != null
                || op instanceof Operation.CreateTable c && c.partitionOf() != null && c.partitionBound() != null
                   && !c.partitionBound().equalsIgnoreCase("DEFAULT");
        if (!joins || !facts.defaultPartition()) {
            return Optional.empty();
        }
        if (facts.defaultExcluded()) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "ACCESS EXCLUSIVE on the DEFAULT"
                    + " partition, but no scan: a validated CHECK of it already excludes the new bound"));
        }
        return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, true, "ACCESS EXCLUSIVE on the DEFAULT partition"
                + " while every row of it is scanned for rows of the new bound" + (op instanceof Operation.CreateTable
                ? "; CREATE TABLE ... PARTITION OF also holds ACCESS EXCLUSIVE on the partitioned table throughout"
                : "") + " (a CHECK on the default partition that excludes the bound, validated beforehand, spares the"
                + " scan)"));
    }

    /**
     * The lock an operation takes on the tables its foreign keys reference (besides its own table):
     * SHARE ROW EXCLUSIVE for a new foreign key, in CREATE TABLE as in ALTER TABLE; {@link PgLockMode#NONE}
     * when it declares none; empty when it depends on what the statement drops (DROP CONSTRAINT of a
     * foreign key takes ACCESS EXCLUSIVE on its referenced table).
     */
    public Optional<PgLockMode> referencedTableLock(Operation op) {
        if (op instanceof Operation.CreateTable c && c.partitionOf() != null) {
            return Optional.empty(); // the partitioned table's lock, not a referenced table's (ACCESS EXCLUSIVE)
        }
        if (op instanceof Operation.DropConstraint || op instanceof Operation.DropColumn
                || op instanceof Operation.ValidateConstraint || op instanceof Operation.AttachPartition
                || op instanceof Operation.DetachPartition
                || op instanceof Operation.DropTable || op instanceof Operation.DropSchema) {
            return Optional.empty();
        }
        boolean declaresForeignKey = op instanceof Operation.AddConstraint a
                && a.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY
                || op instanceof Operation.AddColumn c && c.column().references() != null
                || op instanceof Operation.CreateTable t && !referencedTables(t).isEmpty();
        return Optional.of(declaresForeignKey ? SHARE_ROW_EXCLUSIVE : NONE);
    }

    /** The tables a CREATE TABLE's foreign keys reference, inline or as table constraints. */
    public static List<TableName> referencedTables(Operation.CreateTable t) {
        List<TableName> out = new ArrayList<>();
        t.columns().stream().map(ColumnDef::references).filter(Objects::nonNull).forEach(out::add);
        t.constraints().stream().filter(k -> k.kind() == ConstraintDef.Kind.FOREIGN_KEY)
                .map(ConstraintDef::referencedTable).filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    private Optional<PgLockEffect> maintenanceOrData(Operation op) {
        if (op instanceof Operation.SetLogged s) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, true, true, "SET " + (s.logged() ? "" : "UN")
                    + "LOGGED copies the whole table and its indexes"));
        }
        if (op instanceof Operation.Vacuum v) {
            return Optional.of(v.full()
                    ? PgLockEffect.of(ACCESS_EXCLUSIVE, true, true, "rewrites the table; even while only queued "
                    + "for its lock it blocks every new read and write")
                    : PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, false, true,
                    "reads the pages not marked all-visible; runs outside a transaction"));
        }
        if (op instanceof Operation.Cluster) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, true, true,
                    "rewrites the table in index order; pg_repack does it online"));
        }
        if (op instanceof Operation.Truncate t) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "swaps in empty files: every row is "
                    + "lost at once" + (t.cascade() ? ", and CASCADE empties the referencing tables too" : "")));
        }
        if (op instanceof Operation.LockTable l) {
            PgLockMode mode = l.mode() == null ? ACCESS_EXCLUSIVE : PgLockMode.parse(l.mode());
            if (mode == null) {
                return Optional.empty();
            }
            return Optional.of(PgLockEffect.of(mode, false, false, "held until the transaction ends"));
        }
        if (op instanceof Operation.DataChange d) {
            boolean everyRow = !d.hasWhere() && d.kind() != Operation.DataChangeKind.INSERT;
            return Optional.of(PgLockEffect.of(ROW_EXCLUSIVE, false, everyRow, everyRow
                    ? "locks every row it touches until commit: concurrent updates of those rows wait; batch it"
                    : "row locks only on the rows it touches"));
        }
        if (op instanceof Operation.Other o && o.kind() != null) {
            String kind = o.kind().toUpperCase(Locale.ROOT);
            return kind.startsWith("ALTER TABLE") ? PgAlterTableForms.effect(kind) : other(kind);
        }
        return Optional.empty();
    }

    /** The few statements without a record of their own whose lock matters to a migration. */
    private static Optional<PgLockEffect> other(String kind) {
        if (kind.equals("REPACK")) { // PostgreSQL 19 release notes: REPACK replaces VACUUM FULL and CLUSTER
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, true, true, "rewrites the table under ACCESS "
                    + "EXCLUSIVE for the whole copy, like VACUUM FULL; REPACK (CONCURRENTLY) keeps it readable and "
                    + "writable"));
        }
        if (kind.equals("REPACK CONCURRENTLY")) {
            return Optional.of(PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, true, true, "rewrites the table without "
                    + "blocking reads or writes, taking ACCESS EXCLUSIVE only briefly to swap the files (PostgreSQL 19)"));
        }
        if (kind.equals("DROP TRIGGER")) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, false,
                    "ACCESS EXCLUSIVE on the table, if only for a moment"));
        }
        if (kind.equals("DROP VIEW") || kind.equals("DROP MATERIALIZED VIEW")) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, false, false, "ACCESS EXCLUSIVE on the view: "
                    + "queries reading it wait, and so does every query queued behind the drop"));
        }
        if (kind.equals("REFRESH MATERIALIZED VIEW")) {
            return Optional.of(PgLockEffect.of(ACCESS_EXCLUSIVE, true, true, "recomputes the view into a new file "
                    + "under ACCESS EXCLUSIVE: reads of the view wait for the whole query (REFRESH MATERIALIZED VIEW "
                    + "CONCURRENTLY keeps it readable, given a unique index)"));
        }
        if (kind.equals("REFRESH MATERIALIZED VIEW CONCURRENTLY")) {
            return Optional.of(PgLockEffect.of(PgLockMode.EXCLUSIVE, false, true,
                    "EXCLUSIVE: the view stays readable while the query runs"));
        }
        if (kind.startsWith("CREATE TRIGGER") || kind.startsWith("CREATE OR REPLACE TRIGGER")) {
            return Optional.of(PgLockEffect.of(SHARE_ROW_EXCLUSIVE, false, false, "blocks writes while it runs"));
        }
        if (kind.startsWith("COMMENT")) {
            return Optional.of(PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, false, false, "catalog only"));
        }
        if (kind.startsWith("ANALYZE")) {
            return Optional.of(PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, false, true, "reads a sample of the table"));
        }
        if (kind.startsWith("ALTER TYPE")) {
            return Optional.of(PgLockEffect.of(NONE, false, false,
                    "no table lock; ADD VALUE cannot run inside a transaction before PostgreSQL 12"));
        }
        return Optional.empty();
    }

    private PgLockEffect addColumn(ColumnDef column) {
        String type = column.type() == null ? "" : column.type().trim().toLowerCase(Locale.ROOT);
        boolean fills = column.hasDefault() || column.generated() != ColumnDef.Generated.NONE
                || SERIAL_TYPES.contains(type);
        String rewriteReason = rewriteReason(column, type);
        boolean rewrites = rewriteReason != null;
        boolean buildsIndex = column.primaryKey() || column.unique();
        boolean checks = column.checkExpression() != null;
        String note;
        if (rewrites) {
            note = rewriteReason + ": the table and every index are rewritten under ACCESS EXCLUSIVE";
        } else if (column.isNotNull() && !fills) {
            note = "NOT NULL without a default fails (23502) as soon as the table has a row";
        } else if (column.references() != null) {
            note = "the new column is all NULL, so nothing is checked; " + column.references()
                    + " is locked SHARE ROW EXCLUSIVE";
        } else {
            note = unknownDefaultNote(column.defaultExpression());
        }
        if (buildsIndex) {
            note = note + "; the inline " + (column.primaryKey() ? "PRIMARY KEY" : "UNIQUE")
                    + " builds its index under the same lock";
        }
        if (checks) {
            note = note + "; the inline CHECK (" + column.checkExpression() + ") is checked against every row under"
                    + " the same lock";
        }
        PgLockEffect effect = PgLockEffect.of(ACCESS_EXCLUSIVE, rewrites, buildsIndex || checks, note);
        return column.isNotNull() && !fills ? effect.failingOnNonEmptyTable() : effect;
    }

    /** Why adding this column rewrites the table, or null when it does not. */
    private String rewriteReason(ColumnDef column, String type) {
        if (column.generated() == ColumnDef.Generated.STORED) {
            return "a stored generated column is computed for every row";
        }
        if (column.generated() == ColumnDef.Generated.IDENTITY || SERIAL_TYPES.contains(type)) {
            return "an identity or serial column takes nextval() for every row";
        }
        if (!column.hasDefault()) {
            return null;
        }
        if (majorVersion < 11) {
            return "before PostgreSQL 11 any default is written into every row";
        }
        if (PgDefaultVolatility.classify(column.defaultExpression()) == Volatility.VOLATILE) {
            return "the volatile default " + column.defaultExpression() + " is evaluated for every row";
        }
        Set<String> unknown = new TreeSet<>(PgDefaultVolatility.unknownFunctions(column.defaultExpression()));
        unknown.removeAll(declaredOnce);
        if (!unknown.isEmpty()) {
            return "the default calls " + String.join("(), ", unknown) + "(), which no migration declares IMMUTABLE"
                    + " or STABLE: a function created without one is VOLATILE, so unless it is an SQL function"
                    + " PostgreSQL inlines to a constant, the default is evaluated for every row";
        }
        return null;
    }

    private static String unknownDefaultNote(String defaultExpression) {
        if (defaultExpression != null) {
            return "the default is evaluated once and kept in the catalog (PostgreSQL 11+)";
        }
        return "catalog only, but still waits for ACCESS EXCLUSIVE";
    }

    private static PgLockEffect alterType(Operation.AlterColumnType t, PgTableFacts facts) {
        String newType = t.definition() == null ? null : t.definition().type();
        PgTypeChange change = PgTypeChange.classify(facts.oldColumnType(), newType, t.using(), t.column());
        String checks = facts.columnHasCheck() ? "; the CHECK constraints on the column are validated again, a scan"
                + " of every row under the same lock" : "";
        if (change.rewrites()) {
            return PgLockEffect.of(ACCESS_EXCLUSIVE, true, true,
                    change.reason() + ": the table and every index are rewritten" + checks);
        }
        return PgLockEffect.of(ACCESS_EXCLUSIVE, false, facts.columnHasCheck(),
                change.reason() + ": no rewrite; an index on the column is recreated from its existing storage" + checks);
    }
}
