package dev.lifeguard.rules.locking;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.engine.OperationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CHECK constraints a table has just before the operation being visited, replayed from the history (the
 * timeline keeps columns, not constraints), and the partitioning of the partitioned tables. A CHECK added
 * NOT VALID counts as validated once a VALIDATE CONSTRAINT of its name ran.
 */
final class TableChecks {

    /** One CHECK: its name (null when unnamed), its expression as written, whether every row was checked. */
    record Check(String name, String expression, boolean validated) {

        /** Whether the expression reads the column. */
        boolean reads(String column) {
            return Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(column) + "\"?(?![\\w$])",
                    Pattern.CASE_INSENSITIVE).matcher(expression).find();
        }
    }

    private final Map<String, List<Check>> checks = new HashMap<>();
    private final Map<String, String> partitionBy = new HashMap<>();
    /** Partitioned table to its DEFAULT partition. */
    private final Map<String, TableName> defaultPartition = new HashMap<>();

    private TableChecks() {
    }

    static TableChecks before(OperationContext ctx) {
        TableChecks t = new TableChecks();
        for (Migration m : ctx.history().migrations()) {
            if (m == ctx.migration()) {
                break;
            }
            if (m.appliesTo(ctx.dialect())) {
                m.operations().forEach(t::apply);
            }
        }
        ctx.earlierOperations().forEach(t::apply);
        return t;
    }

    List<Check> of(TableName table) {
        return checks.getOrDefault(table.name(), List.of());
    }

    /** The DEFAULT partition of a partitioned table (created PARTITION OF ... DEFAULT or attached DEFAULT), or null. */
    TableName defaultPartition(TableName table) {
        return defaultPartition.get(table.name());
    }

    /** The partitioning of a partitioned table as its CREATE TABLE wrote it ({@code RANGE (k)}), or null. */
    String partitionBy(TableName table) {
        return partitionBy.get(table.name());
    }

    private void apply(Operation op) {
        if (op instanceof Operation.CreateTable c) {
            List<Check> list = new ArrayList<>();
            for (ColumnDef col : c.columns()) {
                if (col.checkExpression() != null) {
                    list.add(new Check(inlineName(c.table(), col), col.checkExpression(), true));
                }
            }
            for (ConstraintDef k : c.constraints()) {
                if (k.kind() == ConstraintDef.Kind.CHECK && k.checkExpression() != null) {
                    list.add(new Check(k.name(), k.checkExpression(), !k.notValid()));
                }
            }
            checks.put(c.table().name(), list);
            if (c.partitionBy() != null) {
                partitionBy.put(c.table().name(), c.partitionBy());
            }
            if (c.partitionOf() != null && "DEFAULT".equalsIgnoreCase(c.partitionBound())) {
                defaultPartition.put(c.partitionOf().name(), c.table());
            }
        } else if (op instanceof Operation.AttachPartition a) {
            if (a.bound() == null) {
                defaultPartition.put(a.table().name(), a.partition());
            }
        } else if (op instanceof Operation.DetachPartition d) {
            defaultPartition.values().removeIf(p -> p.name().equals(d.partition().name()));
        } else if (op instanceof Operation.AddColumn a && a.column().checkExpression() != null) {
            list(a.table()).add(new Check(inlineName(a.table(), a.column()), a.column().checkExpression(), true));
        } else if (op instanceof Operation.AddConstraint a && a.constraint().kind() == ConstraintDef.Kind.CHECK
                && a.constraint().checkExpression() != null) {
            list(a.table()).add(new Check(a.constraint().name(), a.constraint().checkExpression(),
                    !a.constraint().notValid()));
        } else if (op instanceof Operation.ValidateConstraint v) {
            list(v.table()).replaceAll(k -> same(k.name(), v.name()) ? new Check(k.name(), k.expression(), true) : k);
        } else if (op instanceof Operation.DropConstraint d) {
            list(d.table()).removeIf(k -> same(k.name(), d.name()));
        } else if (op instanceof Operation.DropColumn d) {
            list(d.table()).removeIf(k -> k.reads(d.column()));
        } else if (op instanceof Operation.RenameTable r) {
            List<Check> moved = checks.remove(r.from().name());
            if (moved != null) {
                checks.put(r.to().name(), moved);
            }
            String key = partitionBy.remove(r.from().name());
            if (key != null) {
                partitionBy.put(r.to().name(), key);
            }
            TableName def = defaultPartition.remove(r.from().name());
            if (def != null) {
                defaultPartition.put(r.to().name(), def);
            }
            defaultPartition.replaceAll((parent, p) -> p.name().equals(r.from().name()) ? r.to() : p);
        } else if (op instanceof Operation.DropTable d) {
            d.tables().forEach(t -> {
                checks.remove(t.name());
                partitionBy.remove(t.name());
                defaultPartition.remove(t.name());
                defaultPartition.values().removeIf(p -> p.name().equals(t.name()));
            });
        }
    }

    /**
     * A column's inline CHECK's name: the one written ({@code col int CONSTRAINT n CHECK (...)}), else the one
     * PostgreSQL gives it ({@code <table>_<column>_check}), which is what migrations that drop it name.
     */
    private static String inlineName(TableName table, ColumnDef column) {
        if (column.checkName() != null) {
            return column.checkName();
        }
        return Identifiers.normalize(table.name()) + "_" + Identifiers.normalize(column.name()) + "_check";
    }

    private List<Check> list(TableName table) {
        return checks.computeIfAbsent(table.name(), t -> new ArrayList<>());
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && norm(a).equals(norm(b));
    }

    private static String norm(String name) {
        String n = Identifiers.normalize(name).toLowerCase(Locale.ROOT);
        return n.substring(n.lastIndexOf('.') + 1);
    }
}
