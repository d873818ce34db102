package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: the base history failed, so nothing after it was rehearsed. */
@RuleInfo(
        id = "history-fails",
        summary = "The migrations before the change do not apply on a fresh database, so the change cannot be rehearsed",
        severity = Severity.ERROR,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify"},
        help = "Make the history apply from scratch with its own runner (lifeguard verify prints the database's error), or start the rehearsal after the broken part")
public final class HistoryFailsRule implements RehearsalRule {
}
