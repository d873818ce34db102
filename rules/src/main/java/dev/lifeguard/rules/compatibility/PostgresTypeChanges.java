package dev.lifeguard.rules.compatibility;

import java.util.Set;

/**
 * The type changes PostgreSQL makes without rewriting the table or rebuilding its indexes (measured:
 * see postgres-ground-truth.tsv). Everything else, including a scale change, narrowing, int to bigint
 * and timestamp to timestamptz, rewrites or rebuilds under ACCESS EXCLUSIVE.
 */
final class PostgresTypeChanges {
    private static final Set<String> TEXTUAL = Set.of("varchar", "text");

    private PostgresTypeChanges() {
    }

    static boolean isSafe(SqlType from, SqlType to) {
        if (from.equals(to)) {
            return true;
        }
        if (!from.rest().equals(to.rest())) {
            return false;
        }
        if (TEXTUAL.contains(from.name()) && TEXTUAL.contains(to.name())) {
            return textualWidening(from, to);
        }
        if (from.name().equals("numeric") && to.name().equals("numeric")) {
            return numericWidening(from, to);
        }
        return false;
    }

    /** varchar(n) to varchar(m >= n), to unlimited varchar or to text; text to unlimited varchar. */
    private static boolean textualWidening(SqlType from, SqlType to) {
        boolean toUnlimited = to.name().equals("text") || to.args().isEmpty();
        if (toUnlimited) {
            return true;
        }
        int n = from.name().equals("varchar") && from.args().size() == 1 ? from.intArg(0) : -1;
        int m = to.intArg(0);
        return n > 0 && m >= n;
    }

    /** numeric(p,s) to numeric(p2 >= p, s) or to unconstrained numeric; a scale change rewrites. */
    private static boolean numericWidening(SqlType from, SqlType to) {
        if (to.args().isEmpty()) {
            return true;
        }
        if (from.args().isEmpty()) {
            return false;
        }
        int p = from.intArg(0);
        int p2 = to.intArg(0);
        int s = from.args().size() > 1 ? from.intArg(1) : 0;
        int s2 = to.args().size() > 1 ? to.intArg(1) : 0;
        return p > 0 && p2 >= p && s == s2 && s >= 0;
    }
}
