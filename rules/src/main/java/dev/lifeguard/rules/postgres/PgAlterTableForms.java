package dev.lifeguard.rules.postgres;

import java.util.Optional;

import static dev.lifeguard.rules.postgres.PgLockMode.SHARE_ROW_EXCLUSIVE;
import static dev.lifeguard.rules.postgres.PgLockMode.SHARE_UPDATE_EXCLUSIVE;

/**
 * The ALTER TABLE forms without a record of their own (read as {@code Operation.Other}, their kind naming
 * the clause) whose lock is weaker than the ACCESS EXCLUSIVE the manual gives "unless explicitly noted":
 * storage parameters, statistics and attribute options, CLUSTER ON and SET WITHOUT CLUSTER take SHARE UPDATE
 * EXCLUSIVE (reads and writes go on); ENABLE / DISABLE TRIGGER takes SHARE ROW EXCLUSIVE (writes wait).
 */
final class PgAlterTableForms {

    private PgAlterTableForms() {
    }

    /** {@code kind} is the upper-case kind of the Other operation, e.g. {@code ALTER TABLE SET}. */
    static Optional<PgLockEffect> effect(String kind) {
        String clause = kind.substring("ALTER TABLE".length()).trim();
        switch (clause) {
            case "SET", "RESET", "CLUSTER", "SET WITHOUT", "ALTER COLUMN SET STATISTICS",
                    "ALTER COLUMN SET OPTIONS", "ALTER COLUMN RESET OPTIONS" -> {
                return Optional.of(PgLockEffect.of(SHARE_UPDATE_EXCLUSIVE, false, false,
                        "catalog only, under SHARE UPDATE EXCLUSIVE: reads and writes go on"));
            }
            case "ENABLE TRIGGER", "DISABLE TRIGGER", "ENABLE ALWAYS TRIGGER", "ENABLE REPLICA TRIGGER" -> {
                return Optional.of(PgLockEffect.of(SHARE_ROW_EXCLUSIVE, false, false,
                        "SHARE ROW EXCLUSIVE: writes wait while it waits for its lock; reads go on"));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
