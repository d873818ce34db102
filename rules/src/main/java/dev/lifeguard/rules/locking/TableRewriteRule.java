package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;
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

    @Override
    public void visitOperation(OperationContext ctx) {
        Operation op = ctx.operation();
        String what = describe(op, ctx.dialect());
        if (what == null) {
            return;
        }
        TableName table = tableOf(op);
        if (table != null && ctx.isNewTable(table)) {
            return;
        }
        if (ctx.dialect().isMySqlFamily()) {
            if (op instanceof Operation.AddColumn add) {
                MySqlOnlineDdl.addColumnRebuild(add.column(), ctx.targetVersion()).ifPresent(why -> ctx.report(
                        op.span(), what + ": " + why, mysqlHelp(ctx, add), null, List.of()));
            }
            return;
        }
        PgLockKnowledge.forTarget(ctx.targetVersion()).effect(op).filter(PgLockEffect::rewritesTable)
                .ifPresent(effect -> ctx.report(op.span(),
                        what + ": " + effect.note() + "; reads and writes on the table wait until it is done",
                        help(ctx, op, table), null, List.of()));
    }

    private static String mysqlHelp(OperationContext ctx, Operation.AddColumn add) {
        if (add.column().generated() == ColumnDef.Generated.STORED) {
            return "Add it as a VIRTUAL generated column (instant), or run the change with gh-ost or"
                    + " pt-online-schema-change";
        }
        return "Run the change with gh-ost or pt-online-schema-change, or off-peak; on MySQL 8.0.12+ / MariaDB"
                + " 10.3.2+ write ALTER TABLE " + ctx.sql(add.table()) + " ADD COLUMN ..., ALGORITHM=INSTANT (set"
                + " --target-version to the version you run)";
    }

    /** What the statement is, for the statements this rule judges; null for the others. */
    private static String describe(Operation op, dev.lifeguard.analyzer.model.Dialect dialect) {
        if (op instanceof Operation.AddColumn a) {
            return "adding column " + a.table().sql(dialect) + "." + dev.lifeguard.analyzer.model.Identifiers.sql(a.column().name(), dialect);
        } else if (op instanceof Operation.SetLogged s) {
            return "SET " + (s.logged() ? "LOGGED" : "UNLOGGED") + " on table " + s.table().sql(dialect);
        } else if (op instanceof Operation.Vacuum v) {
            return "VACUUM FULL of " + (v.table() == null ? "every table" : "table " + v.table().sql(dialect));
        } else if (op instanceof Operation.Cluster c) {
            return "CLUSTER of " + (c.table() == null ? "every clustered table" : "table " + c.table().sql(dialect));
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
        }
        return ((Operation.Cluster) op).table();
    }

    private static String help(OperationContext ctx, Operation op, TableName table) {
        if (op instanceof Operation.AddColumn add) {
            String t = ctx.sql(add.table());
            String name = ctx.sql(add.column().name());
            ColumnDef c = add.column();
            if (c.generated() == ColumnDef.Generated.STORED) {
                return "Add a plain nullable column, fill it in batches (UPDATE ... WHERE id BETWEEN ...), keep it"
                        + " current with a trigger or from the application, or compute it in a view";
            }
            return "ALTER TABLE " + t + " ADD COLUMN " + name + " " + plainType(c) + "; then fill"
                    + " existing rows in batches; then ALTER TABLE " + t + " ALTER COLUMN " + name
                    + " SET DEFAULT " + (c.hasDefault() ? c.defaultExpression() : "<expression>")
                    + " (a default set afterwards applies to new rows only, without a rewrite)";
        }
        if (op instanceof Operation.SetLogged) {
            return "Change persistence in a maintenance window, or create the table with the persistence it needs";
        }
        return "Use pg_repack" + (table == null ? "" : " -t " + ctx.sql(table)) + " (rebuilds online, with a brief lock at"
                + " the end), or run it in a maintenance window instead of a migration";
    }

    private static String plainType(ColumnDef c) {
        String type = c.type() == null ? "<type>" : c.type().toLowerCase(Locale.ROOT);
        return type.replace("bigserial", "bigint").replace("smallserial", "smallint").replace("serial", "integer");
    }
}
