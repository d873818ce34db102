package dev.lifeguard.analyzer.model;

import java.util.List;

/**
 * What a migration does: one per statement, ALTER TABLE clause or Liquibase change. Every operation
 * carries the span of the statement or change it came from. Parsers translate into these records;
 * rules read only these.
 */
public sealed interface Operation {

    SourceSpan span();

    /**
     * CREATE TABLE. {@code partitionBy} is PostgreSQL's partitioning of a partitioned table as written, upper-case
     * method and key ({@code RANGE (created_at)}, {@code LIST (region)}), null for a plain table.
     */
    /**
     * CREATE TABLE. {@code partitionBy}: PostgreSQL's {@code PARTITION BY} as written ({@code RANGE (k)}), null
     * when not partitioned; {@code partitionOf} / {@code partitionBound}: for {@code CREATE TABLE t PARTITION OF
     * parent FOR VALUES ... | DEFAULT}, the parent and the bound as written after {@code FOR VALUES}
     * ({@code "DEFAULT"} for the default partition), null otherwise.
     */
    record CreateTable(SourceSpan span, TableName table, List<ColumnDef> columns, List<ConstraintDef> constraints,
                       boolean ifNotExists, boolean asSelect, String partitionBy, TableName partitionOf,
                       String partitionBound) implements Operation {
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }

        /** A table that is not a partition. */
        public CreateTable(SourceSpan span, TableName table, List<ColumnDef> columns, List<ConstraintDef> constraints,
                           boolean ifNotExists, boolean asSelect, String partitionBy) {
            this(span, table, columns, constraints, ifNotExists, asSelect, partitionBy, null, null);
        }

        /** A table that is not partitioned. */
        public CreateTable(SourceSpan span, TableName table, List<ColumnDef> columns, List<ConstraintDef> constraints,
                           boolean ifNotExists, boolean asSelect) {
            this(span, table, columns, constraints, ifNotExists, asSelect, null);
        }
    }

    record DropTable(SourceSpan span, List<TableName> tables, boolean ifExists, boolean cascade) implements Operation {
        public DropTable {
            tables = List.copyOf(tables);
        }
    }

    record RenameTable(SourceSpan span, TableName from, TableName to) implements Operation {
    }

    record AddColumn(SourceSpan span, TableName table, ColumnDef column, boolean ifNotExists) implements Operation {
    }

    record DropColumn(SourceSpan span, TableName table, String column, boolean ifExists, boolean cascade)
            implements Operation {
    }

    record RenameColumn(SourceSpan span, TableName table, String from, String to) implements Operation {
    }

    /**
     * A column's type changes. {@code fullRedefinition} is true for MySQL MODIFY / CHANGE and Liquibase
     * modifyDataType, which restate the column (so the "new" type may equal the old one); then
     * {@code definition.nullable()} also says whether the column becomes NOT NULL.
     */
    record AlterColumnType(SourceSpan span, TableName table, String column, ColumnDef definition, String using,
                           boolean fullRedefinition) implements Operation {
    }

    record SetNotNull(SourceSpan span, TableName table, String column) implements Operation {
    }

    record DropNotNull(SourceSpan span, TableName table, String column) implements Operation {
    }

    record SetDefault(SourceSpan span, TableName table, String column, String expression) implements Operation {
    }

    record DropDefault(SourceSpan span, TableName table, String column) implements Operation {
    }

    record AddConstraint(SourceSpan span, TableName table, ConstraintDef constraint) implements Operation {
    }

    record ValidateConstraint(SourceSpan span, TableName table, String name) implements Operation {
    }

    /** {@code cascade}: PostgreSQL's DROP CONSTRAINT ... CASCADE (also drops what depends on it). */
    record DropConstraint(SourceSpan span, TableName table, String name, boolean ifExists, boolean cascade)
            implements Operation {
        /** A drop without CASCADE. */
        public DropConstraint(SourceSpan span, TableName table, String name, boolean ifExists) {
            this(span, table, name, ifExists, false);
        }
    }

    /**
     * CREATE INDEX. {@code algorithm} and {@code lock} hold MySQL's ALGORITHM= / LOCK= clauses (upper
     * case), null when not written.
     */
    /**
     * CREATE INDEX (and MySQL's ADD INDEX / inline KEY). {@code kind} is MySQL's {@code FULLTEXT} or
     * {@code SPATIAL} (upper case), null for an ordinary index.
     */
    record CreateIndex(SourceSpan span, String name, TableName table, List<String> columns, boolean unique,
                       boolean concurrently, boolean ifNotExists, String algorithm, String lock, String kind)
            implements Operation {
        public CreateIndex {
            columns = List.copyOf(columns);
        }

        /** An ordinary (not FULLTEXT / SPATIAL) index. */
        public CreateIndex(SourceSpan span, String name, TableName table, List<String> columns, boolean unique,
                           boolean concurrently, boolean ifNotExists, String algorithm, String lock) {
            this(span, name, table, columns, unique, concurrently, ifNotExists, algorithm, lock, null);
        }
    }

    /** DROP INDEX; {@code table} is null when the statement does not name it (PostgreSQL). */
    /** {@code cascade}: PostgreSQL's DROP INDEX ... CASCADE (also drops the foreign keys that need the index). */
    record DropIndex(SourceSpan span, String name, TableName table, boolean concurrently, boolean ifExists,
                     boolean cascade) implements Operation {
        /** A drop without CASCADE. */
        public DropIndex(SourceSpan span, String name, TableName table, boolean concurrently, boolean ifExists) {
            this(span, name, table, concurrently, ifExists, false);
        }
    }

    /** REINDEX; {@code target} is a table or index name per {@code targetKind} (TABLE, INDEX, SCHEMA...). */
    record Reindex(SourceSpan span, String targetKind, String target, boolean concurrently) implements Operation {
    }

    /**
     * PostgreSQL {@code ALTER TABLE table ATTACH PARTITION partition FOR VALUES ... | DEFAULT}: {@code table} is
     * the partitioned table; {@code bound} the text after FOR VALUES ({@code FROM (1) TO (10)}, {@code IN (...)},
     * {@code WITH (...)}), null for DEFAULT.
     */
    record AttachPartition(SourceSpan span, TableName table, TableName partition, String bound) implements Operation {
    }

    /**
     * PostgreSQL {@code ALTER TABLE table DETACH PARTITION partition [CONCURRENTLY | FINALIZE]}: {@code table} is
     * the partitioned table; {@code finalizing} for FINALIZE (completing an interrupted CONCURRENTLY detach).
     */
    record DetachPartition(SourceSpan span, TableName table, TableName partition, boolean concurrently,
                           boolean finalizing) implements Operation {
    }

    /** MySQL/MariaDB ALTER TABLE ... ALGORITHM=... / LOCK=... clauses (upper case, null when absent). */
    record OnlineDdlOptions(SourceSpan span, TableName table, String algorithm, String lock) implements Operation {
    }

    record SetLogged(SourceSpan span, TableName table, boolean logged) implements Operation {
    }

    /** VACUUM; {@code table} is null for a database-wide VACUUM. */
    record Vacuum(SourceSpan span, TableName table, boolean full) implements Operation {
    }

    /** CLUSTER; {@code table} is null for a database-wide CLUSTER. */
    record Cluster(SourceSpan span, TableName table) implements Operation {
    }

    /**
     * ALTER DOMAIN. {@code action} says what it does; {@code notValid} is true for ADD CONSTRAINT ... NOT VALID.
     * ADD CONSTRAINT and SET NOT NULL check every column of the domain, in every table that uses it.
     */
    record AlterDomain(SourceSpan span, String domain, DomainAction action, boolean notValid) implements Operation {
    }

    enum DomainAction { ADD_CONSTRAINT, SET_NOT_NULL, VALIDATE_CONSTRAINT, OTHER }

    /**
     * DROP SCHEMA or DROP DATABASE ({@code database}): every table in it goes too (a schema only with CASCADE,
     * else the statement fails while it holds any object).
     */
    record DropSchema(SourceSpan span, List<String> names, boolean database, boolean ifExists, boolean cascade)
            implements Operation {
        public DropSchema {
            names = List.copyOf(names);
        }
    }

    /** ALTER SCHEMA ... RENAME TO: every table in it changes its qualified name. */
    record RenameSchema(SourceSpan span, String from, String to) implements Operation {
    }

    record LockTable(SourceSpan span, List<TableName> tables, String mode) implements Operation {
        public LockTable {
            tables = List.copyOf(tables);
        }
    }

    enum DataChangeKind { INSERT, UPDATE, DELETE, MERGE, UPSERT }

    /**
     * INSERT / UPDATE / DELETE / MERGE / UPSERT. {@code assignments} are the columns an UPDATE sets, with the
     * expressions as written; empty for the other kinds and when the statement could not be read that far.
     */
    record DataChange(SourceSpan span, DataChangeKind kind, TableName table, boolean hasWhere,
                      List<Assignment> assignments) implements Operation {
        public DataChange {
            assignments = List.copyOf(assignments);
        }

        /** A data change whose assignments are not known. */
        public DataChange(SourceSpan span, DataChangeKind kind, TableName table, boolean hasWhere) {
            this(span, kind, table, hasWhere, List.of());
        }
    }

    /** One column an UPDATE sets: its normalized name and the expression as written (null when not known). */
    record Assignment(String column, String expression) {
    }

    record Truncate(SourceSpan span, List<TableName> tables, boolean cascade) implements Operation {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    /** SET [LOCAL] name = value; name is lower case (e.g. {@code lock_timeout}). */
    record SessionSetting(SourceSpan span, String name, String value, boolean local) implements Operation {
    }

    enum TransactionKind { BEGIN, COMMIT, ROLLBACK, SAVEPOINT }

    record TransactionControl(SourceSpan span, TransactionKind kind) implements Operation {
    }

    /**
     * A statement that was read but has no dedicated record (CREATE VIEW, CREATE FUNCTION, GRANT, COMMENT,
     * ALTER TYPE ... ADD VALUE, SELECT...). {@code kind} is its leading keywords in upper case (e.g.
     * {@code "CREATE FUNCTION"}); {@code ddl} says whether it changes the schema; {@code table} is the
     * table it touches when known; {@code name} the view or sequence a CREATE / DROP names, when known
     * (Liquibase's viewExists and sequenceExists preconditions are answered from it).
     */
    record Other(SourceSpan span, String kind, boolean ddl, TableName table, String name) implements Operation {

        /** {@code name}: the view or sequence it creates or drops (normalized), else null. */
        public Other(SourceSpan span, String kind, boolean ddl, TableName table) {
            this(span, kind, ddl, table, null);
        }
    }

    /**
     * A change whose effect on the schema is not modelled: a Liquibase {@code customChange} (Java code), a
     * change type of a Liquibase extension Lifeguard does not translate. Never dropped: reported as a
     * {@code not-checked} note and otherwise skipped.
     *
     * @param description what it is, as the note names it ({@code custom change org.example.Fix},
     *                    {@code change type addX of extension http://example.org/ns})
     * @param javaClass   the class a customChange names, else null
     */
    record NotModelled(SourceSpan span, String description, String javaClass) implements Operation {
    }

    /** A statement that could not be read: never dropped, reported as parse-error and otherwise skipped. */
    record Unparsed(SourceSpan span, String text, String reason) implements Operation {
    }
}
