package dev.lifeguard.rules.keys;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.TableName;

import java.util.ArrayList;
import java.util.List;

/**
 * What a DROP COLUMN or DROP CONSTRAINT takes with it, from the keys the history built ({@link TableKeys}), as
 * PostgreSQL does it (measured by PostgresDropDependentsMeasurementTest): every index and key of the table using
 * the column goes, whatever the other columns of a multi-column UNIQUE, PRIMARY KEY or FOREIGN KEY; a foreign
 * key of another table (or of the same one) that references the column, or the dropped PRIMARY KEY / UNIQUE
 * constraint, depends on it: without CASCADE the statement fails ("cannot drop ... because other objects depend
 * on it"), with CASCADE it drops those foreign keys too. MySQL and MariaDB differ (see {@link #ofColumn}).
 *
 * @param own         the table's own keys that go (for a DROP CONSTRAINT: the constraint)
 * @param referencing the foreign keys that reference what goes
 * @param fails       whether the statement fails because of {@code referencing} (PostgreSQL without CASCADE)
 * @param narrowed    MySQL/MariaDB: the table's multi-column keys that lose the column and stay on the others
 */
public record DropDependents(List<TableKeys.Key> own, List<TableKeys.Placed> referencing, boolean fails,
                             List<TableKeys.Key> narrowed) {

    public DropDependents {
        own = List.copyOf(own);
        referencing = List.copyOf(referencing);
        narrowed = List.copyOf(narrowed);
    }

    /** Nothing goes with it. */
    public boolean isEmpty() {
        return own.isEmpty() && referencing.isEmpty() && narrowed.isEmpty();
    }

    /**
     * DROP COLUMN {@code column} of {@code table}. On MySQL and MariaDB an index keeps the other columns of a
     * multi-column index ({@code narrowed}) and is dropped only when the column was its last (MySQL 8.4 manual,
     * ALTER TABLE, "Adding and Dropping Columns"); MariaDB refuses to narrow a multi-column UNIQUE or PRIMARY
     * KEY (error 1072). A foreign key of the table on the column, or of any table referencing it, makes the drop
     * fail whatever CASCADE says (errors 1553 and 1829). MariaDB 10.11 measured by
     * MariaDbDropDependentsMeasurementTest.
     */
    public static DropDependents ofColumn(TableKeys keys, Dialect dialect, TableName table, String column,
                                          boolean cascade) {
        List<TableKeys.Key> using = keys.using(table, column);
        List<TableKeys.Placed> referencing = new ArrayList<>(keys.referencingColumn(table, column));
        if (dialect.isMySqlFamily()) {
            List<TableKeys.Key> own = new ArrayList<>();
            List<TableKeys.Key> narrowed = new ArrayList<>();
            boolean refused = false;
            for (TableKeys.Key k : using) {
                if (k.kind() == TableKeys.Kind.FOREIGN_KEY) {
                    refused = true; // the index the foreign key needs would lose a column
                    own.add(k);
                } else if (k.columns().size() > 1) {
                    // MariaDB (since 10.2.8) refuses to narrow a multi-column UNIQUE or PRIMARY KEY: "Key column
                    // 'a' doesn't exist in table"; MySQL narrows it, which makes it stricter
                    refused |= dialect == Dialect.MARIADB && k.unique();
                    narrowed.add(k);
                } else {
                    own.add(k);
                }
            }
            return new DropDependents(own, referencing, refused || !referencing.isEmpty(), narrowed);
        }
        // an own foreign key on the column goes with it; one referencing it is what CASCADE is for
        referencing.removeIf(p -> p.table().name().equals(table.name()) && using.contains(p.key()));
        return new DropDependents(using, referencing, !cascade && !referencing.isEmpty(), List.of());
    }

    /**
     * DROP CONSTRAINT {@code name} of {@code table} (a PRIMARY KEY or UNIQUE constraint that foreign keys
     * reference). Null when the history does not show the constraint.
     */
    public static DropDependents ofConstraint(TableKeys keys, Dialect dialect, TableName table, String name,
                                              boolean cascade) {
        TableKeys.Key key = keys.named(table, name);
        if (key == null) {
            return null;
        }
        List<TableKeys.Placed> referencing = dialect.isMySqlFamily() ? keys.referencingWithoutOtherIndex(table, key)
                : keys.referencing(table, key);
        boolean fails = dialect.isMySqlFamily() ? !referencing.isEmpty() : !cascade && !referencing.isEmpty();
        return new DropDependents(List.of(key), referencing, fails, List.of());
    }

    /**
     * DROP INDEX {@code name} (of {@code table}, or of whichever table has it when the statement does not say):
     * a unique index foreign keys reference, like a constraint. MySQL and MariaDB refuse to drop the index a
     * foreign key of another table needs unless another index of the table leads with the referenced columns
     * (error 1553). Null when the history does not show the index.
     */
    public static DropDependents ofIndex(TableKeys keys, Dialect dialect, TableName table, String name, boolean cascade) {
        TableKeys.Placed index = keys.index(table, name);
        if (index == null) {
            return null;
        }
        List<TableKeys.Placed> referencing = keys.referencing(index.table(), index.key());
        if (dialect.isMySqlFamily()) {
            referencing = keys.referencingWithoutOtherIndex(index.table(), index.key());
            return new DropDependents(List.of(index.key()), referencing, !referencing.isEmpty(), List.of());
        }
        return new DropDependents(List.of(index.key()), referencing, !cascade && !referencing.isEmpty(), List.of());
    }

    /**
     * How a message names a key: what it is, its name (saying when the migration left it unnamed and the name is
     * the database's), its columns, and for a foreign key what it references. {@code table} is the key's table.
     */
    public static String describe(TableKeys.Key k, String table, Dialect dialect) {
        String what = switch (k.kind()) {
            case PRIMARY_KEY -> "primary key";
            case UNIQUE -> k.declared() instanceof dev.lifeguard.analyzer.model.Operation.CreateIndex
                    ? "unique index" : "unique constraint";
            case EXCLUDE -> "exclusion constraint";
            case FOREIGN_KEY -> "foreign key";
            case INDEX -> "index";
        };
        String columns = " (" + String.join(", ", k.columns()) + ")";
        String references = k.kind() == TableKeys.Kind.FOREIGN_KEY && k.parent() != null
                ? " -> " + k.parent().name() + (k.parentColumns().isEmpty() ? "" : " (" + String.join(", ", k.parentColumns()) + ")")
                : "";
        return what + " " + name(k, dialect) + " on " + table + columns + references;
    }

    /** The key's name, or what the database calls a key the migration left unnamed. */
    private static String name(TableKeys.Key k, Dialect dialect) {
        if (k.givenName() || dialect.isMySqlFamily() && k.kind() == TableKeys.Kind.PRIMARY_KEY) {
            return dialect.isMySqlFamily() && k.kind() == TableKeys.Kind.PRIMARY_KEY ? "PRIMARY" : k.name();
        }
        if (dialect.isMySqlFamily()) {
            return k.kind() == TableKeys.Kind.FOREIGN_KEY ? "(unnamed)" : k.name() + " (unnamed; MySQL names it after its first column)";
        }
        // PostgreSQL's default names fit in 63 bytes by shortening the parts, and get a number on a clash
        return k.name().length() < 60 ? k.name() + " (unnamed; PostgreSQL's default name)" : "(unnamed)";
    }
}
