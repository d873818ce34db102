package dev.lifeguard.analyzer.model;

/**
 * A column as a statement defines it.
 *
 * @param name             normalized column name
 * @param type             the type as written (e.g. {@code varchar(200)}), null when not stated
 * @param nullable         {@code FALSE} for NOT NULL, {@code TRUE} for an explicit NULL, null when not said
 * @param defaultExpression the default expression as written, null when there is none
 * @param generated        whether the column is computed or an identity
 * @param primaryKey       declared PRIMARY KEY inline
 * @param unique           declared UNIQUE inline
 * @param references       the table of an inline REFERENCES, null when there is none
 * @param checkExpression  the expression of an inline CHECK (the first, when several), null when there is none
 */
public record ColumnDef(String name, String type, Boolean nullable, String defaultExpression,
                        Generated generated, boolean primaryKey, boolean unique, TableName references,
                        String checkExpression) {

    /** A column without an inline CHECK. */
    public ColumnDef(String name, String type, Boolean nullable, String defaultExpression, Generated generated,
                     boolean primaryKey, boolean unique, TableName references) {
        this(name, type, nullable, defaultExpression, generated, primaryKey, unique, references, null);
    }

    public enum Generated { NONE, STORED, VIRTUAL, IDENTITY }

    public static ColumnDef of(String name, String type) {
        return new ColumnDef(name, type, null, null, Generated.NONE, false, false, null);
    }

    public boolean isNotNull() {
        return Boolean.FALSE.equals(nullable) || primaryKey;
    }

    public boolean hasDefault() {
        return defaultExpression != null;
    }
}
