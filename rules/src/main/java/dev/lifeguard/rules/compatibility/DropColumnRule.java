package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.timeline.NetChange;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.keys.DropDependents;
import dev.lifeguard.rules.keys.TableKeys;

import java.util.ArrayList;
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
            String message0 = switch (d.nameNow()) {
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
            String message = message0;
            if (ctx.operation() instanceof Operation.DropColumn drop && drop.column().equals(d.column().name())) {
                DropDependents with = DropDependents.ofColumn(keysBefore(ctx), ctx.dialect(), drop.table(),
                        drop.column(), drop.cascade());
                message += dependents(ctx, drop, with);
                if (with.fails()) {
                    help = "Drop or replace what needs the column first (named above), in its own statement; then drop "
                            + column + ". " + help;
                }
            }
            ctx.report(ctx.operation().span(), message, help, null, List.of());
        }
    }

    /** The keys as the history leaves them just before this statement. */
    private static TableKeys keysBefore(OperationContext ctx) {
        TableKeys keys = TableKeys.before(ctx);
        ctx.earlierOperations().forEach(keys::apply);
        return keys;
    }

    /** "; with it go ..." / "; the drop fails ...": what the drop takes along or what makes it fail. */
    private static String dependents(OperationContext ctx, Operation.DropColumn drop, DropDependents with) {
        if (with.isEmpty()) {
            return "";
        }
        String table = drop.table().name();
        String column = drop.column();
        List<String> own = with.own().stream().map(k -> DropDependents.describe(k, table, ctx.dialect())).toList();
        List<String> referencing = with.referencing().stream()
                .map(p -> DropDependents.describe(p.key(), p.table().name(), ctx.dialect())).toList();
        StringBuilder sb = new StringBuilder();
        if (ctx.dialect().isMySqlFamily()) {
            if (with.fails()) {
                List<String> needs = new ArrayList<>();
                with.own().stream().filter(k -> k.kind() == TableKeys.Kind.FOREIGN_KEY)
                        .forEach(k -> needs.add(DropDependents.describe(k, table, ctx.dialect())));
                needs.addAll(referencing);
                if (ctx.dialect() == Dialect.MARIADB) {
                    with.narrowed().stream().filter(TableKeys.Key::unique)
                            .forEach(k -> needs.add(DropDependents.describe(k, table, ctx.dialect())
                                    + " (MariaDB will not narrow a multi-column unique key: error 1072)"));
                }
                sb.append("; the drop fails: ").append(column).append(" is needed by ").append(String.join(", ", needs))
                        .append(" (CASCADE does not change that here)");
                return sb.toString();
            }
            if (!own.isEmpty()) {
                sb.append("; with it go ").append(String.join(", ", own));
            }
            for (TableKeys.Key k : with.narrowed()) {
                List<String> rest = k.columns().stream().filter(c -> !c.equals(column)).toList();
                sb.append("; ").append(DropDependents.describe(k, table, ctx.dialect())).append(" keeps only (")
                        .append(String.join(", ", rest)).append(")");
                if (k.unique()) {
                    sb.append(": it becomes stricter, so rows that differ only in ").append(column)
                            .append(" now collide, and the ALTER fails if some already do");
                }
            }
            return sb.toString();
        }
        if (with.fails()) {
            sb.append("; the drop fails: ").append(String.join(", ", referencing)).append(referencing.size() == 1
                    ? " depends on it" : " depend on it").append(" (PostgreSQL: \"cannot drop column ").append(column)
                    .append(" of table ").append(table).append(" because other objects depend on it\"); with CASCADE it would drop ")
                    .append(referencing.size() == 1 ? "that foreign key" : "those foreign keys").append(" silently");
            if (!own.isEmpty()) {
                sb.append(", and take ").append(String.join(", ", own)).append(" along with the column");
            }
            return sb.toString();
        }
        if (!own.isEmpty()) {
            sb.append("; with it go ").append(String.join(", ", own));
            List<String> left = new ArrayList<>();
            for (TableKeys.Key k : with.own()) {
                if (k.columns().size() > 1 && k.kind() != TableKeys.Kind.INDEX) {
                    left.addAll(k.columns().stream().filter(c -> !c.equals(column) && !left.contains(c)).toList());
                }
            }
            if (!left.isEmpty()) {
                sb.append(" (a multi-column key goes whole, not just its ").append(column).append(" part: ")
                        .append(String.join(", ", left)).append(left.size() == 1 ? " is" : " are")
                        .append(" left without it)");
            }
        }
        if (!referencing.isEmpty()) {
            sb.append(own.isEmpty() ? "; " : ", and ").append("by CASCADE ").append(String.join(", ", referencing))
                    .append(": those rows are no longer checked against ").append(table);
        }
        return sb.toString();
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
