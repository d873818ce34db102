package dev.lifeguard.rules.rehearsal;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.Severity;
import dev.lifeguard.rules.RuleInfo;

/** Found by {@code lifeguard verify}: what the deployed code uses, PREPAREd on the schema before the change, fails there and works after. */
@RuleInfo(
        id = "needs-migration-first",
        summary = "A table or column the version being deployed uses exists only after the change, and the deploy order lets the new code start first",
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB},
        tags = {"verify", "compatibility"},
        help = "Deploy the migration before the code that needs it, or make the code tolerate the old schema")
public final class NeedsMigrationFirstRule implements RehearsalRule {
}
