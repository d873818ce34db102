package dev.lifeguard.analyzer.discovery;

/** How a tool runs a migration, as far as its name, config and layout tell before the SQL is parsed. */
public enum TransactionMode {
    /** Inside one transaction (Flyway, dbmate, diesel, Prisma, popx by default). */
    TRANSACTION,
    /** Outside a transaction (Flyway executeInTransaction=false, dbmate transaction:false, popx .autocommit). */
    NO_TRANSACTION,
    /**
     * Sent as one multi-statement exec with no transaction of the tool's own (golang-migrate, plain SQL):
     * in a transaction only when the file opens one itself with BEGIN / START TRANSACTION.
     */
    ONLY_IF_BEGIN
}
