package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.liquibase.ChangelogDocument.Region;
import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.ConstraintDef;
import dev.lifeguard.analyzer.model.Operation;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;
import dev.lifeguard.analyzer.model.TableName;
import liquibase.change.AbstractSQLChange;
import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.core.*;
import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RuntimeStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.lifeguard.analyzer.liquibase.ColumnTranslation.name;
import static dev.lifeguard.analyzer.liquibase.ColumnTranslation.names;

/**
 * One Liquibase change into operations. The common change types map straight onto the model; every
 * other one is written out as SQL by Liquibase's own generators for the dialect (offline) and read by the
 * SQL parser, so no change type is silently ignored. Changes that would run code or print while
 * generating (customChange, executeCommand, output, stop) are never handed to a generator.
 */
final class ChangeTranslator {
    private final LoadContext ctx;
    private final SqlFileReader sqlFiles;

    ChangeTranslator(LoadContext ctx) {
        this.ctx = ctx;
        this.sqlFiles = new SqlFileReader(ctx);
    }

    /**
     * @param file      the changelog the change is written in
     * @param at        the change's span
     * @param sqlRegion where its inline SQL text stands, null when unknown
     */
    List<Operation> translate(Change change, SourceFile file, SourceSpan at, Region sqlRegion) {
        try {
            List<Operation> direct = direct(change, file, at, sqlRegion);
            return direct != null ? direct : generated(change, at);
        } catch (RuntimeException e) {
            return cannotTranslate(change, at, e.getMessage());
        }
    }

    private List<Operation> direct(Change change, SourceFile file, SourceSpan at, Region sqlRegion) {
        if (change instanceof SQLFileChange f) {
            return sqlFiles.read(f, file, at);
        }
        if (change instanceof AbstractSQLChange s) {
            return SqlText.parse(ctx.sql, file, sqlRegion, s.getSql(), s.getEndDelimiter(), at);
        }
        if (change instanceof CreateTableChange c) {
            List<ColumnDef> columns = new ArrayList<>();
            List<ConstraintDef> constraints = new ArrayList<>();
            for (ColumnConfig col : c.getColumns()) {
                columns.add(ColumnTranslation.column(col, ctx.runtime::databaseType));
                if (col.getConstraints() != null && col.getConstraints().getCheckConstraint() != null) {
                    constraints.add(new ConstraintDef(null, ConstraintDef.Kind.CHECK, List.of(name(col.getName())), null,
                            col.getConstraints().getCheckConstraint(), false, null));
                }
            }
            return List.of(new Operation.CreateTable(at, table(c.getSchemaName(), c.getTableName()), columns, constraints,
                    Boolean.TRUE.equals(c.getIfNotExists()), false));
        }
        if (change instanceof DropTableChange c) {
            return List.of(new Operation.DropTable(at, List.of(table(c.getSchemaName(), c.getTableName())), false,
                    Boolean.TRUE.equals(c.isCascadeConstraints())));
        }
        if (change instanceof RenameTableChange c) {
            return List.of(new Operation.RenameTable(at, table(c.getSchemaName(), c.getOldTableName()),
                    table(c.getSchemaName(), c.getNewTableName())));
        }
        if (change instanceof AddColumnChange c) {
            List<Operation> ops = new ArrayList<>();
            for (AddColumnConfig col : c.getColumns()) {
                ops.add(new Operation.AddColumn(at, table(c.getSchemaName(), c.getTableName()),
                        ColumnTranslation.positioned(ColumnTranslation.column(col, ctx.runtime::databaseType), col), false));
            }
            return ops;
        }
        if (change instanceof DropColumnChange c) {
            List<Operation> ops = new ArrayList<>();
            TableName t = table(c.getSchemaName(), c.getTableName());
            if (c.getColumnName() != null) {
                ops.add(new Operation.DropColumn(at, t, name(c.getColumnName()), false, false));
            }
            for (ColumnConfig col : c.getColumns()) {
                ops.add(new Operation.DropColumn(at, t, name(col.getName()), false, false));
            }
            return ops;
        }
        if (change instanceof RenameColumnChange c) {
            return List.of(new Operation.RenameColumn(at, table(c.getSchemaName(), c.getTableName()),
                    name(c.getOldColumnName()), name(c.getNewColumnName())));
        }
        if (change instanceof ModifyDataTypeChange c) {
            // MySQL gets "MODIFY col type": the column is restated, losing NOT NULL and default; elsewhere "ALTER ... TYPE"
            return List.of(new Operation.AlterColumnType(at, table(c.getSchemaName(), c.getTableName()), name(c.getColumnName()),
                    ColumnDef.of(name(c.getColumnName()), ctx.runtime.databaseType(c.getNewDataType())), null, ctx.dialect.isMySqlFamily()));
        }
        if (change instanceof AddNotNullConstraintChange c) {
            TableName t = table(c.getSchemaName(), c.getTableName());
            List<Operation> ops = new ArrayList<>();
            if (c.getDefaultNullValue() != null) {
                // Liquibase backfills NULLs first: UPDATE t SET col = default WHERE col IS NULL
                ops.add(new Operation.DataChange(at, Operation.DataChangeKind.UPDATE, t, true));
            }
            ops.add(new Operation.SetNotNull(at, t, name(c.getColumnName())));
            return ops;
        }
        if (change instanceof DropNotNullConstraintChange c) {
            return List.of(new Operation.DropNotNull(at, table(c.getSchemaName(), c.getTableName()), name(c.getColumnName())));
        }
        if (change instanceof AddDefaultValueChange c) {
            return List.of(new Operation.SetDefault(at, table(c.getSchemaName(), c.getTableName()), name(c.getColumnName()),
                    defaultOf(c)));
        }
        if (change instanceof DropDefaultValueChange c) {
            return List.of(new Operation.DropDefault(at, table(c.getSchemaName(), c.getTableName()), name(c.getColumnName())));
        }
        return constraintsAndData(change, at);
    }

    private List<Operation> constraintsAndData(Change change, SourceSpan at) {
        if (change instanceof AddForeignKeyConstraintChange c) {
            return List.of(new Operation.AddConstraint(at, table(c.getBaseTableSchemaName(), c.getBaseTableName()),
                    new ConstraintDef(name(c.getConstraintName()), ConstraintDef.Kind.FOREIGN_KEY, names(c.getBaseColumnNames()),
                            table(c.getReferencedTableSchemaName(), c.getReferencedTableName()), null,
                            Boolean.FALSE.equals(c.getValidate()), null, names(c.getReferencedColumnNames()))));
        }
        if (change instanceof AddUniqueConstraintChange c) {
            return List.of(new Operation.AddConstraint(at, table(c.getSchemaName(), c.getTableName()),
                    new ConstraintDef(name(c.getConstraintName()), ConstraintDef.Kind.UNIQUE, names(c.getColumnNames()), null,
                            null, Boolean.FALSE.equals(c.getValidate()), name(c.getForIndexName()))));
        }
        if (change instanceof AddPrimaryKeyChange c) {
            return List.of(new Operation.AddConstraint(at, table(c.getSchemaName(), c.getTableName()),
                    new ConstraintDef(name(c.getConstraintName()), ConstraintDef.Kind.PRIMARY_KEY, names(c.getColumnNames()), null,
                            null, Boolean.FALSE.equals(c.getValidate()), name(c.getForIndexName()))));
        }
        if (change instanceof DropForeignKeyConstraintChange c) {
            return List.of(new Operation.DropConstraint(at, table(c.getBaseTableSchemaName(), c.getBaseTableName()),
                    name(c.getConstraintName()), false));
        }
        if (change instanceof DropUniqueConstraintChange c) {
            return List.of(new Operation.DropConstraint(at, table(c.getSchemaName(), c.getTableName()), name(c.getConstraintName()), false));
        }
        if (change instanceof DropPrimaryKeyChange c) {
            return List.of(new Operation.DropConstraint(at, table(c.getSchemaName(), c.getTableName()), name(c.getConstraintName()), false));
        }
        if (change instanceof CreateIndexChange c) {
            List<String> columns = new ArrayList<>();
            for (AddColumnConfig col : c.getColumns()) {
                columns.add(Boolean.TRUE.equals(col.getComputed()) ? col.getName() : name(col.getName()));
            }
            return List.of(new Operation.CreateIndex(at, name(c.getIndexName()), table(c.getSchemaName(), c.getTableName()),
                    columns, Boolean.TRUE.equals(c.isUnique()), false, false, null, null));
        }
        if (change instanceof DropIndexChange c) {
            TableName t = c.getTableName() == null ? null : table(c.getSchemaName(), c.getTableName());
            return List.of(new Operation.DropIndex(at, name(c.getIndexName()), t, false, false));
        }
        if (change instanceof LoadDataChange c) { // also loadUpdateData
            return List.of(new Operation.DataChange(at, Operation.DataChangeKind.INSERT, table(c.getSchemaName(), c.getTableName()), false));
        }
        if (change instanceof InsertDataChange c) {
            return List.of(new Operation.DataChange(at, Operation.DataChangeKind.INSERT, table(c.getSchemaName(), c.getTableName()), false));
        }
        if (change instanceof UpdateDataChange c) {
            List<Operation.Assignment> sets = new ArrayList<>();
            for (ColumnConfig col : c.getColumns()) {
                Object value = col.getValueObject();
                sets.add(new Operation.Assignment(name(col.getName()), value == null ? null : String.valueOf(value)));
            }
            return List.of(new Operation.DataChange(at, Operation.DataChangeKind.UPDATE, table(c.getSchemaName(), c.getTableName()),
                    c.getWhere() != null && !c.getWhere().isBlank(), sets));
        }
        if (change instanceof DeleteDataChange c) {
            return List.of(new Operation.DataChange(at, Operation.DataChangeKind.DELETE, table(c.getSchemaName(), c.getTableName()),
                    c.getWhere() != null && !c.getWhere().isBlank()));
        }
        if (change instanceof DropAllForeignKeyConstraintsChange c) {
            // Liquibase needs a live database to list the keys; offline it writes nothing
            return List.of(new Operation.Other(at, kind(c.getSerializedObjectName()), true,
                    table(c.getBaseTableSchemaName(), c.getBaseTableName())));
        }
        if (change instanceof TagDatabaseChange || change instanceof EmptyChange || change instanceof OutputChange
                || change instanceof StopChange || change instanceof ExecuteShellCommandChange) {
            return List.of(new Operation.Other(at, kind(change.getSerializedObjectName()), false, null));
        }
        return null;
    }

    /** Liquibase writes the SQL for the dialect; a statement that would run code at generation is refused. */
    private List<Operation> generated(Change change, SourceSpan at) {
        try {
            Database db = ctx.runtime.database();
            SqlStatement[] statements = change.generateStatements(db);
            StringBuilder sql = new StringBuilder();
            for (SqlStatement statement : statements) {
                if (statement instanceof RuntimeStatement) {
                    return cannotTranslate(change, at, "it runs code when generated");
                }
                for (Sql s : SqlGeneratorFactory.getInstance().generateSql(statement, db)) {
                    sql.append(s.toSql()).append(";\n");
                }
            }
            if (sql.length() == 0) {
                return cannotTranslate(change, at, "Liquibase generates no SQL for it offline");
            }
            return ctx.sql.parseDetached(sql.toString(), at);
        } catch (Exception | LinkageError e) {
            return cannotTranslate(change, at, DocumentLoader.message(e));
        }
    }

    /**
     * {@code modifyColumn} of the liquibase-modify-column extension (the change type Liquibase 1.x had): per
     * column, {@code ALTER TABLE t MODIFY c <type> [NOT NULL] [DEFAULT ...]} on MySQL and MariaDB (the
     * column is restated, so NOT NULL and the default are what it says), {@code ALTER COLUMN c TYPE <type>}
     * elsewhere. Read from the parsed node, since Liquibase without the extension has no class for it.
     */
    List<Operation> modifyColumn(liquibase.parser.core.ParsedNode node, SourceSpan at) {
        try {
            String tableName = node.getChildValue(null, "tableName", String.class);
            String schemaName = node.getChildValue(null, "schemaName", String.class);
            TableName t = table(schemaName, tableName);
            List<Operation> ops = new ArrayList<>();
            for (liquibase.parser.core.ParsedNode col : columnNodes(node)) {
                ColumnConfig config = new ColumnConfig();
                config.load(col, ctx.runtime.accessor());
                if (config.getName() == null || config.getType() == null) {
                    continue;
                }
                String column = name(config.getName());
                ColumnDef def = ctx.dialect.isMySqlFamily()
                        ? ColumnTranslation.column(config, ctx.runtime::databaseType)
                        : ColumnDef.of(column, ctx.runtime.databaseType(config.getType()));
                ops.add(new Operation.AlterColumnType(at, t, column, def, null, ctx.dialect.isMySqlFamily()));
            }
            if (ops.isEmpty()) {
                ctx.problem(at, "modifyColumn names no column with a name and a type");
                return List.of(new Operation.Other(at, "MODIFY COLUMN", true, t));
            }
            return ops;
        } catch (liquibase.parser.core.ParsedNodeException | RuntimeException e) {
            ctx.problem(at, "cannot translate modifyColumn: " + firstLine(String.valueOf(e.getMessage())));
            return List.of(new Operation.Other(at, "MODIFY COLUMN", true, null));
        }
    }

    /** The column nodes of a change: XML's column children, YAML's columns list of column items. */
    private static List<liquibase.parser.core.ParsedNode> columnNodes(liquibase.parser.core.ParsedNode node) {
        List<liquibase.parser.core.ParsedNode> out = new ArrayList<>(node.getChildren(null, "column"));
        for (liquibase.parser.core.ParsedNode columns : node.getChildren(null, "columns")) {
            out.addAll(columns.getChildren(null, "column"));
        }
        return out;
    }

    private List<Operation> cannotTranslate(Change change, SourceSpan at, String why) {
        String type = change.getSerializedObjectName();
        ctx.problem(at, "cannot translate " + type + (why == null || why.isBlank() ? "" : ": " + firstLine(why)));
        return List.of(new Operation.Other(at, kind(type), true, null));
    }

    private static String defaultOf(AddDefaultValueChange c) {
        if (c.getDefaultValueSequenceNext() != null) {
            return ColumnTranslation.defaultExpression(c.getDefaultValueSequenceNext());
        }
        if (c.getDefaultValueComputed() != null) {
            return ColumnTranslation.defaultExpression(c.getDefaultValueComputed());
        }
        if (c.getDefaultValueBoolean() != null) {
            return ColumnTranslation.defaultExpression(c.getDefaultValueBoolean());
        }
        if (c.getDefaultValueNumeric() != null) {
            return c.getDefaultValueNumeric();
        }
        if (c.getDefaultValueDate() != null) {
            return "'" + c.getDefaultValueDate() + "'";
        }
        return c.getDefaultValue() == null ? "NULL" : ColumnTranslation.defaultExpression(c.getDefaultValue());
    }

    private static TableName table(String schema, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("no table name");
        }
        return TableName.of(schema, name);
    }

    /** "tagDatabase" -> "TAG DATABASE", the way Other kinds read. */
    static String kind(String changeType) {
        return changeType.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
