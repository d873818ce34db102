package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.timeline.NetChange;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table whose rows the application no longer finds under its name when the migration commits: dropped,
 * or dropped and created again empty. Judged on the migration's net effect: a table rebuilt through a copy
 * keeps its rows (its columns are judged instead), and one no migration created that a dump-style first
 * migration drops {@code IF EXISTS} and creates held no data the history knows of. One finding per statement,
 * naming every table it drops.
 */
@RuleInfo(
        id = "drop-table",
        summary = "Dropping a table loses its data and breaks code that still queries it",
        severity = Severity.WARNING,
        tags = {"compatibility", "expand-contract", "data-loss"},
        help = "First release code that no longer uses the table; drop it in a later release, after taking a backup of its rows")
public final class DropTableRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        if (ctx.operation() instanceof Operation.DropSchema s) {
            s.names().forEach(name -> dropSchema(ctx, s, name));
            return;
        }
        List<NetChange.TableDropped> dropped = ctx.netChanges(NetChange.TableDropped.class).stream()
                .filter(d -> !ctx.isNewTable(d.table())).toList();
        if (dropped.isEmpty()) {
            return;
        }
        String names = dropped.stream().map(d -> ctx.sql(d.table().name())).collect(Collectors.joining(", "));
        String named = dropped.stream().map(d -> ctx.sql(d.table().name()) + ctx.unknownTableNote(d.table()))
                .collect(Collectors.joining(", "));
        boolean one = dropped.size() == 1;
        String help = "Contract only after expand: release code that no longer uses " + names
                + ", then, in a later release and after a backup of " + (one ? "its" : "their") + " rows, DROP TABLE "
                + names;
        List<NetChange.TableDropped> refilled = dropped.stream().filter(d -> d.nameNow() != NetChange.NameNow.NOTHING).toList();
        String message;
        if (refilled.isEmpty()) {
            message = (one ? "table " : "tables ") + named + (one ? " is" : " are") + " dropped: " + (one ? "its" : "their")
                    + " rows are lost, and the application version still running fails if it still queries "
                    + (one ? "it" : "them");
        } else {
            String again = refilled.stream().map(d -> ctx.sql(d.table().name())).collect(Collectors.joining(", "));
            boolean other = refilled.get(0).nameNow() == NetChange.NameNow.OTHER;
            message = (one ? "table " : "tables ") + names + (one ? " is" : " are") + " dropped and "
                    + (other ? "another table is renamed to " + again : again + (refilled.size() == 1 ? " is" : " are")
                    + " created again") + " in the same migration: the name now holds "
                    + (other ? "another table's rows" : "a new, empty table") + ", so the rows are lost and the"
                    + " application version still running finds none of them";
        }
        ctx.report(ctx.operation().span(), message, help, null, List.of());
    }

    /**
     * DROP SCHEMA / DROP DATABASE: every table in it goes. On PostgreSQL a schema goes only with CASCADE (without,
     * the statement fails while the schema holds anything); MySQL's DROP SCHEMA is DROP DATABASE.
     */
    private static void dropSchema(OperationContext ctx, Operation.DropSchema s, String name) {
        String what = s.database() ? "database" : "schema";
        List<String> known = ctx.schema().tables().stream().map(t -> t.name())
                .filter(t -> name.equals(t.schema()) && !ctx.isNewTable(t)).map(ctx::sql).sorted().toList();
        if (known.isEmpty() && ctx.schema().tables().stream().anyMatch(t -> name.equals(t.name().schema()))) {
            return; // every table in it was created in this change
        }
        String tables = known.isEmpty() ? "every table in it" : "its tables " + String.join(", ", known);
        boolean refusesNonEmpty = ctx.dialect() == Dialect.POSTGRESQL && !s.database() && !s.cascade();
        String message = refusesNonEmpty
                ? "schema " + name + " is dropped: PostgreSQL refuses while it holds any object, failing the deploy;"
                  + " once emptied (or with CASCADE) " + tables + " and their rows are gone, and the application"
                  + " version still running fails if it still uses them"
                : what + " " + name + " is dropped with " + tables + ": their rows are lost, and the application"
                  + " version still running fails if it still queries them";
        String help = "Contract only after expand: release code that no longer uses anything in " + what + " " + name
                + ", back it up (pg_dump -n " + name + " / mysqldump), then drop it in a later release";
        ctx.report(s.span(), message, help, null, List.of());
    }
}
