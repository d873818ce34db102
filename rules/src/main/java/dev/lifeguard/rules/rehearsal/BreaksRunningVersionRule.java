package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: what the base revision's code uses, PREPAREd on the schema after the change, fails there and worked before. */
@RuleInfo(
        id = "breaks-running-version",
        summary = "The application version running in production fails on the schema after the change (a table or column it uses is gone, or its INSERTs are refused)",
        severity = Severity.ERROR,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "compatibility"},
        help = "Keep what the running version uses until a later release (expand/contract): add the new structure first, drop the old only once no running version reads it")
public final class BreaksRunningVersionRule implements RehearsalRule {
}
