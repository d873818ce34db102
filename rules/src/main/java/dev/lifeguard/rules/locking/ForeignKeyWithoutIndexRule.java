package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.Rule;
import dev.lifeguard.rules.RuleInfo;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL indexes the referenced side of a foreign key (it must be a primary key or unique) but never the
 * referencing side. Without an index leading with the referencing columns, every DELETE of a parent row, and
 * every UPDATE of its key, scans the whole child table to look for references (holding its row lock on the
 * parent meanwhile); ON DELETE CASCADE makes each such scan part of the parent's DELETE. Judged at the end of
 * the migration, so an index created after the key in the same migration counts.
 */
@RuleInfo(
        id = "foreign-key-without-index",
        summary = "A foreign key whose referencing columns no index leads with: each delete or key update of a parent row scans the child table",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL},
        tags = {"performance", "constraint", "index"},
        help = "Index the referencing columns: CREATE INDEX CONCURRENTLY ON child (fk_col) (inside the same migration when the table is new)")
public final class ForeignKeyWithoutIndexRule implements Rule {

    /** A foreign key as some statement of the migration declares it. */
    private record DeclaredKey(SourceSpan span, TableName child, List<String> columns, TableName parent,
                               boolean newTable) {
    }

    @Override
    public void visitMigration(MigrationContext ctx) {
        List<DeclaredKey> keys = declaredKeys(ctx);
        if (keys.isEmpty()) {
            return;
        }
        TableIndexes indexes = TableIndexes.atEndOf(ctx);
        for (DeclaredKey k : keys) {
            if (k.columns().isEmpty() || indexes.leadsWith(k.child(), k.columns())) {
                continue;
            }
            String cols = String.join(", ", k.columns());
            String index = k.child().name() + "_" + String.join("_", k.columns()) + "_idx";
            String create = "CREATE INDEX " + (k.newTable() ? "" : "CONCURRENTLY ") + index + " ON " + k.child()
                    + " (" + cols + ");";
            String help = k.newTable()
                    ? create + " in this migration, right after the table is created (it is empty, so a plain"
                      + " CREATE INDEX is instant)"
                    : create + " in its own migration that runs outside a transaction (CONCURRENTLY refuses one)";
            ctx.report(k.span(), "foreign key " + k.child() + " (" + cols + ") -> " + (k.parent() == null
                    ? "its parent" : k.parent()) + " has no index leading with " + cols + ": every DELETE of a "
                    + (k.parent() == null ? "parent" : k.parent().name()) + " row, and every update of its key,"
                    + " scans all of " + k.child() + " to find references", help, null, List.of());
        }
    }

    private static List<DeclaredKey> declaredKeys(MigrationContext ctx) {
        List<DeclaredKey> keys = new ArrayList<>();
        List<Operation> ops = ctx.migration().operations();
        List<String> createdHere = new ArrayList<>();
        for (Operation op : ops) {
            if (op instanceof Operation.CreateTable c) {
                createdHere.add(c.table().name());
                for (ColumnDef col : c.columns()) {
                    if (col.references() != null && !col.primaryKey() && !col.unique()) {
                        keys.add(new DeclaredKey(c.span(), c.table(), List.of(col.name()), col.references(), true));
                    }
                }
                for (ConstraintDef k : c.constraints()) {
                    if (k.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                        keys.add(new DeclaredKey(c.span(), c.table(), k.columns(), k.referencedTable(), true));
                    }
                }
            } else if (op instanceof Operation.AddConstraint a && a.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                boolean fresh = createdHere.contains(a.table().name()) || ctx.isNewTable(a.table());
                keys.add(new DeclaredKey(a.span(), a.table(), a.constraint().columns(),
                        a.constraint().referencedTable(), fresh));
            } else if (op instanceof Operation.AddColumn a && a.column().references() != null
                    && !a.column().primaryKey() && !a.column().unique()) {
                boolean fresh = createdHere.contains(a.table().name()) || ctx.isNewTable(a.table());
                keys.add(new DeclaredKey(a.span(), a.table(), List.of(a.column().name()), a.column().references(),
                        fresh));
            }
        }
        return keys;
    }
}
