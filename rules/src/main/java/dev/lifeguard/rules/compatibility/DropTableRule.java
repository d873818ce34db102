package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

@RuleInfo(
        id = "drop-table",
        summary = "Dropping a table loses its data and breaks code that still queries it",
        severity = Severity.WARNING,
        tags = {"compatibility", "expand-contract", "data-loss"},
        help = "First release code that no longer uses the table; drop it in a later release, after taking a backup of its rows")
public final class DropTableRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (!(ctx.operation() instanceof Operation.DropTable d)) {
            return;
        }
        for (TableName table : d.tables()) {
            if (ctx.isNewTable(table)) {
                continue;
            }
            String help = "Contract only after expand: release code that no longer uses " + table
                    + ", then, in a later release and after a backup of its rows, DROP TABLE " + table;
            ctx.report(d.span(), "table " + table + " is dropped: its rows are lost, and the application version"
                    + " still running fails if it still queries " + table, help, null, List.of());
        }
    }
}
