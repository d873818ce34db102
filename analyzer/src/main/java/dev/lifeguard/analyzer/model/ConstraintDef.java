package dev.lifeguard.analyzer.model;

import java.util.List;

/**
 * A table constraint.
 *
 * @param name             normalized name, null when unnamed
 * @param kind             what the constraint enforces
 * @param columns          the constrained columns (normalized), empty when unknown
 * @param referencedTable  for a foreign key, the table it references
 * @param checkExpression  for a check, the expression as written
 * @param notValid         added with NOT VALID (PostgreSQL) or validate="false" (Liquibase)
 * @param usingIndex       for UNIQUE / PRIMARY KEY ... USING INDEX, the index name
 * @param referencedColumns for a foreign key, the referenced columns as written (normalized); empty when not
 *                         written (then the referenced table's primary key)
 */
public record ConstraintDef(String name, Kind kind, List<String> columns, TableName referencedTable,
                            String checkExpression, boolean notValid, String usingIndex,
                            List<String> referencedColumns) {

    public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE, NOT_NULL, OTHER }

    public ConstraintDef {
        columns = List.copyOf(columns);
        referencedColumns = referencedColumns == null ? List.of() : List.copyOf(referencedColumns);
    }

    /** A constraint whose referenced columns (for a foreign key) are not known. */
    public ConstraintDef(String name, Kind kind, List<String> columns, TableName referencedTable,
                         String checkExpression, boolean notValid, String usingIndex) {
        this(name, kind, columns, referencedTable, checkExpression, notValid, usingIndex, List.of());
    }
}
