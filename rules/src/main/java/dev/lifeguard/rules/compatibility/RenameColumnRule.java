package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

@RuleInfo(
        id = "rename-column",
        summary = "Renaming a column in place breaks the application version still running",
        severity = Severity.ERROR,
        tags = {"compatibility", "expand-contract"},
        help = "Add the new column, write both and backfill, move reads to it, and drop the old column in a later release")
public final class RenameColumnRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        Operation op = ctx.operation();
        if (op instanceof Operation.RenameColumn r && !ctx.isNewTable(r.table())) {
            report(ctx, r.table(), r.from(), r.to(), "");
        } else if (op instanceof Operation.AlterColumnType a && a.fullRedefinition() && a.definition().name() != null
                && !a.definition().name().equals(a.column()) && !ctx.isNewTable(a.table())) {
            // MySQL CHANGE old new <definition>: a rename even when the type is restated unchanged
            report(ctx, a.table(), a.column(), a.definition().name(), " (CHANGE COLUMN with a new name)");
        }
    }

    private static void report(OperationContext ctx, TableName table, String from, String to, String how) {
        String type = ctx.table(table).flatMap(t -> t.column(from)).map(c -> c.type()).orElse("<type>");
        String help = "Expand: ALTER TABLE " + table + " ADD COLUMN " + to + " " + type
                + "; write both columns from the application and backfill " + to + " from " + from
                + " in batches; move reads to " + to + "; contract in a later release: ALTER TABLE " + table
                + " DROP COLUMN " + from;
        ctx.report(ctx.operation().span(), "column " + table + "." + from + " is renamed to " + to + " in place" + how
                + ": the application version still running reads and writes " + from, help, null, List.of());
    }
}
