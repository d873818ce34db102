package dev.lifeguard.rules.postgres;

/**
 * What one operation does to an existing, populated table on PostgreSQL.
 *
 * @param tableLock            the strongest lock taken on the table (NONE when it takes none)
 * @param rewritesTable        the rows are copied into a new file, and every index is rebuilt with them
 * @param scansTable           at least one full pass over the rows (rewrite, validation, index build)
 * @param blocksReads          plain SELECTs on the table wait while it runs
 * @param blocksWrites         INSERT / UPDATE / DELETE on the table wait while it runs
 * @param failsOnNonEmptyTable the statement errors as soon as the table has a row (tests against empty
 *                             databases never see it)
 * @param note                 one sentence for a human: the caveat or the safer form
 */
public record PgLockEffect(PgLockMode tableLock, boolean rewritesTable, boolean scansTable, boolean blocksReads,
                           boolean blocksWrites, boolean failsOnNonEmptyTable, String note) {

    /** An effect whose blocking follows from the lock mode alone. */
    static PgLockEffect of(PgLockMode lock, boolean rewrites, boolean scans, String note) {
        return new PgLockEffect(lock, rewrites, scans || rewrites, lock.blocksReads(), lock.blocksWrites(), false,
                note);
    }

    PgLockEffect withBlocksReads() {
        return new PgLockEffect(tableLock, rewritesTable, scansTable, true, blocksWrites, failsOnNonEmptyTable, note);
    }

    PgLockEffect failingOnNonEmptyTable() {
        return new PgLockEffect(tableLock, rewritesTable, scansTable, blocksReads, blocksWrites, true, note);
    }

    /** Whether applications notice: reads or writes wait behind it. */
    public boolean blocksTraffic() {
        return blocksReads || blocksWrites;
    }
}
