package dev.lifeguard.analyzer.liquibase;

import dev.lifeguard.analyzer.model.ColumnDef;
import dev.lifeguard.analyzer.model.Identifiers;
import dev.lifeguard.analyzer.model.TableName;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.statement.DatabaseFunction;
import liquibase.statement.SequenceNextValueFunction;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/** Liquibase column configs and name lists into the model. */
final class ColumnTranslation {
    private ColumnTranslation() {
    }

    static ColumnDef column(ColumnConfig c, java.util.function.UnaryOperator<String> types) {
        ConstraintsConfig k = c.getConstraints();
        Boolean nullable = k == null ? null : k.isNullable();
        boolean primaryKey = k != null && Boolean.TRUE.equals(k.isPrimaryKey());
        boolean unique = k != null && Boolean.TRUE.equals(k.isUnique());
        TableName references = k == null ? null : references(k);
        ColumnDef.Generated generated = Boolean.TRUE.equals(c.isAutoIncrement())
                ? ColumnDef.Generated.IDENTITY : ColumnDef.Generated.NONE;
        return new ColumnDef(name(c.getName()), types.apply(c.getType()), nullable, defaultExpression(c.getDefaultValueObject()),
                generated, primaryKey, unique, references, null, inline(k, references));
    }

    /**
     * The column with the position Liquibase writes on MySQL: {@code afterColumn} ({@code AFTER c}), or
     * {@code position="1"} ({@code FIRST}).
     */
    static ColumnDef positioned(ColumnDef c, liquibase.change.AddColumnConfig config) {
        String position = null;
        if (config.getAfterColumn() != null && !config.getAfterColumn().isBlank()) {
            position = "AFTER " + name(config.getAfterColumn());
        } else if (config.getPosition() != null && config.getPosition() == 1) {
            position = "FIRST";
        }
        if (position == null) {
            return c;
        }
        ColumnDef.Inline i = c.inline();
        return new ColumnDef(c.name(), c.type(), c.nullable(), c.defaultExpression(), c.generated(), c.primaryKey(),
                c.unique(), c.references(), c.checkExpression(), new ColumnDef.Inline(i.primaryKeyName(), i.uniqueName(),
                i.referencesName(), i.referencedColumns(), i.checkName(), position));
    }

    /** The names Liquibase gives the column's inline constraints, and the referenced columns. */
    private static ColumnDef.Inline inline(ConstraintsConfig k, TableName references) {
        if (k == null) {
            return ColumnDef.Inline.NONE;
        }
        List<String> referenced = List.of();
        if (references != null && k.getReferencedColumnNames() != null && !k.getReferencedColumnNames().isBlank()) {
            referenced = names(k.getReferencedColumnNames());
        } else if (references != null && k.getReferences() != null && k.getReferences().contains("(")) {
            String refs = k.getReferences();
            referenced = names(refs.substring(refs.indexOf('(') + 1, Math.max(refs.indexOf('(') + 1, refs.lastIndexOf(')'))));
        }
        String pk = Boolean.TRUE.equals(k.isPrimaryKey()) ? blankToNull(k.getPrimaryKeyName()) : null;
        String uq = Boolean.TRUE.equals(k.isUnique()) ? blankToNull(k.getUniqueConstraintName()) : null;
        String fk = references != null ? blankToNull(k.getForeignKeyName()) : null;
        if (pk == null && uq == null && fk == null && referenced.isEmpty()) {
            return ColumnDef.Inline.NONE;
        }
        return new ColumnDef.Inline(pk == null ? null : name(pk), uq == null ? null : name(uq), fk == null ? null : name(fk),
                referenced, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static TableName references(ConstraintsConfig k) {
        if (k.getReferencedTableName() != null && !k.getReferencedTableName().isBlank()) {
            return TableName.of(k.getReferencedTableSchemaName(), k.getReferencedTableName());
        }
        String refs = k.getReferences(); // "table(column)"
        if (refs == null || refs.isBlank()) {
            return null;
        }
        int paren = refs.indexOf('(');
        String table = (paren < 0 ? refs : refs.substring(0, paren)).trim();
        return table.isEmpty() ? null : TableName.parse(table);
    }

    /** A default as SQL would write it, so rules can judge it (e.g. a volatile function). */
    static String defaultExpression(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SequenceNextValueFunction seq) {
            return "nextval('" + seq + "')";
        }
        if (value instanceof DatabaseFunction f) {
            return f.toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString().toUpperCase(Locale.ROOT);
        }
        if (value instanceof Date d) {
            return "'" + new SimpleDateFormat("yyyy-MM-dd HH:mm:ss", Locale.ROOT).format(d) + "'";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    static String name(String written) {
        return written == null ? null : Identifiers.normalize(written);
    }

    /** "a, b" as Liquibase writes column lists. */
    static List<String> names(String commaSeparated) {
        List<String> names = new ArrayList<>();
        if (commaSeparated != null) {
            for (String part : commaSeparated.split(",")) {
                if (!part.isBlank()) {
                    names.add(name(part.trim()));
                }
            }
        }
        return names;
    }
}
