package dev.lifeguard.analyzer.model;

import java.nio.file.Path;

/**
 * A place where application code names a table or a column: a JPA mapping, SQL in a string literal, a
 * MyBatis mapper, a SQL file that is not a migration.
 *
 * @param table   the table, compared the way the database compares names
 * @param column  the column (normalized like {@link Identifiers#normalize}), or null for the table as a whole
 * @param span    where, in a file under a code root (path relative to the project root)
 * @param snippet the source line, trimmed
 * @param kind    how the code names it
 */
public record CodeReference(TableName table, String column, SourceSpan span, String snippet, Kind kind) {

    public enum Kind {
        /** A JPA/Hibernate entity maps it (annotation or naming strategy). */
        JPA_MAPPING("JPA mapping"),
        /** SQL in a Java/Kotlin string literal, text block or query annotation. */
        SQL_IN_CODE("SQL in code"),
        /** A MyBatis XML mapper statement. */
        MYBATIS_MAPPER("MyBatis mapper"),
        /** A SQL file under the code tree that is not a migration. */
        SQL_FILE("SQL file");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Path file() {
        return span.file();
    }

    public int line() {
        return span.startLine();
    }

    /** Whether this names the table (any of its columns counts) and, if a column is given, that column. */
    public boolean concerns(TableName other, String otherColumn) {
        return table.matches(other) && (otherColumn == null || otherColumn.equals(column));
    }
}
