package dev.lifeguard.analyzer.code;

import java.util.Locale;
import java.util.Set;

/**
 * Words of SQL that are never a table or column name when written unquoted in application queries. Type
 * names are not here: {@code date} and {@code text} are common column names, and a cast's type follows
 * {@code AS} or {@code ::}, which the reader skips anyway.
 */
final class SqlKeywords {
    private static final Set<String> WORDS = Set.of(
            "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "BETWEEN", "BY", "CASCADE", "CASE", "CAST", "CHECK",
            "COLLATE", "COLUMN", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DO", "DROP", "DUPLICATE", "ELSE", "END",
            "ESCAPE", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FIRST", "FOR", "FOREIGN", "FROM", "FULL", "GROUP",
            "HAVING", "IF", "IGNORE", "ILIKE", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTERVAL", "INTO", "IS",
            "JOIN", "KEY", "LAST", "LATERAL", "LEFT", "LIKE", "LIMIT", "LOCK", "MATCHED", "MERGE", "NATURAL", "NEXT",
            "NOT", "NOTHING", "NOWAIT", "NULL", "NULLS", "OF", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OVER",
            "PARTITION", "PRIMARY", "RECURSIVE", "REFERENCES", "RETURNING", "RIGHT", "ROW", "ROWS", "SELECT", "SET",
            "SHARE", "SKIP", "SOME", "TABLE", "THEN", "TO", "TOP", "TRUE", "TRUNCATE", "UNION", "UNIQUE", "UPDATE",
            "USING", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH", "WITHIN", "LOCKED", "REPLACE", "UPSERT",
            "ASYMMETRIC", "SYMMETRIC", "UNKNOWN", "EXCLUDED");

    private SqlKeywords() {
    }

    static boolean isKeyword(String word) {
        return WORDS.contains(word.toUpperCase(Locale.ROOT));
    }
}
