package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: a concurrent INSERT waited while the statement worked through the table's rows. */
@RuleInfo(
        id = "blocks-writes",
        summary = "A statement holds a lock that makes writes to an existing table wait while it works through the rows",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "locking"},
        help = "Use the non-blocking form (CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE) or move the data work out of the transaction holding the lock")
public final class BlocksWritesRule implements RehearsalRule {
}
