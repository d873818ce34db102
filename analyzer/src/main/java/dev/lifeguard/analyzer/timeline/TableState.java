package dev.lifeguard.analyzer.timeline;

import dev.lifeguard.analyzer.model.TableName;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A table as the replayed history left it, and where it was created. */
public final class TableState {
    private TableName name;
    private final Path createdInFile;
    private final String createdByMigration;
    private final Map<String, ColumnState> columns = new LinkedHashMap<>();

    TableState(TableName name, Path createdInFile, String createdByMigration) {
        this.name = name;
        this.createdInFile = createdInFile;
        this.createdByMigration = createdByMigration;
    }

    TableState copy() {
        TableState t = new TableState(name, createdInFile, createdByMigration);
        t.columns.putAll(columns);
        return t;
    }

    public TableName name() {
        return name;
    }

    void rename(TableName to) {
        this.name = to;
    }

    /** The file of the migration that created the table. */
    public Path createdInFile() {
        return createdInFile;
    }

    /** The id of the migration that created the table. */
    public String createdByMigration() {
        return createdByMigration;
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
