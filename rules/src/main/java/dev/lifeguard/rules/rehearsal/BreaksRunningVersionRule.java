package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: the base revision's SQL was PREPAREd against the migrated schema and failed. */
@RuleInfo(
        id = "breaks-running-version",
        summary = "A statement of the application version running in production does not work on the schema after the change",
        severity = Severity.ERROR,
        dialects = {Dialect.POSTGRESQL},
        tags = {"verify", "compatibility"},
        help = "Keep what the running version uses until a later release (expand/contract): add the new structure first, drop the old only once no running version reads it")
public final class BreaksRunningVersionRule implements RehearsalRule {
}
