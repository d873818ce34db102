package dev.lifeguard.rules.postgres;

import java.util.Locale;

/**
 * PostgreSQL's table-level lock modes, weakest first, plus {@link #NONE} for statements that take no
 * lock on the table. The conflict table is the one in the PostgreSQL manual ("Explicit Locking");
 * it is what decides whether a statement blocks the application's reads (ACCESS SHARE) and writes
 * (ROW EXCLUSIVE) while it holds or waits for its lock.
 */
public enum PgLockMode {
    NONE("none"),
    ACCESS_SHARE("AccessShareLock"),
    ROW_SHARE("RowShareLock"),
    ROW_EXCLUSIVE("RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),
    SHARE("ShareLock"),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),
    EXCLUSIVE("ExclusiveLock"),
    ACCESS_EXCLUSIVE("AccessExclusiveLock");

    private final String pgLocksName;

    PgLockMode(String pgLocksName) {
        this.pgLocksName = pgLocksName;
    }

    /** The name in {@code pg_locks.mode}, e.g. {@code AccessExclusiveLock}. */
    public String pgLocksName() {
        return pgLocksName;
    }

    /** The name as SQL writes it, e.g. {@code ACCESS EXCLUSIVE} ({@code none} for NONE). */
    public String sqlName() {
        return this == NONE ? "none" : name().replace('_', ' ');
    }

    /** Whether holding (or queueing for) this mode makes a request for {@code other} wait. */
    public boolean conflictsWith(PgLockMode other) {
        if (this == NONE || other == NONE) {
            return false;
        }
        return (CONFLICTS[ordinal()] & (1 << other.ordinal())) != 0;
    }

    /** Plain SELECTs (ACCESS SHARE) wait. */
    public boolean blocksReads() {
        return conflictsWith(ACCESS_SHARE);
    }

    /** INSERT / UPDATE / DELETE (ROW EXCLUSIVE) wait. */
    public boolean blocksWrites() {
        return conflictsWith(ROW_EXCLUSIVE);
    }

    /** Whether this mode is at least as strong as {@code other} in the weakest-first order. */
    public boolean atLeast(PgLockMode other) {
        return ordinal() >= other.ordinal();
    }

    /** Reads a {@code pg_locks.mode} name or an SQL mode name ({@code SHARE ROW EXCLUSIVE}); null if unknown. */
    public static PgLockMode parse(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim();
        for (PgLockMode m : values()) {
            if (m.pgLocksName.equalsIgnoreCase(n)) {
                return m;
            }
        }
        String sql = n.toUpperCase(Locale.ROOT).replaceAll("\\s+", "_").replaceAll("_MODE$", "");
        for (PgLockMode m : values()) {
            if (m.name().equals(sql)) {
                return m;
            }
        }
        return null;
    }

    private static final int[] CONFLICTS = new int[values().length];

    static {
        conflict(ACCESS_SHARE, ACCESS_EXCLUSIVE);
        conflict(ROW_SHARE, EXCLUSIVE, ACCESS_EXCLUSIVE);
        conflict(ROW_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
        conflict(SHARE_UPDATE_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
                ACCESS_EXCLUSIVE);
        conflict(SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
        conflict(SHARE_ROW_EXCLUSIVE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
                ACCESS_EXCLUSIVE);
        conflict(EXCLUSIVE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
                ACCESS_EXCLUSIVE);
        conflict(ACCESS_EXCLUSIVE, ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE,
                SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
    }

    private static void conflict(PgLockMode mode, PgLockMode... with) {
        for (PgLockMode w : with) {
            CONFLICTS[mode.ordinal()] |= 1 << w.ordinal();
        }
    }
}
