package dev.lifeguard.analyzer.timeline;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The schema as a history's migrations leave it, replayed one operation at a time. Tables are keyed by
 * their name without schema: migration files rarely qualify names consistently, and a wrong "this table
 * is new" would hide real hazards less often than a missed match would invent them.
 */
public final class SchemaState {
    private final Map<String, TableState> tables = new HashMap<>();
    private SchemaObjects objects = new SchemaObjects();

    /** Indexes, constraints, views and sequences, and the tables ever created (for Liquibase preconditions). */
    public SchemaObjects objects() {
        return objects;
    }

    public Optional<TableState> table(TableName name) {
        return Optional.ofNullable(tables.get(name.name()));
    }

    public Optional<ColumnState> column(TableName table, String column) {
        return table(table).flatMap(t -> t.column(column));
    }

    /** Every table known at this point, in no particular order. */
    public java.util.Collection<TableState> tables() {
        return java.util.Collections.unmodifiableCollection(tables.values());
    }

    public SchemaState copy() {
        SchemaState s = new SchemaState();
        tables.forEach((k, v) -> s.tables.put(k, v.copy()));
        s.objects = objects.copy();
        return s;
    }

    /** Applies one operation of a migration. Operations on unknown tables are remembered only as far as useful. */
    public void apply(Migration migration, Operation op) {
        objects.apply(op);
        if (op instanceof Operation.CreateTable c) {
            if (c.ifNotExists() && tables.containsKey(c.table().name())) {
                return;
            }
            TableState t = new TableState(c.table(), migration.file(), migration.id());
            for (ColumnDef col : c.columns()) {
                t.mutableColumns().put(col.name(), stateOf(col));
            }
            tables.put(c.table().name(), t);
        } else if (op instanceof Operation.DropTable d) {
            d.tables().forEach(name -> tables.remove(name.name()));
        } else if (op instanceof Operation.DropSchema d) {
            tables.values().removeIf(t -> t.name().schema() != null && d.names().contains(t.name().schema()));
        } else if (op instanceof Operation.RenameTable r) {
            TableState t = tables.remove(r.from().name());
            if (t != null) {
                t.rename(r.to());
                tables.put(r.to().name(), t);
            }
        } else if (op instanceof Operation.AddColumn a) {
            table(a.table()).ifPresent(t -> t.mutableColumns().put(a.column().name(), stateOf(a.column())));
        } else if (op instanceof Operation.DropColumn d) {
            table(d.table()).ifPresent(t -> t.mutableColumns().remove(d.column()));
        } else if (op instanceof Operation.RenameColumn r) {
            table(r.table()).ifPresent(t -> {
                ColumnState c = t.mutableColumns().remove(r.from());
                t.mutableColumns().put(r.to(), c == null ? new ColumnState(r.to(), null, null, null)
                        : new ColumnState(r.to(), c.type(), c.nullable(), c.defaultExpression()));
            });
        } else if (op instanceof Operation.AlterColumnType a) {
            table(a.table()).ifPresent(t -> {
                ColumnState old = t.mutableColumns().get(a.column());
                ColumnDef def = a.definition();
                String newName = def.name() != null ? def.name() : a.column();
                Boolean nullable = a.fullRedefinition() ? def.nullable() : old == null ? null : old.nullable();
                String dflt = a.fullRedefinition() ? def.defaultExpression() : old == null ? null : old.defaultExpression();
                t.mutableColumns().remove(a.column());
                t.mutableColumns().put(newName, new ColumnState(newName, def.type(), nullable, dflt));
            });
        } else if (op instanceof Operation.SetNotNull s) {
            update(s.table(), s.column(), c -> new ColumnState(c.name(), c.type(), false, c.defaultExpression()));
        } else if (op instanceof Operation.AddConstraint a && a.constraint().kind() == ConstraintDef.Kind.NOT_NULL) {
            // PostgreSQL 18: ADD CONSTRAINT n NOT NULL col (NOT VALID still refuses new NULLs)
            a.constraint().columns().forEach(col -> update(a.table(), col,
                    c -> new ColumnState(c.name(), c.type(), false, c.defaultExpression())));
        } else if (op instanceof Operation.DropNotNull s) {
            update(s.table(), s.column(), c -> new ColumnState(c.name(), c.type(), true, c.defaultExpression()));
        } else if (op instanceof Operation.SetDefault s) {
            update(s.table(), s.column(), c -> new ColumnState(c.name(), c.type(), c.nullable(), s.expression()));
        } else if (op instanceof Operation.DropDefault s) {
            update(s.table(), s.column(), c -> new ColumnState(c.name(), c.type(), c.nullable(), null));
        }
    }

    private void update(TableName table, String column, java.util.function.UnaryOperator<ColumnState> change) {
        table(table).ifPresent(t -> {
            ColumnState c = t.mutableColumns().get(column);
            if (c != null) {
                t.mutableColumns().put(column, change.apply(c));
            }
        });
    }

    private static ColumnState stateOf(ColumnDef col) {
        return new ColumnState(col.name(), col.type(), col.isNotNull() ? Boolean.FALSE : col.nullable(),
                col.defaultExpression());
    }
}
