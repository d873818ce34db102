package dev.lifeguard.analyzer.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SQL put together from string literals of a source file (a literal, a concatenation, a text block, an
 * annotation's array of strings), with where each part starts in the file, so that a name found at an
 * offset of the SQL gets its source line.
 */
final class SqlPiece {
    /** SQL a developer writes in code: a query or data change, with its structure word. */
    private static final Pattern LOOKS_LIKE_SQL = Pattern.compile(
            "(?is)^\\s*(\\(\\s*)?(select\\s.*\\bfrom\\b|insert\\s+into\\s|update\\s+\\S+\\s+set\\s|delete\\s+from\\s"
                    + "|with\\s+(recursive\\s+)?\\S+\\s+as\\s*\\(|merge\\s+into\\s|upsert\\s+into\\s|replace\\s+into\\s).*");

    private record Part(int sqlStart, int line, boolean countsLines) {
    }

    private final StringBuilder sql = new StringBuilder();
    private final List<Part> parts = new ArrayList<>();
    private boolean gaps;
    /** JPQL/HQL: the provider writes the SQL, so the text is no statement of the database. */
    private boolean jpql;
    /** Whether the index reads references from it (not from Java's JPQL, nor Spring Data JDBC's @Query). */
    private boolean references = true;

    /**
     * Appends a literal's content, which starts on {@code line}; {@code countsLines} when its line breaks
     * are the file's (a text block, a raw string), not escapes a parser decoded.
     */
    SqlPiece add(String content, int line, boolean countsLines) {
        if (!sql.isEmpty()) {
            sql.append(' ');
        }
        parts.add(new Part(sql.length(), line, countsLines));
        sql.append(content);
        return this;
    }

    /** A gap where code (a variable, a method call) is concatenated in: it names nothing we know. */
    SqlPiece gap() {
        sql.append(" ? ");
        gaps = true;
        return this;
    }

    /** Marks code put into the text (a Kotlin template) where the text was already appended. */
    SqlPiece withGaps() {
        gaps = true;
        return this;
    }

    /** Whether code is concatenated or templated in: the statement is put together at run time. */
    boolean hasGaps() {
        return gaps;
    }

    SqlPiece jpql(boolean names) {
        jpql = true;
        references = names;
        return this;
    }

    boolean isJpql() {
        return jpql;
    }

    SqlPiece withoutReferences() {
        references = false;
        return this;
    }

    boolean readsReferences() {
        return references;
    }

    String sql() {
        return sql.toString();
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    boolean looksLikeSql() {
        return LOOKS_LIKE_SQL.matcher(sql).matches();
    }

    /** The source line of an offset into {@link #sql()}. */
    int lineOf(int offset) {
        Part part = parts.get(0);
        for (Part p : parts) {
            if (p.sqlStart() <= offset) {
                part = p;
            }
        }
        if (!part.countsLines()) {
            return part.line();
        }
        int newlines = 0;
        for (int i = part.sqlStart(); i < offset && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                newlines++;
            }
        }
        return part.line() + newlines;
    }
}
