package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

@RuleInfo(
        id = "drop-column",
        summary = "Dropping a column loses its data and breaks code that still reads it",
        severity = Severity.WARNING,
        tags = {"compatibility", "expand-contract", "data-loss"},
        help = "First release code that no longer reads or writes the column (remove it from ORM mappings too); drop it in a later release")
public final class DropColumnRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (!(ctx.operation() instanceof Operation.DropColumn d) || ctx.isNewTable(d.table())) {
            return;
        }
        String help = "Contract only after expand: release code that no longer reads or writes " + d.column()
                + " (and no longer maps it in the ORM), then, in a later release, ALTER TABLE " + d.table()
                + " DROP COLUMN " + d.column() + "; keep a backup of the column if its data may be needed again";
        ctx.report(d.span(), "column " + d.table() + "." + d.column() + " is dropped: its data is lost, and the"
                + " application version still running fails if it still reads or writes " + d.column(), help, null, List.of());
    }
}
