package dev.lifeguard.rules.mysql;

import java.util.Locale;

/**
 * What one ALTER TABLE clause does to an existing InnoDB table on MySQL or MariaDB, as the server does it
 * when the statement states no ALGORITHM / LOCK (it picks the cheapest algorithm and the weakest lock).
 *
 * @param algorithm     the cheapest algorithm the server accepts for it
 * @param rebuildsTable every row is copied into a new table (COPY, or an in-place rebuild)
 * @param permitsWrites INSERT / UPDATE / DELETE on the table go on while it runs (the server accepts LOCK=NONE)
 * @param note          one sentence for a human: what the server does
 */
public record MySqlDdlEffect(Algorithm algorithm, boolean rebuildsTable, boolean permitsWrites, String note) {

    /** InnoDB's algorithms, cheapest first. MySQL has no NOCOPY: its metadata-only INPLACE changes are INPLACE. */
    public enum Algorithm {
        INSTANT, NOCOPY, INPLACE, COPY;

        /** The algorithm named in an ALGORITHM= clause; null for DEFAULT or a word the server does not know. */
        public static Algorithm parse(String clause) {
            if (clause == null) {
                return null;
            }
            try {
                return valueOf(clause.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    static MySqlDdlEffect instant(String note) {
        return new MySqlDdlEffect(Algorithm.INSTANT, false, true, note);
    }

    static MySqlDdlEffect metadata(Algorithm algorithm, String note) {
        return new MySqlDdlEffect(algorithm, false, true, note);
    }

    static MySqlDdlEffect rebuild(boolean permitsWrites, String note) {
        return new MySqlDdlEffect(Algorithm.INPLACE, true, permitsWrites, note);
    }

    static MySqlDdlEffect copy(boolean permitsWrites, String note) {
        return new MySqlDdlEffect(Algorithm.COPY, true, permitsWrites, note);
    }

    /** Whether applications or replicas notice: the table is copied, or writes wait. */
    public boolean isHazard() {
        return rebuildsTable || !permitsWrites;
    }

    /** The effect of two clauses of one statement: the server runs the statement with the costlier of both. */
    public MySqlDdlEffect and(MySqlDdlEffect other) {
        MySqlDdlEffect worse = other.algorithm.compareTo(algorithm) > 0
                || other.algorithm == algorithm && other.isHazard() && !isHazard() ? other : this;
        return new MySqlDdlEffect(worse.algorithm, rebuildsTable || other.rebuildsTable,
                permitsWrites && other.permitsWrites, worse.note);
    }

    /**
     * Whether the server accepts this change with the stated clauses (null: not stated). ALGORITHM=X asks for X
     * or cheaper; LOCK=NONE asks for concurrent writes; SHARED / EXCLUSIVE / DEFAULT are always granted.
     */
    public boolean accepts(Algorithm stated, String statedLock) {
        if (stated != null && algorithm.compareTo(stated) > 0) {
            return false;
        }
        return !"NONE".equalsIgnoreCase(statedLock) || permitsWrites;
    }
}
