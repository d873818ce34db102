package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: the catalog after migrate and reverse differs from the catalog before the migration. */
@RuleInfo(
        id = "reverse-incomplete",
        summary = "After the reverse ran, the schema differs from the schema before the migration",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "reversibility"},
        help = "Make the reverse undo everything the migration did (the message lists what is left over or missing)")
public final class ReverseIncompleteRule implements RehearsalRule {
}
