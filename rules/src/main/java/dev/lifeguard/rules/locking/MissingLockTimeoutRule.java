package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.Operations;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.StatementText;
import dev.lifeguard.rules.engine.MigrationContext;
import dev.lifeguard.rules.postgres.PgLockEffect;
import dev.lifeguard.rules.postgres.PgLockKnowledge;
import dev.lifeguard.rules.postgres.PgLockMode;
import dev.lifeguard.rules.postgres.PgTableFacts;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A statement waiting for a strong lock queues every later query on the table behind it, so an ALTER that
 * itself takes milliseconds can stop the application for as long as the longest running transaction. One
 * lock_timeout at the top of the migration bounds that wait for every statement in it, so the rule reports
 * once per migration, at the first statement that needs it.
 */
@RuleInfo(
        id = "missing-lock-timeout",
        summary = "A statement that takes a strong lock on an existing table with no lock_timeout set before it",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL},
        tags = {"locking"},
        help = "Start the migration with SET lock_timeout = '2s'; and retry the deploy if it times out")
public final class MissingLockTimeoutRule implements Rule {
    static final String SETTING = "SET lock_timeout = '2s';";

    private final PgLockKnowledge knowledge = PgLockKnowledge.oldestSupported();
    /** What earlier migrations set for the role or database, per history: see {@link ExternalLockTimeout}. */
    private final Map<History, Map<Migration, String>> setByEarlier = new IdentityHashMap<>();

    @Override
    public void visitMigration(MigrationContext ctx) {
        List<Operation> ops = ctx.migration().operations();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (setsLockTimeout(op)) {
                return;
            }
            Optional<PgLockMode> lock = strongLock(op);
            if (lock.isEmpty() || isMaterializedView(op) && !lock.get().blocksReads()) {
                continue; // nobody writes a materialized view: only a lock that blocks its readers matters
            }
            // only tables created before this statement are new to it: DROP TABLE k; CREATE TABLE k (...) drops an old k
            Set<String> createdBefore = Operations.createdTables(ops.subList(0, i));
            Optional<String> existing = lockedObject(ctx, op, ops.subList(0, i), createdBefore,
                    Operations.createdTables(ops));
            if (existing.isPresent()) {
                if (ExternalLockTimeout.of(ctx, setByEarlier).isEmpty()) {
                    report(ctx, op, lock.get(), existing.get());
                }
                return;
            }
        }
    }

    private Optional<PgLockMode> strongLock(Operation op) {
        PgLockMode mode = knowledge.effect(op).map(PgLockEffect::tableLock).orElse(null);
        if (mode == null && op instanceof Operation.Other o && o.table() != null && o.kind() != null
                && o.kind().toUpperCase(Locale.ROOT).startsWith("ALTER TABLE")) {
            mode = PgLockMode.ACCESS_EXCLUSIVE; // most ALTER TABLE forms without a record of their own
        }
        if (op instanceof Operation.CreateTable) {
            mode = knowledge.referencedTableLock(op).orElse(mode); // its foreign keys lock the referenced tables
            mode = knowledge.partitionOfParentLock(op).orElse(mode); // PARTITION OF: ACCESS EXCLUSIVE on the parent
        }
        PgLockMode partition = knowledge.partitionEffect(op, PgTableFacts.NONE).map(PgLockEffect::tableLock).orElse(null);
        if (partition != null && (mode == null || partition.atLeast(mode))) {
            mode = partition; // ATTACH / DETACH PARTITION lock the partition harder than the partitioned table
        }
        return mode != null && mode.atLeast(PgLockMode.SHARE) ? Optional.of(mode) : Optional.empty();
    }

    /**
     * What the statement locks that already exists and serves traffic, as the message names it; empty when
     * everything it locks was created earlier in this change.
     */
    private static boolean isMaterializedView(Operation op) {
        return op instanceof Operation.Other o && o.kind() != null && o.kind().contains("MATERIALIZED VIEW");
    }

    private static Optional<String> lockedObject(MigrationContext ctx, Operation op, List<Operation> earlier,
                                                 Set<String> createdBefore, Set<String> createdInMigration) {
        if (op instanceof Operation.AlterDomain d) {
            return Optional.of("every table using domain " + d.domain());
        }
        if (op instanceof Operation.DropSchema d) {
            return Optional.of("every table in schema " + String.join(", ", d.names()));
        }
        if (op instanceof Operation.Other o && o.table() != null && o.kind() != null && o.kind().contains("VIEW")) {
            return Optional.of("existing " + (o.kind().contains("MATERIALIZED") ? "materialized view " : "view ")
                    + o.table());
        }
        List<TableName> tables = op instanceof Operation.CreateTable t ? createLocks(t) : lockedTables(ctx, op, earlier);
        if (tables.isEmpty()) {
            return Optional.of("an existing table");
        }
        // a dump-style baseline's DROP TABLE IF EXISTS of a table no migration created holds no known data
        return tables.stream().filter(t -> createdInMigration.contains(t.name())
                        ? !createdBefore.contains(t.name()) && !ctx.recreatedFromScratch(t) : !ctx.isNewTable(t))
                .findFirst().map(t -> "existing table " + ctx.sql(t));
    }

    /** What a CREATE TABLE locks: the partitioned table it is a PARTITION OF (first), the tables it references. */
    private static List<TableName> createLocks(Operation.CreateTable t) {
        List<TableName> tables = new ArrayList<>(PgLockKnowledge.referencedTables(t));
        if (t.partitionOf() != null) {
            tables.add(0, t.partitionOf());
        }
        return tables;
    }

    /** The tables the statement locks; empty means "not known", which is treated as existing. */
    private static List<TableName> lockedTables(MigrationContext ctx, Operation op, List<Operation> earlier) {
        if (op instanceof Operation.DropIndex d && d.table() == null) {
            TableName t = IndexOwners.tableOf(ctx, d.name(), earlier);
            return t == null ? List.of() : List.of(t);
        }
        if (op instanceof Operation.Reindex r && r.target() != null) {
            TableName t = "TABLE".equalsIgnoreCase(r.targetKind()) ? TableName.parse(r.target())
                    : "INDEX".equalsIgnoreCase(r.targetKind()) ? IndexOwners.tableOf(ctx, r.target(), earlier) : null;
            return t == null ? List.of() : List.of(t);
        }
        List<TableName> tables = new ArrayList<>(Operations.tables(op));
        if (op instanceof Operation.AttachPartition a) {
            tables.add(0, a.partition()); // the ACCESS EXCLUSIVE lock is on the partition
        } else if (op instanceof Operation.DetachPartition d) {
            tables.add(0, d.partition());
        }
        if (op instanceof Operation.AddConstraint a && a.constraint().referencedTable() != null) {
            tables.add(a.constraint().referencedTable()); // a foreign key locks its parent table too
        }
        if (op instanceof Operation.AddColumn a && a.column().references() != null) {
            tables.add(a.column().references());
        }
        return tables;
    }

    static boolean setsLockTimeout(Operation op) {
        if (!(op instanceof Operation.SessionSetting s) || !"lock_timeout".equals(s.name())) {
            return false;
        }
        String value = s.value() == null ? "" : s.value().replace("'", "").replace("\"", "").trim();
        return !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("default");
    }

    private static void report(MigrationContext ctx, Operation op, PgLockMode lock, String table) {
        String blocked = lock.blocksReads() ? "every read and write" : "every write";
        String help = "Put " + SETTING + " at the top of the migration (SET LOCAL inside an explicit transaction), so"
                + " the statement gives up instead of stalling " + blocked + " behind a long-running query; retry the"
                + " deploy when it times out";
        if (ctx.migration().framework() == Framework.LIQUIBASE) {
            // scoped to PostgreSQL, so that the H2 or other database a project develops against skips it
            help += ". Liquibase: <sql dbms=\"postgresql\">SET lock_timeout = '2s'</sql> as the first change of the"
                    + " changeSet";
        }
        help += ". If the deployment sets lock_timeout for every migration (Flyway initSql, the JDBC URL's"
                + " options=-c lock_timeout=2s), Lifeguard reads it from the configuration, or say so with"
                + " lock-timeout: 2s in lifeguard.yml";
        ctx.report(op.span(), "this statement waits for " + lock.sqlName() + " on " + table + " with no lock_timeout"
                + " set earlier in the migration: while it waits behind a long-running query, " + blocked + " of "
                + (table.startsWith("every") ? "them" : "it") + " queues behind it", help, fix(ctx, op), List.of());
    }

    /**
     * Inserts the setting on a line of its own before the first statement of the migration. Not offered where
     * an added statement changes how the tool runs the file: next to CONCURRENTLY (Flyway runs such a file
     * outside a transaction only when every statement is non-transactional) or in a golang-migrate file.
     */
    private static Fix fix(MigrationContext ctx, Operation flagged) {
        List<Operation> ops = ctx.migration().operations();
        boolean concurrently = ops.stream().anyMatch(o -> o instanceof Operation.CreateIndex c && c.concurrently()
                || o instanceof Operation.DropIndex d && d.concurrently()
                || o instanceof Operation.Reindex r && r.concurrently());
        if (concurrently || ctx.migration().framework() == Framework.GOLANG_MIGRATE) {
            return null;
        }
        Operation first = ops.get(0);
        StatementText text = StatementText.of(ctx, first);
        if (text == null || StatementText.of(ctx, flagged) == null) {
            return null;
        }
        int statementStart = first.span().statementStart() >= 0 ? first.span().statementStart()
                : first.span().startOffset();
        return text.insertAt(statementStart, SETTING + "\n", "Set lock_timeout first");
    }
}
