package dev.lifeguard.analyzer.timeline;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The schema as a history's migrations leave it, replayed one operation at a time. Tables are keyed by
 * their name without schema: migration files rarely qualify names consistently, and a wrong "this table
 * is new" would hide real hazards less often than a missed match would invent them.
 *
 * <p>Tables and columns keep their identity through renames and type changes ({@link TableState#sameTableAs},
 * {@link ColumnState#sameColumnAs}), which is what {@link NetEffect} compares.
 */
public final class SchemaState {
    private final Map<String, TableState> tables = new HashMap<>();
    private SchemaObjects objects = new SchemaObjects();

    /** Indexes, constraints, views and sequences, and the tables ever created (for Liquibase preconditions). */
    public SchemaObjects objects() {
        return objects;
    }

    /**
     * Set on the scratch copy {@link NetEffect} replays: an operation that drops, renames or alters a table or
     * column the history does not know presumes it existed (production's), and tells this listener first.
     */
    private Presumer presumer;
    /** On the scratch copy: every table name it has held, so a name dropped earlier is not presumed again. */
    private final java.util.Set<String> met = new java.util.HashSet<>();
    /** The same for columns ({@code table + '.' + column}). */
    private final java.util.Set<String> metColumns = new java.util.HashSet<>();
    /** On the scratch copy: table names the migration created or renamed a table to. */
    private final java.util.Set<String> madeHere = new java.util.HashSet<>();
    /** On the scratch copy: names that are no table (views, sequences) and are never presumed to be one. */
    private java.util.function.Predicate<TableName> notTable = t -> false;

    /** Told of a table or column presumed to exist before the operation that names it. */
    interface Presumer {
        void table(TableState table);

        void column(TableState table, ColumnState column);
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

    /** A copy of only the tables by these names (what one migration can touch), presuming what is missing. */
    SchemaState scratch(Collection<String> names, Presumer presumer) {
        SchemaState s = new SchemaState();
        for (String n : names) {
            TableState t = tables.get(n);
            if (t != null) {
                s.tables.put(n, t.copy());
                s.met.add(n);
                t.columns().keySet().forEach(c -> s.metColumns.add(n + "." + c));
            }
        }
        s.presumer = presumer;
        // a name the history made a view or sequence is not a table to presume (sp_rename renames either), nor is
        // table.name, where the part before the dot is a table, not a schema (sp_rename of an index or constraint)
        s.notTable = t -> !tables.containsKey(t.name()) && (objects.hasView(t.name()) || objects.hasSequence(t.name())
                || t.schema() != null && tables.containsKey(t.schema()));
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
            if (c.asSelect() && c.columns().isEmpty()) {
                t.markColumnsUnknown();
            }
            tables.put(c.table().name(), t);
            met.add(c.table().name());
            madeHere.add(c.table().name());
        } else if (op instanceof Operation.DropTable d) {
            for (TableName name : d.tables()) {
                // IF EXISTS too: production may have the table (a dump-style drop-and-create is told apart by the
                // rules); a name this migration dropped before is presumed again, each DROP TABLE of production's
                // table being a drop the team wrote, unless the migration itself created a table of that name since
                if (presumer != null && !tables.containsKey(name.name()) && !madeHere.contains(name.name())) {
                    met.remove(name.name());
                }
                presumeTable(name);
                tables.remove(name.name());
            }
        } else if (op instanceof Operation.DropSchema d) {
            tables.values().removeIf(t -> t.name().schema() != null && d.names().contains(t.name().schema()));
        } else if (op instanceof Operation.RenameTable r) {
            presumeTable(r.from());
            TableState t = tables.remove(r.from().name());
            if (t != null) {
                t.rename(r.to());
                tables.put(r.to().name(), t);
                met.add(r.to().name());
                madeHere.add(r.to().name());
            }
        } else if (op instanceof Operation.AddColumn a) {
            presumeTable(a.table());
            table(a.table()).ifPresent(t -> {
                if (!a.ifNotExists() || !t.mutableColumns().containsKey(a.column().name())) {
                    t.mutableColumns().put(a.column().name(), stateOf(a.column()));
                }
            });
        } else if (op instanceof Operation.DropColumn d) {
            // IF EXISTS: a column of a table no migration created (or created AS SELECT) may be there; one missing
            // from a table the history knows is not there, and the statement does nothing
            if (!d.ifExists() || table(d.table()).map(t -> t.isPresumed() || t.columnsUnknown()).orElse(true)) {
                presumeColumn(d.table(), d.column());
            }
            table(d.table()).ifPresent(t -> t.mutableColumns().remove(d.column()));
        } else if (op instanceof Operation.RenameColumn r) {
            presumeColumn(r.table(), r.from());
            table(r.table()).ifPresent(t -> {
                ColumnState c = t.mutableColumns().remove(r.from());
                t.mutableColumns().put(r.to(), c == null ? new ColumnState(r.to(), null, null, null) : c.renamed(r.to()));
            });
        } else if (op instanceof Operation.AlterColumnType a) {
            presumeColumn(a.table(), a.column());
            table(a.table()).ifPresent(t -> {
                ColumnState old = t.mutableColumns().get(a.column());
                ColumnDef def = a.definition();
                String newName = def.name() != null ? def.name() : a.column();
                Boolean nullable = a.fullRedefinition() ? def.nullable() : old == null ? null : old.nullable();
                String dflt = a.fullRedefinition() ? def.defaultExpression() : old == null ? null : old.defaultExpression();
                t.mutableColumns().remove(a.column());
                t.mutableColumns().put(newName, old == null ? new ColumnState(newName, def.type(), nullable, dflt)
                        : old.renamed(newName).with(def.type(), nullable, dflt));
            });
        } else if (op instanceof Operation.SetNotNull s) {
            update(s.table(), s.column(), c -> c.with(c.type(), false, c.defaultExpression()));
        } else if (op instanceof Operation.AddConstraint a && a.constraint().kind() == ConstraintDef.Kind.NOT_NULL) {
            // PostgreSQL 18: ADD CONSTRAINT n NOT NULL col (NOT VALID still refuses new NULLs)
            a.constraint().columns().forEach(col -> update(a.table(), col,
                    c -> c.with(c.type(), false, c.defaultExpression())));
        } else if (op instanceof Operation.DropNotNull s) {
            update(s.table(), s.column(), c -> c.with(c.type(), true, c.defaultExpression()));
        } else if (op instanceof Operation.SetDefault s) {
            update(s.table(), s.column(), c -> c.with(c.type(), c.nullable(), s.expression()));
        } else if (op instanceof Operation.DropDefault s) {
            update(s.table(), s.column(), c -> c.with(c.type(), c.nullable(), null));
        }
    }

    private void presumeTable(TableName name) {
        if (presumer != null && !tables.containsKey(name.name()) && !notTable.test(name) && met.add(name.name())) {
            TableState t = TableState.presumed(name);
            tables.put(name.name(), t);
            presumer.table(t);
        }
    }

    private void presumeColumn(TableName table, String column) {
        if (presumer == null) {
            return;
        }
        presumeTable(table);
        TableState t = tables.get(table.name());
        if (t != null && !t.mutableColumns().containsKey(column) && metColumns.add(table.name() + "." + column)) {
            ColumnState c = new ColumnState(column, null, null, null);
            t.mutableColumns().put(column, c);
            presumer.column(t, c);
        }
    }

    private void update(TableName table, String column, UnaryOperator<ColumnState> change) {
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
