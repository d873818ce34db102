package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: a concurrent SELECT waited while the statement worked through the table's rows. */
@RuleInfo(
        id = "blocks-reads",
        summary = "A statement holds a lock that makes reads of an existing table wait while it works through the rows",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "locking"},
        help = "Split the change so that no lock that blocks reads is held while rows are scanned, rewritten or updated (see the measured facts in the message)")
public final class BlocksReadsRule implements RehearsalRule {
}
