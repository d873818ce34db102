package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.timeline.NetChange;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

/**
 * A column whose data the application no longer finds under its name when the migration commits: dropped,
 * left out of a table rebuilt through a copy, or dropped and added again empty. Judged on the migration's
 * net effect: a column added and dropped in the same migration, or swapped through a filled copy, is not
 * this rule's (the copy is a type change).
 */
@RuleInfo(
        id = "drop-column",
        summary = "Dropping a column loses its data and breaks code that still reads it",
        severity = Severity.WARNING,
        tags = {"compatibility", "expand-contract", "data-loss"},
        help = "First release code that no longer reads or writes the column (remove it from ORM mappings too); drop it in a later release")
public final class DropColumnRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        for (NetChange.ColumnDropped d : ctx.netChanges(NetChange.ColumnDropped.class)) {
            if (ctx.isNewTable(d.table())) {
                continue;
            }
            String table = ctx.sql(d.table().name());
            String column = ctx.sql(d.column().name());
            String where = table + "." + column + ctx.unknownTableNote(d.table());
            String help = "Contract only after expand: release code that no longer reads or writes " + column
                    + " (and no longer maps it in the ORM), then, in a later release, ALTER TABLE " + table
                    + " DROP COLUMN " + column + "; keep a backup of the column if its data may be needed again";
            String message = switch (d.nameNow()) {
                case NOTHING -> ctx.operation() instanceof Operation.DropColumn
                        ? "column " + where + " is dropped: its data is lost, and the application version still running"
                          + " fails if it still reads or writes " + column
                        : "column " + where + " is not in the table that replaces " + table + " in this migration: its"
                          + " data is lost, and the application version still running fails if it still reads or writes "
                          + column;
                case NEW_EMPTY -> "column " + where + " is dropped and added again in the same migration: the name now"
                        + " holds a new, empty column" + defaultOf(d) + ", so its data is lost and the application version"
                        + " still running reads " + (d.holder() != null && d.holder().defaultExpression() != null
                        ? "the default" : "NULL") + " where it read its values";
                case OTHER -> "column " + where + " is dropped and another column takes its name in the same migration"
                        + otherName(ctx, d) + ": its data is lost, and the application version still running reads the"
                        + " other column's values as " + column;
            };
            ctx.report(ctx.operation().span(), message, help, null, List.of());
        }
    }

    private static String defaultOf(NetChange.ColumnDropped d) {
        return d.holder() != null && d.holder().defaultExpression() != null
                ? " (DEFAULT " + d.holder().defaultExpression() + ")" : "";
    }

    /** " (was x)": the before-migration name of the column that holds the dropped one's name now. */
    private static String otherName(OperationContext ctx, NetChange.ColumnDropped d) {
        return d.table().columns().values().stream().filter(c -> c.sameColumnAs(d.holder())).findFirst()
                .map(c -> " (" + ctx.sql(c.name()) + " is renamed to " + ctx.sql(d.column().name()) + ")").orElse("");
    }
}
