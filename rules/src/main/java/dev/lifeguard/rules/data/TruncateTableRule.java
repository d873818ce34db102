package dev.lifeguard.rules.data;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.stream.Collectors;

@RuleInfo(
        id = "truncate-table",
        summary = "TRUNCATE removes every row of a table at once",
        severity = Severity.WARNING,
        tags = {"data", "data-loss"},
        help = "Delete only the rows that must go (DELETE ... WHERE, in batches), or keep TRUNCATE for tables that are truly scratch and say so in a suppression")
public final class TruncateTableRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (!(ctx.operation() instanceof Operation.Truncate t)) {
            return;
        }
        List<TableName> existing = t.tables().stream().filter(n -> !ctx.isNewTable(n)).toList();
        if (existing.isEmpty() && !t.tables().isEmpty()) {
            return;
        }
        String names = existing.stream().map(ctx::sql).collect(Collectors.joining(", "));
        String what = existing.size() == 1 ? "table " + names : "tables " + names;
        String cascade = t.cascade()
                ? "; CASCADE also empties every table with a foreign key to " + (existing.size() == 1 ? "it" : "them")
                : "";
        ctx.report(t.span(), "TRUNCATE removes every row of " + what + " at once" + cascade
                + ", under an ACCESS EXCLUSIVE lock, and the application version still running loses its data",
                ctx.metadata().help(), null, List.of());
    }
}
