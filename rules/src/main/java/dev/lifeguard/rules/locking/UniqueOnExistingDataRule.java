package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

/**
 * A unique index or constraint on columns that already hold rows succeeds or fails depending on the data:
 * one duplicate (on PostgreSQL, for a primary key, one NULL) in production fails the deploy, while tests on
 * an empty or seeded database pass. Columns added by the same migration hold only NULL (never duplicates),
 * so an index on them alone is not reported.
 */
@RuleInfo(
        id = "unique-on-existing-data",
        summary = "A UNIQUE index or constraint on columns that already hold rows fails the deploy if production has duplicates",
        severity = Severity.WARNING,
        tags = {"data", "constraint", "index"},
        help = "Find and resolve duplicates first (SELECT cols, count(*) FROM t GROUP BY cols HAVING count(*) > 1) in an earlier migration or by hand, then add the unique index")
public final class UniqueOnExistingDataRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        Operation op = ctx.operation();
        if (op instanceof Operation.CreateIndex i && i.unique() && i.table() != null) {
            check(ctx, i.span(), i.table(), i.columns(), false, "unique index " + (i.name() == null ? "" : i.name() + " ")
                    + "on " + i.table());
        } else if (op instanceof Operation.AddConstraint a && a.constraint().usingIndex() == null
                && (a.constraint().kind() == ConstraintDef.Kind.UNIQUE
                || a.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY)) {
            ConstraintDef c = a.constraint();
            boolean pk = c.kind() == ConstraintDef.Kind.PRIMARY_KEY;
            SourceSpan clause = ConstraintWithoutNotValidRule.clause(ctx, a);
            check(ctx, clause == null ? a.span() : clause, a.table(), c.columns(), pk, (pk ? "primary key " : "unique"
                    + " constraint ") + (c.name() == null ? "" : c.name() + " ") + "on " + a.table());
        }
    }

    private static void check(OperationContext ctx, SourceSpan span, TableName table, List<String> columns, boolean pk,
                              String what) {
        if (columns.isEmpty() || ctx.isNewTable(table) || addedEmptyHere(ctx, table, columns)) {
            return;
        }
        String cols = String.join(", ", columns);
        String nulls = pk ? " or a NULL" : "";
        String failure = ctx.dialect() == Dialect.POSTGRESQL
                ? "the statement fails and the deploy stops (a CONCURRENTLY build also leaves an INVALID index to drop)"
                : "the statement fails and the deploy stops";
        ctx.report(span, what + " (" + cols + ") is added to a table that already has rows: if production holds one"
                        + " duplicate" + nulls + " in (" + cols + "), " + failure + ", while tests on a fresh database pass",
                "Check production first: SELECT " + cols + ", count(*) FROM " + table + " GROUP BY " + cols
                        + " HAVING count(*) > 1;" + (pk ? " and SELECT count(*) FROM " + table + " WHERE "
                        + String.join(" IS NULL OR ", columns) + " IS NULL;" : "")
                        + " resolve the rows it finds in an earlier migration, and keep the application from writing"
                        + " new duplicates before the index is added", null, List.of());
    }

    /** Whether every column was added by this migration, before this statement: they hold only NULL. */
    private static boolean addedEmptyHere(OperationContext ctx, TableName table, List<String> columns) {
        return columns.stream().allMatch(col -> ctx.earlierOperations().stream().anyMatch(op ->
                op instanceof Operation.AddColumn a && a.table().matches(table) && a.column().name().equals(col)
                        && !a.column().hasDefault()));
    }
}
