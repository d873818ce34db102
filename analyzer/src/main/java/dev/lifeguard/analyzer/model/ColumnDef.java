package dev.lifeguard.analyzer.model;

import java.util.List;

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
 * @param inline           the names given to the inline constraints, the referenced columns of an inline
 *                         REFERENCES and MySQL's column position ({@link Inline#NONE} when none was written)
 */
public record ColumnDef(String name, String type, Boolean nullable, String defaultExpression,
                        Generated generated, boolean primaryKey, boolean unique, TableName references,
                        String checkExpression, Inline inline) {

    public ColumnDef {
        inline = inline == null ? Inline.NONE : inline;
    }

    /** A column whose inline constraints have no names of their own and that is added at the end. */
    public ColumnDef(String name, String type, Boolean nullable, String defaultExpression, Generated generated,
                     boolean primaryKey, boolean unique, TableName references, String checkExpression) {
        this(name, type, nullable, defaultExpression, generated, primaryKey, unique, references, checkExpression,
                Inline.NONE);
    }

    /** A column without an inline CHECK. */
    public ColumnDef(String name, String type, Boolean nullable, String defaultExpression, Generated generated,
                     boolean primaryKey, boolean unique, TableName references) {
        this(name, type, nullable, defaultExpression, generated, primaryKey, unique, references, null);
    }

    /**
     * What a column definition says besides its type and attributes.
     *
     * @param primaryKeyName    {@code CONSTRAINT n PRIMARY KEY}: n (normalized), null when unnamed
     * @param uniqueName        {@code CONSTRAINT n UNIQUE}: n, null when unnamed
     * @param referencesName    {@code CONSTRAINT n REFERENCES t}: n, null when unnamed
     * @param referencedColumns {@code REFERENCES t (c)}: c (normalized), empty when not written
     * @param checkName         {@code CONSTRAINT n CHECK (...)}: n, null when unnamed
     * @param position          MySQL's {@code FIRST} or {@code AFTER c} (c normalized) as {@code "FIRST"} /
     *                          {@code "AFTER c"}, null when the column goes at the end
     */
    public record Inline(String primaryKeyName, String uniqueName, String referencesName,
                         List<String> referencedColumns, String checkName, String position) {
        public static final Inline NONE = new Inline(null, null, null, List.of(), null, null);

        public Inline {
            referencedColumns = referencedColumns == null ? List.of() : List.copyOf(referencedColumns);
        }
    }

    /** The name of the inline CHECK, null when it has none of its own. */
    public String checkName() {
        return inline.checkName();
    }

    /** MySQL's column position ({@code FIRST} / {@code AFTER c}), null at the end. */
    public String position() {
        return inline.position();
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
