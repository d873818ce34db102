package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Framework;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

@RuleInfo(
        id = "add-unique-constraint",
        summary = "Adding a UNIQUE or PRIMARY KEY constraint to an existing table builds its index under an exclusive lock",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL},
        tags = {"locking", "constraint", "index"},
        help = "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX (or PRIMARY KEY USING INDEX)")
public final class AddUniqueConstraintRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        Operation op = ctx.operation();
        if (op instanceof Operation.AddConstraint add && add.constraint().usingIndex() == null
                && isUniqueOrKey(add.constraint().kind()) && !ctx.isNewTable(add.table())) {
            ConstraintDef c = add.constraint();
            SourceSpan clause = ConstraintWithoutNotValidRule.clause(ctx, add);
            report(ctx, clause == null ? add.span() : clause, add.table(), c.kind() == ConstraintDef.Kind.PRIMARY_KEY,
                    c.name(), c.columns(),
                    (c.kind() == ConstraintDef.Kind.PRIMARY_KEY ? "primary key " : "unique constraint ")
                    + (c.name() == null ? "" : ctx.sql(c.name()) + " ") + "is added to existing table " + ctx.sql(add.table()));
        } else if (op instanceof Operation.AddConstraint add && add.constraint().kind() == ConstraintDef.Kind.EXCLUDE
                && !ctx.isNewTable(add.table())) {
            SourceSpan clause = ConstraintWithoutNotValidRule.clause(ctx, add);
            String name = add.constraint().name();
            ctx.report(clause == null ? add.span() : clause, "exclusion constraint " + (name == null ? "" : ctx.sql(name) + " ")
                    + "is added to existing table " + ctx.sql(add.table()) + ": PostgreSQL builds its index under an"
                    + " ACCESS EXCLUSIVE lock, so every read and write of " + ctx.sql(add.table()) + " waits for the whole build,"
                    + " and there is no CONCURRENTLY or USING INDEX form for it", "Add it while the table is small or"
                    + " in a maintenance window; or enforce the rule another way first (a unique index built"
                    + " CONCURRENTLY where equality suffices, or a trigger), and add the exclusion constraint when"
                    + " the lock can be afforded", null, List.of());
        } else if (op instanceof Operation.AddColumn a && (a.column().unique() || a.column().primaryKey())
                && !ctx.isNewTable(a.table())) {
            ColumnDef col = a.column();
            report(ctx, a.span(), a.table(), col.primaryKey(), null, List.of(col.name()), "column "
                    + ctx.sql(a.table(), col.name()) + " is added with an inline " + (col.primaryKey() ? "PRIMARY KEY" : "UNIQUE"));
        }
    }

    private static boolean isUniqueOrKey(ConstraintDef.Kind kind) {
        return kind == ConstraintDef.Kind.UNIQUE || kind == ConstraintDef.Kind.PRIMARY_KEY;
    }

    private static void report(OperationContext ctx, SourceSpan span, TableName t, boolean primaryKey, String name, List<String> columns,
                               String what) {
        String cols = columns.isEmpty() ? "<columns>" : String.join(", ", columns.stream().map(ctx::sql).toList());
        String index = ctx.sql(t.name() + "_" + (columns.isEmpty() ? "key" : String.join("_", columns)) + (primaryKey ? "_pkey" : "_key"));
        String constraint = name == null ? index : ctx.sql(name);
        String table = ctx.sql(t);
        String help = "CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + table + " (" + cols + "); in its own"
                + " non-transactional migration; then ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " "
                + (primaryKey ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX " + index + ";"
                + (primaryKey ? " (the columns must already be NOT NULL)" : "");
        if (ctx.migration().framework() == Framework.LIQUIBASE) {
            help += " Liquibase: the index in a runInTransaction=\"false\" changeSet with <sql>, then "
                    + (primaryKey ? "<addPrimaryKey" : "<addUniqueConstraint") + " ... forIndexName=\"" + index + "\"/>";
        }
        ctx.report(span, what + ": PostgreSQL builds its unique index under an ACCESS EXCLUSIVE lock,"
                + " so every read and write of " + table + " waits for the whole build", help, null, List.of());
    }
}
