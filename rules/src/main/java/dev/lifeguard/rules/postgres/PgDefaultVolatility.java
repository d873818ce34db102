package dev.lifeguard.rules.postgres;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column default is evaluated once or per row. Since PostgreSQL 11, ADD COLUMN with a
 * constant, immutable or STABLE default (now(), CURRENT_TIMESTAMP) stores the value once in the
 * catalog and touches no row; a VOLATILE default (random(), gen_random_uuid(), clock_timestamp(),
 * nextval()) must be computed for each row, so the table is rewritten under ACCESS EXCLUSIVE.
 */
public final class PgDefaultVolatility {

    public enum Volatility {
        /** No function call, or only functions known to be immutable or stable: evaluated once. */
        ONCE,
        /** Calls a function known to be VOLATILE: evaluated per row, the table is rewritten. */
        VOLATILE,
        /** Calls a function whose volatility is not known (a user-defined one). */
        UNKNOWN
    }

    /** pg_proc.provolatile = 'v' in a stock PostgreSQL or its common extensions (uuid-ossp, pgcrypto). */
    private static final Set<String> VOLATILE = Set.of(
            "random", "random_normal", "setseed", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
            "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval", "gen_random_bytes",
            "gen_salt", "txid_current_if_assigned");

    /** Functions (and type names written like calls, as in 0::numeric(10,2)) evaluated once. */
    private static final Set<String> ONCE = Set.copyOf(java.util.List.of(
            "now", "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime",
            "transaction_timestamp", "statement_timestamp", "txid_current", "current_user", "session_user",
            "current_setting", "current_schema", "lower", "upper", "trim", "btrim", "concat", "coalesce", "nullif",
            "greatest", "least", "cast", "row", "array", "to_timestamp", "to_date", "to_char", "to_jsonb", "to_json",
            "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array", "make_date",
            "make_interval", "date_trunc", "timezone", "abs", "round", "length", "md5",
            "numeric", "decimal", "varchar", "character", "char", "timestamp", "timestamptz", "time", "interval",
            "bit", "varbit", "float", "precision",
            // more built-ins that are IMMUTABLE or STABLE in pg_proc (and type names written as calls)
            "jsonb", "json", "text", "int", "int2", "int4", "int8", "integer", "bigint", "smallint", "bool",
            "boolean", "date", "float4", "float8", "inet", "cidr", "bytea", "concat_ws", "format", "replace",
            "substring", "substr", "left", "right", "lpad", "rpad", "split_part", "regexp_replace", "extract",
            "date_part", "make_timestamp", "make_timestamptz", "make_time", "age", "array_fill", "string_to_array",
            "array_to_string", "to_number", "to_tsvector", "jsonb_object", "json_object", "current_database",
            "current_role", "current_catalog", "version", "encode", "decode", "sha256", "sha512", "digest",
            "tstzrange", "tsrange", "daterange", "int4range", "int8range", "numrange", "point", "ceil", "floor",
            "trunc", "mod", "power", "sqrt", "position", "strpos", "initcap", "reverse", "repeat", "chr", "ascii",
            "jsonb_set", "to_regclass", "pg_current_xact_id", "uuid_nil", "uuid_ns_dns", "uuid_ns_url",
            "uuid_ns_oid", "uuid_ns_x500", "uuid_generate_v3", "uuid_generate_v5", "hstore", "any", "some",
            "exists", "in", "values"));

    private static final Pattern CALL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_$]*)\\s*\\(");
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'");

    private PgDefaultVolatility() {
    }

    /** Classifies a default expression as written; null (no default) is {@link Volatility#ONCE}. */
    public static Volatility classify(String expression) {
        Set<String> unknown = unknownFunctions(expression);
        if (expression != null && calls(expression).stream().anyMatch(VOLATILE::contains)) {
            return Volatility.VOLATILE;
        }
        return unknown.isEmpty() ? Volatility.ONCE : Volatility.UNKNOWN;
    }

    /** The called functions whose volatility this class does not know, in order of name. */
    public static Set<String> unknownFunctions(String expression) {
        Set<String> unknown = new TreeSet<>();
        if (expression == null) {
            return unknown;
        }
        for (String f : calls(expression)) {
            if (!VOLATILE.contains(f) && !ONCE.contains(f)) {
                unknown.add(f);
            }
        }
        return unknown;
    }

    private static Set<String> calls(String expression) {
        String code = QUOTED.matcher(expression).replaceAll("''");
        Set<String> names = new TreeSet<>();
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            // a schema-qualified call (public.gen_random_uuid()) matches on its last part
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
