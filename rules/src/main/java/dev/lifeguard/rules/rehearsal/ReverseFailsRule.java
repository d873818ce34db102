package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: the way back was run and the database refused it. */
@RuleInfo(
        id = "reverse-fails",
        summary = "The reverse of a migration (undo, down, rollback) fails when it is run after the migration",
        severity = Severity.ERROR,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "reversibility"},
        help = "Fix the reverse script until it runs after the migration; lifeguard verify prints the database's error")
public final class ReverseFailsRule implements RehearsalRule {
}
