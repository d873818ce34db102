package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.timeline.NetChange;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;

/**
 * A column the application finds under another name when the migration commits. Judged on the net effect:
 * a column renamed away and back ({@code a -> a_tmp -> a}), or one the migration itself added, is not
 * renamed for the running application; a column renamed while a new, empty one takes its old name is, and
 * the message says so.
 */
@RuleInfo(
        id = "rename-column",
        summary = "Renaming a column in place breaks the application version still running",
        severity = Severity.ERROR,
        tags = {"compatibility", "expand-contract"},
        help = "Add the new column, write both and backfill, move reads to it, and drop the old column in a later release")
public final class RenameColumnRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        for (NetChange.ColumnRenamed r : ctx.netChanges(NetChange.ColumnRenamed.class)) {
            if (ctx.isNewTable(r.table())) {
                continue;
            }
            String table = ctx.sql(r.table().name());
            String from = ctx.sql(r.column().name());
            String to = ctx.sql(r.to());
            String how = ctx.operation() instanceof Operation.AlterColumnType ? " (CHANGE COLUMN with a new name)" : "";
            // the type as the history knows it, else as the statement restates it (CHANGE old new <type>)
            String type = r.column().type() != null ? r.column().type() : restated(ctx).orElse("<type>");
            String help = "Expand: ALTER TABLE " + table + " ADD COLUMN " + to + " " + type
                    + "; write both columns from the application and backfill " + to + " from " + from
                    + " in batches; move reads to " + to + "; contract in a later release: ALTER TABLE " + table
                    + " DROP COLUMN " + from;
            String what = "column " + table + "." + from + ctx.unknownTableNote(r.table()) + " is renamed to " + to
                    + " in place" + how;
            String message = switch (r.nameNow()) {
                case NOTHING -> what + ": the application version still running reads and writes " + from;
                case NEW_EMPTY -> what + " and a new, empty column " + from + " is added in the same migration: the"
                        + " application version still running reads " + from + " and finds none of its data, and what it"
                        + " writes there never reaches " + to;
                case OTHER -> what + " and another column is renamed to " + from + " in the same migration: the"
                        + " application version still running reads and writes the other column's data as " + from;
            };
            ctx.report(ctx.operation().span(), message, help, null, List.of());
        }
    }

    /** The type the statement itself writes (MySQL's CHANGE old new TYPE is read as a rename and a restatement). */
    private static java.util.Optional<String> restated(OperationContext ctx) {
        return ctx.migration().operations().stream()
                .filter(o -> o instanceof Operation.AlterColumnType a && a.span().equals(ctx.operation().span())
                        && a.definition().type() != null)
                .map(o -> ((Operation.AlterColumnType) o).definition().type()).findFirst();
    }
}
