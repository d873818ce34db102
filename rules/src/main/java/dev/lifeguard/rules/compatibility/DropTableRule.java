package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;
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
        if (ctx.operation() instanceof Operation.DropSchema s) {
            s.names().forEach(name -> dropSchema(ctx, s, name));
            return;
        }
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

    /**
     * DROP SCHEMA / DROP DATABASE: every table in it goes. On PostgreSQL a schema goes only with CASCADE (without,
     * the statement fails while the schema holds anything); MySQL's DROP SCHEMA is DROP DATABASE.
     */
    private static void dropSchema(OperationContext ctx, Operation.DropSchema s, String name) {
        String what = s.database() ? "database" : "schema";
        List<String> known = ctx.schema().tables().stream().map(t -> t.name())
                .filter(t -> name.equals(t.schema()) && !ctx.isNewTable(t)).map(TableName::toString).sorted().toList();
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
