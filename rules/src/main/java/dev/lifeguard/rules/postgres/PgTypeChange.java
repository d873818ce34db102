package dev.lifeguard.rules.postgres;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ALTER COLUMN ... TYPE} does to the stored rows. PostgreSQL skips the rewrite only when
 * the old values are already valid, bit for bit, in the new type: a binary-coercible cast plus a
 * type-modifier change its support function proves harmless (a longer varchar, a numeric with more
 * precision and the same scale). Everything else — int to bigint, a shorter varchar, text to
 * varchar(n), a scale change — copies every row and rebuilds every index under ACCESS EXCLUSIVE.
 *
 * @param kind   what happens
 * @param reason one clause for a human, e.g. "varchar(50) -> varchar(100) only widens the limit"
 */
public record PgTypeChange(Kind kind, String reason) {

    public enum Kind {
        /** The same type and modifier: nothing to do. */
        SAME,
        /** Only the catalog changes; no row is read. */
        METADATA_ONLY,
        /** Every row is rewritten and every index rebuilt. */
        REWRITE,
        /** The old type is not known, so the change is assumed to rewrite. */
        UNKNOWN
    }

    /** Whether the table is (or, when the old type is unknown, must be assumed to be) rewritten. */
    public boolean rewrites() {
        return kind == Kind.REWRITE || kind == Kind.UNKNOWN;
    }

    /**
     * Classifies a change from {@code oldType} to {@code newType} (both as written in SQL, any case and
     * alias). {@code using} is the USING expression or null; {@code column} the column's name, so that
     * {@code USING col::newtype} counts as no expression at all.
     */
    public static PgTypeChange classify(String oldType, String newType, String using, String column) {
        if (newType == null) {
            return new PgTypeChange(Kind.UNKNOWN, "the new type is not known");
        }
        if (using != null && !isPlainColumnCast(using, column)) {
            return new PgTypeChange(Kind.REWRITE, "the USING expression is computed for every row");
        }
        if (oldType == null) {
            return new PgTypeChange(Kind.UNKNOWN, "the old type is not known; assuming a rewrite");
        }
        PgType from = PgType.parse(oldType);
        PgType to = PgType.parse(newType);
        String change = oldType.trim() + " -> " + newType.trim();
        if (from.equals(to)) {
            return new PgTypeChange(Kind.SAME, change + " keeps the type");
        }
        if (from.array || to.array) {
            return new PgTypeChange(Kind.REWRITE, change + " converts array elements");
        }
        if (metadataOnly(from, to)) {
            return new PgTypeChange(Kind.METADATA_ONLY, change + " keeps every stored value as it is (binary-coercible)");
        }
        if (from.base.equals("timestamp") && to.base.equals("timestamptz")) {
            return new PgTypeChange(Kind.REWRITE, change + " rewrites unless the session TimeZone is UTC "
                    + "(PostgreSQL 12+), and indexes on the column are rebuilt either way");
        }
        return new PgTypeChange(Kind.REWRITE, change + " converts every stored value");
    }

    private static boolean metadataOnly(PgType from, PgType to) {
        String a = from.base;
        String b = to.base;
        if ((a.equals("varchar") || a.equals("text") || a.equals("citext")) && b.equals("text")) {
            return true;
        }
        if ((a.equals("text") || a.equals("citext")) && b.equals("varchar")) {
            return to.mods.length == 0;
        }
        if ((a.equals("text") || a.equals("varchar")) && b.equals("citext")) {
            return true; // the citext extension's casts from text and varchar are WITHOUT FUNCTION
        }
        if (!a.equals(b)) {
            return a.equals("cidr") && b.equals("inet");
        }
        return switch (a) {
            // a longer limit, or more fractional digits of a time, keeps every stored value as it is
            case "varchar", "varbit", "timestamp", "timestamptz", "time", "timetz", "interval" ->
                    widens(from.mods, to.mods, 0);
            // numeric(p,s): more precision with the same scale keeps every stored value as it is
            case "numeric" -> to.mods.length == 0
                    || (from.mods.length > 0 && to.mods.length > 0 && scale(from) == scale(to)
                    && to.mods[0] >= from.mods[0]);
            default -> false;
        };
    }

    private static boolean widens(int[] from, int[] to, int index) {
        if (to.length <= index) {
            return true; // no limit any more
        }
        return from.length > index && to[index] >= from[index];
    }

    private static int scale(PgType t) {
        return t.mods.length > 1 ? t.mods[1] : 0;
    }

    private static boolean isPlainColumnCast(String using, String column) {
        if (column == null) {
            return false;
        }
        String u = using.trim().toLowerCase(Locale.ROOT).replace("\"", "");
        String c = column.toLowerCase(Locale.ROOT);
        String col = Pattern.quote(c);
        String type = "[\\w\\s(),.\\[\\]]+";
        return u.matches(col + "(\\s*::\\s*" + type + ")?") || u.matches("cast\\s*\\(\\s*" + col + "\\s+as\\s+" + type + "\\)");
    }

    /** A type reduced to its canonical name, modifiers and array-ness. */
    record PgType(String base, int[] mods, boolean array) {

        private static final Pattern MODS = Pattern.compile("\\(([^)]*)\\)");
        private static final Map<String, String> ALIASES = Map.ofEntries(
                Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("serial", "int4"),
                Map.entry("bigint", "int8"), Map.entry("bigserial", "int8"),
                Map.entry("smallint", "int2"), Map.entry("smallserial", "int2"),
                Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
                Map.entry("character", "bpchar"), Map.entry("char", "bpchar"),
                Map.entry("decimal", "numeric"),
                Map.entry("timestamp without time zone", "timestamp"),
                Map.entry("timestamp with time zone", "timestamptz"),
                Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
                Map.entry("boolean", "bool"), Map.entry("double precision", "float8"), Map.entry("real", "float4"),
                Map.entry("bit varying", "varbit"));

        static PgType parse(String written) {
            String s = written.trim().toLowerCase(Locale.ROOT).replace("\"", "");
            if (s.startsWith("pg_catalog.")) {
                s = s.substring("pg_catalog.".length());
            }
            boolean array = s.endsWith("]");
            s = s.replaceAll("\\[[^]]*]", "");
            int[] mods = new int[0];
            Matcher m = MODS.matcher(s);
            if (m.find()) {
                String[] parts = m.group(1).split(",");
                mods = new int[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        mods[i] = Integer.parseInt(parts[i].trim());
                    } catch (NumberFormatException e) {
                        mods[i] = -1;
                    }
                }
                s = m.replaceFirst(" ");
            }
            s = s.replaceAll("\\s+", " ").trim();
            String base = ALIASES.getOrDefault(s, s);
            // timestamp and time without a precision keep microseconds: the same as (6)
            if (mods.length == 0 && (base.equals("timestamp") || base.equals("timestamptz")
                    || base.equals("time") || base.equals("timetz"))) {
                mods = new int[] {6};
            }
            // char without a length is char(1)
            if (base.equals("bpchar") && mods.length == 0 && !s.equals("bpchar")) {
                mods = new int[] {1};
            }
            return new PgType(base, mods, array);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PgType t && base.equals(t.base) && array == t.array
                    && java.util.Arrays.equals(mods, t.mods);
        }

        @Override
        public int hashCode() {
            return base.hashCode() * 31 + java.util.Arrays.hashCode(mods);
        }

        @Override
        public String toString() {
            return base + java.util.Arrays.toString(mods) + (array ? "[]" : "");
        }
    }
}
