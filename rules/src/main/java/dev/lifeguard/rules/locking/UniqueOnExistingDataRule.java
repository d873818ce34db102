package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.SqlNames;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A unique index or constraint on columns that already hold rows succeeds or fails depending on the data:
 * one duplicate (for a primary key, also one NULL) in production fails the deploy, while tests on an empty or
 * seeded database pass. What {@link UniqueDataHistory} shows cannot hold a duplicate is not reported: a table
 * or columns new in the deploy, columns a unique key already covers, rows the deploy de-duplicated first.
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
        if (columns.isEmpty() || ctx.isNewTable(table)) {
            return;
        }
        UniqueDataHistory data = UniqueDataHistory.of(ctx, table, columns);
        boolean duplicates = !data.noDuplicates();
        List<String> nullable = pk ? data.mayHoldNull() : List.of();
        if (!duplicates && nullable.isEmpty()) {
            return;
        }
        String cols = String.join(", ", columns);
        String failure = ctx.dialect() == Dialect.POSTGRESQL
                ? "the statement fails and the deploy stops (a CONCURRENTLY build also leaves an INVALID index to drop)"
                : "the statement fails and the deploy stops";
        String t = SqlNames.table(table);
        String c = SqlNames.columns(columns);
        String nullCheck = "SELECT count(*) FROM " + t + " WHERE " + nullable.stream()
                .map(n -> SqlNames.ident(n) + " IS NULL").collect(Collectors.joining(" OR ")) + ";";
        if (!duplicates) {
            // the values are unique already; a primary key also needs every row to have them
            ctx.report(span, what + " (" + cols + ") is added to a table that already has rows: if production holds"
                            + " one NULL in (" + String.join(", ", nullable) + "), " + failure
                            + ", while tests on a fresh database pass",
                    "Check production first: " + nullCheck + " fill or delete the rows it finds in an earlier"
                            + " migration, and make the columns NOT NULL before the primary key is added", null,
                    List.of());
            return;
        }
        ctx.report(span, what + " (" + cols + ") is added to a table that already has rows: if production holds one"
                        + " duplicate" + (nullable.isEmpty() ? "" : " or a NULL") + " in (" + cols + "), " + failure
                        + ", while tests on a fresh database pass",
                "Check production first: SELECT " + c + ", count(*) FROM " + t + " GROUP BY " + c
                        + " HAVING count(*) > 1;" + (nullable.isEmpty() ? "" : " and " + nullCheck)
                        + " resolve the rows it finds in an earlier migration, and keep the application from writing"
                        + " new duplicates before the index is added", null, List.of());
    }
}
