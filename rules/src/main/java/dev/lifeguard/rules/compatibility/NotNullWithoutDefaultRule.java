package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.timeline.ColumnState;
import dev.lifeguard.analyzer.timeline.NetChange;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.DialectNames;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.List;
import java.util.Locale;

@RuleInfo(
        id = "not-null-without-default",
        summary = "Adding a NOT NULL column without a default to an existing table",
        severity = Severity.ERROR,
        tags = {"compatibility", "expand-contract", "data"},
        help = "Add the column with a DEFAULT, or add it nullable, backfill it in batches and make it NOT NULL in a later migration")
public final class NotNullWithoutDefaultRule implements Rule {

    @Override
    public void visitOperation(OperationContext ctx) {
        for (NetChange.TableRebuilt r : ctx.netChanges(NetChange.TableRebuilt.class)) {
            rebuilt(ctx, r);
        }
        if (!(ctx.operation() instanceof Operation.AddColumn add) || ctx.isNewTable(add.table())) {
            return;
        }
        ColumnDef c = add.column();
        if (!c.isNotNull() || hasRealDefault(c) || fillsItself(c)) {
            return;
        }
        String where = ctx.sql(add.table(), c.name());
        String consequence = ctx.dialect().isMySqlFamily()
                ? DialectNames.of(ctx.dialect()) + " does not refuse it: it fills every existing row with the type's implicit default"
                  + " (0, '', a zero date), and the application version still running inserts rows without " + ctx.sql(c.name())
                : "the statement fails on a table that has rows, and the application version still running inserts"
                  + " rows without " + ctx.sql(c.name());
        String type = c.type() == null ? "<type>" : c.type();
        String help = "Give it a default: ALTER TABLE " + ctx.sql(add.table()) + " ADD COLUMN " + ctx.sql(c.name()) + " " + type
                + " NOT NULL DEFAULT <value>; or add it nullable, backfill existing rows in batches, and set NOT NULL"
                + " in a later migration once every running version writes it";
        ctx.report(add.span(), "NOT NULL column " + where + " is added to an existing table without a default: "
                + consequence, help, null, List.of());
    }

    /**
     * A table rebuilt through a copy with a NOT NULL column the old one did not have: the copy fills it, but
     * the application version still running inserts rows without it.
     */
    private static void rebuilt(OperationContext ctx, NetChange.TableRebuilt r) {
        if (r.table().isPresumed() || ctx.isNewTable(r.table())) {
            return; // the old columns are not known, or the table held nothing of production's
        }
        List<String> added = new java.util.ArrayList<>();
        for (ColumnState c : r.now().columns().values()) {
            boolean fills = c.defaultExpression() != null && !c.defaultExpression().trim().equalsIgnoreCase("null")
                    || c.type() != null && c.type().toLowerCase(Locale.ROOT).matches(".*(serial[248]?|identity.*)");
            if (r.table().column(c.name()).isEmpty() && Boolean.FALSE.equals(c.nullable()) && !fills) {
                added.add(ctx.sql(c.name()));
            }
        }
        if (added.isEmpty()) {
            return;
        }
        String table = ctx.sql(r.table().name());
        String columns = String.join(", ", added);
        boolean one = added.size() == 1;
        ctx.report(ctx.operation().span(), "table " + table + " is rebuilt through a copy with NOT NULL column"
                        + (one ? " " : "s ") + columns + " it did not have, without a default: the copy fills "
                        + (one ? "it" : "them") + ", but the application version still running inserts rows without "
                        + columns + " and fails",
                "Give " + (one ? "it" : "each") + " a default in the new table (" + added.get(0) + " ... NOT NULL DEFAULT"
                        + " <value>), or add " + (one ? "it" : "them") + " nullable and set NOT NULL in a later migration"
                        + " once every running version writes " + (one ? "it" : "them"), null, List.of());
    }

    /** {@code DEFAULT NULL} is written out by some generators and fills nothing. */
    static boolean hasRealDefault(ColumnDef c) {
        return c.hasDefault() && !c.defaultExpression().trim().equalsIgnoreCase("null");
    }

    /** Identity, generated and serial columns compute their value for existing rows. */
    static boolean fillsItself(ColumnDef c) {
        if (c.generated() != ColumnDef.Generated.NONE) {
            return true;
        }
        String t = c.type() == null ? "" : c.type().trim().toLowerCase(Locale.ROOT);
        return t.endsWith("serial") || t.equals("serial2") || t.equals("serial4") || t.equals("serial8");
    }
}
