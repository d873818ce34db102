package dev.lifeguard.analyzer.model;

/**
 * A place where the application is set up to change the schema itself: a schema-generation setting
 * ({@code spring.jpa.hibernate.ddl-auto=update}) or a DDL statement in a string literal.
 *
 * @param span        the key of the setting, or the literal (path relative to the project root)
 * @param setting     the setting's key as written, or null for DDL in code
 * @param value       the setting's value, or the DDL statement's leading words (upper case)
 */
public record SchemaChangeInCode(SourceSpan span, String setting, String value) {

    public boolean isSetting() {
        return setting != null;
    }
}
