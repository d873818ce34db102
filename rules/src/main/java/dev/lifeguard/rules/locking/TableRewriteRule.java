package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

@RuleInfo(
        id = "table-rewrite",
        summary = "A statement that rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL},
        tags = {"locking", "rewrite"},
        help = "Add the column without the computed default, fill it in batches, then set the default; run VACUUM FULL / CLUSTER / SET LOGGED only in a maintenance window or with pg_repack")
public final class TableRewriteRule implements Rule {
    private static final String LOCKED = " rewrites the table and rebuilds every index on it under an ACCESS EXCLUSIVE"
            + " lock: reads and writes wait for the whole rewrite";

    @Override
    public void visitOperation(OperationContext ctx) {
        Operation op = ctx.operation();
        if (op instanceof Operation.AddColumn add && !ctx.isNewTable(add.table())) {
            addColumn(ctx, add);
        } else if (op instanceof Operation.SetLogged s && !ctx.isNewTable(s.table())) {
            ctx.report(s.span(), "SET " + (s.logged() ? "LOGGED" : "UNLOGGED") + " on table " + s.table() + LOCKED,
                    "Change persistence only in a maintenance window, or create the table with the persistence it needs",
                    null, List.of());
        } else if (op instanceof Operation.Vacuum v && v.full() && existing(ctx, v.table())) {
            ctx.report(v.span(), "VACUUM FULL of " + what(v.table()) + LOCKED + " (a VACUUM FULL waiting for its lock"
                    + " already blocks new queries)", repack(v.table()), null, List.of());
        } else if (op instanceof Operation.Cluster c && existing(ctx, c.table())) {
            ctx.report(c.span(), "CLUSTER of " + what(c.table()) + LOCKED, repack(c.table()), null, List.of());
        }
    }

    private static void addColumn(OperationContext ctx, Operation.AddColumn add) {
        ColumnDef c = add.column();
        String why = whyRewrite(c);
        if (why == null) {
            return;
        }
        String col = add.table() + "." + c.name();
        String help = c.generated() == ColumnDef.Generated.STORED
                ? "Add a plain nullable column, fill it in batches (UPDATE ... WHERE id BETWEEN ...), keep it current"
                  + " with a trigger or from the application, or compute it in a view"
                : "ALTER TABLE " + add.table() + " ADD COLUMN " + c.name() + " " + plainType(c) + ";"
                  + " then fill existing rows in batches; then ALTER TABLE " + add.table() + " ALTER COLUMN " + c.name()
                  + " SET DEFAULT " + (c.hasDefault() ? c.defaultExpression() : "<expression>")
                  + " (a default set afterwards applies to new rows only, without a rewrite)";
        ctx.report(add.span(), "adding column " + col + " " + why + LOCKED, help, null, List.of());
    }

    /** Why adding this column rewrites the table, or null when it does not. */
    static String whyRewrite(ColumnDef c) {
        if (c.generated() == ColumnDef.Generated.STORED) {
            return "as a stored generated column";
        }
        if (c.generated() == ColumnDef.Generated.IDENTITY) {
            return "as an identity column";
        }
        String type = c.type() == null ? "" : c.type().trim().toLowerCase(java.util.Locale.ROOT);
        if (type.matches("(small|big)?serial[248]?")) {
            return "as " + type + " (its nextval() default is volatile)";
        }
        String volatileCall = VolatileFunctions.firstCall(c.defaultExpression());
        return volatileCall == null ? null : "with the volatile default " + volatileCall + "()";
    }

    private static String plainType(ColumnDef c) {
        String type = c.type() == null ? "<type>" : c.type();
        return type.toLowerCase(java.util.Locale.ROOT).replace("bigserial", "bigint").replace("smallserial", "smallint")
                .replace("serial", "integer");
    }

    /** A database-wide VACUUM FULL or CLUSTER touches every table, so it always counts as existing. */
    private static boolean existing(OperationContext ctx, TableName table) {
        return table == null || !ctx.isNewTable(table);
    }

    private static String what(TableName table) {
        return table == null ? "every table" : "table " + table;
    }

    private static String repack(TableName table) {
        return "Use pg_repack" + (table == null ? "" : " -t " + table) + " (rebuilds online, with a brief lock at the end),"
                + " or run it in a maintenance window instead of a migration";
    }
}
