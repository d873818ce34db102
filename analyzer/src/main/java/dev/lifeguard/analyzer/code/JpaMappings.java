package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.model.CodeReference;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the classes of all files together and names the tables and columns each entity maps: its table
 * (explicit, or from the entity name through the naming strategy), its fields and those of its mapped
 * superclasses, the fields of embeddables it embeds (with {@code @AttributeOverride}s), join columns,
 * secondary tables, join and collection tables. A subclass entity without an inheritance strategy of
 * its own tables maps into its root's table (SINGLE_TABLE, JPA's default).
 */
final class JpaMappings {
    private final Map<String, JpaClass> bySimpleName = new HashMap<>();
    private final NamingStrategy naming;
    private final References out;

    JpaMappings(List<JpaClass> classes, NamingStrategy naming, References out) {
        classes.forEach(c -> bySimpleName.putIfAbsent(c.name(), c));
        this.naming = naming;
        this.out = out;
        for (JpaClass c : classes) {
            if (c.kind() == JpaClass.Kind.ENTITY) {
                entity(c);
            }
        }
    }

    /** The columns of the entity being walked, in its table and secondary tables (each once). */
    private Map<String, References.Column> columns;
    private Set<TableName> ownTables;

    private void entity(JpaClass c) {
        JpaClass root = inheritanceRoot(c);
        TableName table = tableOf(root == null ? c : root);
        out.add(table, null, c.file(), c.line(), CodeReference.Kind.JPA_MAPPING);
        columns = new java.util.LinkedHashMap<>();
        ownTables = new HashSet<>(List.of(table));
        c.secondary().forEach(s -> ownTables.add(new TableName(null, naming.physical(s.name()))));
        for (JpaClass.Named s : c.secondary()) {
            out.add(new TableName(null, naming.physical(s.name())), null, c.file(), s.line(), CodeReference.Kind.JPA_MAPPING);
        }
        Set<String> seen = new HashSet<>();
        for (JpaClass k = c; k != null && seen.add(k.name()); k = superclass(k)) {
            if (k != c && k.kind() == JpaClass.Kind.ENTITY) {
                break; // a superclass entity maps its own fields
            }
            fields(k, table, "", Map.of(), new HashSet<>());
        }
        out.entity(new References.Entity(c.name(), table, c.file(), c.line(), List.copyOf(columns.values())));
        columns = null;
    }

    /** A column the entity maps (in its own or a secondary table): a reference, and one of the entity's columns. */
    private void column(TableName target, String column, JpaClass.Field f, String attribute, java.nio.file.Path file,
                        int line) {
        out.add(target, column, file, line, CodeReference.Kind.JPA_MAPPING);
        if (columns != null && ownTables.contains(target)) {
            String key = target + "." + column;
            References.Column known = columns.get(key);
            if (known == null || !known.insertable() && f.insertable()) {
                // a column mapped twice (a foreign key also mapped read-only) is written by the writable mapping
                columns.put(key, new References.Column(target, column, attribute, f.type(), file, line, f.insertable()));
            }
        }
    }

    /** An {@code @AttributeOverride} column, where the entity (or an outer embeddable) writes it. */
    private record Override(String column, java.nio.file.Path file, int line) {
    }

    private void fields(JpaClass c, TableName table, String path, Map<String, Override> overrides, Set<String> stack) {
        if (!stack.add(c.name())) {
            return; // an embeddable that embeds itself: broken code, not an endless walk
        }
        for (JpaClass.Field f : c.fields()) {
            for (JpaClass.OwnTable own : f.ownTables()) {
                TableName t = new TableName(null, naming.physical(own.table().name()));
                out.add(t, null, c.file(), own.table().line(), CodeReference.Kind.JPA_MAPPING);
                own.columns().forEach(col -> out.add(t, naming.physical(col.name()), c.file(), col.line(),
                        CodeReference.Kind.JPA_MAPPING));
            }
            if (!f.ownTables().isEmpty()) {
                continue;
            }
            JpaClass embeddable = bySimpleName.get(f.type());
            String attribute = path.isEmpty() ? f.name() : path + "." + f.name();
            if (embeddable != null && embeddable.kind() == JpaClass.Kind.EMBEDDABLE) {
                Map<String, Override> merged = new HashMap<>();
                f.overrides().forEach((k, v) -> merged.put(attribute + "." + k, new Override(v.name(), c.file(), v.line())));
                merged.putAll(overrides); // an outer override wins over an inner one
                fields(embeddable, table, attribute, merged, stack);
                continue;
            }
            if (f.embedded()) {
                continue; // an embeddable we did not find (another module, a library): its columns are unknown
            }
            TableName target = f.columnTable() != null ? new TableName(null, naming.physical(f.columnTable())) : table;
            Override override = overrides.get(attribute);
            List<String> mapped = new ArrayList<>();
            if (override != null) {
                mapped.add(naming.physical(override.column()));
                column(target, naming.physical(override.column()), f, attribute, override.file(), override.line());
            } else if (!f.joinColumns().isEmpty()) {
                f.joinColumns().forEach(j -> {
                    mapped.add(naming.physical(j.name()));
                    column(target, naming.physical(j.name()), f, attribute, c.file(), j.line());
                });
            } else if (f.defaultJoinColumn()) {
                mapped.add(naming.physical(f.name()) + "_id");
                column(target, naming.physical(f.name()) + "_id", f, attribute, c.file(), f.line());
            } else {
                String column = f.column() != null ? f.column() : f.name();
                mapped.add(naming.physical(column));
                column(target, naming.physical(column), f, attribute, c.file(), f.line());
            }
            if (f.nonNull() != null) {
                JpaClass.NonNull n = f.nonNull();
                mapped.forEach(col -> out.nonNull(target, col, c.file(), n.line(), c.name() + "." + f.name() + ": "
                        + n.reason(), n.failsOnLoad()));
            }
        }
        stack.remove(c.name());
    }

    /** The entity whose table a SINGLE_TABLE subclass shares, or null when the class has its own table. */
    private JpaClass inheritanceRoot(JpaClass c) {
        JpaClass root = null;
        Set<String> seen = new HashSet<>();
        for (JpaClass k = superclass(c); k != null && seen.add(k.name()); k = superclass(k)) {
            if (k.kind() == JpaClass.Kind.ENTITY) {
                if (k.joined()) {
                    return null;
                }
                root = k;
            }
        }
        return root;
    }

    private JpaClass superclass(JpaClass c) {
        return c.superclass() == null ? null : bySimpleName.get(c.superclass());
    }

    /** The table; {@code @Table(schema = ...)} is not read, so the name matches that table in any schema. */
    private TableName tableOf(JpaClass c) {
        String logical = c.table() != null ? c.table() : c.entityName() != null ? c.entityName() : c.name();
        return new TableName(null, naming.physical(logical));
    }

    /** References as they are found: one list for the whole index, deduplicated by table, column, file and line. */
    static final class References {
        record Key(TableName table, String column, java.nio.file.Path file, int line, CodeReference.Kind kind) {
        }

        /** A mapping that cannot take NULL from its column (see {@link JpaClass.NonNull}). */
        record NonNullKey(TableName table, String column, java.nio.file.Path file, int line, String reason,
                          boolean failsOnLoad) {
        }

        /** An entity as found: its table and mapped columns, lines in their files. */
        record Entity(String name, TableName table, java.nio.file.Path file, int line, List<Column> columns) {
        }

        record Column(TableName table, String column, String attribute, String type, java.nio.file.Path file, int line,
                      boolean insertable) {
        }

        /** A statement of the code, lines in its file. */
        record Statement(String sql, java.nio.file.Path file, int fromLine, int toLine, CodeReference.Kind kind,
                         dev.lifeguard.analyzer.model.CodeStatement.Form form, boolean parameterised,
                         List<dev.lifeguard.analyzer.model.CodeStatement.Name> names) {
        }

        private final Set<Key> keys = new java.util.LinkedHashSet<>();
        private final Set<NonNullKey> nonNull = new java.util.LinkedHashSet<>();
        private final List<Entity> entities = new ArrayList<>();
        private final List<Statement> statements = new ArrayList<>();

        synchronized void add(TableName table, String column, java.nio.file.Path file, int line, CodeReference.Kind kind) {
            keys.add(new Key(table, column, file, line, kind));
        }

        synchronized void nonNull(TableName table, String column, java.nio.file.Path file, int line, String reason,
                                  boolean failsOnLoad) {
            nonNull.add(new NonNullKey(table, column, file, line, reason, failsOnLoad));
        }

        synchronized void entity(Entity e) {
            entities.add(e);
        }

        synchronized void statement(Statement s) {
            statements.add(s);
        }

        synchronized List<Statement> statements() {
            return new ArrayList<>(statements);
        }

        synchronized List<Entity> entities() {
            return new ArrayList<>(entities);
        }

        synchronized List<Key> all() {
            return new ArrayList<>(keys);
        }

        synchronized List<NonNullKey> allNonNull() {
            return new ArrayList<>(nonNull);
        }
    }
}
