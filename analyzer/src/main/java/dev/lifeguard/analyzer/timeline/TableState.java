package dev.lifeguard.analyzer.timeline;

import dev.lifeguard.analyzer.model.TableName;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A table as the replayed history left it, and where it was created. Its identity survives renames: a
 * table dropped and created again under the same name is another table. A <em>presumed</em> table is one
 * no migration read created, which a migration alters, renames or drops: it exists in production, but
 * what it holds is not known ({@link #createdInFile()} and {@link #createdByMigration()} are null).
 */
public final class TableState {
    private TableName name;
    private final Path createdInFile;
    private final String createdByMigration;
    private final Object identity;
    private final Map<String, ColumnState> columns = new LinkedHashMap<>();
    /** Created from a query (CREATE TABLE ... AS SELECT *): which columns it has is not known. */
    private boolean columnsUnknown;

    TableState(TableName name, Path createdInFile, String createdByMigration) {
        this(name, createdInFile, createdByMigration, new Object());
    }

    private TableState(TableName name, Path createdInFile, String createdByMigration, Object identity) {
        this.name = name;
        this.createdInFile = createdInFile;
        this.createdByMigration = createdByMigration;
        this.identity = identity;
    }

    /** A table of production no migration read created. */
    static TableState presumed(TableName name) {
        return new TableState(name, null, null);
    }

    TableState copy() {
        TableState t = new TableState(name, createdInFile, createdByMigration, identity);
        t.columns.putAll(columns);
        t.columnsUnknown = columnsUnknown;
        return t;
    }

    void markColumnsUnknown() {
        columnsUnknown = true;
    }

    /** Whether the table was created from a query, so a column it does not list may still be there. */
    public boolean columnsUnknown() {
        return columnsUnknown;
    }

    public TableName name() {
        return name;
    }

    void rename(TableName to) {
        this.name = to;
    }

    /** The file of the migration that created the table; null for a table no migration read created. */
    public Path createdInFile() {
        return createdInFile;
    }

    /** The id of the migration that created the table; null for a table no migration read created. */
    public String createdByMigration() {
        return createdByMigration;
    }

    /** Whether no migration read created this table (it exists in production; its columns are known only as named). */
    public boolean isPresumed() {
        return createdInFile == null;
    }

    /** Whether this is the same table as {@code other}, whatever either is called. */
    public boolean sameTableAs(TableState other) {
        return other != null && identity == other.identity;
    }

    Object identity() {
        return identity;
    }

    public Optional<ColumnState> column(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    public Map<String, ColumnState> columns() {
        return java.util.Collections.unmodifiableMap(columns);
    }

    Map<String, ColumnState> mutableColumns() {
        return columns;
    }
}
