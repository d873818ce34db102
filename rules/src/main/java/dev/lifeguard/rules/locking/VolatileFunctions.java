package dev.lifeguard.rules.locking;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL functions marked VOLATILE that appear in column defaults. A volatile default is evaluated per
 * row, so ADD COLUMN rewrites the table; a STABLE one (now(), current_timestamp, transaction_timestamp(),
 * statement_timestamp()) is evaluated once and stored as the "missing value", without a rewrite.
 */
final class VolatileFunctions {
    private static final Pattern CALL = Pattern.compile(
            "(?<![\\w$])(?:[\\w$]+\\.)?(gen_random_uuid|uuid_generate_v1mc|uuid_generate_v1|uuid_generate_v4"
                    + "|uuidv4|uuidv7|clock_timestamp|timeofday|random|random_normal|nextval|gen_random_bytes)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    private VolatileFunctions() {
    }

    /** The first volatile function the expression calls, lower case, or null. */
    static String firstCall(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher m = CALL.matcher(withoutStrings(expression));
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** A function name inside a string literal is not a call. */
    private static String withoutStrings(String s) {
        return s.replaceAll("'(?:[^']|'')*'", "''");
    }
}
