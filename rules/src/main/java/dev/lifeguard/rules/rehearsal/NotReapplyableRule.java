package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: migrate, reverse and migrate again did not end where the first migrate did. */
@RuleInfo(
        id = "not-reapplyable",
        summary = "After the reverse, the migration cannot be applied again, or applying it again gives another schema",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "reversibility"},
        help = "Make the reverse leave the database where the migration can run again (drop what it created, restore what it dropped)")
public final class NotReapplyableRule implements RehearsalRule {
}
