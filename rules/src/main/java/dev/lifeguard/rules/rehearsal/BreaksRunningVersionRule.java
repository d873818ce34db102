package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: what the base revision's code uses, PREPAREd on the schema after the change, fails there and worked before. */
@RuleInfo(
        id = "breaks-running-version",
        summary = "A table or column the application version running in production uses no longer exists after the change",
        severity = Severity.ERROR,
        dialects = {Dialect.POSTGRESQL},
        tags = {"verify", "compatibility"},
        help = "Keep what the running version uses until a later release (expand/contract): add the new structure first, drop the old only once no running version reads it")
public final class BreaksRunningVersionRule implements RehearsalRule {
}
