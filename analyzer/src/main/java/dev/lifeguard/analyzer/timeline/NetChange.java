package dev.lifeguard.analyzer.timeline;

import dev.lifeguard.analyzer.model.TableName;

/**
 * One change an application sees across a migration: the schema before it starts against the schema after
 * it commits (see {@link NetEffect}). Names are the ones the running application knows, those before the
 * migration; {@link #at()} is the index of the operation where the change shows (the one that first took the
 * name away from the table or column, or first changed its type), so a rule visiting operations reports it
 * there, once.
 */
public sealed interface NetChange {

    /** The index, in the migration's operations, of the operation to report this change at. */
    int at();

    /** The table as it was before the migration (its name is the old one). */
    TableState table();

    /** What an old name holds when the migration commits. */
    enum NameNow {
        /** Nothing: the name is gone, and code that uses it fails. */
        NOTHING,
        /** A table or column the migration created, holding none of the old data (empty, or its default). */
        NEW_EMPTY,
        /** Another table or column that existed before the migration, renamed into the name. */
        OTHER
    }

    /** A table no longer exists under its name (dropped, or renamed and then dropped). */
    record TableDropped(int at, TableState table, NameNow nameNow) implements NetChange {
    }

    /** A table exists under another name; {@code nameNow} is what its old name holds. */
    record TableRenamed(int at, TableState table, TableName to, NameNow nameNow) implements NetChange {
    }

    /**
     * A column's data is no longer under its name: dropped, or (in a table rebuilt through a copy) not
     * copied. {@code holder} is the column that holds the name now, if any.
     */
    record ColumnDropped(int at, TableState table, ColumnState column, NameNow nameNow, ColumnState holder)
            implements NetChange {
    }

    /** A column exists under another name; {@code nameNow} is what its old name holds. */
    record ColumnRenamed(int at, TableState table, ColumnState column, String to, NameNow nameNow) implements NetChange {
    }

    /**
     * A column's name holds values of another type: changed in place ({@code throughCopy} false), or copied
     * into a new column (or a rebuilt table) that took the name. {@code column} is the column before (its
     * type may be unknown: null); {@code now} the one after. The types may be spelled differently and still be
     * the same: the rule judges them.
     */
    record ColumnRetyped(int at, TableState table, ColumnState column, ColumnState now, boolean throughCopy)
            implements NetChange {
    }

    /**
     * A table was rebuilt: its name holds a new table the migration filled from the old rows (created, filled
     * by INSERT ... SELECT, the old one dropped or renamed away). Its columns' fates are reported as
     * {@link ColumnDropped} and {@link ColumnRetyped} when the old columns are known.
     */
    record TableRebuilt(int at, TableState table, TableState now) implements NetChange {
    }
}
