package dev.lifeguard.rules.postgres;

/**
 * What the schema history knows about a table that changes what a statement does to it, as rules read it
 * from the timeline and the measurement test states it per case.
 *
 * @param oldColumnType        the column's type before an ALTER COLUMN TYPE, null when not known
 * @param columnHasCheck       a CHECK constraint of the table reads the column an ALTER COLUMN TYPE changes:
 *                             PostgreSQL re-validates it after the change, scanning every row
 * @param keyColumnsNullable   a column of the index a PRIMARY KEY ... USING INDEX adopts may hold NULL: the
 *                             key makes it NOT NULL, scanning every row
 * @param notNullProven        a validated CHECK (col IS NOT NULL) exists for each such column
 * @param partitionBoundProven a validated CHECK constraint of the table ATTACH PARTITION attaches already
 *                             states its partition bound
 * @param defaultPartition     the partitioned table a new partition joins (ATTACH PARTITION, CREATE TABLE ...
 *                             PARTITION OF) has a DEFAULT partition, which PostgreSQL scans for rows of the new
 *                             bound
 * @param defaultExcluded      a validated CHECK of that DEFAULT partition excludes the new bound: no scan
 */
public record PgTableFacts(String oldColumnType, boolean columnHasCheck, boolean keyColumnsNullable,
                           boolean notNullProven, boolean partitionBoundProven, boolean defaultPartition,
                           boolean defaultExcluded) {

    /** Nothing known beyond the statement. */
    public static final PgTableFacts NONE = new PgTableFacts(null, false, false, false, false);

    /** Facts without a DEFAULT partition. */
    public PgTableFacts(String oldColumnType, boolean columnHasCheck, boolean keyColumnsNullable,
                        boolean notNullProven, boolean partitionBoundProven) {
        this(oldColumnType, columnHasCheck, keyColumnsNullable, notNullProven, partitionBoundProven, false, false);
    }

    public static PgTableFacts oldType(String oldColumnType) {
        return new PgTableFacts(oldColumnType, false, false, false, false);
    }
}
