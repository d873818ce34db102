package dev.lifeguard.analyzer.timeline;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named objects beside tables and columns that the replayed history made: indexes, constraints, primary
 * keys, views and sequences, and every table name the history ever created. Liquibase preconditions
 * ({@code indexExists}, {@code foreignKeyConstraintExists}, {@code viewExists}...) are answered from it.
 * Names are compared case-insensitively, as Liquibase compares them against a database snapshot.
 */
public final class SchemaObjects {
    /** An index: its table (null when the statement did not name one) and columns (lower case). */
    public record Index(String table, List<String> columns) {
    }

    private final Set<String> tablesEverCreated = new HashSet<>();
    private final Map<String, Index> indexes = new HashMap<>();
    private final Set<String> indexesEverCreated = new HashSet<>();
    private final Map<String, String> constraints = new HashMap<>(); // name -> table
    private final Set<String> constraintsEverCreated = new HashSet<>();
    private final Map<String, String> primaryKeys = new HashMap<>(); // table -> name ("" when unnamed)
    private final Set<String> views = new HashSet<>();
    private final Set<String> sequences = new HashSet<>();
    private final Set<String> viewsAndSequencesEverCreated = new HashSet<>();

    SchemaObjects copy() {
        SchemaObjects c = new SchemaObjects();
        c.tablesEverCreated.addAll(tablesEverCreated);
        c.indexes.putAll(indexes);
        c.indexesEverCreated.addAll(indexesEverCreated);
        c.constraints.putAll(constraints);
        c.constraintsEverCreated.addAll(constraintsEverCreated);
        c.primaryKeys.putAll(primaryKeys);
        c.views.addAll(views);
        c.sequences.addAll(sequences);
        c.viewsAndSequencesEverCreated.addAll(viewsAndSequencesEverCreated);
        return c;
    }

    /** Whether some migration replayed so far created a table of this name (it may be gone since). */
    public boolean everCreatedTable(String table) {
        return tablesEverCreated.contains(key(table));
    }

    public Optional<Index> index(String name) {
        return Optional.ofNullable(indexes.get(key(name)));
    }

    public boolean everCreatedIndex(String name) {
        return indexesEverCreated.contains(key(name));
    }

    /** Whether an index on the table has exactly these columns, in this order. */
    public boolean hasIndexOn(String table, List<String> columns) {
        List<String> wanted = columns.stream().map(SchemaObjects::key).toList();
        return indexes.values().stream().anyMatch(i -> key(table).equals(i.table()) && i.columns().equals(wanted));
    }

    /** The table of a named constraint, when it exists. */
    public Optional<String> constraint(String name) {
        return Optional.ofNullable(constraints.get(key(name)));
    }

    public boolean everCreatedConstraint(String name) {
        return constraintsEverCreated.contains(key(name));
    }

    /** The name of the table's primary key ("" when unnamed), when it has one. */
    public Optional<String> primaryKey(String table) {
        return Optional.ofNullable(primaryKeys.get(key(table)));
    }

    public boolean hasView(String name) {
        return views.contains(key(name));
    }

    public boolean hasSequence(String name) {
        return sequences.contains(key(name));
    }

    public boolean everCreatedViewOrSequence(String name) {
        return viewsAndSequencesEverCreated.contains(key(name));
    }

    void apply(Operation op) {
        if (op instanceof Operation.CreateTable c) {
            String table = key(c.table().name());
            tablesEverCreated.add(table);
            for (ColumnDef col : c.columns()) {
                if (col.primaryKey()) {
                    primaryKeys.put(table, "");
                }
            }
            for (ConstraintDef con : c.constraints()) {
                addConstraint(table, con);
            }
        } else if (op instanceof Operation.RenameTable r) {
            String from = key(r.from().name());
            String to = key(r.to().name());
            boolean sequence = sequences.remove(from);
            if (sequence || views.remove(from)) { // sp_rename of a sequence or a view: no table is renamed
                (sequence ? sequences : views).add(to);
                viewsAndSequencesEverCreated.add(to);
                return;
            }
            tablesEverCreated.add(to);
            indexes.replaceAll((n, i) -> from.equals(i.table()) ? new Index(to, i.columns()) : i);
            constraints.replaceAll((n, t) -> from.equals(t) ? to : t);
            String pk = primaryKeys.remove(from);
            if (pk != null) {
                primaryKeys.put(to, pk);
            }
        } else if (op instanceof Operation.DropTable d) {
            for (TableName t : d.tables()) {
                String table = key(t.name());
                indexes.values().removeIf(i -> table.equals(i.table()));
                constraints.values().removeIf(table::equals);
                primaryKeys.remove(table);
            }
        } else if (op instanceof Operation.CreateIndex c && c.name() != null) {
            String name = key(c.name());
            indexes.put(name, new Index(c.table() == null ? null : key(c.table().name()),
                    c.columns().stream().map(SchemaObjects::key).toList()));
            indexesEverCreated.add(name);
        } else if (op instanceof Operation.DropIndex d && d.name() != null) {
            indexes.remove(key(d.name()));
        } else if (op instanceof Operation.AddConstraint a) {
            addConstraint(key(a.table().name()), a.constraint());
        } else if (op instanceof Operation.DropConstraint d) {
            String table = key(d.table().name());
            if (d.name() != null) {
                constraints.remove(key(d.name()));
            }
            String pk = primaryKeys.get(table);
            if (pk != null && (d.name() == null || pk.isEmpty() || pk.equals(key(d.name())))) {
                primaryKeys.remove(table); // Liquibase dropPrimaryKey may leave the name out
            }
        } else if (op instanceof Operation.Other o && o.name() != null) {
            String name = key(o.name());
            switch (o.kind()) {
                case "CREATE VIEW", "CREATE MATERIALIZED VIEW" -> {
                    views.add(name);
                    viewsAndSequencesEverCreated.add(name);
                }
                case "CREATE SEQUENCE" -> {
                    sequences.add(name);
                    viewsAndSequencesEverCreated.add(name);
                }
                case "DROP VIEW", "DROP MATERIALIZED VIEW" -> views.remove(name);
                case "DROP SEQUENCE" -> sequences.remove(name);
                default -> {
                    // other objects answer no precondition
                }
            }
        }
    }

    private void addConstraint(String table, ConstraintDef con) {
        if (con.name() != null) {
            constraints.put(key(con.name()), table);
            constraintsEverCreated.add(key(con.name()));
        }
        if (con.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
            primaryKeys.put(table, con.name() == null ? "" : key(con.name()));
        }
    }

    private static String key(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
