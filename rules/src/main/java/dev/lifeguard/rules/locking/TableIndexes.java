package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The indexes each table has at the end of a migration, replayed from the history: CREATE INDEX, and the
 * indexes PRIMARY KEY and UNIQUE constraints build. The timeline keeps columns, not indexes, so this reads
 * the operations themselves. Expression indexes keep their text, which matches no column.
 */
final class TableIndexes {
    /** One index: its name (null when unnamed) and its key columns in order. */
    record Index(String name, List<String> columns) {
    }

    private final Map<String, List<Index>> byTable = new HashMap<>();

    /** The indexes after every operation of the history up to and including {@code ctx.migration()}. */
    static TableIndexes atEndOf(MigrationContext ctx) {
        TableIndexes indexes = new TableIndexes();
        for (Migration m : ctx.history().migrations()) {
            if (m.appliesTo(ctx.dialect())) {
                m.operations().forEach(indexes::apply);
            }
            if (m == ctx.migration()) {
                break;
            }
        }
        return indexes;
    }

    /** Whether some index of the table has {@code columns} (in any order) as its leading key columns. */
    boolean leadsWith(TableName table, List<String> columns) {
        for (Index index : byTable.getOrDefault(key(table), List.of())) {
            if (index.columns().size() >= columns.size()
                    && index.columns().subList(0, columns.size()).containsAll(columns)) {
                return true;
            }
        }
        return false;
    }

    private void apply(Operation op) {
        if (op instanceof Operation.CreateTable c) {
            List<Index> list = new ArrayList<>();
            for (ColumnDef col : c.columns()) {
                if (col.primaryKey() || col.unique()) {
                    list.add(new Index(null, List.of(col.name())));
                }
            }
            for (ConstraintDef k : c.constraints()) {
                if (k.kind() == ConstraintDef.Kind.PRIMARY_KEY || k.kind() == ConstraintDef.Kind.UNIQUE
                        || k.kind() == ConstraintDef.Kind.EXCLUDE) {
                    list.add(new Index(k.name(), k.columns()));
                }
            }
            byTable.put(key(c.table()), list);
        } else if (op instanceof Operation.CreateIndex i && i.table() != null) {
            add(i.table(), new Index(i.name(), i.columns()));
        } else if (op instanceof Operation.AddConstraint a && (a.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY
                || a.constraint().kind() == ConstraintDef.Kind.UNIQUE) && a.constraint().usingIndex() == null) {
            add(a.table(), new Index(a.constraint().name(), a.constraint().columns()));
        } else if (op instanceof Operation.AddColumn a && (a.column().primaryKey() || a.column().unique())) {
            add(a.table(), new Index(null, List.of(a.column().name())));
        } else if (op instanceof Operation.DropIndex d && d.name() != null) {
            String name = lastSegment(d.name());
            byTable.values().forEach(list -> list.removeIf(i -> i.name() != null && lastSegment(i.name()).equals(name)));
        } else if (op instanceof Operation.DropTable d) {
            d.tables().forEach(t -> byTable.remove(key(t)));
        } else if (op instanceof Operation.RenameTable r) {
            List<Index> list = byTable.remove(key(r.from()));
            if (list != null) {
                byTable.put(key(r.to()), list);
            }
        } else if (op instanceof Operation.DropColumn d) {
            byTable.getOrDefault(key(d.table()), new ArrayList<>()).removeIf(i -> i.columns().contains(d.column()));
        }
    }

    private void add(TableName table, Index index) {
        byTable.computeIfAbsent(key(table), k -> new ArrayList<>()).add(index);
    }

    private static String key(TableName table) {
        return table.name();
    }

    private static String lastSegment(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
        return n.substring(n.lastIndexOf('.') + 1);
    }
}
