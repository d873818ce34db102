package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.DialectNames;
import dev.lifeguard.rules.Fix;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.SqlNames;
import dev.lifeguard.rules.StatementText;
import dev.lifeguard.rules.Statements;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.mysql.MySqlDdlEffect;
import dev.lifeguard.rules.mysql.MySqlDdlKnowledge;

import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "non-concurrent-index",
        summary = "Building or dropping an index on an existing table without CONCURRENTLY blocks writes for the whole build",
        severity = Severity.ERROR,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"locking", "index"},
        help = "Use CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY / REINDEX ... CONCURRENTLY / DETACH PARTITION ... CONCURRENTLY in its own migration that runs outside a transaction")
public final class NonConcurrentIndexRule implements Rule {
    /** MySQL/MariaDB clauses that turn InnoDB's online index build back into a blocking one. */
    private static final Set<String> BLOCKING_LOCKS = Set.of("EXCLUSIVE", "SHARED");

    @Override
    public void visitOperation(OperationContext ctx) {
        if (ctx.dialect() == Dialect.POSTGRESQL) {
            postgres(ctx);
        } else if (ctx.dialect().isMySqlFamily()) {
            mysql(ctx);
        }
    }

    private static void postgres(OperationContext ctx) {
        Operation op = ctx.operation();
        if (op instanceof Operation.CreateIndex i && !i.concurrently() && !ctx.isNewTable(i.table())) {
            String table = ctx.sql(i.table());
            report(ctx, "index " + named(ctx, i.name()) + "is built on existing table " + table + " without CONCURRENTLY:"
                    + " INSERT, UPDATE and DELETE on " + table + " wait (SHARE lock) until the whole build ends",
                    "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + orPlaceholder(ctx, i.name()) + " ON "
                    + table + " (" + String.join(", ", i.columns().stream().map(c -> indexColumn(ctx, c)).toList()) + ")",
                    fix(ctx, "CREATE", "?UNIQUE", "INDEX"));
        } else if (op instanceof Operation.DropIndex d && !d.concurrently()) {
            dropIndex(ctx, d);
        } else if (op instanceof Operation.Reindex r && !r.concurrently()) {
            reindex(ctx, r);
        } else if (op instanceof Operation.DetachPartition d && !d.concurrently() && !d.finalizing()
                && ctx.targetVersion().atLeast(14) && !ctx.isNewTable(d.table())) {
            detach(ctx, d);
        }
    }

    /** DETACH PARTITION without CONCURRENTLY (PostgreSQL 14+ has it): ACCESS EXCLUSIVE on the partitioned table. */
    private static void detach(OperationContext ctx, Operation.DetachPartition d) {
        String outside = ctx.migration().framework() == Framework.FLYWAY
                ? "Flyway does not see that this statement cannot run in a transaction: set executeInTransaction=false"
                + " in <file>.sql.conf" : outsideTransaction(ctx.migration().framework());
        ctx.report(d.span(), "partition " + d.partition() + " is detached from " + d.table() + " without CONCURRENTLY:"
                + " it takes ACCESS EXCLUSIVE on " + d.table() + " and on the partition, so every read and write of"
                + " every partition waits, including while it queues behind a long-running query",
                "ALTER TABLE " + SqlNames.table(d.table()) + " DETACH PARTITION " + SqlNames.table(d.partition())
                        + " CONCURRENTLY; in its own migration, because CONCURRENTLY cannot run inside a transaction: "
                        + outside + " (it is refused while " + d.table() + " has a DEFAULT partition)",
                Statements.siblings(d, ctx.migration().operations()).size() == 1 ? appendConcurrently(ctx) : null,
                List.of());
    }

    /** A fix appending " CONCURRENTLY" to a one-clause statement. */
    private static Fix appendConcurrently(OperationContext ctx) {
        StatementText text = StatementText.of(ctx, ctx.operation());
        if (text == null) {
            return null;
        }
        List<StatementText.Word> words = text.words();
        int last = words.size() - 1;
        while (last >= 0 && words.get(last).text().equals(";")) {
            last--;
        }
        return last < 0 ? null : text.insertAt(words.get(last).end(), " CONCURRENTLY", "Add CONCURRENTLY");
    }

    /** One finding per statement: {@code DROP INDEX a, b, c} names every index it drops, at the statement. */
    private static void dropIndex(OperationContext ctx, Operation.DropIndex first) {
        List<Operation.DropIndex> statement = Statements.siblings(first, ctx.migration().operations()).stream()
                .filter(o -> o instanceof Operation.DropIndex x && !x.concurrently()).map(o -> (Operation.DropIndex) o)
                .toList();
        if (!statement.isEmpty() && statement.get(0) != first) {
            return; // reported with the statement's first index
        }
        List<String> names = new java.util.ArrayList<>();
        List<String> tables = new java.util.ArrayList<>();
        for (Operation.DropIndex d : statement) {
            TableName table = d.table() != null ? d.table() : IndexOwners.tableOf(ctx, d.name(), ctx.earlierOperations());
            if (table == null) {
                // no migration made it: where the migration builds it again, that is its table (a table it creates
                // holds no index yet, so DROP INDEX IF EXISTS there drops nothing)
                table = IndexOwners.recreatedOn(d.name(), ctx.laterOperations());
            }
            if (table == null || !ctx.isNewTable(table)) {
                names.add(d.name() == null ? "<index_name>" : ctx.sql(d.name()));
                String on = table == null ? null : ctx.sql(table);
                if (!tables.contains(on)) {
                    tables.add(on);
                }
            }
        }
        if (names.isEmpty()) {
            return;
        }
        boolean one = names.size() == 1;
        String on = tables.size() == 1 && tables.get(0) != null ? tables.get(0)
                : tables.stream().allMatch(java.util.Objects::nonNull) ? String.join(", ", tables)
                : one ? "its table" : "their tables";
        String lockOn = one || tables.size() == 1 ? on : on + " (each of them)";
        String list = String.join(", ", names);
        report(ctx, (one ? "index " + list + " is" : "indexes " + list + " are") + " dropped without CONCURRENTLY: "
                        + (one ? "it takes" : "each takes") + " an ACCESS EXCLUSIVE lock on " + (one ? on : "its table") + ", so every"
                        + " read and write of " + (one ? on : lockOn) + " waits, including while it queues behind a long-running query",
                String.join("; ", names.stream().map(n -> "DROP INDEX CONCURRENTLY " + (first.ifExists() ? "IF EXISTS " : "")
                        + n).toList()) + (one ? "" : " (CONCURRENTLY drops one index per statement)"),
                one && statement.size() == 1 ? fix(ctx, "DROP", "INDEX") : null);
    }

    private static void reindex(OperationContext ctx, Operation.Reindex r) {
        String kind = r.targetKind() == null ? "" : r.targetKind().toUpperCase(Locale.ROOT);
        TableName table = switch (kind) {
            case "TABLE" -> r.target() == null ? null : TableName.parse(r.target());
            case "INDEX" -> IndexOwners.tableOf(ctx, r.target(), ctx.earlierOperations());
            default -> null;
        };
        if (table != null && ctx.isNewTable(table)) {
            return;
        }
        boolean canBeConcurrent = !kind.equals("SYSTEM");
        String what = kind.isEmpty() ? "REINDEX" : "REINDEX " + kind + (r.target() == null ? "" : " " + r.target());
        report(ctx, what + " without CONCURRENTLY locks out writes, and reads that use the rebuilt indexes, until"
                        + " every index is rebuilt",
                canBeConcurrent ? "REINDEX " + kind + " CONCURRENTLY " + (r.target() == null ? "" : r.target())
                        + " (PostgreSQL 12+)" : "Run REINDEX SYSTEM in a maintenance window, not in a migration",
                canBeConcurrent && !kind.isEmpty() ? fix(ctx, "REINDEX", "?(...)", "?VERBOSE", kind) : null);
    }

    /**
     * InnoDB builds secondary indexes online; only an explicit ALGORITHM=COPY or LOCK=SHARED/EXCLUSIVE on an
     * index change makes it block, reported once per statement.
     */
    private static void mysql(OperationContext ctx) {
        Operation op = ctx.operation();
        if (!isIndexChange(op)) {
            return;
        }
        List<Operation> statement = Statements.siblings(op, ctx.migration().operations());
        if (statement.stream().filter(NonConcurrentIndexRule::isIndexChange).findFirst().orElse(op) != op) {
            return;
        }
        String algorithm = null;
        String lock = null;
        TableName table = null;
        for (Operation o : statement) {
            if (o instanceof Operation.CreateIndex c) {
                algorithm = c.algorithm() != null ? c.algorithm() : algorithm;
                lock = c.lock() != null ? c.lock() : lock;
                table = c.table();
            } else if (o instanceof Operation.OnlineDdlOptions d) {
                algorithm = d.algorithm() != null ? d.algorithm() : algorithm;
                lock = d.lock() != null ? d.lock() : lock;
                table = d.table();
            }
        }
        boolean copy = "COPY".equalsIgnoreCase(algorithm);
        boolean blockingLock = lock != null && BLOCKING_LOCKS.contains(lock.toUpperCase(Locale.ROOT));
        if (table == null) {
            table = op instanceof Operation.DropIndex d ? d.table() : op instanceof Operation.AddConstraint a ? a.table() : null;
        }
        if ((copy || blockingLock) && (table == null || !ctx.isNewTable(table))) {
            String how = copy ? "ALGORITHM=COPY copies the whole table" : "LOCK=" + lock.toUpperCase(Locale.ROOT)
                    + " blocks " + ("SHARED".equalsIgnoreCase(lock) ? "writes" : "reads and writes");
            ctx.report(op.span(), "index change on " + (table == null ? "an existing table" : "existing table " + table)
                    + " asks for a blocking build: " + how + " for the whole build, where InnoDB would build it online",
                    "Drop the clause, or write ALGORITHM=INPLACE, LOCK=NONE so MySQL fails instead of blocking when it"
                    + " cannot build the index online", null, List.of());
        } else if (!copy && !blockingLock) {
            String statedLock = lock;
            statement.stream().filter(o -> o instanceof Operation.CreateIndex c && c.kind() != null).findFirst()
                    .map(Operation.CreateIndex.class::cast)
                    .filter(c -> c.table() == null || !ctx.isNewTable(c.table()))
                    .ifPresent(c -> fullTextOrSpatial(ctx, c, statedLock));
        }
    }

    /**
     * MySQL / MariaDB FULLTEXT and SPATIAL indexes are built in place but never with concurrent writes (MySQL 8.4
     * manual, online DDL index operations; MariaDB measured): writes wait for the whole build, and a stated
     * LOCK=NONE makes the server refuse the statement.
     */
    private static void fullTextOrSpatial(OperationContext ctx, Operation.CreateIndex c, String lock) {
        MySqlDdlEffect effect = MySqlDdlKnowledge.forTarget(ctx.targetVersion())
                .effect(c, MySqlDdlKnowledge.Context.DEFAULT).orElse(null);
        if (effect == null || effect.permitsWrites()) {
            return;
        }
        String index = c.kind() + " index " + named(ctx, c.name()) + "on existing table " + ctx.sql(c.table());
        String server = DialectNames.of(ctx.dialect());
        if ("NONE".equalsIgnoreCase(lock)) {
            ctx.report(c.span(), index + " asks for LOCK=NONE, which " + server + " cannot honour ("
                    + effect.note() + "): it refuses the statement (\"LOCK=NONE is not supported\"), and the deploy"
                    + " fails", "Drop LOCK=NONE and build the index with gh-ost or pt-online-schema-change (they copy the"
                    + " table while writes go on), or off-peak", null, List.of());
            return;
        }
        ctx.report(c.span(), index + ": " + server + " " + effect.note() + "; INSERT, UPDATE and DELETE"
                + " on " + c.table() + " wait until it ends", "Build the index with gh-ost or pt-online-schema-change"
                + " (they copy the table while writes go on), or off-peak; state ALGORITHM=INPLACE, LOCK=SHARED to make"
                + " the blocking explicit", null, List.of());
    }

    private static boolean isIndexChange(Operation op) {
        return op instanceof Operation.CreateIndex || op instanceof Operation.DropIndex
                || op instanceof Operation.AddConstraint a && (a.constraint().kind() == ConstraintDef.Kind.UNIQUE
                || a.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY);
    }

    private static void report(OperationContext ctx, String message, String statement, Fix fix) {
        String help = statement + "; in its own migration, because CONCURRENTLY cannot run inside a transaction: "
                + outsideTransaction(ctx.migration().framework());
        ctx.report(ctx.operation().span(), message, help, fix, List.of());
    }

    /** How this tool runs a migration outside a transaction. */
    static String outsideTransaction(Framework framework) {
        return switch (framework) {
            case FLYWAY -> "Flyway runs a file outside a transaction by itself when every statement in it is"
                    + " CONCURRENTLY (or set executeInTransaction=false in <file>.sql.conf)";
            case LIQUIBASE -> "Liquibase: a changeSet with runInTransaction=\"false\" holding"
                    + " <sql>CREATE INDEX CONCURRENTLY ...</sql>";
            case GOLANG_MIGRATE -> "golang-migrate: a file with that single statement and no BEGIN"
                    + " (ory/popx: name it *.autocommit.up.sql)";
            case DIESEL -> "diesel: run_in_transaction = false in the migration's metadata.toml";
            case DBMATE -> "dbmate: -- migrate:up transaction:false";
            default -> "no BEGIN / COMMIT around it";
        };
    }

    /** A fix inserting " CONCURRENTLY" after the leading words, when the statement reads that way. */
    private static Fix fix(OperationContext ctx, String... leading) {
        StatementText text = StatementText.of(ctx, ctx.operation());
        if (text == null) {
            return null;
        }
        int at = text.afterLeading(leading);
        return at < 0 ? null : text.insertAt(at, " CONCURRENTLY", "Add CONCURRENTLY");
    }

    /** A plain column (kept normalized) quoted as it needs; an expression or a column with options, as written. */
    private static String indexColumn(OperationContext ctx, String column) {
        return column.matches(".*[\\s()\"`'\\[].*") ? column : ctx.sql(column);
    }

    private static String named(OperationContext ctx, String name) {
        return name == null ? "" : ctx.sql(name) + " ";
    }

    private static String orPlaceholder(OperationContext ctx, String name) {
        return name == null ? "<index_name>" : ctx.sql(name);
    }
}
