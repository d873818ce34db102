package dev.lifeguard.rules.keys;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Migration;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.TableName;
import dev.lifeguard.rules.engine.MigrationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The indexes, primary keys, unique constraints and foreign keys each table has at some point of a history,
 * replayed from its operations (the schema timeline keeps columns, not keys). A constraint written without a
 * name gets the name the database gives it (PostgreSQL {@code t_a_b_key}, {@code t_pkey}, {@code t_a_fkey},
 * {@code t_a_idx}; MySQL: a unique key is named after its first column, the primary key {@code PRIMARY}), so
 * a later DROP CONSTRAINT or DROP INDEX by that name removes it. Renames of tables and columns carry keys
 * along; dropping a column drops every key that uses it, as PostgreSQL does (MySQL keeps a multi-column index
 * on the columns left, see {@link #apply}). Expression index columns keep their text, which matches no
 * column.
 */
public final class TableKeys {

    /** What a key is: a plain index, or one that enforces uniqueness (UNIQUE, PRIMARY KEY, EXCLUDE). */
    public enum Kind { INDEX, UNIQUE, PRIMARY_KEY, EXCLUDE, FOREIGN_KEY }

    /**
     * One key of a table.
     *
     * @param name     its name as the database knows it (lower-cased and unquoted for comparison)
     * @param kind     what it is
     * @param columns  its key columns in order (the referencing columns of a foreign key)
     * @param parent   for a foreign key, the table it references
     * @param declared the operation that created it (to follow one declaration to the end of a history)
     * @param parentColumns for a foreign key, the referenced columns as written; empty when not written (the
     *                 parent's primary key)
     * @param givenName whether the migration named it; false when {@code name} is the one the database gives
     */
    public record Key(String name, Kind kind, List<String> columns, TableName parent, Operation declared,
                      List<String> parentColumns, boolean givenName) {
        public Key {
            columns = List.copyOf(columns);
            parentColumns = parentColumns == null ? List.of() : List.copyOf(parentColumns);
        }

        /** A key named in its migration, that references no columns in particular. */
        public Key(String name, Kind kind, List<String> columns, TableName parent, Operation declared) {
            this(name, kind, columns, parent, declared, List.of(), true);
        }

        /** Whether the key rejects duplicate values of its columns. */
        public boolean unique() {
            return kind == Kind.UNIQUE || kind == Kind.PRIMARY_KEY;
        }

        /** Whether the database answers lookups by the leading columns from it (every kind but a foreign key). */
        public boolean indexed() {
            return kind != Kind.FOREIGN_KEY;
        }

        /** "primary key", "unique constraint t_a_key", "foreign key t_a_fkey", "index t_a_idx". */
        public String describe() {
            return switch (kind) {
                case PRIMARY_KEY -> "primary key";
                case UNIQUE -> "unique key " + name;
                case EXCLUDE -> "exclusion constraint " + name;
                case FOREIGN_KEY -> "foreign key " + name;
                case INDEX -> "index " + name;
            };
        }

        Key withColumns(List<String> newColumns) {
            return new Key(name, kind, newColumns, parent, declared, parentColumns, givenName);
        }

        Key withParent(TableName newParent) {
            return new Key(name, kind, columns, newParent, declared, parentColumns, givenName);
        }

        Key withParentColumns(List<String> newParentColumns) {
            return new Key(name, kind, columns, parent, declared, newParentColumns, givenName);
        }
    }

    private final Dialect dialect;
    private final Map<String, List<Key>> byTable = new HashMap<>();

    private TableKeys(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The keys before any migration of the history ran; feed it operations with {@link #apply}. */
    public static TableKeys empty(Dialect dialect) {
        return new TableKeys(dialect);
    }

    /** The keys once every migration of the history before {@code ctx.migration()} committed. */
    public static TableKeys before(MigrationContext ctx) {
        return replay(ctx, m -> m == ctx.migration(), false);
    }

    /** The keys once {@code ctx.migration()} and every migration before it committed. */
    public static TableKeys atEndOf(MigrationContext ctx) {
        return replay(ctx, m -> m == ctx.migration(), true);
    }

    /** The keys the whole history leaves, every migration for this database included. */
    public static TableKeys atEndOfHistory(MigrationContext ctx) {
        return replay(ctx, m -> false, false);
    }

    private static TableKeys replay(MigrationContext ctx, Predicate<Migration> stop, boolean inclusive) {
        TableKeys keys = new TableKeys(ctx.dialect());
        for (Migration m : ctx.history().migrations()) {
            boolean last = stop.test(m);
            if (last && !inclusive) {
                break;
            }
            if (m.appliesTo(ctx.dialect())) {
                m.operations().forEach(keys::apply);
            }
            if (last) {
                break;
            }
        }
        return keys;
    }

    /** Every key of the table, in the order they were created. */
    public List<Key> of(TableName table) {
        return List.copyOf(byTable.getOrDefault(key(table), List.of()));
    }

    /** Whether some index of the table has {@code columns} (in any order) as its leading key columns. */
    public boolean leadsWith(TableName table, List<String> columns) {
        for (Key k : byTable.getOrDefault(key(table), List.of())) {
            if (k.indexed() && k.columns().size() >= columns.size()
                    && k.columns().subList(0, columns.size()).containsAll(columns)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A unique key (UNIQUE or PRIMARY KEY) of the table whose columns are all among {@code columns}: while it
     * holds, no two rows can share a value of {@code columns} either. Null when there is none.
     */
    public Key uniqueWithin(TableName table, List<String> columns) {
        for (Key k : byTable.getOrDefault(key(table), List.of())) {
            if (k.unique() && !k.columns().isEmpty() && columns.containsAll(k.columns())) {
                return k;
            }
        }
        return null;
    }

    /** Whether {@code column} alone can hold no duplicate: a unique key of the table has only that column. */
    public boolean uniqueColumn(TableName table, String column) {
        return uniqueWithin(table, List.of(column)) != null;
    }

    /** An index of the table that has all of {@code columns} among its key columns, though not leading; or null. */
    public Key containing(TableName table, List<String> columns) {
        for (Key k : byTable.getOrDefault(key(table), List.of())) {
            if (k.indexed() && k.columns().containsAll(columns)) {
                return k;
            }
        }
        return null;
    }

    /** A key and the table it is on. */
    public record Placed(TableName table, Key key) {
    }

    /** Every foreign key of every table. */
    public List<Key> allForeignKeys() {
        return placedForeignKeys().stream().map(Placed::key).toList();
    }

    /** Every foreign key of every table, with its table. */
    public List<Placed> placedForeignKeys() {
        List<Placed> out = new ArrayList<>();
        byTable.forEach((table, list) -> {
            for (Key k : list) {
                if (k.kind() == Kind.FOREIGN_KEY) {
                    out.add(new Placed(new TableName(null, table), k));
                }
            }
        });
        return out;
    }

    /** The keys of the table with {@code column} among their columns (PostgreSQL drops them all with it). */
    public List<Key> using(TableName table, String column) {
        return byTable.getOrDefault(key(table), List.of()).stream().filter(k -> k.columns().contains(column)).toList();
    }

    /** The key of the table by that name (MySQL's {@code primary} for the primary key), or null. */
    public Key named(TableName table, String name) {
        if (name == null || name.equalsIgnoreCase("primary")) {
            return byTable.getOrDefault(key(table), List.of()).stream().filter(k -> k.kind() == Kind.PRIMARY_KEY)
                    .findFirst().orElse(null);
        }
        return find(table, name);
    }

    /** The index (not a foreign key) of that name, on {@code table} or, when it is null, on any table; or null. */
    public Placed index(TableName table, String name) {
        String n = lastSegment(name);
        for (Map.Entry<String, List<Key>> e : byTable.entrySet()) {
            if (table != null && !e.getKey().equals(key(table))) {
                continue;
            }
            for (Key k : e.getValue()) {
                if (k.kind() != Kind.FOREIGN_KEY && k.name().equals(n)) {
                    return new Placed(new TableName(null, e.getKey()), k);
                }
            }
        }
        return null;
    }

    /**
     * The foreign keys, of any table (this one included), whose referenced columns of {@code table} include
     * {@code column}: each depends on the unique key it references, which goes with the column.
     */
    public List<Placed> referencingColumn(TableName table, String column) {
        return placedForeignKeys().stream().filter(p -> referencedColumns(table, p.key()).contains(column)).toList();
    }

    /**
     * The foreign keys, of any table, that reference {@code key} of {@code table}: their referenced columns are
     * its columns (in any order), or unwritten when it is the primary key. These are what PostgreSQL refuses to
     * leave without the key (DROP CONSTRAINT fails) and what CASCADE drops.
     */
    public List<Placed> referencing(TableName table, Key key) {
        if (!key.unique()) {
            return List.of();
        }
        return placedForeignKeys().stream().filter(p -> {
            List<String> refs = referencedColumns(table, p.key());
            return !refs.isEmpty() && refs.size() == key.columns().size() && refs.containsAll(key.columns());
        }).toList();
    }

    /**
     * MySQL/MariaDB: the foreign keys that reference {@code table} through {@code index} and no other: InnoDB needs
     * an index of the referenced table whose leading columns are the referenced ones, unique or not, and refuses
     * to drop the last one (error 1553).
     */
    public List<Placed> referencingWithoutOtherIndex(TableName table, Key index) {
        List<Key> others = byTable.getOrDefault(key(table), List.of()).stream()
                .filter(k -> k != index && k.indexed()).toList();
        return placedForeignKeys().stream().filter(p -> {
            List<String> refs = referencedColumns(table, p.key());
            return !refs.isEmpty() && leads(index, refs) && others.stream().noneMatch(o -> leads(o, refs));
        }).toList();
    }

    private static boolean leads(Key k, List<String> columns) {
        return k.columns().size() >= columns.size() && k.columns().subList(0, columns.size()).equals(columns);
    }

    /** The columns of {@code table} a foreign key references (its parent's primary key when none are written). */
    private List<String> referencedColumns(TableName table, Key fk) {
        if (fk.parent() == null || !fk.parent().name().equals(table.name())) {
            return List.of();
        }
        if (!fk.parentColumns().isEmpty()) {
            return fk.parentColumns();
        }
        Key pk = named(table, null);
        return pk == null ? List.of() : pk.columns();
    }

    /** Applies one operation. */
    public void apply(Operation op) {
        if (op instanceof Operation.CreateTable c) {
            if (c.ifNotExists() && byTable.containsKey(key(c.table()))) {
                return;
            }
            byTable.put(key(c.table()), new ArrayList<>());
            for (ColumnDef col : c.columns()) {
                addColumnKeys(c.table(), col, op);
            }
            for (ConstraintDef k : c.constraints()) {
                addConstraint(c.table(), k, op);
            }
        } else if (op instanceof Operation.AddColumn a) {
            addColumnKeys(a.table(), a.column(), op);
        } else if (op instanceof Operation.AddConstraint a) {
            addConstraint(a.table(), a.constraint(), op);
        } else if (op instanceof Operation.CreateIndex i && i.table() != null) {
            String name = i.name() != null ? i.name() : defaultName(i.table(), i.columns(), "idx");
            if (i.ifNotExists() && find(i.table(), name) != null) {
                return;
            }
            add(i.table(), new Key(norm(name), i.unique() ? Kind.UNIQUE : Kind.INDEX, i.columns(), null, op, List.of(),
                    i.name() != null));
        } else if (op instanceof Operation.DropIndex d && d.name() != null) {
            String name = lastSegment(d.name());
            Placed dropped = index(d.table(), d.name());
            if (dropped != null && d.cascade() && !dialect.isMySqlFamily()) {
                List<Placed> gone = referencing(dropped.table(), dropped.key());
                byTable.values().forEach(l -> l.removeIf(k -> gone.stream().anyMatch(p -> p.key() == k)));
            }
            if (d.table() != null) {
                list(d.table()).removeIf(k -> k.kind() != Kind.FOREIGN_KEY && k.name().equals(name));
            } else {
                byTable.values().forEach(l -> l.removeIf(k -> k.kind() != Kind.FOREIGN_KEY && k.name().equals(name)));
            }
        } else if (op instanceof Operation.DropConstraint d) {
            List<Key> list = list(d.table());
            if (d.name() == null || d.name().equalsIgnoreCase("primary")) {
                // Liquibase dropPrimaryKey without a name, MySQL DROP PRIMARY KEY
                list.removeIf(k -> k.kind() == Kind.PRIMARY_KEY);
            } else {
                String name = lastSegment(d.name());
                Key dropped = find(d.table(), name);
                if (dropped != null && d.cascade()) {
                    List<Placed> gone = referencing(d.table(), dropped);
                    byTable.values().forEach(l -> l.removeIf(k -> gone.stream().anyMatch(p -> p.key() == k)));
                }
                list.removeIf(k -> k.name().equals(name));
            }
        } else if (op instanceof Operation.Other o && o.table() != null
                && o.kind().replace(" ", "").equalsIgnoreCase("DROPALLFOREIGNKEYCONSTRAINTS")) {
            list(o.table()).removeIf(k -> k.kind() == Kind.FOREIGN_KEY);
        } else if (op instanceof Operation.DropTable d) {
            for (TableName t : d.tables()) {
                byTable.remove(key(t));
                // a DROP that succeeds takes the foreign keys referencing the table with it (CASCADE, or none left)
                byTable.values().forEach(l -> l.removeIf(k -> k.parent() != null && k.parent().name().equals(t.name())));
            }
        } else if (op instanceof Operation.RenameTable r) {
            List<Key> list = byTable.remove(key(r.from()));
            if (list != null) {
                byTable.put(key(r.to()), list);
            }
            byTable.values().forEach(l -> l.replaceAll(k -> k.parent() != null && k.parent().name().equals(r.from().name())
                    ? k.withParent(r.to()) : k));
        } else if (op instanceof Operation.RenameColumn r) {
            renameColumn(r.table(), r.from(), r.to());
        } else if (op instanceof Operation.AlterColumnType a && a.definition().name() != null
                && !a.definition().name().equals(a.column())) {
            renameColumn(a.table(), a.column(), a.definition().name()); // MySQL CHANGE old new type
        } else if (op instanceof Operation.DropColumn d) {
            if (!dialect.isMySqlFamily()) {
                // the foreign keys that reference the column depend on its unique key: a drop that succeeds
                // (CASCADE) takes them along
                List<Placed> gone = referencingColumn(d.table(), d.column());
                byTable.values().forEach(l -> l.removeIf(k -> gone.stream().anyMatch(p -> p.key() == k)));
            }
            dropColumn(d.table(), d.column());
        }
    }

    private void addColumnKeys(TableName table, ColumnDef col, Operation op) {
        ColumnDef.Inline names = col.inline();
        if (col.primaryKey()) {
            add(table, new Key(primaryKeyName(table, names.primaryKeyName()), Kind.PRIMARY_KEY, List.of(col.name()),
                    null, op, List.of(), names.primaryKeyName() != null));
        }
        if (col.unique()) {
            add(table, new Key(uniqueName(table, names.uniqueName(), List.of(col.name())), Kind.UNIQUE,
                    List.of(col.name()), null, op, List.of(), names.uniqueName() != null));
        }
        if (col.references() != null) {
            String fk = names.referencesName();
            add(table, new Key(norm(fk != null ? fk : defaultName(table, List.of(col.name()), "fkey")), Kind.FOREIGN_KEY,
                    List.of(col.name()), col.references(), op, names.referencedColumns(), fk != null));
        }
    }

    private void addConstraint(TableName table, ConstraintDef c, Operation op) {
        switch (c.kind()) {
            case PRIMARY_KEY, UNIQUE -> {
                boolean pk = c.kind() == ConstraintDef.Kind.PRIMARY_KEY;
                if (c.usingIndex() != null) {
                    // the index becomes the constraint, under the constraint's name
                    list(table).removeIf(k -> k.kind() != Kind.FOREIGN_KEY && k.name().equals(lastSegment(c.usingIndex())));
                }
                String name = pk ? primaryKeyName(table, c.name()) : uniqueName(table, c.name(), c.columns());
                List<String> columns = c.columns();
                add(table, new Key(name, pk ? Kind.PRIMARY_KEY : Kind.UNIQUE, columns, null, op, List.of(),
                        c.name() != null));
            }
            case EXCLUDE -> add(table, new Key(norm(c.name() != null ? c.name() : defaultName(table, c.columns(), "excl")),
                    Kind.EXCLUDE, c.columns(), null, op, List.of(), c.name() != null));
            case FOREIGN_KEY -> add(table, new Key(norm(c.name() != null ? c.name()
                    : defaultName(table, c.columns(), "fkey")), Kind.FOREIGN_KEY, c.columns(), c.referencedTable(), op,
                    c.referencedColumns(), c.name() != null));
            default -> {
            }
        }
    }

    private String primaryKeyName(TableName table, String written) {
        if (dialect.isMySqlFamily()) {
            return "primary";
        }
        return norm(written != null ? written : table.name() + "_pkey");
    }

    private String uniqueName(TableName table, String written, List<String> columns) {
        if (written != null) {
            return norm(written);
        }
        return norm(dialect.isMySqlFamily() && !columns.isEmpty() ? columns.get(0) : defaultName(table, columns, "key"));
    }

    private void renameColumn(TableName table, String from, String to) {
        byTable.values().forEach(l -> l.replaceAll(k -> k.parent() != null && k.parent().name().equals(table.name())
                && k.parentColumns().contains(from)
                ? k.withParentColumns(k.parentColumns().stream().map(c -> c.equals(from) ? to : c).toList()) : k));
        List<Key> list = byTable.get(key(table));
        if (list == null) {
            return;
        }
        list.replaceAll(k -> k.columns().contains(from)
                ? k.withColumns(k.columns().stream().map(c -> c.equals(from) ? to : c).toList()) : k);
    }

    private void dropColumn(TableName table, String column) {
        List<Key> list = byTable.get(key(table));
        if (list == null) {
            return;
        }
        if (dialect.isMySqlFamily()) {
            // MySQL takes the column out of each index and drops an index only when no column is left
            List<Key> kept = new ArrayList<>();
            for (Key k : list) {
                if (!k.columns().contains(column)) {
                    kept.add(k);
                } else if (k.kind() != Kind.FOREIGN_KEY && k.columns().size() > 1) {
                    kept.add(k.withColumns(k.columns().stream().filter(c -> !c.equals(column)).toList()));
                }
            }
            list.clear();
            list.addAll(kept);
        } else {
            list.removeIf(k -> k.columns().contains(column));
        }
    }

    private Key find(TableName table, String name) {
        String n = lastSegment(name);
        return byTable.getOrDefault(key(table), List.of()).stream().filter(k -> k.name().equals(n)).findFirst()
                .orElse(null);
    }

    private void add(TableName table, Key k) {
        list(table).add(k);
    }

    private List<Key> list(TableName table) {
        return byTable.computeIfAbsent(key(table), t -> new ArrayList<>());
    }

    private static String key(TableName table) {
        return table.name();
    }

    /** PostgreSQL's name for an unnamed constraint or index: table, columns and a suffix, joined by "_". */
    private static String defaultName(TableName table, List<String> columns, String suffix) {
        StringBuilder sb = new StringBuilder(table.name());
        for (String c : columns) {
            sb.append('_').append(c);
        }
        return sb.append('_').append(suffix).toString();
    }

    private static String norm(String name) {
        return lastSegment(Objects.requireNonNull(name));
    }

    private static String lastSegment(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
        return n.substring(n.lastIndexOf('.') + 1);
    }
}
