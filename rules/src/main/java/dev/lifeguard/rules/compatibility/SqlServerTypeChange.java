package dev.lifeguard.rules.compatibility;

import java.util.Locale;
import java.util.Set;

/**
 * The type changes SQL Server's {@code ALTER COLUMN} makes in its metadata only, touching no row: a longer
 * {@code varchar}, {@code nvarchar} or {@code varbinary} (limited to limited, or {@code max} to {@code max}), and
 * {@code text} to {@code varchar(max)} / {@code ntext} to {@code nvarchar(max)}. Everything else (another type,
 * a shorter length, unicode to non-unicode, limited to {@code max}, fixed-length {@code char}) processes every
 * row under the schema-modification lock. A length left out in a column definition is 1, as SQL Server reads it.
 * Source: https://learn.microsoft.com/en-us/answers/questions/1049402/alter-column (pure metadata changes, changes
 * that need validation, rebuilds), and SQL Server's ALTER TABLE reference on changing the size of a column.
 */
final class SqlServerTypeChange {
    private static final Set<String> VARIABLE = Set.of("varchar", "nvarchar", "varbinary");

    private record Type(String base, int length, boolean max) {
    }

    private SqlServerTypeChange() {
    }

    /** Whether changing a column from {@code from} to {@code to} (as written) touches no row. */
    static boolean metadataOnly(String from, String to) {
        Type f = parse(from);
        Type t = parse(to);
        if (f == null || t == null) {
            return false;
        }
        if (t.max() && (f.base().equals("text") && t.base().equals("varchar")
                || f.base().equals("ntext") && t.base().equals("nvarchar"))) {
            return true;
        }
        if (!f.base().equals(t.base()) || !VARIABLE.contains(f.base())) {
            return false;
        }
        return f.max() || t.max() ? f.max() && t.max() : t.length() >= f.length();
    }

    private static Type parse(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String s = written.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "").replace("\"", "")
                .replaceAll("\\s+", " ").replaceAll("(?: not)? null$", "").trim();
        int open = s.indexOf('(');
        if (open < 0) {
            return new Type(s, 1, false);
        }
        int close = s.indexOf(')', open);
        if (close < 0 || !s.substring(close + 1).isBlank()) {
            return null;
        }
        String arg = s.substring(open + 1, close).trim();
        String base = s.substring(0, open).trim();
        if (arg.equals("max")) {
            return new Type(base, Integer.MAX_VALUE, true);
        }
        try {
            return new Type(base, Integer.parseInt(arg), false);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
