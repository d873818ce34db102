package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

@RuleInfo(
        id = "rename-column",
        summary = "Renaming a column in place breaks the application version still running",
        severity = Severity.ERROR,
        tags = {"compatibility", "expand-contract"},
        help = "Add the new column, write both and backfill, move reads to it, and drop the old column in a later release")
public final class RenameColumnRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (ctx.operation() instanceof Operation.RenameColumn r && !ctx.isNewTable(r.table())) {
            ctx.report("column " + r.table() + "." + r.from() + " is renamed to " + r.to()
                    + " in place: the application version still running reads and writes " + r.from());
        }
    }
}
