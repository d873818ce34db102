package dev.lifeguard.rules.data;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Operation.DataChangeKind;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

@RuleInfo(
        id = "unbounded-dml",
        summary = "An UPDATE or DELETE with no WHERE touches every row of an existing table in one transaction",
        severity = Severity.WARNING,
        tags = {"data", "locking"},
        help = "Change the rows in batches (WHERE id BETWEEN ... or a LIMITed subquery, repeated until done), in a migration of its own or a background job")
public final class UnboundedDmlRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (!(ctx.operation() instanceof Operation.DataChange d) || d.hasWhere() || d.table() == null
                || (d.kind() != DataChangeKind.UPDATE && d.kind() != DataChangeKind.DELETE)
                || ctx.isNewTable(d.table())) {
            return;
        }
        String verb = d.kind() == DataChangeKind.UPDATE ? "UPDATE" : "DELETE";
        String table = ctx.sql(d.table());
        String effect = d.kind() == DataChangeKind.UPDATE
                ? "rewrites every row of " + table + " in one transaction"
                : "deletes every row of " + table + " in one transaction";
        String batch = d.kind() == DataChangeKind.UPDATE
                ? "UPDATE " + table + " SET ... WHERE id IN (SELECT id FROM " + table
                  + " WHERE <not yet done> LIMIT 1000); repeated until it changes no row"
                : "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
                  + " WHERE <condition> LIMIT 1000); repeated until it deletes no row";
        ctx.report(d.span(), verb + " with no WHERE " + effect + ": its row locks make the application's writes to"
                + " those rows wait until it commits, and the long transaction bloats the table and delays"
                + " replicas", batch + ", in a migration of its own or a background job, after the code that writes"
                + " the new values is deployed", null, List.of());
    }
}
