package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.DialectNames;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.Statements;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.mysql.MySqlDdlEffect;
import dev.lifeguard.rules.mysql.MySqlOnlineDdl;
import dev.lifeguard.rules.postgres.PgLockEffect;
import dev.lifeguard.rules.postgres.PgLockKnowledge;

import java.util.List;
import java.util.Locale;

/**
 * Which statements rewrite is {@link PgLockKnowledge}'s answer (measured on a real PostgreSQL) for the
 * target version, and {@link MySqlOnlineDdl}'s on MySQL / MariaDB; this rule decides which of them to
 * report. Type changes are left to column-type-change.
 */
@RuleInfo(
        id = "table-rewrite",
        summary = "A statement that rewrites the whole table and its indexes (on PostgreSQL under an ACCESS EXCLUSIVE lock)",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"locking", "rewrite"},
        help = "Add the column without the computed default, fill it in batches, then set the default; run VACUUM FULL / CLUSTER / SET LOGGED only in a maintenance window or with pg_repack")
public final class TableRewriteRule implements Rule {
    private final DeclaredFunctions.Replay functions = new DeclaredFunctions.Replay();

    @Override
    public void visitOperation(OperationContext ctx) {
        if (ctx.dialect().isMySqlFamily()) {
            mysql(ctx);
            return;
        }
        Operation op = ctx.operation();
        String what = describe(op);
        if (what == null) {
            return;
        }
        TableName table = tableOf(op);
        if (table != null && ctx.isNewTable(table)) {
            return;
        }
        PgLockKnowledge knowledge = PgLockKnowledge.forTarget(ctx.targetVersion());
        if (op instanceof Operation.AddColumn add && add.column().hasDefault()) {
            knowledge = knowledge.withFunctionsEvaluatedOnce(functions.evaluatedOnce(ctx));
        }
        knowledge.effect(op).filter(PgLockEffect::rewritesTable)
                .ifPresent(effect -> ctx.report(op.span(),
                        what + ": " + effect.note() + "; reads and writes on the table wait until it is done",
                        help(op, table, ctx.targetVersion().atLeast(19)), null, List.of()));
    }

    /**
     * MySQL / MariaDB: a statement that states ALGORITHM=COPY or LOCK=SHARED|EXCLUSIVE (reported once, at
     * its clauses, unless it only changes indexes: non-concurrent-index says so), and the clauses no other
     * rule owns that the server runs as a table copy, an in-place rebuild, or without concurrent writes.
     * Type changes, foreign keys and checks, and indexes have rules of their own.
     */
    private static void mysql(OperationContext ctx) {
        Operation op = ctx.operation();
        List<Operation> statement = Statements.siblings(op, ctx.migration().operations());
        if (op instanceof Operation.OnlineDdlOptions o) {
            MySqlOnlineDdl.Stated stated = MySqlOnlineDdl.stated(op, ctx.migration().operations());
            if (stated.forcesBlocking() && !ctx.isNewTable(o.table())
                    && !statement.stream().allMatch(s -> s == op || isIndexChange(s))) {
                String how = "COPY".equals(stated.algorithm()) ? "ALGORITHM=COPY copies every row into a new table,"
                        + " blocking writes for the whole copy" : "LOCK=" + stated.lock() + " blocks "
                        + ("SHARED".equals(stated.lock()) ? "writes" : "reads and writes") + " for the whole change";
                ctx.report(firstClause(statement, op), "ALTER TABLE " + ctx.sql(o.table()) + " asks for the blocking form: "
                        + how + ", where " + DialectNames.of(ctx.dialect()) + " would pick the least blocking one itself",
                        "Drop the clause, or write ALGORITHM=INPLACE, LOCK=NONE (or ALGORITHM=INSTANT) so the server"
                        + " refuses the statement instead of blocking when it cannot do it online", null, List.of());
            }
            return;
        }
        TableName table = mysqlTable(op);
        if (table == null || ctx.isNewTable(table)
                || MySqlOnlineDdl.stated(op, ctx.migration().operations()).forcesBlocking()) {
            return;
        }
        MySqlOnlineDdl.judge(ctx).ifPresent(v -> {
            String what = mysqlDescribe(op);
            if (v.outcome() == MySqlOnlineDdl.Outcome.REFUSED) {
                ctx.report(op.span(), what + ": " + v.refusal(), "Drop the ALGORITHM= / LOCK= clause and run the"
                        + " change with gh-ost or pt-online-schema-change, or off-peak", null, List.of());
            } else if (v.outcome() == MySqlOnlineDdl.Outcome.HAZARD && (!v.effect().permitsWrites()
                    || v.effect().algorithm() == MySqlDdlEffect.Algorithm.COPY
                    || op instanceof Operation.AddColumn || op instanceof Operation.DropColumn)) {
                // an in-place rebuild that lets writes go on is reported only where an instant change was
                // expected (ADD / DROP COLUMN); a new primary key is known to rebuild
                ctx.report(op.span(), what + " on existing table " + ctx.sql(table) + ": on " + DialectNames.of(ctx.dialect())
                        + ", " + v.effect().note(), mysqlHelp(op), null, List.of());
            }
        });
    }

    /** The table of a clause this rule judges on MySQL / MariaDB; null for the clauses other rules own. */
    private static TableName mysqlTable(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return a.table();
        } else if (op instanceof Operation.DropColumn d) {
            return d.table();
        } else if (op instanceof Operation.DropConstraint d && "primary".equals(d.name())) {
            return d.table();
        } else if (op instanceof Operation.AddConstraint a && a.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY) {
            return a.table();
        } else if (op instanceof Operation.Other o && o.kind() != null && o.kind().startsWith("ALTER TABLE CONVERT")) {
            return o.table();
        }
        return null;
    }

    private static String mysqlDescribe(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return "adding column " + a.table().sql(Dialect.MYSQL) + "." + Identifiers.sql(a.column().name(), Dialect.MYSQL);
        } else if (op instanceof Operation.DropColumn d) {
            return "dropping column " + d.table().sql(Dialect.MYSQL) + "." + Identifiers.sql(d.column(), Dialect.MYSQL);
        } else if (op instanceof Operation.DropConstraint d) {
            return "dropping the primary key";
        } else if (op instanceof Operation.AddConstraint a) {
            return "adding a primary key";
        }
        return "converting the character set";
    }

    private static String mysqlHelp(Operation op) {
        if (op instanceof Operation.AddColumn add) {
            ColumnDef c = add.column();
            if (c.generated() == ColumnDef.Generated.STORED) {
                return "Add it as a VIRTUAL generated column (instant), or run the change with gh-ost or"
                        + " pt-online-schema-change";
            }
            if (c.generated() == ColumnDef.Generated.IDENTITY) {
                return "Run the change with gh-ost or pt-online-schema-change (they copy the table while writes go"
                        + " on), or in a maintenance window";
            }
            if (c.hasDefault()) {
                return "ALTER TABLE " + add.table().sql(Dialect.MYSQL) + " ADD COLUMN " + Identifiers.sql(c.name(), Dialect.MYSQL) + " " + (c.type() == null ? "<type>"
                        : c.type()) + " NULL; then fill existing rows in batches; then set the default for new rows";
            }
            if (c.position() != null) {
                return "Add the column at the end (leave out " + c.position() + "): ALTER TABLE "
                        + add.table().sql(Dialect.MYSQL) + " ADD COLUMN " + Identifiers.sql(c.name(), Dialect.MYSQL) + " "
                        + (c.type() == null ? "<type>" : c.type()) + ", ALGORITHM=INSTANT; (MySQL 8.0.29+ / MariaDB 10.4+"
                        + " add it instantly at any position: set --target-version to the version you run)";
            }
            return "Run the change with gh-ost or pt-online-schema-change, or off-peak; on MySQL 8.0.12+ / MariaDB"
                    + " 10.3.2+ write ALTER TABLE " + add.table().sql(Dialect.MYSQL) + " ADD COLUMN ..., ALGORITHM=INSTANT (set"
                    + " --target-version to the version you run)";
        }
        return "Run the change with gh-ost or pt-online-schema-change (they copy the table while writes go on), or in"
                + " a maintenance window";
    }

    private static boolean isIndexChange(Operation op) {
        return op instanceof Operation.CreateIndex || op instanceof Operation.DropIndex
                || op instanceof Operation.AddConstraint a && a.constraint().kind() == ConstraintDef.Kind.UNIQUE;
    }

    /** The first clause of the statement, where a finding about the whole statement starts. */
    private static dev.lifeguard.analyzer.model.SourceSpan firstClause(List<Operation> statement, Operation fallback) {
        return statement.isEmpty() ? fallback.span() : statement.get(0).span();
    }

    /** What the statement is, for the statements this rule judges; null for the others. */
    private static String describe(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return "adding column " + a.table().sql(Dialect.POSTGRESQL) + "." + Identifiers.sql(a.column().name(), Dialect.POSTGRESQL);
        } else if (op instanceof Operation.SetLogged s) {
            return "SET " + (s.logged() ? "LOGGED" : "UNLOGGED") + " on table " + s.table().sql(Dialect.POSTGRESQL);
        } else if (op instanceof Operation.Vacuum v) {
            return "VACUUM FULL of " + (v.table() == null ? "every table" : "table " + v.table().sql(Dialect.POSTGRESQL));
        } else if (op instanceof Operation.Cluster c) {
            return "CLUSTER of " + (c.table() == null ? "every clustered table" : "table " + c.table().sql(Dialect.POSTGRESQL));
        } else if (op instanceof Operation.Other o && "REPACK".equals(o.kind())) {
            return "REPACK of " + (o.table() == null ? "every table" : "table " + o.table().sql(Dialect.POSTGRESQL));
        }
        return null;
    }

    /** The table concerned; null for a database-wide VACUUM FULL or CLUSTER, which touches old tables too. */
    private static TableName tableOf(Operation op) {
        if (op instanceof Operation.AddColumn a) {
            return a.table();
        } else if (op instanceof Operation.SetLogged s) {
            return s.table();
        } else if (op instanceof Operation.Vacuum v) {
            return v.table();
        } else if (op instanceof Operation.Other o) {
            return o.table();
        }
        return ((Operation.Cluster) op).table();
    }

    private static String help(Operation op, TableName table, boolean repack) {
        if (op instanceof Operation.AddColumn add) {
            ColumnDef c = add.column();
            if (c.generated() == ColumnDef.Generated.STORED) {
                return "Add a plain nullable column, fill it in batches (UPDATE ... WHERE id BETWEEN ...), keep it"
                        + " current with a trigger or from the application, or compute it in a view";
            }
            return "ALTER TABLE " + add.table().sql(Dialect.POSTGRESQL) + " ADD COLUMN " + Identifiers.sql(c.name(), Dialect.POSTGRESQL) + " " + plainType(c) + "; then fill"
                    + " existing rows in batches; then ALTER TABLE " + add.table().sql(Dialect.POSTGRESQL) + " ALTER COLUMN " + Identifiers.sql(c.name(), Dialect.POSTGRESQL)
                    + " SET DEFAULT " + (c.hasDefault() ? c.defaultExpression() : "<expression>")
                    + " (a default set afterwards applies to new rows only, without a rewrite)";
        }
        if (op instanceof Operation.SetLogged) {
            return "Change persistence in a maintenance window, or create the table with the persistence it needs";
        }
        if (repack) { // PostgreSQL 19: REPACK replaces VACUUM FULL and CLUSTER, and has a CONCURRENTLY mode
            String index = op instanceof Operation.Cluster ? " USING INDEX" : "";
            return "REPACK (CONCURRENTLY) " + (table == null ? "<table>" : table.sql(Dialect.POSTGRESQL)) + index + "; rebuilds the table"
                    + " without blocking reads or writes (PostgreSQL 19+), with a brief lock at the end";
        }
        return "Use pg_repack" + (table == null ? "" : " -t " + table.sql(Dialect.POSTGRESQL)) + " (rebuilds online, with a brief lock at"
                + " the end), or run it in a maintenance window instead of a migration; on PostgreSQL 19+ (set"
                + " --target-version) REPACK (CONCURRENTLY) does it in core";
    }

    private static String plainType(ColumnDef c) {
        String type = c.type() == null ? "<type>" : c.type().toLowerCase(Locale.ROOT);
        return type.replace("bigserial", "bigint").replace("smallserial", "smallint").replace("serial", "integer");
    }
}
