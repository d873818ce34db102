package dev.lifeguard.analyzer.code;

/**
 * The placeholders of application SQL, read the way the database would tokenise the statement (never inside a
 * string, a quoted identifier, a dollar-quoted body or a comment): JDBC's {@code ?} ({@code ??} is a literal
 * {@code ?}), JPA's {@code ?1}, named {@code :name} (Spring, Hibernate; not a {@code ::} cast), MyBatis
 * {@code #{x}}, and PostgreSQL's own {@code $1}. {@link #numbered} writes them as numbered parameters
 * ({@code $1, $2...}: every occurrence its own, as the driver binds each one separately); what cannot be a
 * bound value is said instead: {@code ${x}} text substitution, SpEL ({@code :#{...}}), JDBC escapes and
 * Hibernate's {@code {h-schema}} / {@code {alias.*}} in braces, template parameters ({@code @schema.table} of
 * OHDSI's SqlRender, {@code %s} of {@code String.format}).
 */
public final class SqlPlaceholders {

    /**
     * A statement with its placeholders numbered.
     *
     * @param sql        the statement with {@code $1...$n}, or null when it cannot be written so
     * @param parameters how many parameters it has
     * @param problem    why it cannot be written with numbered parameters, or null
     */
    public record Numbered(String sql, int parameters, String problem) {
    }

    private static final java.util.regex.Pattern JDBC_TYPE = java.util.regex.Pattern.compile(",\\s*jdbcType\\s*=\\s*(\\w+)");

    private SqlPlaceholders() {
    }

    /** Whether the statement has a placeholder for a value bound at run time. */
    public static boolean any(String sql) {
        Numbered n = numbered(sql);
        return n.parameters() > 0 || n.problem() != null;
    }

    public static Numbered numbered(String sql) {
        return numbered(sql, jdbcType -> null);
    }

    /**
     * As {@link #numbered(String)}, with a cast after each MyBatis parameter that names its {@code jdbcType}
     * ({@code #{id,jdbcType=BIGINT}}): {@code castFor} gets the JDBC type's name (upper case) and answers the SQL type
     * the driver binds for it, or null to leave the parameter untyped.
     */
    public static Numbered numbered(String sql, java.util.function.UnaryOperator<String> castFor) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int n = sql.length();
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : 0;
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isWordChar(sql.charAt(i - 2)));
                int e = skipString(sql, i, escapes);
                out.append(sql, i, e);
                i = e;
            } else if (c == '"') {
                int e = sql.indexOf('"', i + 1);
                e = e < 0 ? n : e + 1;
                out.append(sql, i, e);
                i = e;
            } else if (c == '-' && next == '-') {
                int e = sql.indexOf('\n', i);
                e = e < 0 ? n : e;
                out.append(sql, i, e);
                i = e;
            } else if (c == '/' && next == '*') {
                int e = sql.indexOf("*/", i + 2);
                e = e < 0 ? n : e + 2;
                out.append(sql, i, e);
                i = e;
            } else if (c == '$' && next == '{') {
                return new Numbered(null, count, "text substitution (${...})");
            } else if (c == '$' && Character.isDigit(next)) {
                int e = digitsEnd(sql, i + 1);
                count = Math.max(count, Integer.parseInt(sql.substring(i + 1, Math.min(e, i + 6))));
                out.append(sql, i, e);
                i = e;
            } else if (c == '$' && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
                int tagEnd = i + 1;
                while (tagEnd < n && isWordChar(sql.charAt(tagEnd))) {
                    tagEnd++;
                }
                if (tagEnd < n && sql.charAt(tagEnd) == '$') {
                    String tag = sql.substring(i, tagEnd + 1);
                    int e = sql.indexOf(tag, tagEnd + 1);
                    e = e < 0 ? n : e + tag.length();
                    out.append(sql, i, e);
                    i = e;
                } else {
                    out.append(c);
                    i++;
                }
            } else if ((c == '?' || c == ':' || c == '#') && next == '{' || c == '?' && next == '#'
                    || c == ':' && next == '#') {
                if (c == '#') {
                    int e = sql.indexOf('}', i);
                    if (e < 0) {
                        return new Numbered(null, count, "an unterminated #{...}");
                    }
                    out.append('$').append(++count);
                    java.util.regex.Matcher type = JDBC_TYPE.matcher(sql.substring(i, e));
                    String cast = type.find() ? castFor.apply(type.group(1).toUpperCase(java.util.Locale.ROOT)) : null;
                    if (cast != null) {
                        out.append("::").append(cast);
                    }
                    i = e + 1;
                } else {
                    return new Numbered(null, count, "a SpEL expression");
                }
            } else if (c == '@' && (Character.isLetter(next) || next == '_') && (i == 0 || !isWordChar(sql.charAt(i - 1)))
                    || c == '%' && isFormat(sql, i + 1)) {
                return new Numbered(null, count, "a template parameter (@name, %s)");
            } else if (c == '{') {
                return new Numbered(null, count, "a JDBC or Hibernate escape in braces");
            } else if (c == '?') {
                if (next == '?') {
                    out.append('?'); // JDBC's escape for an operator ?, ?|, ?&
                    i += 2;
                } else {
                    out.append('$').append(++count);
                    i = Character.isDigit(next) ? digitsEnd(sql, i + 1) : i + 1;
                }
            } else if (c == ':' && next == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && (Character.isLetter(next) || next == '_') && (i == 0 || sql.charAt(i - 1) != '\\')) {
                int e = i + 1;
                while (e < n && (isWordChar(sql.charAt(e)) || sql.charAt(e) == '.')) {
                    e++;
                }
                out.append('$').append(++count);
                i = e;
            } else if (c == '\\' && next == ':') {
                out.append(':'); // Hibernate's escape for a colon that is no parameter
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Numbered(out.toString(), count, null);
    }

    /** {@code %s}, {@code %d}, {@code %1$s}: a {@code String.format} slot (PostgreSQL's modulo has an operand after a space). */
    private static boolean isFormat(String sql, int i) {
        int j = i;
        while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
            j++;
        }
        if (j > i) {
            return j < sql.length() && sql.charAt(j) == '$';
        }
        return i < sql.length() && (sql.charAt(i) == 's' || sql.charAt(i) == 'd')
                && (i + 1 == sql.length() || !isWordChar(sql.charAt(i + 1)));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int digitsEnd(String sql, int i) {
        while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index after a string literal starting at {@code start} ({@code ''} doubles, backslashes in E'...'). */
    private static int skipString(String sql, int start, boolean backslashes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
