package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.RelatedLocation;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.OperationContext;
import dev.lifeguard.rules.keys.DropDependents;
import dev.lifeguard.rules.keys.TableKeys;

import java.util.ArrayList;
import java.util.List;

/**
 * DROP CONSTRAINT of a PRIMARY KEY or UNIQUE constraint, or DROP INDEX of a unique index, that foreign keys (of
 * other tables, or of the same one) reference, as the history shows them ({@link TableKeys}). PostgreSQL refuses it without CASCADE ("cannot drop
 * constraint ... because other objects depend on it"), and with CASCADE drops those foreign keys silently; MySQL
 * and MariaDB refuse to drop a primary key a foreign key needs. Measured by PostgresDropDependentsMeasurementTest
 * and MariaDbDropDependentsMeasurementTest. A drop the history cannot place (no such key known) is not judged.
 */
@RuleInfo(
        id = "drop-referenced-key",
        summary = "Dropping a primary key or unique constraint that foreign keys reference fails, or with CASCADE drops those foreign keys",
        severity = Severity.WARNING,
        tags = {"compatibility", "data-integrity"},
        help = "Drop (or re-point) the foreign keys that reference it first, by name, in their own statements; then drop the key without CASCADE")
public final class DropReferencedKeyRule implements Rule {

    /** What is dropped: the table, the name as written, and CASCADE. */
    private record Drop(TableName table, String name, boolean cascade, boolean index) {
    }

    @Override
    public void visitOperation(OperationContext ctx) {
        Drop drop;
        if (ctx.operation() instanceof Operation.DropConstraint d && d.table() != null) {
            drop = new Drop(d.table(), d.name(), d.cascade(), false);
        } else if (ctx.operation() instanceof Operation.DropIndex d && d.name() != null) {
            drop = new Drop(d.table(), d.name(), d.cascade(), true);
        } else {
            return;
        }
        TableKeys keys = TableKeys.before(ctx);
        ctx.earlierOperations().forEach(keys::apply);
        TableName on = drop.table();
        DropDependents with;
        if (drop.index()) {
            TableKeys.Placed index = keys.index(drop.table(), drop.name());
            on = index == null ? null : index.table();
            with = DropDependents.ofIndex(keys, ctx.dialect(), drop.table(), drop.name(), drop.cascade());
        } else {
            with = DropDependents.ofConstraint(keys, ctx.dialect(), drop.table(), drop.name(), drop.cascade());
        }
        if (with == null || with.referencing().isEmpty() || on == null || ctx.isNewTable(on)) {
            return;
        }
        String table = on.name();
        String key = DropDependents.describe(with.own().get(0), table, ctx.dialect());
        List<String> fks = with.referencing().stream()
                .map(p -> DropDependents.describe(p.key(), p.table().name(), ctx.dialect())).toList();
        String them = fks.size() == 1 ? "it" : "them";
        String message;
        if (with.fails()) {
            message = key + " is dropped but " + String.join(", ", fks) + (fks.size() == 1 ? " references" : " reference")
                    + " it: the migration fails" + (ctx.dialect().isMySqlFamily()
                    ? " (MySQL/MariaDB keep an index a foreign key needs: error 1553 / errno 150)"
                    : drop.index() ? " (PostgreSQL: \"cannot drop index " + drop.name() + " because other objects depend"
                      + " on it\")" : " (PostgreSQL: \"cannot drop constraint " + drop.name() + " on table " + table
                      + " because other objects depend on it\")");
        } else {
            message = key + " is dropped with CASCADE, which silently drops " + String.join(", ", fks)
                    + ": from then on nothing checks that " + (fks.size() == 1 ? "its rows reference" : "their rows reference")
                    + " existing rows of " + table;
        }
        List<RelatedLocation> related = new ArrayList<>();
        for (TableKeys.Placed p : with.referencing()) {
            if (p.key().declared() != null && p.key().declared().span() != null) {
                related.add(new RelatedLocation(p.key().declared().span(), "foreign key " + p.key().name() + " declared here"));
            }
        }
        String help = "Drop the foreign key" + (fks.size() == 1 ? " " : "s ") + String.join(", ", with.referencing().stream()
                .map(p -> p.key().name() + " (on " + p.table().name() + ")").toList()) + " first, in "
                + (fks.size() == 1 ? "its own statement" : "their own statements") + ", or re-point " + them
                + " at the key that replaces this one; then drop " + (ctx.dialect().isMySqlFamily()
                ? (with.own().get(0).kind() == TableKeys.Kind.PRIMARY_KEY ? "the primary key" : drop.name())
                : drop.name() + " without CASCADE");
        ctx.report(ctx.operation().span(), message, help, null, related);
    }
}
