package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: the table got a new file with all its rows copied under ACCESS EXCLUSIVE. */
@RuleInfo(
        id = "rewrites-table",
        summary = "A statement rewrote an existing table (new relfilenode holding the same rows)",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "locking"},
        help = "Avoid the rewrite: add the column without the per-row default and backfill in batches, or change the type through a new column")
public final class RewritesTableRule implements RehearsalRule {
}
