package dev.lifeguard.analyzer.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifier comparison the way databases do it: unquoted identifiers fold case, quoted ones keep it; and
 * the one place a name is written back into SQL ({@link #sql}), with the quoting it needs.
 */
public final class Identifiers {
    /** Written bare, these fold to themselves: lower case letters, digits, {@code _} and {@code $}. */
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Pattern PLAIN_MYSQL = Pattern.compile("[A-Za-z0-9_$]*[A-Za-z_$][A-Za-z0-9_$]*");
    /**
     * Words PostgreSQL reserves (its "reserved" and "reserved, can be function or type" keywords), and below the
     * ones MySQL 8 reserves that are common as names: written bare they are a syntax error or another thing.
     */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
            "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left",
            "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on",
            "only", "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right",
            "select", "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then",
            "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where",
            "window", "with");
    private static final Set<String> RESERVED_MYSQL = Set.of(
            "add", "alter", "between", "by", "change", "condition", "delete", "describe", "div", "drop", "exists",
            "function", "groups", "index", "insert", "interval", "key", "keys", "lag", "lead", "load", "lock",
            "long", "match", "mod", "option", "range", "rank", "read", "release", "rename", "repeat", "replace",
            "require", "row", "rows", "schema", "signal", "system", "update", "usage", "values", "write");

    private Identifiers() {
    }

    /**
     * A normalized name (as {@link #normalize} and {@link TableName} keep it) written for {@code dialect}, so
     * that the database reads it back as the same object: bare when it folds to itself and is not a reserved
     * word, else quoted ({@code "Accounts"}, {@code `order`}). Every message, help text and fix that writes a
     * name into SQL goes through here.
     */
    public static String sql(String name, Dialect dialect) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        boolean mysql = dialect != null && dialect.isMySqlFamily();
        boolean bare = (mysql ? PLAIN_MYSQL : PLAIN).matcher(name).matches()
                && !RESERVED.contains(name.toLowerCase(Locale.ROOT))
                && !(mysql && RESERVED_MYSQL.contains(name.toLowerCase(Locale.ROOT)));
        if (bare) {
            return name;
        }
        return mysql ? "`" + name.replace("`", "``") + "`" : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * Strips one level of quoting ("x", `x`, [x]); lower-cases the identifier when it was not quoted, and when
     * it was quoted in SQL Server's brackets: SQL Server compares names by the database's collation, which is
     * case-insensitive by default, so {@code [Users]} and {@code users} name one table.
     */
    public static String normalize(String written) {
        String s = written.trim();
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
                String inner = s.substring(1, s.length() - 1);
                return first == '"' ? inner.replace("\"\"", "\"") : first == '[' ? inner.toLowerCase(Locale.ROOT) : inner;
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }

    static int lastUnquotedDot(String s) {
        char quote = 0;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '.') {
                last = i;
            }
        }
        return last;
    }
}
