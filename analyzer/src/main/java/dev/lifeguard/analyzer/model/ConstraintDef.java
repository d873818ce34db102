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
 */
public record ConstraintDef(String name, Kind kind, List<String> columns, TableName referencedTable,
                            String checkExpression, boolean notValid, String usingIndex) {

    public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE, NOT_NULL, OTHER }

    public ConstraintDef {
        columns = List.copyOf(columns);
    }
}
